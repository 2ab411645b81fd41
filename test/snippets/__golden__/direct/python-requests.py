import os

import requests

API_URL = "https://api.cerebras.ai/v1/chat/completions"

headers = {
    "Authorization": f"Bearer {os.environ['CEREBRAS_API_KEY']}",
}

payload = {
    "model": "llama-3.3-70b",
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
