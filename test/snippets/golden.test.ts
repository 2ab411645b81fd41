/**
 * Golden snippets for a representative matrix of task x provider x client and options. The files
 * under __golden__ are what users read on the pages: review their diffs like code.
 * (The .golden suffix keeps tools from reading them as this project's source.)
 * Update them with `npx vitest run test/snippets/golden.test.ts -u`.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { findProvider, findTask, type Specs } from "../../scripts/model/types.ts";
import { CLIENTS } from "../../snippets/clients/index.ts";
import { renderSnippets } from "../../snippets/engine.ts";
import { buildRequest, type SnippetOptions } from "../../snippets/request.ts";
import { loadProjectSpecs } from "../helpers/specs.ts";

const EXTENSIONS: Record<string, string> = { sh: "sh", python: "py", js: "mjs" };

const CASES: { name: string; task: string; provider: string; options?: SnippetOptions }[] = [
  { name: "text-classification", task: "text-classification", provider: "hf-inference" },
  { name: "chat", task: "chat-completion", provider: "groq" },
  { name: "chat-stream", task: "chat-completion", provider: "groq", options: { stream: true } },
  { name: "vision-chat", task: "image-text-to-text", provider: "nebius" },
  { name: "speech-file-input", task: "automatic-speech-recognition", provider: "hf-inference" },
  { name: "image-to-image-base64", task: "image-to-image", provider: "hf-inference" },
  { name: "text-to-image-bytes", task: "text-to-image", provider: "hf-inference" },
  { name: "text-to-image-queue", task: "text-to-image", provider: "fal-ai" },
  { name: "text-to-image-base64", task: "text-to-image", provider: "together" },
  { name: "text-to-image-url", task: "text-to-image", provider: "replicate" },
  { name: "text-to-video-job", task: "text-to-video", provider: "novita" },
  { name: "speech-data-url", task: "automatic-speech-recognition", provider: "fal-ai" },
  { name: "question-answering-spread", task: "question-answering", provider: "hf-inference" },
  { name: "text-generation-stream", task: "text-generation", provider: "hf-inference", options: { stream: true } },
  {
    name: "options",
    task: "chat-completion",
    provider: "together",
    options: {
      accessToken: "hf_example",
      billTo: "my-org",
      baseUrl: "https://gateway.example.com/hf",
      example: { temperature: 0, stream_options: null },
    },
  },
  { name: "direct", task: "chat-completion", provider: "cerebras", options: { direct: true } },
];

describe("golden snippets", () => {
  let specs: Specs;
  beforeAll(() => {
    specs = loadProjectSpecs();
  });

  it.each(CASES)("$name", async ({ name, task: taskId, provider: providerId, options }) => {
    const task = findTask(specs, taskId);
    const provider = findProvider(specs, providerId);
    const mapping = provider?.mappings.find((candidate) => candidate.task === taskId);
    if (!task || !provider || !mapping) throw new Error(`no mapping ${providerId} -> ${taskId}`);
    const request = buildRequest(specs.router, task, provider, mapping, options);
    const batch = await renderSnippets(CLIENTS.map((client) => ({ client, request })));
    expect(batch.problems).toEqual([]);
    for (const snippet of batch.snippets) {
      await expect(snippet.content).toMatchFileSnapshot(
        `./__golden__/${name}/${snippet.clientId.replace("/", "-")}.${EXTENSIONS[snippet.language]}.golden`,
      );
    }
    const skipped = batch.skipped.map((skip) => `${skip.clientId}: ${skip.reason}`).join("\n");
    await expect(skipped + "\n").toMatchFileSnapshot(`./__golden__/${name}/skipped.txt`);
  });
});
