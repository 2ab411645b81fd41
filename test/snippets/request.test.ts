import { beforeAll, describe, expect, it } from "vitest";
import { findProvider, findTask, type Specs } from "../../scripts/model/types.ts";
import { buildRequest, SnippetOptionError, type SnippetOptions } from "../../snippets/request.ts";
import { loadProjectSpecs } from "../helpers/specs.ts";

let specs: Specs;
beforeAll(() => {
  specs = loadProjectSpecs();
});

function request(taskId: string, providerId: string, options: SnippetOptions = {}) {
  const task = findTask(specs, taskId);
  const provider = findProvider(specs, providerId);
  const mapping = provider?.mappings.find((candidate) => candidate.task === taskId);
  if (!task || !provider || !mapping) throw new Error("no such mapping");
  return buildRequest(specs.router, task, provider, mapping, options);
}

describe("buildRequest", () => {
  it("routes a task through the provider's path pattern", () => {
    const built = request("text-classification", "hf-inference");
    expect(built.url).toBe(
      "https://router.huggingface.co/hf-inference/models/distilbert/distilbert-base-uncased-finetuned-sst-2-english",
    );
    expect(built.body).toEqual({ kind: "json", value: { inputs: "I like you. I love you" } });
    expect(built.token).toEqual({ kind: "env", variable: "HF_TOKEN" });
    expect(built.response).toEqual({ kind: "json" });
  });

  it("uses a mapping's own path", () => {
    expect(request("feature-extraction", "hf-inference").url).toMatch(
      /\/hf-inference\/models\/[^/]+\/[^/]+\/pipeline\/feature-extraction$/,
    );
  });

  it("names chat models <id>:<provider> on the chat route, first in the body, and adds stream last", () => {
    const built = request("chat-completion", "groq", { stream: true });
    expect(built.url).toBe("https://router.huggingface.co/v1/chat/completions");
    expect(built.chatBaseUrl).toBe("https://router.huggingface.co/v1");
    const body = built.body.kind === "json" ? built.body.value : {};
    expect(Object.keys(body)[0]).toBe("model");
    expect(body["model"]).toBe("meta-llama/Llama-3.3-70B-Instruct:groq");
    expect(Object.keys(body).at(-1)).toBe("stream");
    expect(built.response).toEqual({ kind: "events" });
  });

  it("sends direct requests to the provider's API with its key and model id", () => {
    const built = request("chat-completion", "groq", { direct: true });
    expect(built.url).toBe("https://api.groq.com/openai/v1/chat/completions");
    expect(built.token).toEqual({ kind: "env", variable: "GROQ_API_KEY" });
    expect(built.body.kind === "json" && built.body.value["model"]).toBe("llama-3.3-70b-versatile");
  });

  it("keeps falsy overrides and replaces the origin, keeping a path prefix", () => {
    const built = request("chat-completion", "groq", {
      example: { temperature: 0, logprobs: false, seed: null },
      baseUrl: "http://127.0.0.1:8080/gw/",
    });
    const body = built.body.kind === "json" ? built.body.value : {};
    expect(body).toMatchObject({ temperature: 0, logprobs: false, seed: null });
    expect(built.url).toBe("http://127.0.0.1:8080/gw/v1/chat/completions");
    expect(built.customBaseUrl).toBe(true);
  });

  it("sends a file as the body when it is the whole request, and base64 in JSON otherwise", () => {
    const raw = request("automatic-speech-recognition", "hf-inference");
    expect(raw.body).toEqual({ kind: "file", fileName: "sample1.flac", contentType: "audio/flac" });
    expect(raw.headers).toEqual([{ name: "Content-Type", value: "audio/flac" }]);
    const mixed = request("image-to-image", "hf-inference");
    expect(mixed.body.kind).toBe("json-with-file");
    expect(mixed.response).toMatchObject({ kind: "bytes", media: "image", contentType: "image/png" });
    const renamed = request("automatic-speech-recognition", "hf-inference", {
      example: { inputs: "my recording.flac" },
    });
    expect(renamed.body).toMatchObject({ kind: "file", fileName: "my recording.flac" });
  });

  it("sends a multipart form where the contract asks for one: the file part, then text fields", () => {
    const form = request("automatic-speech-recognition", "deepinfra", {
      example: { parameters: { return_timestamps: true } },
    });
    expect(form.body).toEqual({
      kind: "multipart",
      fileField: "file",
      fileName: "sample1.flac",
      contentType: "audio/flac",
      fields: [
        { name: "return_timestamps", value: "true" },
        { name: "model", value: "openai/whisper-large-v3" },
      ],
    });
    // Each client writes the multipart Content-Type itself, with the boundary it chose.
    expect(form.headers).toEqual([]);
  });

  it("inlines a token and adds the bill-to header", () => {
    const built = request("text-classification", "hf-inference", { accessToken: "hf_abc", billTo: "acme" });
    expect(built.token).toEqual({ kind: "inline", value: "hf_abc" });
    expect(built.headers).toContainEqual({ name: "X-HF-Bill-To", value: "acme" });
  });

  it("refuses options that do not apply", () => {
    expect(() => request("text-classification", "hf-inference", { stream: true })).toThrow(SnippetOptionError);
    expect(() => request("text-classification", "hf-inference", { direct: true })).toThrow(
      /only for conversational tasks/,
    );
    expect(() => request("chat-completion", "zai-org", { direct: true })).toThrow(/has no direct API/);
  });
});
