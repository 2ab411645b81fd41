/**
 * npm run check [-- --config <file>]
 * Writes nothing. Exit 0 when generated/ is what `npm run generate` would write; exit 1 with a
 * bounded unified diff, the stale and missing pages and the command to run; exit 2 on invalid input.
 */
import path from "node:path";
import { buildCache } from "../cache/build-cache.ts";
import { loadConfig } from "../config/config.ts";
import { buildSite, GENERATE_COMMAND } from "../pipeline/build-site.ts";
import { compareOutput } from "../pipeline/output-dir.ts";
import { isCurrent, staleReport } from "../pipeline/report-stale.ts";
import { parseCommonArgs } from "./common.ts";
import { EXIT, runCli } from "./run.ts";

const USAGE = "usage: npm run check [-- --config <snippet-docs.config.json>] [--no-cache]";

runCli(async () => {
  const args = parseCommonArgs();
  if (args.help) {
    process.stdout.write(USAGE + "\n");
    return EXIT.ok;
  }
  const config = loadConfig(process.cwd(), args.config);
  const site = await buildSite(config, { cache: buildCache(config, { noCache: args.noCache }) });
  const comparison = compareOutput(config.outDir, site.files);
  const outDir = path.relative(process.cwd(), config.outDir) || ".";
  if (isCurrent(comparison)) {
    process.stdout.write(`${outDir}/ is current (${site.files.length} files).\n`);
    return EXIT.ok;
  }
  process.stdout.write(staleReport(outDir, comparison, GENERATE_COMMAND));
  return EXIT.failed;
}, USAGE);
