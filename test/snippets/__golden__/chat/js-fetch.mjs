const response = await fetch(
  "https://router.huggingface.co/v1/chat/completions",
  {
    method: "POST",
    headers: {
      Authorization: `Bearer ${process.env.HF_TOKEN}`,
      "Content-Type": "application/json",
    },
    body: JSON.stringify({
      model: "meta-llama/Llama-3.3-70B-Instruct:groq",
      messages: [
        {
          role: "user",
          content:
            "In two sentences, why does the Moon always show the same face to Earth?",
        },
      ],
      max_tokens: 512,
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
