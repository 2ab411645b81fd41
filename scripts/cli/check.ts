/**
 * npm run check [-- --config <file>]
 * Writes nothing. Exit 0 when generated/ is what `npm run generate` would write; exit 1 with a
 * bounded unified diff, the stale and missing pages and the command to run; exit 2 on invalid input.
 */
import path from "node:path";
import { loadConfig } from "../config/config.ts";
import { buildSite, GENERATE_COMMAND } from "../pipeline/build-site.ts";
import { compareOutput, hasPendingWrite } from "../pipeline/output-dir.ts";
import { foreignFilesNote, isCurrent, staleReport } from "../pipeline/report-stale.ts";
import { parseCommonArgs } from "./common.ts";
import { EXIT, runCli } from "./run.ts";

const USAGE = "usage: npm run check [-- --config <snippet-docs.config.json>]";

runCli(async () => {
  const args = parseCommonArgs();
  if (args.help) {
    process.stdout.write(USAGE + "\n");
    return EXIT.ok;
  }
  const config = loadConfig(process.cwd(), args.config);
  const site = await buildSite(config);
  const comparison = compareOutput(config.outDir, site.files);
  const outDir = path.relative(process.cwd(), config.outDir) || ".";
  const note = foreignFilesNote(outDir, comparison.foreign);
  if (isCurrent(comparison) && !hasPendingWrite(config.outDir)) {
    process.stdout.write(`${outDir}/ is current (${site.files.length} files).${note}\n`);
    return EXIT.ok;
  }
  if (hasPendingWrite(config.outDir)) process.stdout.write(`${outDir}/ holds an interrupted write: run \`${GENERATE_COMMAND}\` to complete it.\n`);
  process.stdout.write(staleReport(outDir, comparison, GENERATE_COMMAND) + (note ? note.slice(1) + "\n" : ""));
  return EXIT.failed;
}, USAGE);
