/**
 * What `check` prints when generated/ is not current: a bounded unified diff per changed page,
 * the lists of stale and missing pages, and the command that fixes it.
 */
import { createTwoFilesPatch } from "diff";
import type { OutputComparison } from "./output-dir.ts";

export interface StaleReportLimits {
  /** Diff lines shown per file. */
  linesPerFile: number;
  /** Diff lines shown in all. */
  totalLines: number;
}

export const DEFAULT_LIMITS: StaleReportLimits = { linesPerFile: 60, totalLines: 400 };

export function isCurrent(comparison: OutputComparison): boolean {
  return comparison.changed.length === 0 && comparison.missing.length === 0 && comparison.stale.length === 0;
}

export function staleReport(
  outDir: string,
  comparison: OutputComparison,
  command: string,
  limits: StaleReportLimits = DEFAULT_LIMITS,
): string {
  const out: string[] = [];
  let budget = limits.totalLines;
  for (const change of comparison.changed) {
    const name = `${outDir}/${change.path}`;
    const patch = createTwoFilesPatch(
      `a/${name}`,
      `b/${name}`,
      change.actual,
      change.expected,
      "on disk",
      "generated",
      { context: 2 },
    ).split("\n");
    // Drop the "Index:" and "=====" lines the diff package adds.
    const lines = patch.filter((line, index) => !(index < 2 && (line.startsWith("Index:") || line.startsWith("==="))));
    while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
    const shown = lines.slice(0, Math.min(limits.linesPerFile, Math.max(budget, 0)));
    budget -= shown.length;
    out.push(...shown);
    if (shown.length < lines.length) out.push(`... ${lines.length - shown.length} more diff lines for ${name}`);
  }
  if (comparison.changed.length > 0)
    out.push(
      "",
      `Changed (${comparison.changed.length}):`,
      ...comparison.changed.map((change) => `  ${outDir}/${change.path}`),
    );
  if (comparison.stale.length > 0)
    out.push(
      "",
      `Stale, no longer generated (${comparison.stale.length}):`,
      ...comparison.stale.map((file) => `  ${outDir}/${file}`),
    );
  if (comparison.missing.length > 0)
    out.push("", `Missing (${comparison.missing.length}):`, ...comparison.missing.map((file) => `  ${outDir}/${file}`));
  out.push("", `${outDir}/ is not what the generator writes. Run \`${command}\` and commit the result.`);
  return out.join("\n").replace(/^\n+/, "") + "\n";
}

/** Files in the output folder the generator did not write: named, and left alone. */
export function foreignFilesNote(outDir: string, foreign: readonly string[]): string {
  if (foreign.length === 0) return "";
  const shown = foreign
    .slice(0, 20)
    .map((file) => `\n  ${outDir}/${file}`)
    .join("");
  const more = foreign.length > 20 ? `\n  ... and ${foreign.length - 20} more` : "";
  return `\nNot written by the generator, left as they are (${foreign.length}):${shown}${more}`;
}
