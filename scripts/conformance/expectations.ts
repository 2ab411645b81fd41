/**
 * What the server must have received from a snippet, worked out from the task, the mapping and
 * the example alone (not from the snippet engine's request model, which is what is under test),
 * and the comparison of a recorded request with it.
 */
import { isJsonObject, pathToPointer, type JsonObject, type JsonValue } from "../lib/json-source.ts";
import type { Mapping, Provider, Task } from "../model/types.ts";
import type { SchemaRegistry } from "../schema/registry.ts";
import { defaultFieldPolicy, type BodyPath, type ExtraFieldPolicy } from "./default-fields.ts";
import type { RecordedRequest } from "./server.ts";

export type ExpectedBody =
  | { kind: "json"; value: JsonObject }
  /** The file's bytes are the whole body. */
  | { kind: "file"; fileName: string; contentType: string }
  /** JSON whose `field` holds the file's bytes in base64. */
  | { kind: "json-with-file"; value: JsonObject; field: string; fileName: string }
  /** multipart/form-data whose file part holds the file (the server reads it back into `field`). */
  | { kind: "multipart"; value: JsonObject; field: string; fileName: string };

export interface ExpectedRequest {
  task: Task;
  provider: Provider;
  mapping: Mapping;
  body: ExpectedBody;
  /** The request goes to the task route, not the provider's contract route. */
  taskRequest: boolean;
  /** The file a snippet must save the response to, for binary responses. */
  savedFile?: string;
}

function without(object: JsonObject, key: string): JsonObject {
  const { [key]: _removed, ...rest } = object;
  return rest;
}

/**
 * The example request (with `example` fields replacing the task's), plus what the route adds:
 * `model` = "<model id>:<provider>" first on the chat route, `stream: true` when streaming.
 */
export function expectedPayload(
  task: Task,
  provider: Provider,
  mapping: Mapping,
  stream: boolean,
  example: JsonObject = {},
): JsonObject {
  let payload: JsonObject = { ...task.example, ...example };
  if (task.conversational) payload = { model: `${mapping.modelId}:${provider.id}`, ...without(payload, "model") };
  if (stream) payload = { ...without(payload, "stream"), stream: true };
  return payload;
}

/**
 * `taskRequest`: the client posts the task's own request to the task route (SDKs given a base URL),
 * so the provider's contract does not apply.
 */
export function expectedRequest(
  task: Task,
  provider: Provider,
  mapping: Mapping,
  stream: boolean,
  example: JsonObject = {},
  taskRequest = false,
): ExpectedRequest {
  const payload = expectedPayload(task, provider, mapping, stream, example);
  const binary = task.binaryInput;
  const exampleFile = binary ? payload[binary.field] : undefined;
  // A contract may ask for another file format (and so another example file) and says how the file travels.
  // The file format is the provider's (every client sends that file); how it travels is the contract's.
  const file = mapping.contract?.file;
  const fileName = typeof exampleFile === "string" ? (file?.fileName ?? exampleFile) : undefined;
  const travel = (taskRequest ? undefined : file?.travel) ?? (Object.keys(payload).length === 1 ? "raw" : "base64");
  let body: ExpectedBody;
  const form = taskRequest ? undefined : mapping.contract?.form;
  if (!binary || fileName === undefined) body = { kind: "json", value: payload };
  else if (form) body = { kind: "multipart", value: payload, field: binary.field, fileName };
  else if (travel === "raw") body = { kind: "file", fileName, contentType: file?.contentType ?? binary.contentType };
  else body = { kind: "json-with-file", value: payload, field: binary.field, fileName };
  const expected: ExpectedRequest = {
    task,
    provider,
    mapping,
    body,
    taskRequest: taskRequest && mapping.contract !== undefined,
  };
  if (!stream && task.response.kind !== "json")
    expected.savedFile = task.response.fileName ?? `output.${task.response.kind}`;
  return expected;
}

function preview(value: JsonValue | undefined): string {
  if (value === undefined) return "nothing";
  const text = JSON.stringify(value);
  return text.length > 160 ? `${text.slice(0, 160)}... (${text.length} characters)` : text;
}

function kindOf(value: JsonValue): string {
  return value === null ? "null" : Array.isArray(value) ? "array" : typeof value;
}

const REJECT_EXTRA_FIELDS: ExtraFieldPolicy = () => false;

/**
 * Where and how `actual` differs from `expected` (JSON deep equality), or undefined when equal.
 * A field `actual` has and `expected` lacks is a difference unless `acceptExtra` allows it.
 */
