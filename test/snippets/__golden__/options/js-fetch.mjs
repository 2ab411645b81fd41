const response = await fetch(
  "https://gateway.example.com/hf/v1/chat/completions",
  {
    method: "POST",
    headers: {
      Authorization: "Bearer hf_example",
      "Content-Type": "application/json",
      "X-HF-Bill-To": "my-org",
    },
    body: JSON.stringify({
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
    }),
  },
);
if (!response.ok) {
  throw new Error(
    `Request failed: ${response.status} ${await response.text()}`,
  );
}

const result = await response.json();
console.log(result);
