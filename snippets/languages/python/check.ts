/**
 * Python snippets are formatted by ruff's formatter (its defaults) and must pass ruff's checker:
 * syntax errors, undefined names, unused or redefined imports, and import blocks isort would reorder.
 */
import { PositionEncoding, Workspace } from "@astral-sh/ruff-wasm-nodejs";

interface RuffDiagnostic {
  code: string | null;
  message: string;
  start_location: { row: number; column: number };
}

let ruff: Workspace | undefined;

/** One ruff workspace for formatting and checking. */
function ruffWorkspace(): Workspace {
  ruff ??= new Workspace(
    { "line-length": 88, lint: { select: ["E9", "F63", "F7", "F82", "F401", "F811", "I001"] } },
    PositionEncoding.Utf16,
  );
  return ruff;
}

export function format(source: string): string {
  return ruffWorkspace().format(source);
}

function verifyOne(source: string): string | undefined {
  const problems = ruffWorkspace().check(source) as RuffDiagnostic[];
  if (problems.length === 0) return undefined;
  return problems
    .map(
      (problem) =>
        `${problem.start_location.row}:${problem.start_location.column} ${problem.message} (${problem.code ?? "syntax"})`,
    )
    .join("; ");
}

export function verify(sources: readonly string[]): (string | undefined)[] {
  return sources.map(verifyOne);
}
