/**
 * Exit codes and the errors that map to them, the same for every command:
 *   0 success, 1 the command's own failure (e.g. check found stale pages), 2 invalid input or
 *   arguments, 3 an internal error (a bug: please report it with the stack trace).
 */
import { formatDiagnostics, type Diagnostic } from "../lib/diagnostics.ts";
import { diagnosticAnnotations, inGitHubActions } from "./github-annotations.ts";
import type { CliIo } from "./io.ts";

export const EXIT = { ok: 0, failed: 1, invalidInput: 2, internal: 3 } as const;

/** Wrong arguments: printed with a pointer to --help, exit 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

export function formatDiagnosticsBlock(diagnostics: readonly Diagnostic[]): string {
  return formatDiagnostics(diagnostics) + "\n";
}

/**
 * Diagnostics printed the one way every command prints them: on stderr, and as annotations on
 * stdout in a GitHub workflow, then `after` (what became of the run). Warnings pass through here
 * too; they never change the exit code.
 */
export function printDiagnostics(io: CliIo, diagnostics: readonly Diagnostic[], after?: string): void {
  if (diagnostics.length === 0) return;
  io.stderr(formatDiagnosticsBlock(diagnostics) + (after ? after + "\n" : ""));
  if (inGitHubActions(io.env)) io.stdout(diagnosticAnnotations(diagnostics));
}
