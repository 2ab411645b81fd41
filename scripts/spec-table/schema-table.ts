/**
 * One schema file -> one documented table (what `npm run spec-table` prints).
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import { BoundedMemo } from "../lib/bounded-memo.ts";
import { partsHash } from "../lib/content-cache.ts";
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

/**
 * Tables by everything they are made from (the registry's documents, the schema, the title): the
 * preview's builder renders every table on every save, and most saves change no schema. Bounded.
 */
const renderedTables = new BoundedMemo<string, string>(2_000);
/** A registry's digest, with the number of documents it covered (a registry only grows). */
const registryDigests = new WeakMap<SchemaRegistry, { count: number; digest: string }>();

function registryDigest(registry: SchemaRegistry): string {
  const documents = registry.all();
  const known = registryDigests.get(registry);
  if (known?.count === documents.length) return known.digest;
  const hash = partsHash();
  for (const document of documents) hash.add(document.fileUrl).add(document.source.file).add(document.source.text);
  const digest = hash.digest();
  registryDigests.set(registry, { count: documents.length, digest });
  return digest;
}

export function renderSchemaTable(
  registry: SchemaRegistry,
  document: SchemaDocument,
  title = tableTitleFor(document),
): string {
  const key = `${registryDigest(registry)}\u0000${document.fileUrl}\u0000${title}`;
  return renderedTables.getOrMake(key, () => specTable(title, schemaRows(registry, registry.root(document))));
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
