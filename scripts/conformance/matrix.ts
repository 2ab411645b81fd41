/**
 * The full matrix: every snippet the pages publish (task x live mapping x client x stream
 * variant, from snippetJobs), each run once with the task's own example.
 */
import type { Provider, Specs } from "../model/types.ts";
import { snippetJobs, type SnippetJob } from "../pipeline/snippet-matrix.ts";
import type { SnippetClient } from "../../snippets/clients/types.ts";
import { runPool } from "./pool.ts";
import type { CaseResult, SnippetRunner } from "./runner.ts";

export interface JobFilter {
  /** Client ids to keep (all when empty). */
  clients?: readonly string[];
  /** Task ids to keep (all when empty). */
  tasks?: readonly string[];
}

export function filterJobs(jobs: readonly SnippetJob[], filter: JobFilter): SnippetJob[] {
  const clients = new Set(filter.clients ?? []);
  const tasks = new Set(filter.tasks ?? []);
  return jobs.filter(
    (job) => (clients.size === 0 || clients.has(job.client.id)) && (tasks.size === 0 || tasks.has(job.task.id)),
  );
}

export function matrixJobs(
  specs: Specs,
  clients: readonly SnippetClient[],
  filter: JobFilter = {},
  providers: readonly Provider[] = specs.providers,
): SnippetJob[] {
  return filterJobs(snippetJobs(specs, clients, providers), filter);
}

export async function runMatrix(
  runner: SnippetRunner,
  jobs: readonly SnippetJob[],
  concurrency: number,
  onResult: (result: CaseResult) => void = () => {},
): Promise<CaseResult[]> {
  await runner.prerender(jobs.map((job) => ({ job, kind: "matrix" })));
  return runPool(jobs, concurrency, async (job) => {
    const result = await runner.run({ job, kind: "matrix" });
    onResult(result);
    return result;
  });
}
