/**
 * The router contract: for every (task, provider, variant) the pages publish, the request our
 * model builds must equal the request the pinned @huggingface/inference sends for the same model
 * and inputs. The library is the oracle: it is called with a fetch that answers the Hub's mapping
 * lookups (built from the feed, shaped like the Hub's answer) and captures the first request to
 * the router, then aborts the call. Nothing reaches the network.
 */
import * as current from "@huggingface/inference";
import * as legacy from "hf-inference-legacy";
import { describe, expect, it } from "vitest";
import { hubModels } from "../../scripts/conformance/hub-models.ts";
import type { JsonValue } from "../../scripts/lib/json-source.ts";
import type { Mapping, Provider, Specs, Task } from "../../scripts/model/types.ts";
import { buildRequest, type JobHandling, type UrlPart } from "../../snippets/request.ts";
import { wireRequest, type WireRequest } from "../../snippets/wire.ts";
import { loadProjectSpecs } from "../helpers/specs.ts";

/** 4.13.30 dropped these providers; 4.13.21 is the last version that knows them. */
const LEGACY_PROVIDERS = new Set(["hyperbolic", "nebius", "sambanova"]);
const TOKEN = "hf_contract_test_token";
/** The library's task functions, by task: [plain, streaming]. */
const LIBRARY_FUNCTIONS: Record<string, [string, string?]> = {
  "audio-classification": ["audioClassification"],
  "automatic-speech-recognition": ["automaticSpeechRecognition"],
  "chat-completion": ["chatCompletion", "chatCompletionStream"],
  "feature-extraction": ["featureExtraction"],
  "fill-mask": ["fillMask"],
  "image-classification": ["imageClassification"],
  "image-segmentation": ["imageSegmentation"],
  "image-text-to-text": ["chatCompletion", "chatCompletionStream"],
  "image-to-image": ["imageToImage"],
  "object-detection": ["objectDetection"],
  "question-answering": ["questionAnswering"],
  summarization: ["summarization"],
  "table-question-answering": ["tableQuestionAnswering"],
  "text-classification": ["textClassification"],
  "text-generation": ["textGeneration", "textGenerationStream"],
  "text-to-image": ["textToImage"],
  "text-to-video": ["textToVideo"],
  "token-classification": ["tokenClassification"],
  translation: ["translation"],
  "zero-shot-classification": ["zeroShotClassification"],
};
/** Content types by file extension: what a reader's file is, independent of the specs. */
const FILE_TYPES: Record<string, string> = {
  flac: "audio/flac",
  mp3: "audio/mpeg",
  jpg: "image/jpeg",
  png: "image/png",
  mp4: "video/mp4",
};
const FILE_BYTES = new Uint8Array([0x00, 0x01, 0xfe, 0xff, 0x7f, 0x80, 0x3d, 0x2b, 0x2f]);

interface Pair {
  task: Task;
  provider: Provider;
  mapping: Mapping;
  stream: boolean;
}

function publishedPairs(specs: Specs): Pair[] {
  const pairs: Pair[] = [];
  for (const task of specs.tasks) {
    for (const provider of specs.providers) {
      for (const mapping of provider.mappings) {
        if (mapping.task !== task.id || mapping.status !== "live") continue;
        for (const stream of task.response.stream ? [false, true] : [false])
          pairs.push({ task, provider, mapping, stream });
      }
    }
  }
  return pairs;
}

