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
  "https://router.huggingface.co/hf-inference/models/openai-community/gpt2",
  {
    method: "POST",
    headers: {
      Authorization: `Bearer ${process.env.HF_TOKEN}`,
      "Content-Type": "application/json",
    },
    body: JSON.stringify({
      inputs: "Three tips for writing clear commit messages:\n1.",
      parameters: { max_new_tokens: 128 },
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
  console.log(event);
}
