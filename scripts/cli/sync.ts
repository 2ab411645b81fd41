/**
 * npm run sync [-- --endpoint URL] [--token T] [--dry-run | --check] [--config <file>]
 * Refreshes the provider feed (specs/providers.json) and the recommended models (task.json) from
 * the Hub API, following the `sync` policy of the configuration. Prints what changes.
 *   0 written (or nothing to change; --dry-run: shown), 1 the sync failed or was refused, or with
 *   --check the feed is out of date, 2 bad arguments or invalid input, 3 an internal error.
 * On any failure every file is left byte for byte as it was.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { loadConfig } from "../config/config.ts";
import { formatDiagnostics, isInputError } from "../lib/diagnostics.ts";
import { writeFilesAtomically } from "../sync/atomic-files.ts";
import { SyncFailure } from "../sync/http.ts";
import { computeSync } from "../sync/run-sync.ts";
import { formatSummary } from "../sync/summary.ts";
import { EXIT } from "./run.ts";

export interface CommandIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  cwd: string;
  env: Record<string, string | undefined>;
}

export const USAGE = `usage: npm run sync -- [options]
  --endpoint <url>   Hub API origin (default: sync.endpoint of the configuration, else https://huggingface.co)
  --token <token>    access token sent as Authorization (default: HF_TOKEN); never printed
  --dry-run          show the changes, write nothing
  --check            write nothing; exit 1 when the feed or the recommended models are out of date
  --config <file>    configuration file (default snippet-docs.config.json)`;

interface SyncArgs {
  endpoint?: string;
  token?: string;
  dryRun: boolean;
  check: boolean;
  config?: string;
  help: boolean;
}

class UsageProblem extends Error {}

function parse(argv: string[]): SyncArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        endpoint: { type: "string" },
        token: { type: "string" },
        "dry-run": { type: "boolean" },
        check: { type: "boolean" },
        config: { type: "string" },
        help: { type: "boolean" },
      },
    }));
  } catch (error) {
    throw new UsageProblem(error instanceof Error ? error.message : String(error));
  }
  if (values["dry-run"] && values.check) throw new UsageProblem("--dry-run and --check cannot be combined");
  if (values.endpoint !== undefined) {
    let url: URL | undefined;
    try {
      url = new URL(values.endpoint);
    } catch {
      url = undefined;
    }
    if (
      !url ||
      !["http:", "https:"].includes(url.protocol) ||
      (url.pathname !== "/" && url.pathname !== "") ||
      url.search ||
      url.hash
    ) {
      throw new UsageProblem(
        `--endpoint must be an http(s) origin such as https://huggingface.co, not "${values.endpoint}"`,
      );
    }
  }
  return {
    ...(values.endpoint !== undefined ? { endpoint: values.endpoint } : {}),
    ...(values.token !== undefined ? { token: values.token } : {}),
    ...(values.config !== undefined ? { config: values.config } : {}),
    dryRun: values["dry-run"] === true,
    check: values.check === true,
    help: values.help === true,
  };
}

/** Never let the token reach the terminal, whatever a server echoed back. */
function redact(text: string, token: string | undefined): string {
  return token ? text.split(token).join("***") : text;
}

export async function main(argv: string[], io: CommandIo): Promise<number> {
  let token: string | undefined;
  const print = (stream: CommandIo["stdout"], text: string) => stream.write(redact(text, token));
  try {
    const args = parse(argv);
    if (args.help) {
      print(io.stdout, USAGE + "\n");
      return EXIT.ok;
    }
    token = args.token ?? (io.env["HF_TOKEN"] || undefined);
    const config = loadConfig(io.cwd, args.config);
    const endpoint = args.endpoint ?? config.sync.endpoint;
    const result = await computeSync({
      config,
      endpoint,
      ...(token ? { token } : {}),
    });
    print(io.stdout, `sync from ${new URL(endpoint).origin}\n${formatSummary(result.plan)}`);
    if (result.plan.problems.length > 0) {
      print(
        io.stderr,
        `${result.plan.problems.map((problem) => `sync: error: ${problem}`).join("\n")}\nnothing was written.\n`,
      );
      return EXIT.failed;
    }
    const files = result.updates.map((update) => path.relative(io.cwd, update.file).split(path.sep).join("/"));
    if (result.updates.length === 0) {
      print(io.stdout, "the feed and the recommended models are up to date.\n");
      return EXIT.ok;
    }
    if (args.check) {
      print(io.stdout, `out of date: ${files.join(", ")}\nrun \`npm run sync\` and review the diff.\n`);
      return EXIT.failed;
    }
    if (args.dryRun) {
      print(io.stdout, `dry run: would write ${files.join(", ")}\n`);
      return EXIT.ok;
    }
    writeFilesAtomically(result.updates.map((update) => ({ file: update.file, content: update.after })));
    print(io.stdout, `wrote ${files.join(", ")}\nnext: npm run generate, then review the diff.\n`);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof UsageProblem) {
      print(io.stderr, `error: ${error.message}\n\n${USAGE}\n`);
      return EXIT.invalidInput;
    }
    if (isInputError(error)) {
      print(io.stderr, formatDiagnostics(error.diagnostics) + "\n");
      return EXIT.invalidInput;
    }
    if (error instanceof SyncFailure) {
      print(io.stderr, `sync: error: ${error.message}\nnothing was written.\n`);
      return EXIT.failed;
    }
    print(io.stderr, `internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT.internal;
  }
}

// The runner behind `npm run sync`; the unified CLI imports main instead.
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  void main(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: process.cwd(),
    env: process.env,
  }).then((code) => {
    process.exitCode = code;
  });
}
