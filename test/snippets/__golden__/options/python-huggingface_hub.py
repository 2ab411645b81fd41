from huggingface_hub import InferenceClient

client = InferenceClient(
    base_url="https://gateway.example.com/hf/v1",
    api_key="hf_example",
    bill_to="my-org",
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
