/**
 * Which fields a client may add to the example request without changing what it asks for: the
 * SDKs fill in some arguments the caller did not give (huggingface_hub sends `"stream": false` on
 * chat and `"parameters": {}` when no parameter is set). Such a field is harmless when the task's
 * input schema declares it and its value is the declared `default`, or an empty object. Anything
 * else the example does not hold is a different request.
 */
import { isDeepStrictEqual } from "node:util";
import { isJsonObject, type JsonValue } from "../lib/json-source.ts";
import type { SchemaDocument, SchemaLocation, SchemaRegistry } from "../schema/registry.ts";
import { alternatives, keyword, properties, resolveSchema, type ResolvedSchema } from "../spec-table/resolve.ts";

/** Where a body value sits: object keys and array indices from the body's root. */
export type BodyPath = readonly (string | number)[];

/** Decides whether an extra field at `path` with `value` only spells out a default. */
export type ExtraFieldPolicy = (path: BodyPath, value: JsonValue) => boolean;

/** A schema node with every `$ref`, `allOf` and `oneOf`/`anyOf` branch it may take, resolved. */
function branches(registry: SchemaRegistry, location: SchemaLocation, depth = 0): ResolvedSchema[] {
  const resolved = resolveSchema(registry, location);
  const choice = depth < 8 ? alternatives(resolved) : undefined;
  return [resolved, ...(choice?.options.flatMap((option) => branches(registry, option, depth + 1)) ?? [])];
}

function childSchemas(resolved: ResolvedSchema, segment: string | number): SchemaLocation[] {
  if (typeof segment === "number") {
    const items = keyword(resolved, "items");
    return items && isJsonObject(items.node) ? [items] : [];
  }
  const property = properties(resolved).get(segment);
  return property ? [property] : [];
}

/** The schemas that describe the value at `path`, over every branch; empty when nothing declares it. */
export function schemasAt(registry: SchemaRegistry, document: SchemaDocument, path: BodyPath): ResolvedSchema[] {
  let current = branches(registry, { document, pointer: "", node: document.source.value });
  for (const segment of path) {
    current = current
      .flatMap((resolved) => childSchemas(resolved, segment))
      .flatMap((location) => branches(registry, location));
    if (current.length === 0) return [];
  }
  return current;
}

/** The `default` values the schema declares for the value at `path`. */
export function declaredDefaults(registry: SchemaRegistry, document: SchemaDocument, path: BodyPath): JsonValue[] {
  return schemasAt(registry, document, path).flatMap((resolved) => {
    const found = keyword(resolved, "default");
    return found ? [found.node] : [];
  });
}

function isEmptyObject(value: JsonValue): boolean {
  return isJsonObject(value) && Object.keys(value).length === 0;
}

/**
 * Accepts an extra field when the input schema declares it and its value is an empty object or
 * one of the defaults declared for it.
 */
export function defaultFieldPolicy(registry: SchemaRegistry, inputSchema: SchemaDocument): ExtraFieldPolicy {
  return (path, value) => {
    const schemas = schemasAt(registry, inputSchema, path);
    if (schemas.length === 0) return false;
    if (isEmptyObject(value)) return true;
    return declaredDefaults(registry, inputSchema, path).some((declared) => isDeepStrictEqual(declared, value));
  };
}
