import os

import requests

API_URL = "https://router.huggingface.co/v1/chat/completions"

headers = {
    "Authorization": f"Bearer {os.environ['HF_TOKEN']}",
}

payload = {
    "model": "meta-llama/Llama-3.3-70B-Instruct:groq",
    "messages": [
        {
            "role": "user",
            "content": "In two sentences, why does the Moon always show the same face to Earth?",
        },
    ],
    "max_tokens": 512,
}

response = requests.post(API_URL, headers=headers, json=payload)
response.raise_for_status()

print(response.json())
