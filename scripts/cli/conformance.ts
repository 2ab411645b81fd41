/**
 * snippet-docs conformance [--fuzz N] [--jobs N] [--client ID ...] [--task ID ...] [--seed N]
 *                          [--no-matrix] [--config FILE] [--timeout S] [--keep] [--verbose]
 * Runs every published snippet (task x live mapping x client x stream variant, for the providers
 * and clients the configuration puts on the pages) against a local
 * inference server, plus N fuzz cases with hostile example values; prints a table of clients x
 * passed/failed and a last line `N passed, N failed`; exits 1 on any failure.
 */
import type { Command, OptionValues } from "commander";
import { checkConfigAgainstSpecs, configuredClients, configuredProviders, loadConfig } from "../config/config.ts";
import { InputError } from "../lib/diagnostics.ts";
import { CLIENT_IDS } from "../../snippets/clients/index.ts";
import { repeatable, type CommandContext, type CommandDefinition } from "./command.ts";
import { commandMain } from "./program.ts";
import { createProgress } from "./progress.ts";
import { EXIT, UsageError } from "./run.ts";

function positiveInteger(value: string | undefined, name: string, fallback: number, allowZero = false): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < (allowZero ? 0 : 1))
    throw new UsageError(
      `--${name} takes a ${allowZero ? "non-negative" : "positive"} integer, not ${JSON.stringify(value)}`,
    );
  return number;
}

interface ConformanceFlags {
  fuzz?: string;
  jobs?: string;
  client?: string[];
  task?: string[];
  seed?: string;
  matrix?: boolean;
  timeout?: string;
  keep?: boolean;
  verbose?: boolean;
}

async function run(context: CommandContext, values: ConformanceFlags): Promise<number> {
  const unknownClients = (values.client ?? []).filter((id) => !CLIENT_IDS.includes(id));
  if (unknownClients.length > 0)
    throw new UsageError(`unknown client ${unknownClients.join(", ")}: use one of ${CLIENT_IDS.join(", ")}`);
  const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed);
  if (!Number.isInteger(seed)) throw new UsageError(`--seed takes an integer, not ${JSON.stringify(values.seed)}`);

  const config = loadConfig(context.cwd, context.configFile);
  // Loaded on use: the CLI registers every command, and the loader brings the markdown parser along.
  const { loadSpecs } = await import("../load/load-specs.ts");
  const loaded = loadSpecs({ specsDir: config.specsDir, schemas: config.schemas });
  if (!loaded.ok) throw new InputError(loaded.diagnostics);
  const specs = loaded.specs;
  checkConfigAgainstSpecs(config, specs);

  const unknownTasks = (values.task ?? []).filter((id) => !specs.tasks.some((task) => task.id === id));
  if (unknownTasks.length > 0)
    throw new UsageError(
      `unknown task ${unknownTasks.join(", ")}: use one of ${specs.tasks.map((task) => task.id).join(", ")}`,
    );

  // Loaded only when run: the harness needs fast-check and the SDKs, which `--help` does not.
  const [{ runConformance }, { formatReport }] = await Promise.all([
    import("../conformance/run.ts"),
    import("../conformance/report.ts"),
  ]);
  const progress = createProgress(context.io, "conformance");
  progress.phase("starting the server");
  const report = await runConformance({
    specs,
    clients: configuredClients(config),
    providers: configuredProviders(config, specs),
    filter: { clients: values.client ?? [], tasks: values.task ?? [] },
    matrix: !values.matrix === false,
    fuzz: positiveInteger(values.fuzz, "fuzz", 1000, true),
    jobs: positiveInteger(values.jobs, "jobs", 2),
    seed,
    timeoutMs: positiveInteger(values.timeout, "timeout", 30) * 1000,
    keep: values.keep === true,
    onPhase: (phase, total) => progress.phase(phase, total),
    onResult: (result) => {
      progress.advance();
      if (values.verbose || !result.ok)
        context.io.stderr(
          `${result.ok ? "ok  " : "FAIL"} ${result.kind} ${result.id} (${Math.round(result.durationMs)} ms)\n`,
        );
    },
  }).finally(() => progress.finish());
  context.io.stdout(formatReport(report));
  return report.matrix.every((result) => result.ok) &&
    report.fuzz.every((result) => result.ok) &&
    report.fuzzFailures.length === 0
    ? EXIT.ok
    : EXIT.failed;
}

export const conformanceCommand: CommandDefinition = {
  name: "conformance",
  summary: "run every published snippet against a local server that checks each request",
  description:
    "Starts a local inference server implementing every route of the feed, runs every snippet the pages carry (curl, " +
    "python, node and the SDK clients) plus fuzz cases with hostile example values, and checks that each sends exactly " +
    "the example request. Prints a table of clients and a last line `N passed, N failed`; exit 1 on any failure.",
  examples: [
    ["", "every snippet plus 1000 fuzz cases"],
    ["--task text-classification --client sh/curl --fuzz 0", "one task, one client, no fuzzing"],
    ["--no-matrix --fuzz 200 --seed 42", "reproduce a fuzz run"],
  ],
  readsConfig: true,
  declare(command: Command) {
    command
      .option("--fuzz <n>", "fuzz cases with hostile example values (default 1000; 0 for none)")
      .option("--jobs <n>", "snippets run at once (default 2)")
      .option("--client <id>", `only this client (repeatable): ${CLIENT_IDS.join(", ")}`, repeatable)
      .option("--task <id>", "only this task (repeatable)", repeatable)
      .option("--seed <n>", "fuzz seed, to reproduce a run (default: random, printed)")
      .option("--no-matrix", "fuzz only")
      .option("--timeout <seconds>", "seconds before a snippet is killed (default 30)")
      .option("--keep", "keep every run's working directory under .tmp/conformance")
      .option("--verbose", "print each result as it comes");
  },
  run: (context, options: OptionValues) => run(context, options as ConformanceFlags),
};

export const main = commandMain(conformanceCommand);
