/**
 * Which snippets the pages carry: for every task, every live mapping of it, every client that
 * supports the request, and, for tasks that stream, both the plain and the streaming variant.
 * The page generator and the conformance harness both enumerate snippets here, so the harness
 * runs exactly the snippets that are published.
 */
import type { Mapping, Provider, Specs, Task } from "../model/types.ts";
import { Refusal, type SnippetClient } from "../../snippets/clients/types.ts";
import type { DroppedClient } from "./dropped-clients.ts";
import { buildRequest } from "../../snippets/request.ts";

export interface SnippetJob {
  /** Stable, readable identity: `<task>/<provider>/<client id>`, with ` (stream)` for the streaming variant. */
  id: string;
  task: Task;
  provider: Provider;
  mapping: Mapping;
  client: SnippetClient;
  stream: boolean;
}

export function snippetJobId(task: string, provider: string, clientId: string, stream: boolean): string {
  return `${task}/${provider}/${clientId}${stream ? " (stream)" : ""}`;
}

/** Every published snippet, in page order: task, provider, plain before streaming, client. */
export function snippetJobs(
  specs: Specs,
  clients: readonly SnippetClient[],
  providers: readonly Provider[] = specs.providers,
): SnippetJob[] {
  return snippetMatrix(specs, clients, providers).jobs;
}

/** The published snippets, and the pairs a client should serve but drops for want of data (its gaps). */
export function snippetMatrix(
  specs: Specs,
  clients: readonly SnippetClient[],
  providers: readonly Provider[] = specs.providers,
): { jobs: SnippetJob[]; gaps: DroppedClient[] } {
  const jobs: SnippetJob[] = [];
  const gaps: DroppedClient[] = [];
  for (const task of specs.tasks) {
    const variants = task.response.stream === "server-sent-events" ? [false, true] : [false];
    for (const provider of providers) {
      for (const mapping of provider.mappings) {
        if (mapping.task !== task.id || mapping.status !== "live") continue;
        for (const stream of variants) {
          // Whether a client supports a request does not depend on the origin or the token,
          // so the request with default options decides for every rendering of it.
          const request = buildRequest(specs.router, task, provider, mapping, { stream });
          for (const client of clients) {
            const plan = client.plan(request);
            if (plan instanceof Refusal && plan.gap)
              gaps.push({ task, provider: provider.id, client: client.id, reason: plan.reason });
            if (plan instanceof Refusal) continue;
            jobs.push({
              id: snippetJobId(task.id, provider.id, client.id, stream),
              task,
              provider,
              mapping,
              client,
              stream,
            });
          }
        }
      }
    }
  }
  return { jobs, gaps };
}
