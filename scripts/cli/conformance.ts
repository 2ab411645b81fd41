/**
 * npm run conformance -- [--fuzz N] [--jobs N] [--client ID ...] [--task ID ...] [--seed N]
 *                        [--no-matrix] [--config FILE] [--timeout S] [--keep] [--verbose]
 * Runs every published snippet (task x live mapping x client x stream variant, for the providers
 * and clients the configuration puts on the pages) against a local
 * inference server, plus N fuzz cases with hostile example values; prints a table of clients x
 * passed/failed and a last line `N passed, N failed`; exits 1 on any failure.
 */
import { parseArgs } from "node:util";
import { checkConfigAgainstSpecs, configuredClients, configuredProviders, loadConfig } from "../config/config.ts";
import { InputError } from "../lib/diagnostics.ts";
import { loadSpecs } from "../load/load-specs.ts";
import { CLIENT_IDS } from "../../snippets/clients/index.ts";
import { formatReport } from "../conformance/report.ts";
import { runConformance } from "../conformance/run.ts";
import { EXIT, UsageError, runCli } from "./run.ts";

const USAGE = `usage: npm run conformance -- [options]
  --fuzz N       fuzz cases with hostile example values (default 1000; 0 for none)
  --jobs N       snippets run at once (default 2)
  --client ID    only this client (repeatable): ${CLIENT_IDS.join(", ")}
  --task ID      only this task (repeatable)
  --seed N       fuzz seed, to reproduce a run (default: random, printed)
  --no-matrix    fuzz only
  --config FILE  configuration file (default snippet-docs.config.json): specs, providers, clients
  --timeout S    seconds before a snippet is killed (default 30)
  --keep         keep every run's working directory under .tmp/conformance
  --verbose      print each result as it comes`;

function positiveInteger(value: string | undefined, name: string, fallback: number, allowZero = false): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < (allowZero ? 0 : 1)) throw new UsageError(`--${name} takes a ${allowZero ? "non-negative" : "positive"} integer, not ${JSON.stringify(value)}`);
  return number;
}

runCli(async () => {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        fuzz: { type: "string" },
        jobs: { type: "string" },
        client: { type: "string", multiple: true },
        task: { type: "string", multiple: true },
        seed: { type: "string" },
        "no-matrix": { type: "boolean" },
        config: { type: "string" },
        timeout: { type: "string" },
        keep: { type: "boolean" },
        verbose: { type: "boolean" },
        help: { type: "boolean" },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const values = parsed.values;
  if (values.help) {
    process.stdout.write(USAGE + "\n");
    return EXIT.ok;
  }
  const unknownClients = (values.client ?? []).filter((id) => !CLIENT_IDS.includes(id));
  if (unknownClients.length > 0) throw new UsageError(`unknown client ${unknownClients.join(", ")}: use one of ${CLIENT_IDS.join(", ")}`);
  const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed);
  if (!Number.isInteger(seed)) throw new UsageError(`--seed takes an integer, not ${JSON.stringify(values.seed)}`);

  const config = loadConfig(process.cwd(), values.config);
  const loaded = loadSpecs({ specsDir: config.specsDir, schemas: config.schemas });
  if (!loaded.ok) throw new InputError(loaded.diagnostics);
  const specs = loaded.specs;
  checkConfigAgainstSpecs(config, specs);

  const unknownTasks = (values.task ?? []).filter((id) => !specs.tasks.some((task) => task.id === id));
  if (unknownTasks.length > 0) throw new UsageError(`unknown task ${unknownTasks.join(", ")}: use one of ${specs.tasks.map((task) => task.id).join(", ")}`);

  const report = await runConformance({
    specs,
    clients: configuredClients(config),
    providers: configuredProviders(config, specs),
    filter: { clients: values.client ?? [], tasks: values.task ?? [] },
    matrix: !values["no-matrix"],
    fuzz: positiveInteger(values.fuzz, "fuzz", 1000, true),
    jobs: positiveInteger(values.jobs, "jobs", 2),
    seed,
    timeoutMs: positiveInteger(values.timeout, "timeout", 30) * 1000,
    keep: values.keep === true,
    onResult: (result) => {
      if (values.verbose || !result.ok) process.stderr.write(`${result.ok ? "ok  " : "FAIL"} ${result.kind} ${result.id} (${Math.round(result.durationMs)} ms)\n`);
    },
  });
  process.stdout.write(formatReport(report));
  return report.matrix.every((result) => result.ok) && report.fuzz.every((result) => result.ok) && report.fuzzFailures.length === 0 ? EXIT.ok : EXIT.failed;
}, USAGE);
