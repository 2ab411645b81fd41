/**
 * Response bodies for the test server: a small deterministic generator that walks a task's
 * output schema ($ref, allOf, oneOf/anyOf, enum, const, type, required, min/max) and produces
 * a value valid against it, so each snippet's response handling (and each SDK's own checks of
 * the response) runs on a realistic body. Binary responses are a few fixed bytes.
 */
import { isJsonObject, type JsonObject, type JsonValue } from "../lib/json-source.ts";
import type { Specs, Task } from "../model/types.ts";
import type { SchemaDocument, SchemaLocation, SchemaRegistry } from "../schema/registry.ts";
import type { SchemaValidator } from "../schema/validator.ts";
import {
  alternatives,
  child,
  keyword,
  keywordValue,
  properties,
  requiredNames,
  resolveSchema,
  type ResolvedSchema,
} from "../spec-table/resolve.ts";

/** How many events a streamed response carries before `[DONE]`. */
export const STREAM_EVENT_COUNT = 3;

interface Walk {
  registry: SchemaRegistry;
  validator: SchemaValidator;
  /** Include optional properties (true) or only required ones. */
  optional: boolean;
  /** Varies strings, so several stream events are not identical. */
  variant: number;
}

const MAX_DEPTH = 12;

function typeOf(resolved: ResolvedSchema): string | undefined {
  const type = keywordValue(resolved, "type");
  const types =
    typeof type === "string"
      ? [type]
      : Array.isArray(type)
        ? type.filter((item): item is string => typeof item === "string")
        : [];
  const chosen = types.find((name) => name !== "null") ?? types[0];
  if (chosen) return chosen;
  if (keyword(resolved, "properties") || keyword(resolved, "required") || keyword(resolved, "additionalProperties"))
    return "object";
  if (keyword(resolved, "items") || keyword(resolved, "prefixItems")) return "array";
  return undefined;
}

function numberKeyword(resolved: ResolvedSchema, name: string): number | undefined {
  const value = keywordValue(resolved, name);
  return typeof value === "number" ? value : undefined;
}

function numberFor(resolved: ResolvedSchema, integer: boolean): number {
  const exclusiveMin = numberKeyword(resolved, "exclusiveMinimum");
  const exclusiveMax = numberKeyword(resolved, "exclusiveMaximum");
  const step = integer ? 1 : 0.25;
  const min = numberKeyword(resolved, "minimum") ?? (exclusiveMin !== undefined ? exclusiveMin + step : undefined);
  const max = numberKeyword(resolved, "maximum") ?? (exclusiveMax !== undefined ? exclusiveMax - step : undefined);
  let value: number;
  if (min !== undefined && max !== undefined) value = (min + max) / 2;
  else if (min !== undefined) value = Math.max(min, integer ? 1 : 0.5);
  else if (max !== undefined) value = Math.min(max, integer ? 1 : 0.5);
  else value = integer ? 1 : 0.5;
  if (integer)
    value = min !== undefined && Math.ceil(value) <= (max ?? Infinity) ? Math.ceil(value) : Math.floor(value);
  const multipleOf = numberKeyword(resolved, "multipleOf");
  if (multipleOf) value = Math.ceil(value / multipleOf) * multipleOf;
  return value;
}

const FORMAT_SAMPLES: Record<string, string> = {
  "date-time": "2024-01-01T00:00:00Z",
  date: "2024-01-01",
  time: "00:00:00Z",
  uri: "https://example.com/resource",
  url: "https://example.com/resource",
  "uri-reference": "https://example.com/resource",
  email: "someone@example.com",
  uuid: "00000000-0000-4000-8000-000000000000",
};

function stringFor(resolved: ResolvedSchema, hint: string, walk: Walk): string {
  const format = keywordValue(resolved, "format");
  if (typeof format === "string" && FORMAT_SAMPLES[format]) return FORMAT_SAMPLES[format] as string;
  if (keywordValue(resolved, "contentEncoding") === "base64")
    return Buffer.from(`${hint} ${walk.variant + 1}`).toString("base64");
  let text = `${hint} ${walk.variant + 1}`;
  const minLength = numberKeyword(resolved, "minLength") ?? 0;
  const maxLength = numberKeyword(resolved, "maxLength");
  if (text.length < minLength) text = text.padEnd(minLength, ".");
  if (maxLength !== undefined && text.length > maxLength) text = text.slice(0, maxLength);
  return text;
}

function arrayFor(
  resolved: ResolvedSchema,
  hint: string,
  walk: Walk,
  depth: number,
  chain: readonly string[],
): JsonValue[] {
  const prefix = keyword(resolved, "prefixItems");
  const values: JsonValue[] = [];
  if (prefix && Array.isArray(prefix.node)) {
    prefix.node.forEach((item, index) =>
      values.push(
        valueFor(child(prefix, item, index), hint, { ...walk, variant: walk.variant + index }, depth + 1, chain),
      ),
    );
  }
  const items = keyword(resolved, "items");
  const minItems = numberKeyword(resolved, "minItems") ?? 0;
  const maxItems = numberKeyword(resolved, "maxItems") ?? Infinity;
  const wanted = Math.min(Math.max(minItems, values.length === 0 ? 1 : values.length), maxItems);
  if (items && isJsonObject(items.node)) {
    // Deep or recursive structures get only the items they must have.
    const count = depth > MAX_DEPTH / 2 ? Math.max(minItems - values.length, 0) : wanted - values.length;
    for (let index = 0; index < count; index += 1) {
      values.push(valueFor(items, hint, { ...walk, variant: walk.variant + index }, depth + 1, chain));
    }
  }
  return values;
}

