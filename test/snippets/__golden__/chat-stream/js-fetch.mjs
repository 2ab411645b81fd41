/** Yields the data of each server-sent event in the response body. */
async function* readEvents(body) {
  const decoder = new TextDecoder();
  let buffer = "";
  let data = [];
  for await (const chunk of body) {
    buffer += decoder.decode(chunk, { stream: true });
    // A lone "\r" at the end may be the first half of "\r\n": keep it until more arrives.
    const lines = buffer.split(/\r\n|\n|\r(?=[^])/);
    buffer = lines.pop();
    for (const line of lines) {
      if (line === "") {
        if (data.length > 0) yield data.join("\n");
        data = [];
      } else if (line.startsWith("data:")) {
        data.push(line.slice(line.startsWith("data: ") ? 6 : 5));
      }
    }
  }
  if (data.length > 0) yield data.join("\n");
}

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
      stream: true,
    }),
  },
);
if (!response.ok) {
  throw new Error(
    `Request failed: ${response.status} ${await response.text()}`,
  );
}

for await (const data of readEvents(response.body)) {
  if (data === "[DONE]") break;
  const event = JSON.parse(data);
  process.stdout.write(event.choices?.[0]?.delta?.content ?? "");
}
