/**
 * What a client is: one folder `snippets/clients/<language>/<client>/` whose `client.ts` exports
 * `client` (a ClientDefinition), with its golden fixtures and, where needed, its conformance
 * stand-in. The registry (registry.generated.ts) lists the folders and gives each client its id,
 * language, name and source file from its folder; nothing else names a client.
 *
 * A client decides up front: `plan(request)` returns what the snippet will say (its plan) or a
 * Refusal saying why this client cannot write the request; `render(plan)` then only prints, and
 * cannot fail.
 */
import type { Language } from "../languages/index.ts";
import type { SnippetRequest } from "../request.ts";

/**
 * Why a client writes no snippet for a request: reported with the task, provider and client. A
 * refusal is a limitation by design (the OpenAI SDK has only the chat route) unless it is a `gap`:
 * data the client lacks, such as an SDK signature not yet recorded, which the pipeline reports as
 * a warning.
 */
export class Refusal {
  constructor(
    readonly reason: string,
    readonly gap = false,
  ) {}
}

export type { Language } from "../languages/index.ts";

export interface SnippetClient<Plan = unknown> {
  /** `<language>/<client>`, e.g. `python/requests`. */
  id: string;
  language: Language;
  /** Client name as shown on pages, e.g. `requests`. */
  client: string;
  /** Where this client's snippets appear among all clients' on the pages (lower first). */
  order: number;
  /** This client's source file, relative to the tool's root (named in the pages' headers). */
  source: string;
  /** Where readers learn more about the client; linked after each snippet. */
  reference: { label: string; url: string };
  /**
   * True for SDKs: given a custom base URL they post the task's own request to the task route,
   * whatever the provider's contract (with provider routing they build the native one themselves).
   */
  sendsTaskRequest?: true;
  /**
   * True when the conformance run must run this snippet as printed, provider routing on (the
   * router's origin redirected to the local server), because a base URL cannot express the call.
   */
  runsWithProviderRouting?(request: SnippetRequest): boolean;
  /**
   * For conformance runs: the interpreter that has this client's library when the language's
   * usual one does not (Debian's python3-httpx is importable only from /usr/bin/python3).
   */
  interpreter?: string;
  /**
   * For conformance fuzzing: this client's share of the fuzz cases against the others' (1 when
   * unset). Clients cheap to start (no SDK to import) take more.
   */
  fuzzWeight?: number;
  /**
   * For conformance runs: a folder (absolute) put on the module path in place of an SDK that cannot
   * be installed here; results are marked as checked against a stand-in.
   */
  standInDir?: string;
  /** What the snippet for this request will say, or why this client cannot write it. */
  plan(request: SnippetRequest): Plan | Refusal;
  /** Source code before formatting. */
  render(plan: Plan): string;
}

/** What a client's client.ts defines: its id, language, name and source file come from its folder. */
export type ClientDefinition<Plan = unknown> = Omit<SnippetClient<Plan>, "id" | "language" | "client" | "source">;

/** The client defined in the folder snippets/clients/<language>/<name>/ (see registry.generated.ts). */
export function clientOfFolder<Plan>(
  language: Language,
  name: string,
  definition: ClientDefinition<Plan>,
): SnippetClient<Plan> {
  const id = `${language}/${name}`;
  return { ...definition, id, language, client: name, source: `snippets/clients/${id}/client.ts` };
}

/** Why `client` cannot write `request`, or undefined when it can. */
export function refusalReason(client: SnippetClient, request: SnippetRequest): string | undefined {
  const plan = client.plan(request);
  return plan instanceof Refusal ? plan.reason : undefined;
}
