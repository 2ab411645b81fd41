/**
 * The request model every client renders from: built once per (task, mapping, options), so all
 * seven clients send the same method, URL, headers and body by construction.
 */
import type { JsonObject } from "../scripts/lib/json-source.ts";
import type { Mapping, Provider, Router, Task } from "../scripts/model/types.ts";
import { toolSourcePath } from "./source-file.ts";

/** This module's path, named in the pages' headers: every snippet is rendered from its model. */
export const REQUEST_MODEL_SOURCE = toolSourcePath(import.meta.url);

export interface SnippetOptions {
  /** Hugging Face model id to use instead of the mapping's. */
  model?: string;
  /** Fields that replace the example request's fields. */
  example?: JsonObject;
  /** Ask for a streamed (server-sent events) response; only for tasks that stream. */
  stream?: boolean;
  /** Inline this token instead of reading it from the environment. */
  accessToken?: string;
  /** Organization to bill, sent as the X-HF-Bill-To header. */
  billTo?: string;
  /** Replaces the API origin (scheme, host and optional path prefix) in every client. */
  baseUrl?: string;
  /** Call the provider's own OpenAI-compatible API with the provider's key, where the feed allows it. */
  direct?: boolean;
}

export type TokenSource = { kind: "env"; variable: string } | { kind: "inline"; value: string };

export type RequestBody =
  | { kind: "json"; value: JsonObject }
  /** The file's bytes are the whole body. */
  | { kind: "file"; fileName: string; contentType: string }
  /** A JSON body whose `field` holds the file's bytes, base64-encoded. */
  | { kind: "json-with-file"; value: JsonObject; field: string; fileName: string; contentType: string };

export type ResponseHandling =
  | { kind: "json" }
  | { kind: "bytes"; media: "image" | "audio" | "video"; contentType: string; fileName: string }
  | { kind: "events" };

export interface Header {
  name: string;
  value: string;
}

export interface SnippetRequest {
  task: Task;
  provider: Provider;
  mapping: Mapping;
  /** Hugging Face model id. */
  model: string;
  method: "POST";
  /** Full request URL. */
  url: string;
  /** True when the request goes through the OpenAI-compatible chat route. */
  chat: boolean;
  /** For chat requests: the OpenAI-style base URL (the URL without /chat/completions). */
  chatBaseUrl?: string;
  /** True when the base URL was overridden (SDK clients then need an explicit endpoint). */
  customBaseUrl: boolean;
  /** True when calling the provider's own API instead of the router. */
  direct: boolean;
  token: TokenSource;
  /**
   * The request as JSON values, with a file field holding the example file name: what SDK
   * methods take. `body` says how it travels (JSON, raw file bytes, or base64 in JSON).
   */
  payload: JsonObject;
  /** Headers besides Authorization, in the order they are sent. */
  headers: Header[];
  body: RequestBody;
  stream: boolean;
  response: ResponseHandling;
  billTo?: string;
}

export class SnippetOptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SnippetOptionError";
  }
}

function fillPath(pattern: string, task: Task, mapping: Mapping, model: string): string {
  const values: Record<string, string> = {
    provider: mapping.provider,
    modelId: model,
    providerModelId: mapping.providerModelId,
    task: task.id,
  };
  return pattern.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? `{${name}}`);
}

function joinUrl(origin: string, path: string): string {
  return origin.replace(/\/+$/, "") + path;
}

/** The example request with the options' fields applied (falsy values such as 0, false and null are kept). */
export function exampleRequest(task: Task, options: SnippetOptions): JsonObject {
  return { ...task.example, ...(options.example ?? {}) };
}

function bodyFor(task: Task, payload: JsonObject): RequestBody {
  const binary = task.binaryInput;
  const fileName = binary ? payload[binary.field] : undefined;
  if (!binary || typeof fileName !== "string") return { kind: "json", value: payload };
  const others = Object.keys(payload).filter((key) => key !== binary.field);
  if (others.length === 0) return { kind: "file", fileName, contentType: binary.contentType };
  return { kind: "json-with-file", value: payload, field: binary.field, fileName, contentType: binary.contentType };
}

function responseFor(task: Task, stream: boolean): ResponseHandling {
  if (stream) return { kind: "events" };
  const { kind, contentType, fileName } = task.response;
  if (kind === "json") return { kind: "json" };
  return { kind: "bytes", media: kind, contentType: contentType ?? "application/octet-stream", fileName: fileName ?? `output.${kind}` };
}

export function buildRequest(router: Router, task: Task, provider: Provider, mapping: Mapping, options: SnippetOptions = {}): SnippetRequest {
  const stream = options.stream === true;
  if (stream && task.response.stream !== "server-sent-events") {
    throw new SnippetOptionError(`task "${task.id}" does not stream: remove --stream`);
  }
  const direct = options.direct === true;
  if (direct && !task.conversational) throw new SnippetOptionError(`direct requests are only for conversational tasks; "${task.id}" is not one`);
  if (direct && !provider.direct) throw new SnippetOptionError(`provider "${provider.id}" has no direct API in the feed: remove --direct`);
  const directApi = direct ? provider.direct : undefined;
  const model = options.model ?? mapping.modelId;
  const example = exampleRequest(task, options);
  const token: TokenSource = options.accessToken
    ? { kind: "inline", value: options.accessToken }
    : { kind: "env", variable: directApi?.tokenEnv ?? provider.auth.tokenEnv };

  let url: string;
  let chatBaseUrl: string | undefined;
  let payload: JsonObject;
  if (task.conversational) {
    url = joinUrl(options.baseUrl ?? directApi?.origin ?? router.origin, directApi?.chatPath ?? router.chatPath);
    // The meta-schema makes every chat path end in /chat/completions.
    chatBaseUrl = url.replace(/\/chat\/completions$/, "");
    const modelField = directApi ? mapping.providerModelId : `${model}:${provider.id}`;
    payload = { model: modelField, ...withoutKey(example, "model") };
  } else {
    const pattern = mapping.path ?? provider.taskPath;
    if (!pattern) throw new SnippetOptionError(`provider "${provider.id}" has no route for task "${task.id}"`);
    url = joinUrl(options.baseUrl ?? router.origin, fillPath(pattern, task, mapping, model));
    payload = example;
  }
  if (stream) payload = { ...withoutKey(payload, "stream"), stream: true };

  const body = bodyFor(task, payload);
  const headers: Header[] = [];
  if (body.kind === "file") headers.push({ name: "Content-Type", value: body.contentType });
  else headers.push({ name: "Content-Type", value: "application/json" });
  if (options.billTo) headers.push({ name: "X-HF-Bill-To", value: options.billTo });

  const request: SnippetRequest = {
    task,
    provider,
    mapping,
    model,
    method: "POST",
    url,
    chat: task.conversational,
    customBaseUrl: options.baseUrl !== undefined,
    direct,
    token,
    payload,
    headers,
    body,
    stream,
    response: responseFor(task, stream),
  };
  if (chatBaseUrl) request.chatBaseUrl = chatBaseUrl;
  if (options.billTo) request.billTo = options.billTo;
  return request;
}

function withoutKey(object: JsonObject, key: string): JsonObject {
  const { [key]: _removed, ...rest } = object;
  return rest;
}
