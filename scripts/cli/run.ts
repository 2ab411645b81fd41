/**
 * Exit codes and the errors that map to them, the same for every command:
 *   0 success, 1 the command's own failure (e.g. check found stale pages), 2 invalid input or
 *   arguments, 3 an internal error (a bug: please report it with the stack trace).
 */
import { formatDiagnostics, type Diagnostic } from "../lib/diagnostics.ts";

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
