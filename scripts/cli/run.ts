/**
 * The edge of every command: runs it, prints diagnostics once, and maps outcomes to exit codes.
 *   0 success, 1 the command's own failure (e.g. check found stale pages), 2 invalid input or
 *   arguments, 3 an internal error (a bug: please report it with the stack trace).
 */
import { formatDiagnostics, isInputError, type Diagnostic } from "../lib/diagnostics.ts";

export const EXIT = { ok: 0, failed: 1, invalidInput: 2, internal: 3 } as const;

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

export function printDiagnostics(diagnostics: readonly Diagnostic[]): void {
  process.stderr.write(formatDiagnostics(diagnostics) + "\n");
}

export function runCli(main: () => Promise<number> | number, usage: string): void {
  Promise.resolve()
    .then(main)
    .then(
      (code) => {
        process.exitCode = code;
      },
      (error: unknown) => {
        if (isInputError(error)) {
          printDiagnostics(error.diagnostics);
          process.exitCode = EXIT.invalidInput;
        } else if (error instanceof UsageError) {
          process.stderr.write(`error: ${error.message}\n\n${usage}\n`);
          process.exitCode = EXIT.invalidInput;
        } else {
          process.stderr.write(`internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
          process.exitCode = EXIT.internal;
        }
      },
    );
}
