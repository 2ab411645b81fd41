import requests

API_URL = "https://gateway.example.com/hf/v1/chat/completions"

headers = {
    "Authorization": "Bearer hf_example",
    "X-HF-Bill-To": "my-org",
}

payload = {
    "model": "deepseek-ai/DeepSeek-R1:together",
    "messages": [
        {
            "role": "user",
            "content": "In two sentences, why does the Moon always show the same face to Earth?",
        },
    ],
    "max_tokens": 512,
    "temperature": 0,
    "stream_options": None,
}

response = requests.post(API_URL, headers=headers, json=payload)
response.raise_for_status()

print(response.json())
