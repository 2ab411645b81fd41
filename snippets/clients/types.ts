/**
 * What a client is: one small file per client (`info` + `render`), registered in one ordered list.
 */
import type { SnippetRequest } from "../request.ts";

export type Language = "sh" | "python" | "js";

/**
 * Why a client writes no snippet for a request. A reason is a limitation by design (the OpenAI SDK
 * has only the chat route); a `gap` is data the client lacks, such as an SDK signature not yet
 * recorded, and the pipeline reports each one as a warning.
 */
export type Unsupported = string | { gap: string };

export function unsupportedReason(unsupported: Unsupported): string {
  return typeof unsupported === "string" ? unsupported : unsupported.gap;
}

export interface SnippetClient {
  /** `<language>/<client>`, e.g. `python/requests`. */
  id: string;
  language: Language;
  /** Client name as shown on pages, e.g. `requests`. */
  client: string;
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
  /** Why this request cannot be written with this client, or undefined when it can. */
  unsupported(request: SnippetRequest): Unsupported | undefined;
  /** Source code before formatting. */
  render(request: SnippetRequest): string;
}
