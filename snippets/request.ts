/**
 * The request model every client renders from: built once per (task, mapping, options), so all
 * clients send the same method, URL, headers and body by construction. It is closed: clients see
 * only these values, never the Task, Provider or Mapping they were computed from.
 */
import { pointerToPath, type JsonObject } from "../scripts/lib/json-source.ts";
import type { Contract, Mapping, Provider, Router, Task } from "../scripts/model/types.ts";
import { resolveBodyTemplate, resolveFormFields, type FileSlot, type FormField } from "./contract-body.ts";
import { parseUrlTemplate, type UrlPart } from "./url-template.ts";

export type { FileSlot, FormField } from "./contract-body.ts";
export type { UrlPart } from "./url-template.ts";
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
  /** A JSON body whose file slots (which hold the file name in `value`) carry the file, base64 or as a data URL. */
  | { kind: "json-with-file"; value: JsonObject; slots: FileSlot[]; fileName: string; contentType: string }
  /**
   * multipart/form-data: the file in the part named `fileField` (sent with its file name and
   * content type), then plain text fields. The client writes the Content-Type with its boundary.
   */
  | { kind: "multipart"; fileField: string; fileName: string; contentType: string; fields: FormField[] };

/** The file a task produces, and where readers find it once the snippet ran. */
export interface OutputFile {
  media: "image" | "audio" | "video";
  contentType: string;
  fileName: string;
}

export type ResponseHandling =
  | { kind: "json" }
  /** The response body is the file. */
  | ({ kind: "bytes" } & OutputFile)
  /** The JSON response holds the file base64-encoded at `pointer`. */
  | ({ kind: "base64"; pointer: string[] } & OutputFile)
  /** The JSON response holds a URL at `pointer` to download the file from. */
  | ({ kind: "url"; pointer: string[] } & OutputFile)
  | { kind: "events" };

/** The first response names a job: poll its status until done, then read the result. */
export interface JobHandling {
  statusUrl: UrlPart[];
  /** Where the result is; without it, the last status response is the result. */
  resultUrl?: UrlPart[];
  statusPointer: string[];
  done: string[];
  failed: string[];
  pollSeconds: number;
  maxPolls: number;
}

export interface Header {
  name: string;
  value: string;
}

