import { OpenAI } from "openai";

const client = new OpenAI({
  baseURL: "https://api.cerebras.ai/v1",
  apiKey: process.env.CEREBRAS_API_KEY,
});

const chatCompletion = await client.chat.completions.create({
  model: "llama-3.3-70b",
  messages: [
    {
      role: "user",
      content:
        "In two sentences, why does the Moon always show the same face to Earth?",
    },
  ],
  max_tokens: 512,
});

console.log(chatCompletion.choices[0].message);
