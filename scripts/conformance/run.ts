/**
 * One conformance run: start the server, run the matrix and the fuzz cases with a small pool,
 * close the server, and hand back the report. Shared by `npm run conformance` and the tests.
 */
import { rm } from "node:fs/promises";
import type { Provider, Specs } from "../model/types.ts";
import type { SnippetClient } from "../../snippets/clients/types.ts";
import { fuzzTargets, runFuzz } from "./fuzz.ts";
import { matrixJobs, runMatrix, type JobFilter } from "./matrix.ts";
import type { ConformanceReport } from "./report.ts";
import { DEFAULT_PATHS, SnippetRunner, type CaseResult } from "./runner.ts";
import { ConformanceServer } from "./server.ts";

export interface ConformanceOptions {
  specs: Specs;
  clients: readonly SnippetClient[];
  /** Providers whose snippets the pages carry (default: all). */
  providers?: readonly Provider[];
  filter?: JobFilter;
  /** Run the matrix (default true). */
  matrix?: boolean;
  /** Number of fuzz cases (0: none). */
  fuzz: number;
  /** Snippets run at once. */
  jobs: number;
  seed: number;
  timeoutMs?: number;
  keep?: boolean;
  workRoot?: string;
  onResult?: (result: CaseResult) => void;
  /** Told when the snippet runs and the fuzz cases begin, with how many there are. */
  onPhase?: (phase: string, total: number) => void;
}

export async function runConformance(options: ConformanceOptions): Promise<ConformanceReport> {
  const started = performance.now();
  const workRoot = options.workRoot ?? DEFAULT_PATHS.workRoot;
  await rm(workRoot, { recursive: true, force: true });
  const server = await new ConformanceServer(options.specs).start();
  try {
    const runner = new SnippetRunner({
      specs: options.specs,
      server,
      workRoot,
      ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
      ...(options.keep ? { keep: true } : {}),
    });
    const jobs = matrixJobs(options.specs, options.clients, options.filter, options.providers);
    if (options.matrix !== false) options.onPhase?.("running the snippets", jobs.length);
    const matrix = options.matrix === false ? [] : await runMatrix(runner, jobs, options.jobs, options.onResult);
    const targets = fuzzTargets(options.specs, jobs, options.fuzz);
    if (options.fuzz > 0) options.onPhase?.("fuzzing", options.fuzz);
    const fuzz = await runFuzz(runner, options.specs, targets, {
      concurrency: options.jobs,
      seed: options.seed,
      ...(options.onResult ? { onResult: options.onResult } : {}),
    });
    return {
      matrix,
      fuzz: fuzz.results,
      fuzzFailures: fuzz.failures,
      shrinkRuns: fuzz.shrinkRuns,
      clients: options.clients
        .map((client) => client.id)
        .filter((id) => !options.filter?.clients?.length || options.filter.clients.includes(id)),
      seed: options.seed,
      jobs: options.jobs,
      durationMs: performance.now() - started,
    };
  } finally {
    await server.close();
  }
}
