import os

import requests

API_URL = "https://router.huggingface.co/hf-inference/models/distilbert/distilbert-base-uncased-finetuned-sst-2-english"

headers = {
    "Authorization": f"Bearer {os.environ['HF_TOKEN']}",
}

payload = {"inputs": "I like you. I love you"}

response = requests.post(API_URL, headers=headers, json=payload)
response.raise_for_status()

print(response.json())
