/**
 * Every problem the tool reports is a Diagnostic: a severity, a file, a place in it, a reason and
 * a rule id (scripts/lib/rules.ts). They are plain values carried to the edge (the CLI) and printed
 * once, the same way everywhere, so a user can fix the input from the message alone. Errors stop
 * the run (exit 2, nothing written); warnings are printed and change nothing else.
 */
import type { RuleId } from "./rules.ts";

export type Severity = "error" | "warning";

export interface Position {
  line: number;
  column: number;
}

export interface Diagnostic {
  /** Absent means "error": only warnings say so. */
  severity?: Severity;
  /** Path of the file at fault, relative to the working directory when possible. */
  file: string;
  /** 1-based line and column, when known. */
  position?: Position;
  /** 1-based line and column just past the end of the faulty text, when known. */
  end?: Position;
  /** JSON pointer into the document, when the problem is about a JSON value. */
  pointer?: string;
  /** What is wrong and how to fix it. */
  reason: string;
  /** Stable identifier of the check that failed, e.g. `json-syntax` or `schema-ref`. */
  ruleId: RuleId;
}

export function severityOf(diagnostic: Diagnostic): Severity {
  return diagnostic.severity ?? "error";
}

/**
 * `file:line:column at /pointer: error: reason [rule]`. The end place is left to the JSON report
 * and the annotations: terminals and editors open `file:line:column`, not a range.
 */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  const place = diagnostic.position ? `:${diagnostic.position.line}:${diagnostic.position.column}` : "";
  const pointer = diagnostic.pointer !== undefined ? ` at ${diagnostic.pointer === "" ? "/" : diagnostic.pointer}` : "";
  return `${diagnostic.file}${place}${pointer}: ${severityOf(diagnostic)}: ${diagnostic.reason} [${diagnostic.ruleId}]`;
}

function counted(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

/** The messages, one a line, then how many errors (and warnings, when there are some). */
export function formatDiagnostics(diagnostics: readonly Diagnostic[]): string {
  const lines = diagnostics.map(formatDiagnostic);
  const warnings = diagnostics.filter((diagnostic) => severityOf(diagnostic) === "warning").length;
  const errors = diagnostics.length - warnings;
  const [errorCount, warningCount] = [counted(errors, "error"), counted(warnings, "warning")];
  lines.push(warnings === 0 ? errorCount : errors === 0 ? warningCount : `${errorCount}, ${warningCount}`);
  return lines.join("\n");
}

/** Thrown only to carry diagnostics from deep in the pipeline to the CLI edge. */
export class InputError extends Error {
  readonly diagnostics: readonly Diagnostic[];

  constructor(diagnostics: readonly Diagnostic[]) {
    super(formatDiagnostics(diagnostics));
    this.name = "InputError";
    this.diagnostics = diagnostics;
  }
}

export function isInputError(error: unknown): error is InputError {
  return error instanceof InputError;
}

/** Sort diagnostics by file, then line, so output is stable whatever order checks ran in. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      (a.position?.line ?? 0) - (b.position?.line ?? 0) ||
      (a.position?.column ?? 0) - (b.position?.column ?? 0) ||
      a.reason.localeCompare(b.reason),
  );
}
