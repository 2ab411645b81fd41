import { InferenceClient } from "@huggingface/inference";

const client = new InferenceClient("hf_example", {
  endpointUrl: "https://gateway.example.com/hf/v1",
});

const chatCompletion = await client.chatCompletion(
  {
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
  },
  {
    billTo: "my-org",
  },
);

console.log(chatCompletion.choices[0].message);
