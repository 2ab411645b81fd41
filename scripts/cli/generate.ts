/**
 * npm run generate [-- --config <file>] [--watch]
 * Renders and validates every page first, then writes generated/ (only changed files, each
 * atomically) and removes pages the specs no longer produce. Prints a one-line summary.
 * With --watch it then regenerates whenever specs/, templates/ or snippets/ change, prints invalid
 * input and keeps watching, until Ctrl-C.
 */
import { generateOnce, parseCommonArgs } from "./common.ts";
import { EXIT, runCli } from "./run.ts";

const USAGE = "usage: npm run generate [-- --config <snippet-docs.config.json>] [--watch] [--no-cache]";

function interrupted(): Promise<void> {
  return new Promise((resolve) => {
    process.once("SIGINT", () => resolve());
    process.once("SIGTERM", () => resolve());
  });
}

runCli(async () => {
  const args = parseCommonArgs();
  if (args.help) {
    process.stdout.write(USAGE + "\n");
    return EXIT.ok;
  }
  if (args.watch) {
    // The watcher is loaded only when asked for: a single run does not pay for it.
    const { watchGenerate } = await import("../preview/generate-watch.ts");
    await watchGenerate({
      root: process.cwd(),
      ...(args.config ? { configFile: args.config } : {}),
      stdout: (text) => process.stdout.write(text),
      stderr: (text) => process.stderr.write(text),
      stop: interrupted(),
    });
    return EXIT.ok;
  }
  process.stdout.write((await generateOnce(process.cwd(), args.config, { noCache: args.noCache })) + "\n");
  return EXIT.ok;
}, USAGE);
