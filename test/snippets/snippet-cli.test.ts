import { describe, expect, it } from "vitest";
import { PROJECT_ROOT, runCommand } from "../helpers/cli.ts";

const snippet = (...args: string[]) => runCommand("snippet", args, PROJECT_ROOT);

describe("snippet-docs snippet", async () => {
  it("prints JSON rows for one provider and client", async () => {
    const result = await snippet(
      "chat-completion",
      "--provider",
      "groq",
      "--client",
      "js/openai",
      "--stream",
      "--format",
      "json",
    );
    expect(result.status).toBe(0);
    const rows = JSON.parse(result.stdout) as {
      task: string;
      provider: string;
      model: string;
      language: string;
      client: string;
      content: string;
    }[];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      task: "chat-completion",
      provider: "groq",
      model: "meta-llama/Llama-3.3-70B-Instruct",
      language: "js",
      client: "openai",
    });
    expect(rows[0]?.content).toContain("stream: true");
  });

  it("applies the model, example, token and base URL options", async () => {
    const result = await snippet(
      "text-classification",
      "--client",
      "sh/curl",
      "--model",
      "org/model",
      "--example",
      '{"inputs": "it\'s $(date)", "parameters": {"top_k": 1}}',
      "--access-token",
      "hf_token",
      "--base-url",
      "http://127.0.0.1:1234",
    );
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("curl http://127.0.0.1:1234/hf-inference/models/org/model");
    expect(result.stdout).toContain(`"inputs": "it'\\''s $(date)"`);
    expect(result.stdout).toContain("-H 'Authorization: Bearer hf_token'");
  });

  it.each([
    [["nope"], /unknown task "nope": choose one of/],
    [["text-classification", "--client", "ruby/net-http"], /unknown client "ruby\/net-http"/],
    [["text-classification", "--provider", "nobody"], /unknown provider "nobody"/],
    [["text-classification", "--provider", "groq"], /provider "groq" does not serve "text-classification"/],
    [["text-classification", "--example", "{oops"], /--example is not valid JSON/],
    [["text-classification", "--example", "[1]"], /--example must be a JSON object/],
    [
      ["text-classification", "--example", '{"inputs": 3}'],
      /does not match specs\/tasks\/text-classification\/input\.json:\n {2}\/inputs: must be string/,
    ],
    [["text-classification", "--stream"], /does not stream: remove --stream/],
    [["text-classification", "--base-url", "ftp://x"], /--base-url must be http or https/],
    [["text-classification", "--format", "yaml"], /--format must be text or json/],
    [["table-question-answering"], /no provider serves "table-question-answering" live/],
    [[], /missing the <task> argument/],
  ])("rejects %j with exit 2", async (args, message) => {
    const result = await snippet(...args);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it("says why a client has no snippet for a combination", async () => {
    const result = await snippet("text-classification", "--client", "python/openai");
    expect(result.status).toBe(0);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain(
      "no python/openai snippet for hf-inference: the OpenAI SDK only serves the chat completion route",
    );
  });
});
