import os

import requests

API_URL = (
    "https://router.huggingface.co/hf-inference/models/deepset/roberta-base-squad2"
)

headers = {
    "Authorization": f"Bearer {os.environ['HF_TOKEN']}",
}

payload = {
    "inputs": {
        "question": "When does the museum close on Fridays?",
        "context": "The city museum opens every day at 10 am. It closes at 6 pm from Monday to Thursday and stays open until 9 pm on Fridays.",
    },
}

response = requests.post(API_URL, headers=headers, json=payload)
response.raise_for_status()

print(response.json())
