import { OpenAI } from "openai";

const client = new OpenAI({
  baseURL: "https://gateway.example.com/hf/v1",
  apiKey: "hf_example",
  defaultHeaders: { "X-HF-Bill-To": "my-org" },
});

const chatCompletion = await client.chat.completions.create({
  model: "deepseek-ai/DeepSeek-R1:together",
  messages: [
    {
      role: "user",
      content:
        "In two sentences, why does the Moon always show the same face to Earth?",
    },
  ],
  max_tokens: 512,
  temperature: 0,
  stream_options: null,
});

console.log(chatCompletion.choices[0].message);
