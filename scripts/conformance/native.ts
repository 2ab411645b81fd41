/**
 * Provider-native bodies, read backwards: the contract's body template says where each value of
 * the task's request went, so a native body received by the test server is turned back into the
 * task's request (which the task's input.json validates and the example is compared with).
 * Written as the inverse of the template, not with the snippet engine's resolver, so a mistake in
 * either shows up as a disagreement.
 */
import { isJsonObject, pointerToPath, type JsonObject, type JsonValue } from "../lib/json-source.ts";
import { withValueAt } from "../lib/with-value-at.ts";
import type { Mapping, Task } from "../model/types.ts";

export interface Unmapped {
  /** The task's request the native body stands for (the file, if any, base64 in its field). */
  payload: JsonObject;
  problems: string[];
}

function place(payload: JsonObject, path: readonly string[], value: JsonValue, problems: string[]): void {
  let node: JsonObject = payload;
  for (const [index, key] of path.entries()) {
    if (index === path.length - 1) {
      if (Object.hasOwn(node, key) && JSON.stringify(node[key]) !== JSON.stringify(value)) {
        problems.push(`two fields stand for /${path.join("/")} with different values`);
      }
      node[key] = value;
      return;
    }
    const next = node[key];
    if (!isJsonObject(next)) node[key] = {};
    node = node[key] as JsonObject;
  }
}

interface Context {
  task: Task;
  mapping: Mapping;
  modelId: string;
  fileContentType: string;
  payload: JsonObject;
  problems: string[];
}

function unmap(template: JsonValue, value: JsonValue | undefined, at: string, context: Context): void {
  const { problems } = context;
  if (isJsonObject(template) && typeof template["$from"] === "string") {
    if (value !== undefined) place(context.payload, pointerToPath(template["$from"]), value, problems);
    return;
  }
  if (value === undefined) {
    problems.push(`the native body lacks ${at || "/"}`);
    return;
  }
  if (isJsonObject(template) && typeof template["$var"] === "string") {
    const expected = template["$var"] === "providerModelId" ? context.mapping.providerModelId : context.modelId;
    if (value !== expected)
      problems.push(`at ${at}: expected the model id ${JSON.stringify(expected)}, got ${JSON.stringify(value)}`);
    return;
  }
  if (isJsonObject(template) && typeof template["$file"] === "string") {
    const field = context.task.binaryInput?.field ?? "inputs";
    if (typeof value !== "string") return void problems.push(`at ${at}: expected the file as a string`);
    let base64 = value;
    if (template["$file"] === "data-url") {
      const prefix = `data:${context.fileContentType};base64,`;
      if (!value.startsWith(prefix))
        return void problems.push(`at ${at}: expected a data URL starting ${JSON.stringify(prefix)}`);
      base64 = value.slice(prefix.length);
    }
    place(context.payload, [field], base64, problems);
    return;
  }
  if (Array.isArray(template)) {
    if (!Array.isArray(value) || value.length !== template.length)
      return void problems.push(`at ${at}: expected an array of ${template.length} items`);
    template.forEach((item, index) => unmap(item, value[index], `${at}/${index}`, context));
    return;
  }
  if (isJsonObject(template)) {
    if (!isJsonObject(value)) return void problems.push(`at ${at}: expected an object`);
    const spread = typeof template["$spread"] === "string" ? pointerToPath(template["$spread"]) : undefined;
    for (const [key, member] of Object.entries(template)) {
      if (key !== "$spread") unmap(member, value[key], `${at}/${key}`, context);
    }
    for (const [key, member] of Object.entries(value)) {
      if (Object.hasOwn(template, key)) continue;
      if (spread) place(context.payload, [...spread, key], member, problems);
      else problems.push(`the native body has an unexpected field ${at}/${key}`);
    }
    return;
  }
  if (JSON.stringify(value) !== JSON.stringify(template))
    problems.push(`at ${at}: expected ${JSON.stringify(template)}, got ${JSON.stringify(value)}`);
}

/** The task request a native JSON body stands for, by the mapping's contract template. */
export function unmapNativeBody(task: Task, mapping: Mapping, body: JsonValue): Unmapped {
  const template = mapping.contract?.body;
  if (template === undefined)
    return {
      payload: isJsonObject(body) ? body : {},
      problems: isJsonObject(body) ? [] : ["the body is not a JSON object"],
    };
  const context: Context = {
    task,
    mapping,
    modelId: mapping.modelId,
    fileContentType: mapping.contract?.file?.contentType ?? task.binaryInput?.contentType ?? "",
    payload: {},
    problems: [],
  };
  unmap(template, body, "", context);
  return { payload: context.payload, problems: context.problems };
}

/** A multipart body as the server read it: the text fields, and the file part. */
export interface ReceivedForm {
  fields: [string, string][];
  files: { name: string; fileName: string; contentType: string; bytes: Buffer }[];
}

/**
 * The text of a form field read back as the JSON value it stands for: the template's own strings
 * (model ids) stay text; a value taken from the example is JSON when it parses as JSON (numbers,
 * booleans, objects), else a string (the task's free-text values).
 */
function formValue(member: JsonValue | undefined, text: string): JsonValue {
  if (typeof member === "string" || (isJsonObject(member) && typeof member["$var"] === "string")) return text;
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    return text;
  }
}

/** The task request a multipart body stands for, by the mapping's form contract (the file base64 in its field). */
export function unmapNativeForm(task: Task, mapping: Mapping, form: ReceivedForm): Unmapped {
  const contract = mapping.contract?.form;
  const binary = task.binaryInput;
  if (!contract || !binary) return { payload: {}, problems: ["this route takes no multipart body"] };
  const problems: string[] = [];
  const template = isJsonObject(contract.fields) ? contract.fields : {};
  const fields: JsonObject = {};
  for (const [name, text] of form.fields) {
    if (Object.hasOwn(fields, name)) problems.push(`the form field ${name} is sent twice`);
    fields[name] = formValue(template[name], text);
  }
  const context: Context = {
    task,
    mapping,
    modelId: mapping.modelId,
    fileContentType: mapping.contract?.file?.contentType ?? binary.contentType,
    payload: {},
    problems,
  };
  unmap(template, fields, "", context);
  const files = form.files.filter((file) => file.name === contract.fileField);
  const others = form.files.filter((file) => file.name !== contract.fileField);
  if (others.length > 0) problems.push(`unexpected file parts ${others.map((file) => file.name).join(", ")}`);
  const [file] = files;
  if (files.length !== 1 || !file) problems.push(`expected one file part named ${contract.fileField}`);
  else {
    if (file.contentType !== context.fileContentType)
      problems.push(`the file part's type is ${JSON.stringify(file.contentType)}, expected ${context.fileContentType}`);
    place(context.payload, [binary.field], file.bytes.toString("base64"), problems);
  }
  return { payload: context.payload, problems };
}

/** A JSON document holding `value` at `pointer` (numeric segments make arrays). */
export function documentWith(pointer: string, value: JsonValue): JsonValue {
  return mergedDocument(null, pointer, value);
}

/** `document` with `value` at `pointer`; objects and arrays are made on the way where missing. */
export function mergedDocument(document: JsonValue, pointer: string, value: JsonValue): JsonValue {
  return withValueAt(document, pointerToPath(pointer), value, { create: true });
}
