/**
 * Every problem the tool reports is a Diagnostic: a file, a place in it, a reason and a rule id.
 * They are plain values carried to the edge (the CLI) and printed once, the same way everywhere,
 * so a user can fix the input from the message alone.
 */

export interface Position {
  line: number;
  column: number;
}

export interface Diagnostic {
  /** Path of the file at fault, relative to the working directory when possible. */
  file: string;
  /** 1-based line and column, when known. */
  position?: Position;
  /** JSON pointer into the document, when the problem is about a JSON value. */
  pointer?: string;
  /** What is wrong and how to fix it. */
  reason: string;
  /** Stable identifier of the check that failed, e.g. `json-syntax` or `schema-ref`. */
  ruleId: string;
}

export function formatDiagnostic(diagnostic: Diagnostic): string {
  const place = diagnostic.position ? `:${diagnostic.position.line}:${diagnostic.position.column}` : "";
  const pointer = diagnostic.pointer !== undefined ? ` at ${diagnostic.pointer === "" ? "/" : diagnostic.pointer}` : "";
  return `${diagnostic.file}${place}${pointer}: error: ${diagnostic.reason} [${diagnostic.ruleId}]`;
}

export function formatDiagnostics(diagnostics: readonly Diagnostic[]): string {
  const lines = diagnostics.map(formatDiagnostic);
  const count = diagnostics.length;
  lines.push(`${count} ${count === 1 ? "error" : "errors"}`);
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
