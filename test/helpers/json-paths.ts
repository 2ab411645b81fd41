import type { JsonValue } from "../../scripts/lib/json-source.ts";

/** Every path to a value inside `document`, root included (array indexes as digit strings, as pointers give them). */
export function pathsOf(document: JsonValue, prefix: string[] = []): string[][] {
  const children: [string, JsonValue][] = Array.isArray(document)
    ? document.map((item, index) => [String(index), item])
    : document !== null && typeof document === "object"
      ? Object.entries(document)
      : [];
  return [prefix, ...children.flatMap(([key, child]) => pathsOf(child, [...prefix, key]))];
}
