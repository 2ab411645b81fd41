/**
 * npm run preview [-- --port <n>] [--config <file>]
 * Serves the pages on 127.0.0.1 straight from the pipeline, rebuilds them when specs/,
 * templates/ or snippets/ change and reloads the open browser tabs. Invalid input is shown on the
 * pages (and printed here); the server keeps running until Ctrl-C.
 */
import { parseArgs } from "node:util";
import { formatDiagnostics } from "../lib/diagnostics.ts";
import type { BuildOutcome } from "../preview/build-protocol.ts";
import { startPreview } from "../preview/server.ts";
import { EXIT, runCli, UsageError } from "./run.ts";

const USAGE = "usage: npm run preview [-- --port <n>] [--config <snippet-docs.config.json>]";
const DEFAULT_PORT = 4780;

function parsePreviewArgs(): { port: number; config?: string; help: boolean } {
  let values: { port?: string; config?: string; help?: boolean };
  try {
    values = parseArgs({ args: process.argv.slice(2), options: { port: { type: "string" }, config: { type: "string" }, help: { type: "boolean" } } }).values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new UsageError(`--port must be a whole number from 0 to 65535, not "${values.port}"`);
  return { port, help: values.help === true, ...(values.config ? { config: values.config } : {}) };
}

function reportBuild(outcome: BuildOutcome): void {
  const time = new Date().toLocaleTimeString();
  if (outcome.kind === "built") {
    const pages = outcome.files.filter((file) => file.path.endsWith(".md")).length;
    process.stdout.write(`[${time}] built ${pages} pages (${outcome.snippetCount} snippets) in ${outcome.seconds.toFixed(1)}s\n`);
  } else if (outcome.kind === "invalid") {
    process.stderr.write(`[${time}] invalid input; the pages show this until it is fixed:\n${formatDiagnostics(outcome.diagnostics)}\n`);
  } else {
    process.stderr.write(`[${time}] ${outcome.message}\n`);
  }
}

runCli(async () => {
  const args = parsePreviewArgs();
  if (args.help) {
    process.stdout.write(USAGE + "\n");
    return EXIT.ok;
  }
  let preview;
  try {
    preview = await startPreview({ root: process.cwd(), port: args.port, onBuild: reportBuild, ...(args.config ? { configFile: args.config } : {}) });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EADDRINUSE") throw error;
    process.stderr.write(`error: port ${args.port} is in use; pick another with --port <n> (0 picks a free one)\n`);
    return EXIT.failed;
  }
  process.stdout.write(`Preview: ${preview.url}\nBuilding the pages; they rebuild and reload when specs/, templates/ or snippets/ change. Ctrl-C stops.\n`);
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  await preview.close();
  return EXIT.ok;
}, USAGE);
