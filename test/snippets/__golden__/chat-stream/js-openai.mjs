import { OpenAI } from "openai";

const client = new OpenAI({
  baseURL: "https://router.huggingface.co/v1",
  apiKey: process.env.HF_TOKEN,
});

const stream = await client.chat.completions.create({
  model: "meta-llama/Llama-3.3-70B-Instruct:groq",
  messages: [
    {
      role: "user",
      content:
        "In two sentences, why does the Moon always show the same face to Earth?",
    },
  ],
  max_tokens: 512,
  stream: true,
});

for await (const chunk of stream) {
  process.stdout.write(chunk.choices[0]?.delta?.content ?? "");
}