export function jsonDifference(
  actual: JsonValue | undefined,
  expected: JsonValue,
  acceptExtra: ExtraFieldPolicy = REJECT_EXTRA_FIELDS,
  path: BodyPath = [],
): string | undefined {
  const at = pathToPointer(path) || "/";
  if (actual === undefined) return `at ${at}: expected ${preview(expected)}, got nothing`;
  if (kindOf(actual) !== kindOf(expected)) return `at ${at}: expected ${preview(expected)}, got ${preview(actual)}`;
  if (typeof expected === "string" && typeof actual === "string") {
    if (actual === expected) return undefined;
    let index = 0;
    while (index < actual.length && actual[index] === expected[index]) index += 1;
    return `at ${at}: strings differ from character ${index}: expected ${preview(expected.slice(index, index + 40))}, got ${preview(actual.slice(index, index + 40))} (lengths ${expected.length} and ${actual.length})`;
  }
  if (Array.isArray(expected) && Array.isArray(actual)) {
    if (actual.length !== expected.length) return `at ${at}: expected ${expected.length} items, got ${actual.length}`;
    for (let index = 0; index < expected.length; index += 1) {
      const difference = jsonDifference(actual[index], expected[index] as JsonValue, acceptExtra, [...path, index]);
      if (difference) return difference;
    }
    return undefined;
  }
  if (isJsonObject(expected) && isJsonObject(actual)) {
    const missing = Object.keys(expected).filter((key) => !Object.hasOwn(actual, key));
    const extra = Object.keys(actual).filter(
      (key) => !Object.hasOwn(expected, key) && !acceptExtra([...path, key], actual[key] as JsonValue),
    );
    if (missing.length > 0 || extra.length > 0) {
      const parts = [
        missing.length ? `missing ${missing.map((key) => JSON.stringify(key)).join(", ")}` : "",
        extra.length ? `unexpected ${extra.map((key) => JSON.stringify(key)).join(", ")}` : "",
      ];
      return `at ${at}: ${parts.filter(Boolean).join("; ")}`;
    }
    for (const key of Object.keys(expected)) {
      const difference = jsonDifference(actual[key], expected[key] as JsonValue, acceptExtra, [...path, key]);
      if (difference) return difference;
    }
    return undefined;
  }
  return actual === expected ? undefined : `at ${at}: expected ${preview(expected)}, got ${preview(actual)}`;
}

/**
 * Checks the media type and file part of a multipart request (into `problems`); returns the task
 * request the server read the form back into, if it could.
 */
function formProblems(
  recorded: RecordedRequest,
  body: Extract<ExpectedBody, { kind: "multipart" }>,
  type: string,
  problems: string[],
): JsonValue | undefined {
  if (type !== "multipart/form-data") problems.push(`Content-Type is ${preview(type)}, expected "multipart/form-data"`);
  // The SDKs name the file part "audio.<extension>" (a Blob has no name); the extension tells the format.
  const extension = extensionOf(body.fileName);
  const names = recorded.formFileNames ?? [];
  if (names.some((name) => extensionOf(name) !== extension))
    problems.push(`the file part is named ${preview(names.join(", "))}, expected a .${extension} file`);
  return recorded.payload;
}

function extensionOf(fileName: string): string {
  return fileName.split(".").pop()?.toLowerCase() ?? "";
}

function mediaType(value: string | undefined): string {
  return (value ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
}

/**
 * Problems with what arrived, given the bytes of the example file (for file bodies): the request
 * reached the mapping's route, carries the run's token, has the right content type, and its body
 * equals the expected one, give or take fields that only spell out the input schema's defaults
 * (read through `registry`).
 */
export function requestProblems(
  recorded: RecordedRequest,
  expected: ExpectedRequest,
  token: string,
  fileBytes: Buffer | undefined,
  registry: SchemaRegistry,
): string[] {
  const problems = [...recorded.problems.map((problem) => `server: ${problem}`)];
  const route = recorded.route;
  if (
    route &&
    (route.task.id !== expected.task.id ||
      route.mapping !== expected.mapping ||
      Boolean(route.taskRoute) !== expected.taskRequest)
  ) {
    problems.push(
      `${recorded.method} ${recorded.target} reached the route of ${route.task.id} by ${route.provider.id}, not ${expected.task.id} by ${expected.provider.id}`,
    );
  }
  if (recorded.headers.authorization !== `Bearer ${token}`) {
    problems.push(
      `Authorization is ${preview(recorded.headers.authorization ?? null)}, expected "Bearer " and the token from the environment`,
    );
  }
  const type = mediaType(recorded.headers["content-type"]);
  const body = expected.body;
  if (body.kind === "file") {
    if (type !== body.contentType)
      problems.push(`Content-Type is ${preview(type)}, expected ${preview(body.contentType)}`);
    if (fileBytes && !recorded.body.equals(fileBytes)) {
      problems.push(
        `the body is not the bytes of ${body.fileName} (${recorded.body.length} bytes received, the file has ${fileBytes.length})`,
      );
    }
    return problems;
  }
  if (body.kind !== "multipart" && type !== "application/json")
    problems.push(`Content-Type is ${preview(type)}, expected "application/json"`);
  const received = body.kind === "multipart" ? formProblems(recorded, body, type, problems) : recorded.json;
  if (received === undefined) {
    const what = body.kind === "multipart" ? "a multipart form" : "JSON";
    if (!problems.some((problem) => problem.startsWith("server:"))) problems.push(`the body is not ${what}`);
    return problems;
  }
  const expectedValue =
    body.kind === "json"
      ? body.value
      : { ...body.value, [body.field]: (fileBytes ?? Buffer.alloc(0)).toString("base64") };
  // A provider-native body is compared as the task request it stands for (the server read it back).
  const difference = jsonDifference(
    recorded.payload ?? received,
    expectedValue,
    defaultFieldPolicy(registry, expected.task.schemas.input),
  );
  if (difference) problems.push(`the body differs from the example request ${difference}`);
  return problems;
}
