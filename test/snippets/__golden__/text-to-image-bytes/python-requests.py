import os

import requests

API_URL = "https://router.huggingface.co/fal-ai/models/fal-ai/flux/dev"

headers = {
    "Authorization": f"Bearer {os.environ['HF_TOKEN']}",
}

payload = {
    "inputs": "An astronaut riding a horse across a desert at sunset, cinematic lighting, highly detailed"
}

response = requests.post(API_URL, headers=headers, json=payload)
response.raise_for_status()

with open("astronaut.png", "wb") as f:
    f.write(response.content)
