/**
 * Golden snippets for a representative matrix of task x provider x client and options. Each
 * client keeps its own in its folder, snippets/clients/<language>/<client>/__golden__/: the
 * snippet (`<case>.<extension>.golden`), or why the client writes none (`<case>.skipped.txt`).
 * They are what users read on the pages: review their diffs like code. (The .golden suffix keeps
 * tools from reading them as this project's source.)
 * Update them with `npx vitest run test/snippets/golden.test.ts -u`.
 */
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { findProvider, findTask, type Specs } from "../../scripts/model/types.ts";
import { CLIENTS } from "../../snippets/clients/index.ts";
import { languageOf } from "../../snippets/languages/index.ts";
import { renderSnippets } from "../../snippets/engine.ts";
import { buildRequest, type SnippetOptions } from "../../snippets/request.ts";
import { loadProjectSpecs } from "../helpers/specs.ts";

const CLIENTS_DIR = fileURLToPath(new URL("../../snippets/clients/", import.meta.url));

function goldenDir(clientId: string): string {
  return `${CLIENTS_DIR}${clientId}/__golden__/`;
}

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
  { name: "speech-multipart", task: "automatic-speech-recognition", provider: "deepinfra" },
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
        `${goldenDir(snippet.clientId)}${name}.${languageOf(snippet.language).extension}.golden`,
      );
    }
    for (const skip of batch.skipped) {
      await expect(skip.reason + "\n").toMatchFileSnapshot(`${goldenDir(skip.clientId)}${name}.skipped.txt`);
    }
  });

  it("each client folder holds a fixture for every case and nothing else", () => {
    for (const client of CLIENTS) {
      const { extension } = languageOf(client.language);
      const files = readdirSync(goldenDir(client.id)).map((file) =>
        file.replace(`.${extension}.golden`, "").replace(".skipped.txt", ""),
      );
      expect(files.sort(), client.id).toEqual(CASES.map((testCase) => testCase.name).sort());
    }
  });
});
