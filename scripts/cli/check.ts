/**
 * snippet-docs check
 * Writes nothing. Exit 0 when the output directory is what `generate` would write; exit 1 with a
 * bounded unified diff, the stale and missing pages and the command to run; exit 2 on invalid input.
 */
import { loadConfig } from "../config/config.ts";
import { generateCommandOf } from "../config/command-name.ts";
import { buildSite } from "../pipeline/build-site.ts";
import { compareOutput } from "../pipeline/output-dir.ts";
import { isCurrent, staleReport } from "../pipeline/report-stale.ts";
import type { CommandDefinition } from "./command.ts";
import { displayDir } from "./common.ts";
import { commandMain } from "./program.ts";
import { EXIT } from "./run.ts";

export const checkCommand: CommandDefinition = {
  name: "check",
  summary: "fail when the pages on disk are not what generate would write (for CI)",
  description:
    "Builds every page in memory and compares it with the output directory. Writes nothing. Exit 0 when it is current; " +
    "exit 1 with a unified diff, the stale and missing pages and the command that fixes them; exit 2 on invalid input.",
  examples: [
    ["", "compare generated/ with what generate would write"],
    ["--cwd docs", "check the project in docs/"],
  ],
  readsConfig: true,
  async run(context) {
    const config = loadConfig(context.cwd, context.configFile);
    const site = await buildSite(config);
    const comparison = compareOutput(config.outDir, site.files);
    const outDir = displayDir(config.outDir, context.cwd);
    if (isCurrent(comparison)) {
      context.io.stdout(`${outDir}/ is current (${site.files.length} files).\n`);
      return EXIT.ok;
    }
    context.io.stdout(staleReport(outDir, comparison, generateCommandOf(config.root)));
    return EXIT.failed;
  },
};

export const main = commandMain(checkCommand);
