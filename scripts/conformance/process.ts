/**
 * Running one snippet as a child process with a hard time limit: the process group is killed
 * when the limit passes, so a hung snippet (or a curl it started) never outlives its run.
 */
import { spawn } from "node:child_process";

export interface ProcessResult {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  stdout: string;
  stderr: string;
  durationMs: number;
  /** Set when the program could not be started at all. */
  spawnError?: string;
}

/** Output past this is dropped (a snippet printing a 5,000-character string stays well under it). */
const MAX_OUTPUT_CHARS = 200_000;

export function runProcess(
  command: string,
  args: readonly string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs: number },
): Promise<ProcessResult> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    let spawnError: string | undefined;
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      if (stdout.length < MAX_OUTPUT_CHARS) stdout += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      if (stderr.length < MAX_OUTPUT_CHARS) stderr += chunk;
    });
    const killGroup = () => {
      if (child.pid === undefined) return;
      try {
        // detached: the child leads its own process group; a negative pid signals the whole group.
        process.kill(-child.pid, "SIGKILL");
      } catch {
        // Already gone.
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, options.timeoutMs);
    child.on("error", (error) => {
      spawnError = error.message;
    });
    child.on("close", (exitCode, signal) => {
      clearTimeout(timer);
      // Anything the snippet left running in its group (a backgrounded curl) goes too.
      killGroup();
      const result: ProcessResult = {
        exitCode,
        signal,
        timedOut,
        stdout,
        stderr,
        durationMs: performance.now() - started,
      };
      if (spawnError !== undefined) result.spawnError = spawnError;
      resolve(result);
    });
  });
}
