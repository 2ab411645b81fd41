/**
 * Writing the feed back in its hand-made layout, so a sync is reviewed as a few changed lines:
 * specs/providers.json has one provider field per line and one mapping per line; in task.json only
 * the `recommendedModels` array is replaced (one model per line), every other byte stays.
 */
import { findNodeAtLocation, parseTree } from "jsonc-parser";
import type { JsonObject, JsonValue } from "../lib/json-source.ts";
import type { RecommendedModel } from "../model/types.ts";

/** A JSON value on one line: `{ "a": 1, "b": [2, 3] }`. */
export function inlineJson(value: JsonValue): string {
  if (Array.isArray(value)) return `[${value.map(inlineJson).join(", ")}]`;
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value);
    if (entries.length === 0) return "{}";
    return `{ ${entries.map(([key, child]) => `${JSON.stringify(key)}: ${inlineJson(child)}`).join(", ")} }`;
  }
  return JSON.stringify(value);
}

function block(indent: string, entries: [string, string][]): string[] {
  return entries.map(
    ([key, text], index) => `${indent}${JSON.stringify(key)}: ${text}${index < entries.length - 1 ? "," : ""}`,
  );
}

function objectLines(indent: string, value: JsonObject, child: (key: string, value: JsonValue) => string): string[] {
  const entries = Object.entries(value);
  if (entries.length === 0) return ["{}"];
  return [
    "{",
    ...block(
      `${indent}  `,
      entries.map(([key, item]) => [key, child(key, item)]),
    ),
    `${indent}}`,
  ];
}

/** specs/providers.json in its layout: top-level fields, providers, their fields, then one mapping per line. */
export function formatFeed(feed: JsonObject): string {
  const mappings = (value: JsonValue) =>
    typeof value === "object" && value !== null && !Array.isArray(value)
      ? objectLines("      ", value, (_key, item) => inlineJson(item)).join("\n")
      : inlineJson(value);
  const provider = (value: JsonValue) =>
    typeof value === "object" && value !== null && !Array.isArray(value)
      ? objectLines("    ", value, (key, item) => (key === "tasks" ? mappings(item) : inlineJson(item))).join("\n")
      : inlineJson(value);
  const providers = (value: JsonValue) =>
    typeof value === "object" && value !== null && !Array.isArray(value)
      ? objectLines("  ", value, (_key, item) => provider(item)).join("\n")
      : inlineJson(value);
  return (
    objectLines("", feed, (key, value) => (key === "providers" ? providers(value) : inlineJson(value))).join("\n") +
    "\n"
  );
}

/**
 * task.json with its `recommendedModels` replaced, one model per line at the file's own
 * indentation; the rest of the text is kept byte for byte.
 */
export function replaceRecommendedModels(text: string, models: readonly RecommendedModel[]): string {
  const tree = parseTree(text);
  const node = tree && findNodeAtLocation(tree, ["recommendedModels"]);
  const property = node?.parent;
  if (!node || !property) throw new Error("task.json has no recommendedModels array");
  const lineStart = text.lastIndexOf("\n", property.offset) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? "";
  const items = models.map((model) => `${indent}  ${inlineJson({ id: model.id, description: model.description })}`);
  const array = models.length === 0 ? "[]" : `[\n${items.join(",\n")}\n${indent}]`;
  return text.slice(0, node.offset) + array + text.slice(node.offset + node.length);
}
