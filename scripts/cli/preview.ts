/**
 * snippet-docs preview [--port <n>]
 * Serves the pages on 127.0.0.1 straight from the pipeline, rebuilds them when the specs,
 * templates, snippet code or configuration change and reloads the open browser tabs. Invalid input
 * is shown on the pages (and printed here); the server keeps running until Ctrl-C.
 */
import { InvalidArgumentError, type Command } from "commander";
import { formatDiagnostics } from "../lib/diagnostics.ts";
import type { BuildOutcome } from "../watch/build-protocol.ts";
import type { CommandDefinition } from "./command.ts";
import type { CliIo } from "./io.ts";
import { commandMain } from "./program.ts";
import { EXIT } from "./run.ts";

export const DEFAULT_PORT = 4780;

function parsePort(text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65_535)
    throw new InvalidArgumentError(`--port takes a whole number from 0 to 65535, not "${text}"`);
  return port;
}

function buildReporter(io: CliIo): (outcome: BuildOutcome) => void {
  return (outcome) => {
    const time = new Date().toLocaleTimeString();
    if (outcome.kind === "built") {
      // The same counts as generate's summary: every file it would write, of which the pages are served.
      const pages = outcome.files.filter((file) => file.path.endsWith(".md")).length;
      io.stdout(
        `[${time}] built ${outcome.files.length} files (${pages} pages, ${outcome.snippetCount} snippets) in ${outcome.seconds.toFixed(1)}s\n`,
      );
    } else if (outcome.kind === "invalid") {
      io.stderr(
        `[${time}] invalid input; the pages show this until it is fixed:\n${formatDiagnostics(outcome.diagnostics)}\n`,
      );
    } else {
      io.stderr(`[${time}] ${outcome.message}\n`);
    }
  };
}

export const previewCommand: CommandDefinition = {
  name: "preview",
  summary: "serve the pages in a browser, with live reload",
  description:
    "Serves the pages as HTML on http://127.0.0.1:<port>, rendered in memory from the specs, templates and snippet code " +
    "(no need to run generate), and reloads the open tab when they change. Only 127.0.0.1 is bound. Ctrl-C stops.",
  examples: [
    ["", `serve on port ${DEFAULT_PORT}`],
    ["--port 0", "pick a free port"],
  ],
  readsConfig: true,
  declare(command: Command) {
    command.option("-p, --port <n>", `port on 127.0.0.1 (0 picks a free one)`, parsePort, DEFAULT_PORT);
  },
  async run(context, options) {
    const port = options["port"] as number;
    // Loaded only when run: the server brings the highlighter and the HTML pipeline.
    const { startPreview } = await import("../preview/server.ts");
    let preview;
    try {
      preview = await startPreview({
        root: context.cwd,
        port,
        onBuild: buildReporter(context.io),
        ...(context.configFile ? { configFile: context.configFile } : {}),
      });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EADDRINUSE") throw error;
      context.io.stderr(`error: port ${port} is in use; pick another with --port <n> (0 picks a free one)\n`);
      return EXIT.failed;
    }
    context.io.stdout(
      `Preview: ${preview.url}\nBuilding the pages; they rebuild and reload when the inputs change. Ctrl-C stops.\n`,
    );
    await (context.io.untilInterrupted?.() ?? new Promise<void>(() => {}));
    await preview.close();
    return EXIT.ok;
  },
};

export const main = commandMain(previewCommand);
