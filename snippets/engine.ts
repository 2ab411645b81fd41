/**
 * The snippet engine: request model -> one renderer per client -> format -> verify.
 * A client that does not support a request yields no snippet; a snippet that does not parse is
 * reported (task, provider, client) and never returned.
 */
import { BoundedMemo } from "../scripts/lib/bounded-memo.ts";
import { NO_CACHE, type ContentCache } from "../scripts/lib/content-cache.ts";
import type { Diagnostic } from "../scripts/lib/diagnostics.ts";
import type { JsonValue } from "../scripts/lib/json-source.ts";
import type { Mapping, Specs, Task } from "../scripts/model/types.ts";
import { findProvider } from "../scripts/model/types.ts";
import type { Checked, SourceToCheck } from "./check.ts";
import { Refusal, type Language, type SnippetClient } from "./clients/types.ts";
import { buildRequest, type SnippetOptions, type SnippetRequest } from "./request.ts";

export interface Snippet {
  task: string;
  provider: string;
  model: string;
  language: Language;
  client: string;
  /** `<language>/<client>`. */
  clientId: string;
  stream: boolean;
  content: string;
}

export interface SnippetBatch {
  snippets: Snippet[];
  problems: Diagnostic[];
  /**
   * Clients that yield no snippet for a request, with the declared reason (such as an SDK whose
   * method table lacks the task): data for whoever reports them, e.g. as warnings.
   */
  skipped: SkippedSnippet[];
}

export interface SkippedSnippet {
  task: string;
  provider: string;
  clientId: string;
  stream: boolean;
  reason: string;
}

export interface RenderJob {
  client: SnippetClient;
  request: SnippetRequest;
}

/**
 * Formatted and verified snippets by client and unformatted source. Rendering is cheap;
 * formatting and verifying are not, and most snippets stay the same from one build to the next
 * (the preview rebuilds on every edit). Bounded so a long preview session cannot grow it forever.
 * Behind it, the persistent cache keeps them from one process to the next.
 */
const checkedCache = new BoundedMemo<string, Checked>(20_000);
/** The kind of persistent cache entry: a snippet source formatted and verified. */
const CACHE_KIND = "snippet";

/** Empties the in-memory layer (the persistent cache is then what a new process would see). */
export function forgetCheckedSnippets(): void {
  checkedCache.clear();
}

/** A cached value is used only when it has the shape of a Checked. */
function asChecked(value: JsonValue | undefined): Checked | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  const { content, problem } = value;
  if (typeof content === "string" && problem === undefined) return { content };
  if (typeof problem === "string" && content === undefined) return { problem };
  return undefined;
}

function where(job: RenderJob): string {
  const { request, client } = job;
  return `task ${request.taskId}, provider ${request.providerId}, client ${client.id}${request.stream ? " (streaming)" : ""}`;
}

function snippetOf(job: RenderJob, content: string): Snippet {
  const { request, client } = job;
  return {
    task: request.taskId,
    provider: request.providerId,
    model: request.model,
    language: client.language,
    client: client.client,
    clientId: client.id,
    stream: request.stream,
    content,
  };
}

/** Snippets rendered, with the sources neither cache knew still to be formatted and verified. */
export interface SnippetPlan {
  /** Every snippet: formatted where a cache knew it, else as rendered (a draft of the page's text). */
  drafts: Snippet[];
  /** The sources to format and verify (snippets/check.ts), on any thread. */
  toCheck: SourceToCheck[];
  /** The batch, given the results for `toCheck` in its order; they are kept in both caches. */
  finish(results: readonly Checked[]): SnippetBatch;
}

/** Renders many snippets and finds which of them the caches already hold formatted and verified. */
export function planSnippets(jobs: readonly RenderJob[], cache: ContentCache = NO_CACHE): SnippetPlan {
  const skipped: SkippedSnippet[] = [];
  const pending: { job: RenderJob; key: string; source: string; checked?: Checked }[] = [];
  for (const job of jobs) {
    const plan = job.client.plan(job.request);
    if (plan instanceof Refusal) {
      const { taskId: task, providerId: provider, stream } = job.request;
      skipped.push({ task, provider, clientId: job.client.id, stream, reason: plan.reason });
      continue;
    }
    const source = job.client.render(plan);
    const key = `${job.client.id}\u0000${source}`;
    const checked = checkedCache.get(key) ?? asChecked(cache.get(CACHE_KIND, [job.client.language, source]));
    pending.push({ job, key, source, ...(checked ? { checked } : {}) });
  }
  const misses = pending.filter((item) => item.checked === undefined);
  const finish = (results: readonly Checked[]): SnippetBatch => {
    const batch: SnippetBatch = { snippets: [], problems: [], skipped };
    misses.forEach((item, index) => {
      const checked = results[index] as Checked;
      item.checked = checked;
      cache.set(
        CACHE_KIND,
        [item.job.client.language, item.source],
        checked.problem === undefined ? { content: checked.content } : { problem: checked.problem },
      );
    });
    for (const item of pending) {
      const checked = item.checked as Checked;
      checkedCache.set(item.key, checked);
      if (checked.problem !== undefined) {
        batch.problems.push({
          file: item.job.request.taskFile,
          reason: `the snippet for ${where(item.job)} ${checked.problem}`,
          ruleId: "snippet-invalid",
        });
      } else batch.snippets.push(snippetOf(item.job, checked.content));
    }
    return batch;
  };
  return {
    drafts: pending.map((item) => snippetOf(item.job, item.checked?.content ?? item.source)),
    toCheck: misses.map((item) => ({ language: item.job.client.language, source: item.source })),
    finish,
  };
}

/**
 * Renders, formats and verifies many snippets, on this thread. Only sources found in neither the
 * memory nor the persistent cache are formatted and verified, and only then are the formatters loaded.
 */
export async function renderSnippets(
  jobs: readonly RenderJob[],
  cache: ContentCache = NO_CACHE,
): Promise<SnippetBatch> {
  const plan = planSnippets(jobs, cache);
  if (plan.toCheck.length === 0) return plan.finish([]);
  const { checkSources } = await import("./check.ts");
  return plan.finish(await checkSources(plan.toCheck));
}

/** Snippets of every client for one task and mapping, in client order. */
export async function snippetsFor(
  specs: Specs,
  task: Task,
  mapping: Mapping,
  clients: readonly SnippetClient[],
  options: SnippetOptions = {},
): Promise<SnippetBatch> {
  const provider = findProvider(specs, mapping.provider);
  if (!provider) throw new Error(`unknown provider ${mapping.provider}`);
  const request = buildRequest(specs.router, task, provider, mapping, options);
  return renderSnippets(clients.map((client) => ({ client, request })));
}
