import { InferenceClient } from "@huggingface/inference";
import { readFile, writeFile } from "node:fs/promises";

const client = new InferenceClient(process.env.HF_TOKEN);

const image = await client.imageToImage({
  provider: "hf-inference",
  model: "timbrooks/instruct-pix2pix",
  inputs: new Blob([await readFile("cats.jpg")], { type: "image/jpeg" }),
  parameters: { prompt: "Give the cats tiny knitted winter hats." },
});

await writeFile("cats-edited.png", Buffer.from(await image.arrayBuffer()));
