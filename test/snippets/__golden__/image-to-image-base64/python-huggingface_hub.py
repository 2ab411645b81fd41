import os

from huggingface_hub import InferenceClient

client = InferenceClient(
    provider="hf-inference",
    api_key=os.environ["HF_TOKEN"],
)

image = client.image_to_image(
    "cats.jpg",
    model="timbrooks/instruct-pix2pix",
    prompt="Give the cats tiny knitted winter hats.",
)

# The SDK returns a PIL.Image.
image.save("cats-edited.png")
