/**
 * Resolving a schema node for documentation: `$ref` targets and `allOf` branches are merged into
 * layers. Sibling keywords written next to a `$ref` come first, so they win over the referenced
 * node's (a description at the use site beats the definition's); `properties` and `required`
 * are united across layers, since every layer constrains the same value.
 */
import { isJsonObject, pathToPointer, type JsonObject, type JsonValue } from "../lib/json-source.ts";
import type { SchemaDocument, SchemaLocation, SchemaRegistry } from "../schema/registry.ts";

export interface Layer {
  document: SchemaDocument;
  pointer: string;
  node: JsonObject;
}

export interface ResolvedSchema {
  layers: Layer[];
  /** Keys (document URI + pointer) of every `$ref` target merged in, to detect recursion. */
  refKeys: string[];
  /** True when a `$ref` chain loops back on itself without any structure in between. */
  loops: boolean;
}

export function locationKey(location: { document: SchemaDocument; pointer: string }): string {
  return `${location.document.baseUri}#${location.pointer}`;
}

export function child(
  location: { document: SchemaDocument; pointer: string },
  node: JsonValue,
  ...path: (string | number)[]
): SchemaLocation {
  return { document: location.document, pointer: location.pointer + pathToPointer(path), node };
}

export function resolveSchema(
  registry: SchemaRegistry,
  location: SchemaLocation,
  chain: readonly string[] = [],
): ResolvedSchema {
  const result: ResolvedSchema = { layers: [], refKeys: [], loops: false };
  const node = location.node;
  if (!isJsonObject(node)) return result;
  const { $ref, allOf, ...own } = node;
  result.layers.push({ document: location.document, pointer: location.pointer, node: own });
  if (typeof $ref === "string") {
    const resolution = registry.resolve($ref, location.document);
    if (resolution.ok) {
      const key = locationKey(resolution.target);
      if (chain.includes(key)) {
        result.loops = true;
      } else {
        const target = resolveSchema(registry, resolution.target, [...chain, key]);
        result.layers.push(...target.layers);
        result.refKeys.push(key, ...target.refKeys);
        result.loops ||= target.loops;
      }
    }
  }
  if (Array.isArray(allOf)) {
    allOf.forEach((branch, index) => {
      const resolved = resolveSchema(registry, child(location, branch, "allOf", index), chain);
      result.layers.push(...resolved.layers);
      result.refKeys.push(...resolved.refKeys);
      result.loops ||= resolved.loops;
    });
  }
  return result;
}

/** First layer that has `keyword`, with the location of its value. */
export function keyword(resolved: ResolvedSchema, name: string): SchemaLocation | undefined {
  for (const layer of resolved.layers) {
    if (Object.hasOwn(layer.node, name)) return child(layer, layer.node[name] as JsonValue, name);
  }
  return undefined;
}

export function keywordValue(resolved: ResolvedSchema, name: string): JsonValue | undefined {
  return keyword(resolved, name)?.node;
}

/** Properties united over all layers, in first-seen order; an earlier layer wins for a name. */
export function properties(resolved: ResolvedSchema): Map<string, SchemaLocation> {
  const result = new Map<string, SchemaLocation>();
  for (const layer of resolved.layers) {
    const props = layer.node["properties"];
    if (!isJsonObject(props)) continue;
    for (const [name, schema] of Object.entries(props)) {
      if (!result.has(name)) result.set(name, child(layer, schema, "properties", name));
    }
  }
  return result;
}

export function requiredNames(resolved: ResolvedSchema): Set<string> {
  const result = new Set<string>();
  for (const layer of resolved.layers) {
    const required = layer.node["required"];
    if (Array.isArray(required)) for (const name of required) if (typeof name === "string") result.add(name);
  }
  return result;
}

/** The alternatives of a oneOf/anyOf, with which keyword declared them. */
export function alternatives(
  resolved: ResolvedSchema,
): { keyword: "oneOf" | "anyOf"; options: SchemaLocation[] } | undefined {
  for (const name of ["oneOf", "anyOf"] as const) {
    const found = keyword(resolved, name);
    if (found && Array.isArray(found.node)) {
      return { keyword: name, options: found.node.map((option, index) => child(found, option, index)) };
    }
  }
  return undefined;
}
