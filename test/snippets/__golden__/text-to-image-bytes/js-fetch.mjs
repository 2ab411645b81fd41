import { writeFile } from "node:fs/promises";

const response = await fetch(
  "https://router.huggingface.co/fal-ai/models/fal-ai/flux/dev",
  {
    method: "POST",
    headers: {
      Authorization: `Bearer ${process.env.HF_TOKEN}`,
      "Content-Type": "application/json",
    },
    body: JSON.stringify({
      inputs:
        "An astronaut riding a horse across a desert at sunset, cinematic lighting, highly detailed",
    }),
  },
);
if (!response.ok) {
  throw new Error(
    `Request failed: ${response.status} ${await response.text()}`,
  );
}

await writeFile("astronaut.png", Buffer.from(await response.arrayBuffer()));
