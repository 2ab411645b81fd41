import codecs
import json
import os
import re

import requests


def read_events(response):
    """Yields the data of each server-sent event in the response."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    buffer = ""
    data = []
    for chunk in response.iter_content(chunk_size=None):
        buffer += decoder.decode(chunk)
        # A lone "\r" at the end may be the first half of "\r\n": keep it until more arrives.
        *lines, buffer = re.split(r"\r\n|\n|\r(?=.)", buffer, flags=re.DOTALL)
        for line in lines:
            if line == "":
                if data:
                    yield "\n".join(data)
                data = []
            elif line.startswith("data:"):
                data.append(line[6:] if line.startswith("data: ") else line[5:])
    if data:
        yield "\n".join(data)


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
    "stream": True,
}


with requests.post(API_URL, headers=headers, json=payload, stream=True) as response:
    response.raise_for_status()
    for data in read_events(response):
        if data == "[DONE]":
            break
        event = json.loads(data)
        for choice in event.get("choices", []):
            print(choice["delta"].get("content") or "", end="", flush=True)
