import { InferenceClient } from "@huggingface/inference";

const client = new InferenceClient(process.env.HF_TOKEN);

const stream = client.chatCompletionStream({
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

for await (const chunk of stream) {
  process.stdout.write(chunk.choices[0]?.delta?.content ?? "");
}
