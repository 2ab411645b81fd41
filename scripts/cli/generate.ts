/**
 * npm run generate [-- --config <file>]
 * Renders and validates every page first, then writes generated/ (only changed files, each
 * atomically) and removes pages the specs no longer produce. Prints a one-line summary.
 */
import { generateOnce, parseCommonArgs } from "./common.ts";
import { EXIT, runCli } from "./run.ts";

const USAGE = "usage: npm run generate [-- --config <snippet-docs.config.json>]";

runCli(async () => {
  const args = parseCommonArgs();
  if (args.help) {
    process.stdout.write(USAGE + "\n");
    return EXIT.ok;
  }
  process.stdout.write((await generateOnce(args.config)) + "\n");
  return EXIT.ok;
}, USAGE);
