/**
 * snippet-docs check [--format text|json]
 * Writes nothing. Exit 0 when the output directory is what `generate` would write; exit 1 with a
 * bounded unified diff, the stale and missing pages and the command to run; exit 2 on invalid input.
 * `--format json` prints one JSON object for machines instead; in a GitHub workflow each problem
 * is also printed as an annotation.
 */
import type { Command } from "commander";
import { generateCommandOf } from "../config/command-name.ts";
import { loadConfig } from "../config/config.ts";
import { isInputError, severityOf, type Diagnostic } from "../lib/diagnostics.ts";
import { compareOutput, hasPendingWrite, type OutputComparison } from "../pipeline/output-dir.ts";
import { foreignFilesNote, isCurrent, staleReport } from "../pipeline/report-stale.ts";
import { siteFiles } from "../pipeline/site-memo.ts";
import { oneOf, type CommandContext, type CommandDefinition } from "./command.ts";
import { displayDir } from "../pipeline/generate-once.ts";
import { formatAnnotation, inGitHubActions } from "./github-annotations.ts";
import { commandMain } from "./program.ts";
import { EXIT, printDiagnostics } from "./run.ts";

/** What `check --format json` prints. */
export interface CheckReport {
  status: "current" | "stale" | "invalid";
  /** The output directory, relative to the working directory. */
  outDir: string;
  /** Pages whose content differs, pages the generator would add, and pages it would remove. */
  changed: string[];
  missing: string[];
  stale: string[];
  /** Files in the output directory the generator did not write: the user's, never touched. */
  foreign: string[];
  /** The command that brings the output directory up to date. */
  command: string;
  diagnostics: Diagnostic[];
}

function staleAnnotations(report: CheckReport): string {
  const reasons: [string[], string][] = [
    [report.changed, "differs from what the generator writes"],
    [report.missing, "is missing: the generator writes it"],
    [report.stale, "is no longer generated"],
  ];
  return reasons
    .flatMap(([files, reason]) =>
      files.map((file) =>
        formatAnnotation({
          file,
          title: "stale page",
          message: `${file} ${reason}. Run \`${report.command}\` and commit the result.`,
        }),
      ),
    )
    .join("");
}

/** In the JSON report every diagnostic says its severity, warnings and errors alike. */
function withSeverity(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.map((diagnostic) => ({ ...diagnostic, severity: severityOf(diagnostic) }));
}

function reportOf(
  outDir: string,
  comparison: OutputComparison,
  command: string,
  interrupted: boolean,
  warnings: readonly Diagnostic[],
): CheckReport {
  const inside = (file: string) => `${outDir}/${file}`;
  return {
    // A journal left by a killed run: the pages may match, but the write is not finished.
    status: isCurrent(comparison) && !interrupted ? "current" : "stale",
    outDir,
    changed: comparison.changed.map((change) => inside(change.path)),
    missing: comparison.missing.map(inside),
    stale: comparison.stale.map(inside),
    foreign: comparison.foreign.map(inside),
    command,
    diagnostics: withSeverity(warnings),
  };
}

async function run(context: CommandContext, format: string, noCache: boolean): Promise<number> {
  const config = loadConfig(context.cwd, context.configFile);
  const outDir = displayDir(config.outDir, context.cwd);
  const command = generateCommandOf(config.root);
  let comparison: OutputComparison;
  let fileCount: number;
  let warnings: Diagnostic[];
  try {
    const site = await siteFiles(config, { noCache });
    comparison = compareOutput(config.outDir, site.files);
    fileCount = site.files.length;
    warnings = site.warnings;
  } catch (error) {
    if (format !== "json" || !isInputError(error)) throw error;
    const report: CheckReport = {
      status: "invalid",
      outDir,
      changed: [],
      missing: [],
      stale: [],
      foreign: [],
      command,
      diagnostics: withSeverity(error.diagnostics),
    };
    context.io.stdout(JSON.stringify(report, null, 2) + "\n");
    return EXIT.invalidInput;
  }
  const interrupted = hasPendingWrite(config.outDir);
  const report = reportOf(outDir, comparison, command, interrupted, warnings);
  if (format !== "json") printDiagnostics(context.io, warnings);
  const note = foreignFilesNote(outDir, comparison.foreign);
  if (format === "json") context.io.stdout(JSON.stringify(report, null, 2) + "\n");
  else if (report.status === "current") context.io.stdout(`${outDir}/ is current (${fileCount} files).${note}\n`);
  else {
    if (interrupted) context.io.stdout(`${outDir}/ holds an interrupted write: run \`${command}\` to complete it.\n`);
    context.io.stdout(staleReport(outDir, comparison, command) + (note ? note.slice(1) + "\n" : ""));
  }
  if (report.status === "current") return EXIT.ok;
  if (inGitHubActions(context.io.env)) context.io.stdout(staleAnnotations(report));
  return EXIT.failed;
}

export const checkCommand: CommandDefinition = {
  name: "check",
  summary: "fail when the pages on disk are not what generate would write (for CI)",
  description:
    "Builds every page in memory and compares it with the output directory. Writes nothing. Exit 0 when it is current; " +
    "exit 1 with a unified diff, the stale and missing pages and the command that fixes them; exit 2 on invalid input. " +
    "In a GitHub workflow (GITHUB_ACTIONS=true) every problem is also printed as an annotation.",
  examples: [
    ["", "compare generated/ with what generate would write"],
    ["--format json", "one JSON object: status, changed, missing and stale pages, diagnostics"],
    ["--cwd docs", "check the project in docs/"],
  ],
  readsConfig: true,
  declare(command: Command) {
    command.option("--format <format>", "text or json", oneOf(["text", "json"], "--format"), "text");
    command.option("--no-cache", "neither read nor write the persistent cache of checked snippets and pages");
  },
  run: (context, options) => run(context, options["format"] as string, options["cache"] === false),
};

export const main = commandMain(checkCommand);
