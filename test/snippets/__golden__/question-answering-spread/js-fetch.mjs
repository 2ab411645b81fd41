const response = await fetch(
  "https://router.huggingface.co/hf-inference/models/deepset/roberta-base-squad2",
  {
    method: "POST",
    headers: {
      Authorization: `Bearer ${process.env.HF_TOKEN}`,
      "Content-Type": "application/json",
    },
    body: JSON.stringify({
      inputs: {
        question: "When does the museum close on Fridays?",
        context:
          "The city museum opens every day at 10 am. It closes at 6 pm from Monday to Thursday and stays open until 9 pm on Fridays.",
      },
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
