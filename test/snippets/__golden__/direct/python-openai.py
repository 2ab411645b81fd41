import os

from openai import OpenAI

client = OpenAI(
    base_url="https://api.cerebras.ai/v1",
    api_key=os.environ["CEREBRAS_API_KEY"],
)

completion = client.chat.completions.create(
    model="llama-3.3-70b",
    messages=[
        {
            "role": "user",
            "content": "In two sentences, why does the Moon always show the same face to Earth?",
        },
    ],
    max_tokens=512,
)

print(completion.choices[0].message)
