/**
 * Every subcommand of `snippet-docs`, in the order --help lists them. Adding one is one line here.
 */
import type { CommandDefinition } from "./command.ts";
import { benchCommand } from "./bench.ts";
import { checkCommand } from "./check.ts";
import { conformanceCommand } from "./conformance.ts";
import { explainCommand } from "./explain.ts";
import { generateCommand } from "./generate.ts";
import { previewCommand } from "./preview.ts";
import { snippetCommand } from "./snippet.ts";
import { specTableCommand } from "./spec-table.ts";
import { syncCommand } from "./sync.ts";

export const COMMANDS: readonly CommandDefinition[] = [
  generateCommand,
  checkCommand,
  previewCommand,
  snippetCommand,
  specTableCommand,
  conformanceCommand,
  benchCommand,
  syncCommand,
  explainCommand,
];