/** The Hub's answer to `/api/models/<id>?expand[]=inferenceProviderMapping`: the feed as the Hub's data. */
function hubResponse(specs: Specs, url: string): Response {
  const modelId = decodeURIComponent(new URL(url).pathname.replace(/^\/api\/models\//, ""));
  return Response.json({ _id: modelId, id: modelId, ...hubModels(specs)[modelId] });
}

class Captured extends Error {}

function headerRecord(headers: HeadersInit | undefined): Record<string, string> {
  const record: Record<string, string> = {};
  new Headers(headers).forEach((value, name) => {
    record[name] = value;
  });
  return record;
}

async function toWire(url: string, init: RequestInit): Promise<WireRequest> {
  const headers = headerRecord(init.headers);
  delete headers["user-agent"];
  const body = init.body;
  // fetch sends a Blob's type as the Content-Type when no header names one.
  if (body instanceof Blob) {
    if (!headers["content-type"] && body.type) headers["content-type"] = body.type;
    return {
      method: init.method ?? "GET",
      url,
      headers,
      body: { kind: "bytes", bytes: new Uint8Array(await body.arrayBuffer()) },
    };
  }
  if (typeof body !== "string") throw new Error(`unexpected body type for ${url}`);
  return { method: init.method ?? "GET", url, headers, body: { kind: "json", value: JSON.parse(body) as JsonValue } };
}

const JOB_ID = "job-0042";
const JOB_URL = `https://queue.example.com/jobs/${JOB_ID}`;

/** A first answer naming a job: every value the status URL template reads, plus the usual queue fields. */
function submitAnswer(job: JobHandling): JsonValue {
  const answer: Record<string, JsonValue> = { request_id: JOB_ID, status: "IN_QUEUE" };
  for (const part of job.statusUrl) {
    if (part.kind === "literal") continue;
    let node = answer;
    part.pointer.slice(0, -1).forEach((key) => {
      node[key] ??= {};
      node = node[key] as Record<string, JsonValue>;
    });
    node[part.pointer.at(-1) ?? ""] = part.kind === "value" ? JOB_ID : JOB_URL;
  }
  return answer;
}

/** Our status URL for that answer. */
function ourStatusUrl(parts: readonly UrlPart[]): string {
  return parts
    .map((part) => (part.kind === "literal" ? part.text : part.kind === "value" ? JOB_ID : new URL(JOB_URL).pathname))
    .join("");
}

interface LibraryCall {
  request: WireRequest;
  /** For a job: the first URL the library polls. */
  statusUrl?: string;
}

/**
 * Calls the library as a reader would for this pair and returns the request it sends to the router
 * and, for a job, the status URL it polls after the first answer.
 */
async function libraryRequest(
  specs: Specs,
  pair: Pair,
  example: Record<string, JsonValue>,
  job?: JobHandling,
): Promise<LibraryCall> {
  const { task, provider, mapping, stream } = pair;
  const functions = LIBRARY_FUNCTIONS[task.id];
  const name = functions?.[stream ? 1 : 0];
  if (!name) throw new Error(`no library function for ${task.id}${stream ? " (stream)" : ""}`);
  const library = (LEGACY_PROVIDERS.has(provider.id) ? legacy : current) as unknown as Record<
    string,
    (args: object, options: object) => unknown
  >;
  const args: Record<string, unknown> = { accessToken: TOKEN, ...example };
  delete args["stream"];
  // Chat goes through the router's OpenAI-compatible route, the model named "<id>:<provider>".
  if (task.conversational) args["model"] = `${mapping.modelId}:${provider.id}`;
  else Object.assign(args, { provider: provider.id, model: mapping.modelId });
  const fileField = task.binaryInput?.field;
  if (fileField && typeof example[fileField] === "string") {
    const extension = (example[fileField] as string).split(".").pop() ?? "";
    args[fileField] = new Blob([FILE_BYTES], { type: FILE_TYPES[extension] ?? "application/octet-stream" });
  }
  let captured: Promise<WireRequest> | undefined;
  let statusUrl: string | undefined;
  const fetch = async (url: string, init: RequestInit): Promise<Response> => {
    if (url.startsWith("https://huggingface.co/api/models/")) return hubResponse(specs, url);
    if (captured === undefined && job) {
      captured = toWire(url, init);
      return Response.json(submitAnswer(job));
    }
    captured ??= toWire(url, init);
    throw new Captured("captured");
  };
  // The library polls with the global fetch: capture the first poll, then stop the call.
  const globalFetch = globalThis.fetch;
  globalThis.fetch = async (input: string | URL | Request) => {
    statusUrl ??= String(input instanceof Request ? input.url : input);
    throw new Captured("captured");
  };
  try {
    const result = library[name]?.(args, { fetch, retry_on_error: false });
    if (stream) for await (const _event of result as AsyncIterable<unknown>) break;
    else await result;
  } catch (error) {
    if (!(error instanceof Captured) && !captured) throw error;
  } finally {
    globalThis.fetch = globalFetch;
  }
  if (!captured) throw new Error("the library sent no request");
  return statusUrl === undefined ? { request: await captured } : { request: await captured, statusUrl };
}

function describePair(pair: Pair): string {
  return `${pair.task.id} / ${pair.provider.id}${pair.stream ? " (stream)" : ""}`;
}

/** The task's example, with the file the contract asks readers to send (fal-ai takes no FLAC). */
function readerExample(pair: Pair): Record<string, JsonValue> {
  const example: Record<string, JsonValue> = { ...pair.task.example };
  const field = pair.task.binaryInput?.field;
  const fileName = pair.mapping.contract?.file?.fileName;
  if (field && fileName && typeof example[field] === "string") example[field] = fileName;
  return example;
}

function comparable(request: WireRequest): object {
  const { body, ...rest } = request;
  return {
    ...rest,
    body: body.kind === "bytes" ? { kind: "bytes", base64: Buffer.from(body.bytes).toString("base64") } : body,
  };
}

describe("router contract", () => {
  const specs = loadProjectSpecs();
  const pairs = publishedPairs(specs);

  it("every published request is the one @huggingface/inference sends", async () => {
    const differences: string[] = [];
    const unchecked: string[] = [];
    let matched = 0;
    for (const pair of pairs) {
      const request = buildRequest(specs.router, pair.task, pair.provider, pair.mapping, {
        stream: pair.stream,
        accessToken: TOKEN,
      });
      const ours = {
        ...comparable(wireRequest(request, FILE_BYTES)),
        ...(request.job ? { statusUrl: ourStatusUrl(request.job.statusUrl) } : {}),
      };
      let theirs: object;
      try {
        // The library gets the reader's inputs, not our request model's payload: a field the model
        // dropped or changed must show up as a difference.
        const call = await libraryRequest(specs, pair, readerExample(pair), request.job);
        theirs = { ...comparable(call.request), ...(call.statusUrl ? { statusUrl: call.statusUrl } : {}) };
      } catch (error) {
        unchecked.push(`${describePair(pair)}: ${error instanceof Error ? error.message : String(error)}`);
        continue;
      }
      if (JSON.stringify(sortKeys(ours)) === JSON.stringify(sortKeys(theirs))) matched += 1;
      else
        differences.push(
          `${describePair(pair)}\n  ours:    ${JSON.stringify(sortKeys(ours))}\n  library: ${JSON.stringify(sortKeys(theirs))}`,
        );
    }
    console.log(
      `router contract: ${pairs.length} pairs, ${matched} match, ${differences.length} differ, ${unchecked.length} unchecked`,
    );
    expect(differences).toEqual([]);
    expect(unchecked).toEqual([]);
    expect(pairs.length).toBeGreaterThanOrEqual(90);
  });
});

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([key, item]) => [key, sortKeys(item)]),
    );
  }
  return value;
}
