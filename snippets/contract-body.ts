/**
 * Body templates of provider contracts (specs/contracts.json): a JSON value over the task's
 * example, with directives for values taken from the example, model ids and the file input.
 * Resolving one is pure; the result names the places where the file goes.
 */
import {
  isJsonObject,
  pointerToPath,
  valueAtPath,
  type JsonObject,
  type JsonValue,
} from "../scripts/lib/json-source.ts";

export interface FileSlot {
  /** Path of the slot in the JSON body (object keys and array indexes). */
  pointer: string[];
  /** How the file's bytes are written there. */
  encoding: "base64" | "data-url";
}

export interface ResolvedBody {
  /** The body, with the example file name in each file slot. */
  value: JsonObject;
  slots: FileSlot[];
}

export interface TemplateVariables {
  providerModelId: string;
  modelId: string;
}

/** RFC 6901 pointer to path segments ("" is the whole document). */
/** A sentinel for "leave this member out" (a $from whose value the example does not have). */
const ABSENT = Symbol("absent");

function resolve(
  template: JsonValue,
  example: JsonObject,
  variables: TemplateVariables,
  fileName: string | undefined,
  at: string[],
  slots: FileSlot[],
): JsonValue | typeof ABSENT {
  if (Array.isArray(template)) {
    const items: JsonValue[] = [];
    for (const item of template) {
      const value = resolve(item, example, variables, fileName, [...at, String(items.length)], slots);
      if (value !== ABSENT) items.push(value);
    }
    return items;
  }
  if (!isJsonObject(template)) return template;
  if (typeof template["$from"] === "string") return valueAtPath(example, pointerToPath(template["$from"])) ?? ABSENT;
  if (template["$var"] === "providerModelId" || template["$var"] === "modelId") return variables[template["$var"]];
  if (template["$file"] === "base64" || template["$file"] === "data-url") {
    if (fileName === undefined) throw new Error("a body template places a file, but the task has no file input");
    slots.push({ pointer: at, encoding: template["$file"] });
    return fileName;
  }
  const object: JsonObject = {};
  for (const [key, member] of Object.entries(template)) {
    if (key === "$spread") {
      const spread = typeof member === "string" ? valueAtPath(example, pointerToPath(member)) : undefined;
      if (isJsonObject(spread)) Object.assign(object, spread);
      continue;
    }
    const value = resolve(member, example, variables, fileName, [...at, key], slots);
    if (value !== ABSENT) object[key] = value;
  }
  return object;
}

export function resolveBodyTemplate(
  template: JsonValue,
  example: JsonObject,
  variables: TemplateVariables,
  fileName?: string,
): ResolvedBody {
  const slots: FileSlot[] = [];
  const value = resolve(template, example, variables, fileName, [], slots);
  if (value === ABSENT || !isJsonObject(value)) throw new Error("a contract body template must produce a JSON object");
  return { value, slots };
}

/** A plain (non-file) field of a multipart/form-data body. */
export interface FormField {
  name: string;
  value: string;
}

/** How a JSON value travels as a form field: strings as they are, numbers and booleans as text, the rest as JSON. */
function formText(value: JsonValue): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}

/** The plain fields of a multipart body, in the template's order; null values are left out. */
export function resolveFormFields(template: JsonValue, example: JsonObject, variables: TemplateVariables): FormField[] {
  const { value } = resolveBodyTemplate(template, example, variables);
  return Object.entries(value)
    .filter(([, member]) => member !== null)
    .map(([name, member]) => ({ name, value: formText(member) }));
}
