/**
 * What generate, check and preview share: their arguments and one generation run.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { loadConfig } from "../config/config.ts";
import { buildSite } from "../pipeline/build-site.ts";
import { writeOutput } from "../pipeline/output-dir.ts";
import { foreignFilesNote } from "../pipeline/report-stale.ts";
import { UsageError } from "./run.ts";

export function parseCommonArgs(args: string[] = process.argv.slice(2)): { config?: string; help: boolean; watch: boolean } {
  try {
    const { values } = parseArgs({ args, options: { config: { type: "string" }, help: { type: "boolean" }, watch: { type: "boolean" } } });
    return { ...(values.config ? { config: values.config } : {}), help: values.help === true, watch: values.watch === true };
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** Generates the project at `root` (its configuration file, or `configFile` relative to it) and returns the summary line. */
export async function generateOnce(root: string, configFile?: string): Promise<string> {
  const started = performance.now();
  const config = loadConfig(root, configFile);
  const site = await buildSite(config);
  const summary = writeOutput(config.outDir, site.files);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const outDir = path.relative(process.cwd(), config.outDir) || ".";
  const line = `${outDir}/: ${summary.written} written, ${summary.unchanged} unchanged, ${summary.removed} removed (${site.files.length} files, ${site.snippetCount} snippets) in ${seconds}s`;
  return line + foreignFilesNote(outDir, summary.foreign);
}

