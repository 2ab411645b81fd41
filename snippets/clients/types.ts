/**
 * What a client is: one folder `snippets/clients/<language>/<client>/` whose `client.ts` exports
 * `client` (`info` + `render`), with its golden fixtures and, where needed, its conformance stand-in.
 * The registry (registry.generated.ts) lists the folders; nothing else names a client.
 */
import type { SnippetRequest } from "../request.ts";

export type Language = "sh" | "python" | "js";

export interface SnippetClient {
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
   * For conformance runs: the interpreter that has this client's library when the language's
   * usual one does not (Debian's python3-httpx is importable only from /usr/bin/python3).
   */
  interpreter?: string;
  /**
   * For conformance runs: a folder (absolute) put on the module path in place of an SDK that cannot
   * be installed here; results are marked as checked against a stand-in.
   */
  standInDir?: string;
  /** Why this request cannot be written with this client, or undefined when it can. */
  unsupported(request: SnippetRequest): string | undefined;
  /** Source code before formatting. */
  render(request: SnippetRequest): string;
}