export interface SnippetRequest {
  /** The task's id: SDK clients look their method up by it. */
  taskId: string;
  /** The task's task.json, named in problems with the snippet. */
  taskFile: string;
  providerId: string;
  /**
   * True when the feed says the SDKs' own provider routing sends the documented request for this
   * provider (`sdkRouting`): SDK clients then name the provider instead of a URL.
   */
  providerRouting: boolean;
  /** The payload field holding the input file's name, for tasks that take a file. */
  fileField?: string;
  /** Hugging Face model id. */
  model: string;
  method: "POST";
  /** Full request URL. */
  url: string;
  /**
   * The task route without the provider contract: where the SDKs post the task's own request when
   * pointed at a custom base URL (with provider routing they build the provider-native request).
   */
  taskRouteUrl: string;
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
  /** Present when the router answers with a job to poll (the response is then read from the job's result). */
  job?: JobHandling;
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

/** The example's file input as the contract wants it (a provider may need another file format). */
function exampleWithContractFile(task: Task, example: JsonObject, contract: Contract | undefined): JsonObject {
  const binary = task.binaryInput;
  const fileName = contract?.file?.fileName;
  if (!binary || !fileName || typeof example[binary.field] !== "string") return example;
  return { ...example, [binary.field]: fileName };
}

function bodyFor(task: Task, payload: JsonObject, mapping: Mapping, model: string): RequestBody {
  const binary = task.binaryInput;
  const contract = mapping.contract;
  const fileName = binary ? payload[binary.field] : undefined;
  const contentType = contract?.file?.contentType ?? binary?.contentType ?? "application/octet-stream";
  if (contract?.form && binary && typeof fileName === "string") {
    const variables = { providerModelId: mapping.providerModelId, modelId: model };
    const fields = resolveFormFields(contract.form.fields, payload, variables);
    return { kind: "multipart", fileField: contract.form.fileField, fileName, contentType, fields };
  }
  if (contract?.body !== undefined) {
    const file = binary && typeof fileName === "string" ? fileName : undefined;
    const resolved = resolveBodyTemplate(
      contract.body,
      payload,
      { providerModelId: mapping.providerModelId, modelId: model },
      file,
    );
    if (resolved.slots.length === 0 || file === undefined) return { kind: "json", value: resolved.value };
    return { kind: "json-with-file", value: resolved.value, slots: resolved.slots, fileName: file, contentType };
  }
  if (!binary || typeof fileName !== "string") return { kind: "json", value: payload };
  const others = Object.keys(payload).filter((key) => key !== binary.field);
  const travel = contract?.file?.travel ?? (others.length === 0 ? "raw" : "base64");
  if (travel === "raw") return { kind: "file", fileName, contentType };
  return {
    kind: "json-with-file",
    value: payload,
    slots: [{ pointer: [binary.field], encoding: travel }],
    fileName,
    contentType,
  };
}

function responseFor(task: Task, contract: Contract | undefined, stream: boolean): ResponseHandling {
  if (stream) return { kind: "events" };
  const { kind, contentType, fileName } = task.response;
  if (kind === "json" || contract?.response?.kind === "json") return { kind: "json" };
  const file: OutputFile = {
    media: kind,
    contentType: contentType ?? "application/octet-stream",
    fileName: fileName ?? `output.${kind}`,
  };
  const where = contract?.response;
  if (where) return { kind: where.kind, pointer: pointerToPath(where.pointer), ...file };
  return { kind: "bytes", ...file };
}

function jobFor(contract: Contract | undefined, origin: string): JobHandling | undefined {
  const job = contract?.job;
  if (!job) return undefined;
  const handling: JobHandling = {
    statusUrl: parseUrlTemplate(job.statusUrl, origin),
    statusPointer: pointerToPath(job.statusPointer),
    done: job.done,
    failed: job.failed,
    pollSeconds: job.pollSeconds ?? 1,
    maxPolls: job.maxPolls ?? 600,
  };
  if (job.resultUrl) handling.resultUrl = parseUrlTemplate(job.resultUrl, origin);
  return handling;
}

function withQuery(url: string, query: Record<string, string> | undefined): string {
  if (!query || Object.keys(query).length === 0) return url;
  return `${url}?${new URLSearchParams(query).toString()}`;
}

export function buildRequest(
  router: Router,
  task: Task,
  provider: Provider,
  mapping: Mapping,
  options: SnippetOptions = {},
): SnippetRequest {
  const stream = options.stream === true;
  if (stream && task.response.stream !== "server-sent-events") {
    throw new SnippetOptionError(`task "${task.id}" does not stream: remove --stream`);
  }
  const direct = options.direct === true;
  if (direct && !task.conversational)
    throw new SnippetOptionError(`direct requests are only for conversational tasks; "${task.id}" is not one`);
  if (direct && !provider.direct)
    throw new SnippetOptionError(`provider "${provider.id}" has no direct API in the feed: remove --direct`);
  const directApi = direct ? provider.direct : undefined;
  const model = options.model ?? mapping.modelId;
  const example = exampleRequest(task, options);
  const token: TokenSource = options.accessToken
    ? { kind: "inline", value: options.accessToken }
    : { kind: "env", variable: directApi?.tokenEnv ?? provider.auth.tokenEnv };

  const contract = task.conversational ? undefined : mapping.contract;
  const origin = (options.baseUrl ?? router.origin).replace(/\/+$/, "");
  let url: string;
  let taskRouteUrl: string | undefined;
  let chatBaseUrl: string | undefined;
  let payload: JsonObject;
  if (task.conversational) {
    url = joinUrl(options.baseUrl ?? directApi?.origin ?? router.origin, directApi?.chatPath ?? router.chatPath);
    // The meta-schema makes every chat path end in /chat/completions.
    chatBaseUrl = url.replace(/\/chat\/completions$/, "");
    const modelField = directApi ? mapping.providerModelId : `${model}:${provider.id}`;
    payload = { model: modelField, ...withoutKey(example, "model") };
  } else {
    const pattern = contract?.path ?? mapping.path ?? provider.taskPath;
    if (!pattern) throw new SnippetOptionError(`provider "${provider.id}" has no route for task "${task.id}"`);
    url = withQuery(joinUrl(origin, fillPath(pattern, task, mapping, model)), contract?.query);
    const taskPattern = mapping.path ?? provider.taskPath ?? pattern;
    taskRouteUrl = joinUrl(origin, fillPath(taskPattern, task, mapping, model));
    payload = exampleWithContractFile(task, example, contract);
  }
  // Streaming is a field of the task's request; a provider-native body carries it where its contract places it.
  if (stream) payload = { ...withoutKey(payload, "stream"), stream: true };

  const body: RequestBody = task.conversational
    ? { kind: "json", value: payload }
    : bodyFor(task, payload, mapping, model);
  const headers: Header[] = [];
  if (body.kind === "file") headers.push({ name: "Content-Type", value: body.contentType });
  // A multipart Content-Type names the boundary, which each client chooses itself.
  else if (body.kind !== "multipart") headers.push({ name: "Content-Type", value: "application/json" });
  for (const [name, value] of Object.entries(contract?.headers ?? {})) headers.push({ name, value });
  if (options.billTo) headers.push({ name: "X-HF-Bill-To", value: options.billTo });

  const request: SnippetRequest = {
    taskId: task.id,
    taskFile: task.files.metadata,
    providerId: provider.id,
    providerRouting: provider.sdkRouting,
    model,
    method: "POST",
    url,
    taskRouteUrl: taskRouteUrl ?? url,
    chat: task.conversational,
    customBaseUrl: options.baseUrl !== undefined,
    direct,
    token,
    payload,
    headers,
    body,
    stream,
    response: responseFor(task, contract, stream),
  };
  const job = jobFor(contract, origin);
  if (job) request.job = job;
  if (task.binaryInput) request.fileField = task.binaryInput.field;
  if (chatBaseUrl) request.chatBaseUrl = chatBaseUrl;
  if (options.billTo) request.billTo = options.billTo;
  return request;
}

function withoutKey(object: JsonObject, key: string): JsonObject {
  const { [key]: _removed, ...rest } = object;
  return rest;
}
