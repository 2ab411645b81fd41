/**
 * snippet-docs sync [--endpoint URL] [--token T] [--dry-run | --check]
 * Refreshes the provider feed (specs/providers.json) and the recommended models (task.json) from
 * the Hub API, following the `sync` policy of the configuration. Prints what changes.
 *   0 written (or nothing to change; --dry-run: shown), 1 the sync failed or was refused, or with
 *   --check the feed is out of date, 2 bad arguments or invalid input, 3 an internal error.
 * On any failure every file is left byte for byte as it was.
 */
import path from "node:path";
import { InvalidArgumentError, type Command } from "commander";
import { generateCommandOf } from "../config/command-name.ts";
import { loadConfig } from "../config/config.ts";
import { writeFilesAtomically } from "../sync/atomic-files.ts";
import { SyncFailure } from "../sync/http.ts";
import { formatSummary } from "../sync/summary.ts";
import type { CommandContext, CommandDefinition } from "./command.ts";
import { commandMain } from "./program.ts";
import { EXIT, printDiagnostics, UsageError } from "./run.ts";
import type { Diagnostic } from "../lib/diagnostics.ts";

/** Only an origin: the API paths are the tool's to add. */
function endpointOrigin(value: string): string {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  const isOrigin =
    url && ["http:", "https:"].includes(url.protocol) && (url.pathname === "/" || url.pathname === "") && !url.search;
  if (!isOrigin || url?.hash) {
    throw new InvalidArgumentError(
      `--endpoint must be an http(s) origin such as https://huggingface.co, not "${value}"`,
    );
  }
  return value;
}

/** Never let the token reach the terminal, whatever a server echoed back. */
function redact(text: string, token: string | undefined): string {
  return token ? text.split(token).join("***") : text;
}

interface SyncFlags {
  endpoint?: string;
  token?: string;
  dryRun?: boolean;
  check?: boolean;
}

async function run(context: CommandContext, flags: SyncFlags): Promise<number> {
  if (flags.dryRun && flags.check) throw new UsageError("--dry-run and --check cannot be combined");
  const token = flags.token ?? (context.io.env["HF_TOKEN"] || undefined);
  const out = (text: string) => context.io.stdout(redact(text, token));
  const err = (text: string) => context.io.stderr(redact(text, token));
  // Printed as every command prints diagnostics, through the redacting stream.
  const refuse = (diagnostics: readonly Diagnostic[]) =>
    printDiagnostics({ ...context.io, stdout: out, stderr: err }, diagnostics, "nothing was written.");
  const config = loadConfig(context.cwd, context.configFile);
  const endpoint = flags.endpoint ?? config.sync.endpoint;
  const generate = generateCommandOf(config.root);
  try {
    // Loaded on use: the CLI registers every command, and a sync brings the spec loader along.
    const { computeSync } = await import("../sync/run-sync.ts");
    const result = await computeSync({ config, endpoint, ...(token ? { token } : {}) });
    out(`sync from ${new URL(endpoint).origin}\n${formatSummary(result.plan)}`);
    if (result.plan.problems.length > 0) {
      // The feed is what the refused changes were about.
      const file = path.relative(context.cwd, path.join(config.specsDir, "providers.json"));
      refuse(result.plan.problems.map((reason) => ({ file, reason, ruleId: "sync-refused" })));
      return EXIT.failed;
    }
    const files = result.updates.map((update) => path.relative(context.cwd, update.file).split(path.sep).join("/"));
    if (result.updates.length === 0) {
      out("the feed and the recommended models are up to date.\n");
      return EXIT.ok;
    }
    if (flags.check) {
      out(`out of date: ${files.join(", ")}\nrun \`${context.commandLine("")}\` and review the diff.\n`);
      return EXIT.failed;
    }
    if (flags.dryRun) {
      out(`dry run: would write ${files.join(", ")}\n`);
      return EXIT.ok;
    }
    writeFilesAtomically(result.updates.map((update) => ({ file: update.file, content: update.after })));
    out(`wrote ${files.join(", ")}\nnext: ${generate}, then review the diff.\n`);
    return EXIT.ok;
  } catch (error) {
    if (!(error instanceof SyncFailure)) throw error;
    refuse(error.diagnostics);
    return EXIT.failed;
  }
}

export const syncCommand: CommandDefinition = {
  name: "sync",
  summary: "refresh the provider feed and the recommended models from the Hub API",
  description:
    "Reads the Hub API (the only command that uses the network), applies the configuration's sync policy and " +
    "prints the added, removed and changed mappings and recommended models. Any failure leaves every file as it " +
    "was and exits 1. The token (--token or HF_TOKEN) is sent as Authorization and never printed.",
  examples: [
    ["--dry-run", "show what would change, write nothing"],
    ["", "write the changes; then regenerate the pages and review the diff"],
    ["--check", "exit 1 when the feed is out of date (a scheduled CI job)"],
    ["--endpoint http://127.0.0.1:8080", "read a local Hub API instead of https://huggingface.co"],
  ],
  readsConfig: true,
  declare(command: Command) {
    command
      .option("--endpoint <url>", "Hub API origin (default: the config's sync.endpoint)", endpointOrigin)
      .option("--token <token>", "access token sent as Authorization (default: HF_TOKEN); never printed")
      .option("--dry-run", "show the changes, write nothing")
      .option("--check", "write nothing; exit 1 when the feed or the recommended models are out of date");
  },
  run: (context, options) => run(context, options as SyncFlags),
};

export const main = commandMain(syncCommand);
