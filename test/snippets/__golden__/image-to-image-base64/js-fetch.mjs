import { readFile, writeFile } from "node:fs/promises";

const response = await fetch(
  "https://router.huggingface.co/hf-inference/models/timbrooks/instruct-pix2pix",
  {
    method: "POST",
    headers: {
      Authorization: `Bearer ${process.env.HF_TOKEN}`,
      "Content-Type": "application/json",
    },
    body: JSON.stringify({
      inputs: (await readFile("cats.jpg")).toString("base64"),
      parameters: { prompt: "Give the cats tiny knitted winter hats." },
    }),
  },
);
if (!response.ok) {
  throw new Error(
    `Request failed: ${response.status} ${await response.text()}`,
  );
}

await writeFile("cats-edited.png", Buffer.from(await response.arrayBuffer()));
