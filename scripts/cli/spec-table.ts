/**
 * npm run spec-table -- <schema.json> [--defs <schema.json> ...]
 * Prints the documentation table of one JSON Schema file. `--defs` loads more schemas that
 * `$ref`s may point to by `$id` (for example the upstream common-definitions.json).
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { InputError } from "../lib/diagnostics.ts";
import { loadSchemaFiles } from "../load/files.ts";
import { SchemaRegistry } from "../schema/registry.ts";
import { renderSchemaTable } from "../spec-table/schema-table.ts";
import { EXIT, UsageError, runCli } from "./run.ts";

const USAGE = "usage: npm run spec-table -- <schema.json> [--defs <schema.json> ...]";

runCli(() => {
  let parsed;
  try {
    parsed = parseArgs({ allowPositionals: true, options: { defs: { type: "string", multiple: true }, help: { type: "boolean" } } });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (parsed.values.help) {
    process.stdout.write(USAGE + "\n");
    return EXIT.ok;
  }
  if (parsed.positionals.length !== 1) throw new UsageError("give exactly one schema file");
  const schemaPath = path.resolve(parsed.positionals[0] as string);
  const registry = new SchemaRegistry();
  const diagnostics = loadSchemaFiles([schemaPath, ...(parsed.values.defs ?? []).map((file) => path.resolve(file))], registry);
  diagnostics.push(...registry.unresolvedRefs());
  if (diagnostics.length > 0) throw new InputError(diagnostics);
  const document = registry.get(pathToFileURL(schemaPath).href);
  if (!document) throw new Error(`${schemaPath} was not loaded`);
  process.stdout.write(renderSchemaTable(registry, document) + "\n");
  return EXIT.ok;
}, USAGE);
