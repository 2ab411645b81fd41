/**
 * One schema file -> one documented table (what `npm run spec-table` prints).
 */
import path from "node:path";
import type { SchemaDocument, SchemaRegistry } from "../schema/registry.ts";
import { schemaRows } from "./rows.ts";
import { specTable } from "./markdown.ts";

/** "Payload" for request bodies, "Body" for responses, else the schema's own title. */
export function tableTitleFor(document: SchemaDocument): string {
  const base = path.posix.basename(new URL(document.fileUrl).pathname);
  if (base === "input.json") return "Payload";
  if (base === "output.json") return "Body";
  if (base === "stream_output.json") return "Body (one streamed event)";
  const root = document.source.value;
  const title = typeof root === "object" && root !== null && !Array.isArray(root) ? root["title"] : undefined;
  return typeof title === "string" ? title : base;
}

export function renderSchemaTable(registry: SchemaRegistry, document: SchemaDocument, title = tableTitleFor(document)): string {
  return specTable(title, schemaRows(registry, registry.root(document)));
}
