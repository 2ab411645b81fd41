/**
 * npm run spec-table -- <schema.json> [--defs <schema.json> ...]
 * Prints the documentation table of one JSON Schema file. `--defs` loads more schemas that
 * `$ref`s may point to by `$id` (for example the upstream common-definitions.json).
 */
import { parseArgs } from "node:util";
import { specTableForFile } from "../spec-table/schema-table.ts";
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
  process.stdout.write(specTableForFile(parsed.positionals[0] as string, parsed.values.defs ?? []) + "\n");
  return EXIT.ok;
}, USAGE);
