/**
 * snippet-docs generate [--watch]
 * Renders and validates every page first, then writes the output directory (only changed files,
 * each atomically) and removes pages the specs no longer produce. Prints a one-line summary.
 * With --watch it then regenerates whenever the specs, templates, snippet code or configuration
 * change, prints invalid input and keeps watching, until Ctrl-C.
 */
import type { Command, OptionValues } from "commander";
import type { CommandContext, CommandDefinition } from "./command.ts";
import { generateOnce } from "../pipeline/generate-once.ts";
import { commandMain } from "./program.ts";
import { createProgress } from "./progress.ts";
import { EXIT, printDiagnostics } from "./run.ts";
import type { Diagnostic } from "../lib/diagnostics.ts";

export const generateCommand: CommandDefinition = {
  name: "generate",
  summary: "write the documentation pages",
  description:
    "Renders every page from the specs, templates and snippet code, checks each page and snippet, then writes the output " +
    "directory: only changed files, each atomically, and removes pages the specs no longer produce. Nothing is written " +
    "when any input is invalid (exit 2).",
  examples: [
    ["", "build the pages once"],
    ["--watch", "rebuild on every change until Ctrl-C"],
    ["--config docs/snippet-docs.config.json", "use another configuration file"],
  ],
  readsConfig: true,
  declare(command: Command) {
    command.option("-w, --watch", "keep watching the inputs and regenerate on every change");
    command.option("--no-cache", "neither read nor write the persistent cache of checked snippets and pages");
  },
  async run(context: CommandContext, options: OptionValues) {
    if (options["watch"] === true) {
      // The watcher is loaded only when asked for: a single run does not pay for it.
      const { watchGenerate } = await import("../watch/generate-watch.ts");
      await watchGenerate({
        root: context.cwd,
        ...(context.configFile ? { configFile: context.configFile } : {}),
        stdout: context.io.stdout,
        stderr: context.io.stderr,
        stop: context.io.untilInterrupted?.() ?? new Promise<void>(() => {}),
      });
      return EXIT.ok;
    }
    const progress = createProgress(context.io, "generate");
    let summary: string;
    let warnings: readonly Diagnostic[] = [];
    try {
      summary = await generateOnce(context.cwd, context.configFile, {
        progress,
        noCache: options["cache"] === false,
        onWarnings: (found) => (warnings = found),
      });
    } finally {
      // The progress line is cleared before the summary, and on failure before the diagnostics.
      progress.finish();
    }
    printDiagnostics(context.io, warnings);
    context.io.stdout(summary + "\n");
    return EXIT.ok;
  },
};

export const main = commandMain(generateCommand);
