/**
 * The conformance report: each failure with its problems (and, for fuzz failures, the shrunk
 * counterexample and the snippet), a table of clients x passed/failed for the matrix and the
 * fuzz cases, the run's numbers, and a last line `N passed, N failed`.
 */
import type { FuzzFailure } from "./fuzz.ts";
import { usesStandIn, type CaseResult } from "./runner.ts";

export interface ConformanceReport {
  matrix: readonly CaseResult[];
  fuzz: readonly CaseResult[];
  fuzzFailures: readonly FuzzFailure[];
  shrinkRuns: number;
  /** Client ids in page order (rows of the table). */
  clients: readonly string[];
  seed: number;
  jobs: number;
  durationMs: number;
}

function indent(text: string, prefix: string): string {
  return text
    .split("\n")
    .map((line) => (line ? prefix + line : line))
    .join("\n");
}

function formatFailure(result: CaseResult): string {
  const lines = [
    `FAIL ${result.id} [${result.kind}]${result.standIn ? " (stand-in)" : ""}`,
    indent(result.problems.join("\n"), "    "),
  ];
  if (result.workDir) lines.push(`    files kept in ${result.workDir}`);
  return lines.join("\n");
}

function formatFuzzFailure(failure: FuzzFailure): string {
  const lines = [
    `FAIL ${failure.jobId} [fuzz, seed ${failure.seed}, ${failure.numShrinks} shrinks]`,
    `    counterexample (example fields): ${JSON.stringify(failure.counterexample)}`,
    indent(failure.result.problems.join("\n"), "    "),
  ];
  if (failure.result.snippet !== undefined)
    lines.push("    snippet:", indent(failure.result.snippet.trimEnd(), "      | "));
  if (failure.result.workDir) lines.push(`    files kept in ${failure.result.workDir}`);
  return lines.join("\n");
}

interface Row {
  client: string;
  matrixPassed: number;
  matrixFailed: number;
  fuzzPassed: number;
  fuzzFailed: number;
  averageMs: number;
}

function rows(report: ConformanceReport): Row[] {
  return report.clients.map((client) => {
    const matrix = report.matrix.filter((result) => result.clientId === client);
    const fuzz = report.fuzz.filter((result) => result.clientId === client);
    const all = [...matrix, ...fuzz];
    return {
      client: usesStandIn(client) ? `${client} *` : client,
      matrixPassed: matrix.filter((result) => result.ok).length,
      matrixFailed: matrix.filter((result) => !result.ok).length,
      fuzzPassed: fuzz.filter((result) => result.ok).length,
      fuzzFailed: fuzz.filter((result) => !result.ok).length,
      averageMs: all.length ? all.reduce((sum, result) => sum + result.durationMs, 0) / all.length : 0,
    };
  });
}

export function formatTable(report: ConformanceReport): string {
  const header = ["client", "matrix passed", "matrix failed", "fuzz passed", "fuzz failed", "ms per run"];
  const body = rows(report).map((row) => [
    row.client,
    String(row.matrixPassed),
    String(row.matrixFailed),
    String(row.fuzzPassed),
    String(row.fuzzFailed),
    row.averageMs ? String(Math.round(row.averageMs)) : "-",
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...body.map((cells) => (cells[column] ?? "").length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0)))
      .join("  ");
  return [line(header), widths.map((width) => "-".repeat(width)).join("  "), ...body.map(line)].join("\n");
}

export function countResults(report: ConformanceReport): { passed: number; failed: number } {
  const all = [...report.matrix, ...report.fuzz];
  const failed = all.filter((result) => !result.ok).length;
  return { passed: all.length - failed, failed };
}

export function formatReport(report: ConformanceReport): string {
  const sections: string[] = [];
  const matrixFailures = report.matrix.filter((result) => !result.ok);
  if (matrixFailures.length > 0)
    sections.push(`Matrix failures (${matrixFailures.length}):\n\n${matrixFailures.map(formatFailure).join("\n\n")}`);
  if (report.fuzzFailures.length > 0) {
    sections.push(
      `Fuzz failures (${report.fuzzFailures.length}), shrunk:\n\n${report.fuzzFailures.map(formatFuzzFailure).join("\n\n")}`,
    );
  }
  sections.push(formatTable(report));
  const notes: string[] = [];
  if (report.clients.some((client) => usesStandIn(client))) {
    notes.push(
      "* checked with ruff, then run against a stand-in module (in its client folder, standin/): the SDK cannot be installed here",
    );
  }
  const standIn = [...report.matrix, ...report.fuzz].filter((result) => result.standIn);
  if (standIn.length > 0) {
    notes.push(
      `  stand-in results: ${standIn.filter((result) => result.ok).length} passed, ${standIn.filter((result) => !result.ok).length} failed`,
    );
  }
  notes.push(
    `matrix: ${report.matrix.length} snippets; fuzz: ${report.fuzz.length} cases (+${report.shrinkRuns} shrinking runs), seed ${report.seed}; ` +
      `${(report.durationMs / 1000).toFixed(1)} s with ${report.jobs} parallel runs`,
  );
  sections.push(notes.join("\n"));
  const { passed, failed } = countResults(report);
  sections.push(`${passed} passed, ${failed} failed`);
  return sections.join("\n\n") + "\n";
}
