/**
 * What a command may touch of the outside world, passed in so tests run commands in-process:
 * where to print, the working directory, the environment, and how it learns to stop.
 */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** The working directory the command starts from (`--cwd` moves it). */
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  /** The standard error is a terminal (progress is drawn in place there). */
  isTTY?: boolean;
  /** Resolves when a long-running command (preview, --watch) should end: Ctrl-C in a terminal. */
  untilInterrupted?: () => Promise<void>;
}

/** The io of the real process. */
export function processIo(): CliIo {
  // A reader that stops early (`| head`) is not an error of ours.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
    isTTY: process.stderr.isTTY === true,
    untilInterrupted: () =>
      new Promise((resolve) => {
        process.once("SIGINT", () => resolve());
        process.once("SIGTERM", () => resolve());
      }),
  };
}

/** An io that collects what is printed: for tests and for callers that want the text. */
export function bufferIo(
  cwd: string,
  env: Record<string, string | undefined> = {},
): CliIo & { out: () => string; err: () => string } {
  let out = "";
  let err = "";
  return {
    stdout: (text) => void (out += text),
    stderr: (text) => void (err += text),
    cwd,
    env,
    out: () => out,
    err: () => err,
  };
}
