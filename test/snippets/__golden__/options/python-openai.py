from openai import OpenAI

client = OpenAI(
    base_url="https://gateway.example.com/hf/v1",
    api_key="hf_example",
    default_headers={"X-HF-Bill-To": "my-org"},
)

completion = client.chat.completions.create(
    model="deepseek-ai/DeepSeek-R1:together",
    messages=[
        {
            "role": "user",
            "content": "In two sentences, why does the Moon always show the same face to Earth?",
        },
    ],
    max_tokens=512,
    temperature=0,
    stream_options=None,
)

print(completion.choices[0].message)
