/**
 * `snippet-docs <command> ...`: the whole CLI, what bin/snippet-docs.js runs.
 */
import { COMMANDS } from "./commands.ts";
import type { CliIo } from "./io.ts";
import { runProgram } from "./program.ts";

export function main(argv: readonly string[], io: CliIo): Promise<number> {
  return runProgram(COMMANDS, argv, io);
}
