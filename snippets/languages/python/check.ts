/**
 * Python snippets are formatted by ruff's formatter (its defaults) and must pass ruff's checker:
 * syntax errors, undefined names, unused or redefined imports, and import blocks isort would reorder.
 */
import { setFlagsFromString } from "node:v8";
import type { Workspace as RuffWorkspace } from "@astral-sh/ruff-wasm-nodejs";

/*
 * ruff is a 10 MB WebAssembly module, compiled when it loads. V8 compiles it first with its baseline
 * compiler and then recompiles the hot functions with its optimizing one, on the background threads
 * that also optimize JavaScript. On two cores that recompilation costs more than it saves, and it
 * holds up prettier's optimization for seconds after: formatting every JavaScript snippet took 4.8 s
 * after the Python ones against 2.1 s alone, and the Python ones 1.3 s against 0.8 s with the
 * baseline compiler only. The flag applies to WebAssembly compiled from now on; the output is the same.
 * It must be set before ruff's module compiles, so ruff is imported after it.
 */
setFlagsFromString("--liftoff-only");
const { PositionEncoding, Workspace } = await import("@astral-sh/ruff-wasm-nodejs");

interface RuffDiagnostic {
  code: string | null;
  message: string;
  start_location: { row: number; column: number };
}

let ruff: RuffWorkspace | undefined;

/** One ruff workspace for formatting and checking. */
function ruffWorkspace(): RuffWorkspace {
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
