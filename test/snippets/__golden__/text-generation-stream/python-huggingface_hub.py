import os

from huggingface_hub import InferenceClient

client = InferenceClient(
    provider="hf-inference",
    api_key=os.environ["HF_TOKEN"],
)

stream = client.text_generation(
    "Three tips for writing clear commit messages:\n1.",
    model="openai-community/gpt2",
    max_new_tokens=128,
    stream=True,
)

for token in stream:
    print(token, end="", flush=True)
