const response = await fetch("https://api.cerebras.ai/v1/chat/completions", {
  method: "POST",
  headers: {
    Authorization: `Bearer ${process.env.CEREBRAS_API_KEY}`,
    "Content-Type": "application/json",
  },
  body: JSON.stringify({
    model: "llama-3.3-70b",
    messages: [
      {
        role: "user",
        content:
          "In two sentences, why does the Moon always show the same face to Earth?",
      },
    ],
    max_tokens: 512,
  }),
});
if (!response.ok) {
  throw new Error(
    `Request failed: ${response.status} ${await response.text()}`,
  );
}

const result = await response.json();
console.log(result);
