/**
 * snippet-docs spec-table <schema.json> [--defs <schema.json> ...]
 * Prints the documentation table of one JSON Schema file. `--defs` loads more schemas that
 * `$ref`s may point to by `$id` (for example the upstream common-definitions.json).
 */
import path from "node:path";
import type { Command } from "commander";
import { repeatable, type CommandDefinition } from "./command.ts";
import { commandMain } from "./program.ts";
import { EXIT } from "./run.ts";

export const specTableCommand: CommandDefinition = {
  name: "spec-table",
  summary: "print the documentation table of one JSON Schema file",
  description:
    "Prints the table a page shows for one JSON Schema file, following its $refs: the way to debug a spec. --defs loads " +
    "more schemas that $refs may name by $id.",
  examples: [
    ["specs/tasks/fill-mask/input.json", "the request table of fill-mask"],
    ["spec/input.json --defs common-definitions.json", "with shared definitions referenced by $id"],
  ],
  readsConfig: false,
  declare(command: Command) {
    command
      .argument("<schema>", "JSON Schema file")
      .option("--defs <schema>", "another schema $refs may point to (repeatable)", repeatable);
  },
  async run(context, options, args) {
    // Loaded on use: the CLI registers every command, and the table code brings the spec loader along.
    const { specTableForFile } = await import("../spec-table/schema-table.ts");
    const defs = ((options["defs"] as string[] | undefined) ?? []).map((file) => path.resolve(context.cwd, file));
    context.io.stdout(specTableForFile(path.resolve(context.cwd, args[0] as string), defs) + "\n");
    return EXIT.ok;
  },
};

export const main = commandMain(specTableCommand);
