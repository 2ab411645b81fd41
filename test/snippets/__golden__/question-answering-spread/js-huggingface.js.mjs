import { InferenceClient } from "@huggingface/inference";

const client = new InferenceClient(process.env.HF_TOKEN);

const output = await client.questionAnswering({
  provider: "hf-inference",
  model: "deepset/roberta-base-squad2",
  inputs: {
    question: "When does the museum close on Fridays?",
    context:
      "The city museum opens every day at 10 am. It closes at 6 pm from Monday to Thursday and stays open until 9 pm on Fridays.",
  },
});

console.log(output);
