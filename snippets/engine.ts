/**
 * The snippet engine: request model -> one renderer per client -> format -> verify.
 * A client that does not support a request yields no snippet; a snippet that does not parse is
 * reported (task, provider, client) and never returned.
 */
import type { Diagnostic } from "../scripts/lib/diagnostics.ts";
import type { Mapping, Specs, Task } from "../scripts/model/types.ts";
import { findProvider } from "../scripts/model/types.ts";
import type { Language, SnippetClient } from "./clients/types.ts";
import { formatSnippet } from "./format.ts";
import { buildRequest, type SnippetOptions, type SnippetRequest } from "./request.ts";
import { verifySnippets } from "./verify.ts";

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
  /** Clients that yield no snippet for this request, with the declared reason. */
  skipped: { clientId: string; reason: string }[];
}

export interface RenderJob {
  client: SnippetClient;
  request: SnippetRequest;
}

type Checked = { content: string; problem?: undefined } | { content?: undefined; problem: string };

/**
 * Formatted and verified snippets by client and unformatted source. Rendering is cheap;
 * formatting and verifying are not, and most snippets stay the same from one build to the next
 * (the preview rebuilds on every edit). Bounded so a long preview session cannot grow it forever.
 */
const checkedCache = new Map<string, Checked>();
const CACHE_LIMIT = 20_000;

function remember(key: string, value: Checked): void {
  if (checkedCache.size >= CACHE_LIMIT) checkedCache.delete(checkedCache.keys().next().value as string);
  checkedCache.set(key, value);
}

function where(job: RenderJob): string {
  const { request, client } = job;
  return `task ${request.task.id}, provider ${request.provider.id}, client ${client.id}${request.stream ? " (streaming)" : ""}`;
}

/** Renders, formats and verifies many snippets; shell verification runs as one batch. */
export async function renderSnippets(jobs: readonly RenderJob[]): Promise<SnippetBatch> {
  const batch: SnippetBatch = { snippets: [], problems: [], skipped: [] };
  const pending: { job: RenderJob; key: string; checked?: Checked }[] = [];
  for (const job of jobs) {
    const reason = job.client.unsupported(job.request);
    if (reason !== undefined) {
      batch.skipped.push({ clientId: job.client.id, reason });
      continue;
    }
    const source = job.client.render(job.request);
    const key = `${job.client.id}\u0000${source}`;
    const cached = checkedCache.get(key);
    if (cached) {
      pending.push({ job, key, checked: cached });
      continue;
    }
    try {
      pending.push({ job, key, checked: { content: await formatSnippet(job.client.language, source) } });
    } catch (error) {
      pending.push({ job, key, checked: { problem: `could not be formatted: ${error instanceof Error ? error.message : String(error)}` } });
    }
  }
  const unverified = pending.filter((item) => !checkedCache.has(item.key) && item.checked?.content !== undefined);
  const verdicts = verifySnippets(unverified.map((item) => ({ language: item.job.client.language, source: item.checked?.content ?? "" })));
  unverified.forEach((item, index) => {
    const verdict = verdicts[index];
    if (verdict !== undefined) item.checked = { problem: `does not parse: ${verdict}` };
  });
  for (const item of pending) {
    const checked = item.checked as Checked;
    remember(item.key, checked);
    const { request, client } = item.job;
    if (checked.problem !== undefined) {
      batch.problems.push({ file: request.task.files.metadata, reason: `the snippet for ${where(item.job)} ${checked.problem}`, ruleId: "snippet-invalid" });
      continue;
    }
    batch.snippets.push({
      task: request.task.id,
      provider: request.provider.id,
      model: request.model,
      language: client.language,
      client: client.client,
      clientId: client.id,
      stream: request.stream,
      content: checked.content,
    });
  }
  return batch;
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

