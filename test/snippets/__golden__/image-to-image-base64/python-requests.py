import base64
import os

import requests

API_URL = "https://router.huggingface.co/hf-inference/models/timbrooks/instruct-pix2pix"

headers = {
    "Authorization": f"Bearer {os.environ['HF_TOKEN']}",
}

with open("cats.jpg", "rb") as f:
    file_base64 = base64.b64encode(f.read()).decode("ascii")

payload = {
    "inputs": file_base64,
    "parameters": {"prompt": "Give the cats tiny knitted winter hats."},
}

response = requests.post(API_URL, headers=headers, json=payload)
response.raise_for_status()

with open("cats-edited.png", "wb") as f:
    f.write(response.content)
