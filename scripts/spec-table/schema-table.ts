/**
 * One schema file -> one documented table (what `npm run spec-table` prints).
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import { InputError } from "../lib/diagnostics.ts";
import { loadSchemaFiles } from "../load/files.ts";
import { SchemaRegistry, type SchemaDocument } from "../schema/registry.ts";
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

export function renderSchemaTable(
  registry: SchemaRegistry,
  document: SchemaDocument,
  title = tableTitleFor(document),
): string {
  return specTable(title, schemaRows(registry, registry.root(document)));
}

/**
 * What `npm run spec-table` does: loads a schema file (following `$ref`s to sibling files) and
 * extra definition files that `$ref`s may name by `$id`, then renders its table.
 * Throws InputError naming the file and place when a file is malformed or a `$ref` dangles.
 */
export function specTableForFile(schemaPath: string, definitionPaths: readonly string[] = []): string {
  const absolute = path.resolve(schemaPath);
  const registry = new SchemaRegistry();
  const diagnostics = loadSchemaFiles([absolute, ...definitionPaths.map((file) => path.resolve(file))], registry);
  diagnostics.push(...registry.unresolvedRefs());
  if (diagnostics.length > 0) throw new InputError(diagnostics);
  const document = registry.get(pathToFileURL(absolute).href);
  if (!document) throw new Error(`${absolute} was not loaded`);
  return renderSchemaTable(registry, document);
}
