import os

import requests

API_URL = "https://router.huggingface.co/v1/chat/completions"

headers = {
    "Authorization": f"Bearer {os.environ['HF_TOKEN']}",
}

payload = {
    "model": "google/gemma-3-27b-it:nebius",
    "messages": [
        {
            "role": "user",
            "content": [
                {"type": "text", "text": "Describe this image in one sentence."},
                {
                    "type": "image_url",
                    "image_url": {
                        "url": "https://cdn.britannica.com/61/93061-050-99147DCE/Statue-of-Liberty-Island-New-York-Bay.jpg"
                    },
                },
            ],
        },
    ],
    "max_tokens": 500,
}

response = requests.post(API_URL, headers=headers, json=payload)
response.raise_for_status()

print(response.json())
