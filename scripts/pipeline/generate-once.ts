/**
 * One generation run and its summary line: what `generate`, `check` and the watch's build process share.
 */
import path from "node:path";
import { loadConfig } from "../config/config.ts";
import type { Diagnostic } from "../lib/diagnostics.ts";
import type { BuildProgress } from "./build-site.ts";
import { writeOutput } from "./output-dir.ts";
import { foreignFilesNote } from "./report-stale.ts";
import { siteFiles } from "./site-memo.ts";

/** The output directory as the user sees it from `cwd`. */
export function displayDir(dir: string, cwd: string): string {
  return path.relative(cwd, dir) || ".";
}

export interface GenerateOptions {
  /** Paths in the summary line are relative to this directory (default: `start`). */
  cwd?: string;
  progress?: BuildProgress;
  /** Neither read nor write the persistent cache (`--no-cache`). */
  noCache?: boolean;
  /** Told the problems that do not stop the run, when there are some. */
  onWarnings?: (warnings: readonly Diagnostic[]) => void;
}

/**
 * Generates the project found from `start` (or its configuration file `configFile`) and returns
 * the summary line.
 */
export async function generateOnce(start: string, configFile?: string, options: GenerateOptions = {}): Promise<string> {
  const started = performance.now();
  const { progress } = options;
  const config = loadConfig(start, configFile);
  const site = await siteFiles(config, options);
  if (site.warnings.length > 0) options.onWarnings?.(site.warnings);
  progress?.phase("writing", site.files.length);
  const summary = writeOutput(config.outDir, site.files);
  progress?.advance(site.files.length);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const outDir = displayDir(config.outDir, options.cwd ?? start);
  const counts = `${summary.written} written, ${summary.unchanged} unchanged, ${summary.removed} removed`;
  const line = `${outDir}/: ${counts} (${site.files.length} files, ${site.snippetCount} snippets) in ${seconds}s`;
  return line + foreignFilesNote(outDir, summary.foreign);
}
