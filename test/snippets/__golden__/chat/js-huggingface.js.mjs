import { InferenceClient } from "@huggingface/inference";

const client = new InferenceClient(process.env.HF_TOKEN);

const chatCompletion = await client.chatCompletion({
  model: "meta-llama/Llama-3.3-70B-Instruct:groq",
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
