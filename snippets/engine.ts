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
import { verifySnippet } from "./verify.ts";

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

export async function renderSnippet(client: SnippetClient, request: SnippetRequest): Promise<{ snippet?: Snippet; problem?: Diagnostic; skipped?: string }> {
  const unsupported = client.unsupported(request);
  if (unsupported !== undefined) return { skipped: unsupported };
  const where = `task ${request.task.id}, provider ${request.provider.id}, client ${client.id}${request.stream ? " (streaming)" : ""}`;
  let content: string;
  try {
    content = await formatSnippet(client.language, client.render(request));
  } catch (error) {
    return { problem: { file: request.task.files.metadata, reason: `the snippet for ${where} could not be formatted: ${error instanceof Error ? error.message : String(error)}`, ruleId: "snippet-format" } };
  }
  const invalid = verifySnippet(client.language, content);
  if (invalid !== undefined) {
    return { problem: { file: request.task.files.metadata, reason: `the snippet for ${where} does not parse: ${invalid}`, ruleId: "snippet-parse" } };
  }
  return {
    snippet: {
      task: request.task.id,
      provider: request.provider.id,
      model: request.model,
      language: client.language,
      client: client.client,
      clientId: client.id,
      stream: request.stream,
      content,
    },
  };
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
  const results = await Promise.all(clients.map((client) => renderSnippet(client, request)));
  return {
    snippets: results.flatMap((result) => (result.snippet ? [result.snippet] : [])),
    problems: results.flatMap((result) => (result.problem ? [result.problem] : [])),
    skipped: results.flatMap((result, index) => (result.skipped ? [{ clientId: clients[index]?.id ?? "", reason: result.skipped }] : [])),
  };
}
