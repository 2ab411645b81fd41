import { InferenceClient } from "@huggingface/inference";
import { readFile } from "node:fs/promises";

const client = new InferenceClient(process.env.HF_TOKEN);

const output = await client.automaticSpeechRecognition({
  provider: "hf-inference",
  model: "openai/whisper-large-v3-turbo",
  inputs: new Blob([await readFile("sample1.flac")], { type: "audio/flac" }),
});

console.log(output);
