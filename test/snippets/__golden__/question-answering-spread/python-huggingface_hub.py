import os

from huggingface_hub import InferenceClient

client = InferenceClient(
    provider="hf-inference",
    api_key=os.environ["HF_TOKEN"],
)

result = client.question_answering(
    model="deepset/roberta-base-squad2",
    question="When does the museum close on Fridays?",
    context="The city museum opens every day at 10 am. It closes at 6 pm from Monday to Thursday and stays open until 9 pm on Fridays.",
)

print(result)