function objectFor(resolved: ResolvedSchema, walk: Walk, depth: number, chain: readonly string[]): JsonObject {
  const required = requiredNames(resolved);
  const recursive = resolved.refKeys.some((key) => chain.includes(key));
  const object: JsonObject = {};
  for (const [name, location] of properties(resolved)) {
    const include = required.has(name) || (walk.optional && !recursive && depth < MAX_DEPTH / 2);
    if (include) object[name] = valueFor(location, name, walk, depth + 1, [...chain, ...resolved.refKeys]);
  }
  // Required names without a declared schema: any value is allowed.
  for (const name of required) if (!(name in object)) object[name] = `${name} ${walk.variant + 1}`;
  const additional = keyword(resolved, "additionalProperties");
  const minProperties = numberKeyword(resolved, "minProperties") ?? 0;
  for (let index = 0; Object.keys(object).length < minProperties; index += 1) {
    object[`key${index + 1}`] =
      additional && isJsonObject(additional.node)
        ? valueFor(additional, "value", walk, depth + 1, chain)
        : `value ${index + 1}`;
  }
  return object;
}

function valueFor(
  location: SchemaLocation,
  hint: string,
  walk: Walk,
  depth: number,
  chain: readonly string[],
): JsonValue {
  // Past half of MAX_DEPTH only required structure is generated; a schema that still goes deeper requires infinite
  // values.
  if (depth > MAX_DEPTH * 2)
    throw new Error(`${location.document.source.file}#${location.pointer} requires unbounded nesting`);
  if (location.node === true) return `${hint} ${walk.variant + 1}`;
  const resolved = resolveSchema(walk.registry, location);
  const constant = keyword(resolved, "const");
  if (constant) return constant.node;
  const choices = keywordValue(resolved, "enum");
  if (Array.isArray(choices) && choices.length > 0)
    return choices.find((choice) => choice !== null) ?? (choices[0] as JsonValue);

  const options = alternatives(resolved);
  if (options) {
    // The first branch whose value the whole node accepts (for oneOf: matches exactly one branch).
    let fallback: JsonValue | undefined;
    for (const option of options.options) {
      const merged = { ...option, node: mergeSiblings(option.node, resolved) };
      const value = valueFor(merged, hint, walk, depth + 1, chain);
      fallback ??= value;
      if (walk.validator.acceptsAt(location, value)) return value;
    }
    return fallback as JsonValue;
  }

  switch (typeOf(resolved)) {
    case "object":
      return objectFor(resolved, walk, depth, chain);
    case "array":
      return arrayFor(resolved, hint, walk, depth, chain);
    case "integer":
      return numberFor(resolved, true);
    case "number":
      return numberFor(resolved, false);
    case "boolean":
      return true;
    case "null":
      return null;
    default:
      return stringFor(resolved, hint, walk);
  }
}

/**
 * A branch of oneOf/anyOf inherits the constraints written next to the keyword (e.g. `type` or
 * `properties` beside `anyOf`), so the branch's value also satisfies them.
 */
function mergeSiblings(branch: JsonValue, resolved: ResolvedSchema): JsonValue {
  if (!isJsonObject(branch)) return branch;
  const siblings: JsonObject = {};
  for (const name of ["type", "properties", "required", "items", "minItems", "maxItems"]) {
    const value = keywordValue(resolved, name);
    if (value !== undefined && !(name in branch)) siblings[name] = value;
  }
  return { ...siblings, ...branch };
}

export class ResponseGenerator {
  private readonly cache = new Map<string, JsonValue>();

  constructor(private readonly specs: Pick<Specs, "registry" | "validator">) {}

  /** A value valid against `document`; throws (naming the schema errors) when the walk cannot find one. */
  valueFor(document: SchemaDocument, variant = 0): JsonValue {
    const key = `${document.baseUri}\u0000${variant}`;
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    let problems = "";
    for (const optional of [true, false]) {
      const value = valueFor(
        this.specs.registry.root(document),
        "text",
        { registry: this.specs.registry, validator: this.specs.validator, optional, variant },
        0,
        [],
      );
      const errors = this.specs.validator.validate(document, value);
      if (errors.length === 0) {
        this.cache.set(key, value);
        return value;
      }
      problems = errors.map((error) => `${error.instancePointer || "/"}: ${error.message}`).join("; ");
    }
    throw new Error(`cannot generate a value valid against ${document.source.file}: ${problems}`);
  }

  /** The JSON body of a non-streamed response. */
  output(task: Task): JsonValue {
    return this.valueFor(task.schemas.output);
  }

  /** The events of a streamed response, each valid against stream_output.json. */
  streamEvents(task: Task): JsonValue[] {
    const schema = task.schemas.streamOutput;
    if (!schema) throw new Error(`task ${task.id} has no stream_output.json`);
    return Array.from({ length: STREAM_EVENT_COUNT }, (_, variant) => this.valueFor(schema, variant));
  }
}

/**
 * Fixed bytes for binary responses: a format's magic number followed by every kind of byte that
 * text-mode handling would alter (NUL, CR, LF, 0x80-0xff), so a saved file proves it was
 * written as bytes.
 */
const MAGIC: Record<string, number[]> = {
  image: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  audio: [0x66, 0x4c, 0x61, 0x43],
  video: [0x00, 0x00, 0x00, 0x18, 0x66, 0x74, 0x79, 0x70],
};

export function binaryBody(media: "image" | "audio" | "video"): Buffer {
  return Buffer.from([
    ...(MAGIC[media] ?? []),
    0x00,
    0x0d,
    0x0a,
    0x0a,
    0x80,
    0xc3,
    0x28,
    0xfe,
    0xff,
    0x1a,
    0x5c,
    0x22,
    0x27,
  ]);
}
