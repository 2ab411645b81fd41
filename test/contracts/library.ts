/**
 * Calling the pinned @huggingface/inference as a reader would, for the router contract test: the
 * library function of a pair, the reader's arguments, the Hub's answers about the feed's models,
 * and what a captured request looked like on the wire. Nothing here reaches the network.
 */
import * as current from "@huggingface/inference";
import * as legacy from "hf-inference-legacy";
import { hubModels } from "../../scripts/conformance/hub-models.ts";
import type { JsonValue } from "../../scripts/lib/json-source.ts";
import type { Mapping, Provider, Specs, Task } from "../../scripts/model/types.ts";
import type { FormPart, WireRequest } from "../../snippets/wire.ts";

/** 4.13.30 dropped these providers; 4.13.21 is the last version that knows them. */
const LEGACY_PROVIDERS = new Set(["hyperbolic", "nebius", "sambanova"]);
export const TOKEN = "hf_contract_test_token";
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
export const FILE_BYTES = new Uint8Array([0x00, 0x01, 0xfe, 0xff, 0x7f, 0x80, 0x3d, 0x2b, 0x2f]);

export interface Pair {
  task: Task;
  provider: Provider;
  mapping: Mapping;
  stream: boolean;
}

export type LibraryFunction = (args: object, options: object) => unknown;

/** The library function a reader calls for this pair, from the version that knows the provider. */
export function libraryFunction(pair: Pair): LibraryFunction {
  const name = LIBRARY_FUNCTIONS[pair.task.id]?.[pair.stream ? 1 : 0];
  if (!name) throw new Error(`no library function for ${pair.task.id}${pair.stream ? " (stream)" : ""}`);
  const library = (LEGACY_PROVIDERS.has(pair.provider.id) ? legacy : current) as unknown as Record<
    string,
    LibraryFunction | undefined
  >;
  const found = library[name];
  if (!found) throw new Error(`the library has no function ${name}`);
  return found;
}

/** The reader's arguments: the example, the model (and provider), the file as a Blob. */
export function libraryArgs(pair: Pair, example: Record<string, JsonValue>): Record<string, unknown> {
  const { task, provider, mapping } = pair;
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
  return args;
}

/** The Hub's answer to `/api/models/<id>?expand[]=inferenceProviderMapping`, or undefined for other URLs. */
export function hubAnswer(specs: Specs, url: string): Response | undefined {
  if (!url.startsWith("https://huggingface.co/api/models/")) return undefined;
  const modelId = decodeURIComponent(new URL(url).pathname.replace(/^\/api\/models\//, ""));
  return Response.json({ _id: modelId, id: modelId, ...hubModels(specs)[modelId] });
}

function headerRecord(headers: HeadersInit | undefined): Record<string, string> {
  const record: Record<string, string> = {};
  new Headers(headers).forEach((value, name) => {
    record[name] = value;
  });
  return record;
}

export async function toWire(url: string, init: RequestInit): Promise<WireRequest> {
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
  // fetch writes a FormData as multipart/form-data with a boundary of its own: read it as its parts.
  if (body instanceof FormData) {
    headers["content-type"] ??= "multipart/form-data";
    return { method: init.method ?? "GET", url, headers, body: { kind: "form", parts: await formParts(body) } };
  }
  if (typeof body !== "string") throw new Error(`unexpected body type for ${url}`);
  return { method: init.method ?? "GET", url, headers, body: { kind: "json", value: JSON.parse(body) as JsonValue } };
}

/** The URL of a fetch argument. */
export function urlOf(input: string | URL | Request): string {
  return input instanceof Request ? input.url : String(input);
}

/** The parts of a FormData, in order: text fields, and files with their name, type and bytes. */
async function formParts(form: FormData): Promise<FormPart[]> {
  const parts: FormPart[] = [];
  for (const [name, value] of form.entries()) {
    if (typeof value === "string") parts.push({ name, value });
    else
      parts.push({
        name,
        fileName: value.name,
        contentType: value.type,
        bytes: new Uint8Array(await value.arrayBuffer()),
      });
  }
  return parts;
}
