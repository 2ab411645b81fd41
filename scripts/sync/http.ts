/**
 * The only network code of `sync`: GET a JSON document from the Hub, patiently but within bounds.
 * Timeouts per request and for the whole run, retries with exponential backoff on timeouts,
 * network errors, 429 and 5xx (a Retry-After header wins over the backoff), redirects followed
 * only within the endpoint's origin, a cap on the body size. Every failure is a SyncFailure (an
 * input error) that names the URL; nothing here writes files.
 */
import type { SyncHttpPolicy } from "../config/sync-policy.ts";
import { InputError } from "../lib/diagnostics.ts";

/** The input error of a request: the URL stands where a file would, the rule says it came from the Hub. */
export class SyncFailure extends InputError {
  readonly url: string;
  readonly reason: string;

  constructor(url: string, reason: string) {
    super([{ file: url, reason, ruleId: "sync-http" }]);
    this.name = "SyncFailure";
    this.message = `GET ${url}: ${reason}`;
    this.url = url;
    this.reason = reason;
  }
}

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface HttpClientOptions {
  /** Requests may only go to this origin (redirects elsewhere are refused). */
  origin: string;
  policy: SyncHttpPolicy;
  token?: string;
  fetch?: FetchLike;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

export interface JsonResponse {
  url: string;
  value: unknown;
  headers: Headers;
}

export interface HttpClient {
  /** The parsed body; `undefined` for a 404 when `notFoundIsAbsent` (a model that no longer exists). */
  getJson(url: string, options?: { notFoundIsAbsent?: boolean }): Promise<JsonResponse | undefined>;
  /** Abandons the requests in flight (after one failed, the others are not needed). */
  abort(): void;
}

const MAX_REDIRECTS = 5;

/** Retry-After in milliseconds: either delta-seconds or an HTTP date. */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  if (header === null || header.trim() === "") return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function isRetryableStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status <= 599);
}

/** A short, single-line excerpt of an error body, e.g. the Hub's {"error": "..."}. */
function errorExcerpt(text: string): string {
  let message = text;
  try {
    const parsed = JSON.parse(text) as unknown;
    if (typeof parsed === "object" && parsed !== null && typeof (parsed as { error?: unknown }).error === "string") {
      message = (parsed as { error: string }).error;
    }
  } catch {
    // not JSON: show the text itself
  }
  const line = message.replace(/\s+/g, " ").trim();
  return line === "" ? "" : `: ${line.length > 200 ? `${line.slice(0, 200)}...` : line}`;
}

function describeNetworkError(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as Error & { cause?: { code?: string; message?: string } }).cause;
    return cause?.code ?? cause?.message ?? error.message;
  }
  return String(error);
}

export function createHttpClient(options: HttpClientOptions): HttpClient {
  const { policy } = options;
  const fetchImpl: FetchLike = options.fetch ?? ((url, init) => fetch(url, init));
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const now = options.now ?? Date.now;
  const deadline = now() + policy.totalTimeoutMs;
  const abandon = new AbortController();
  const headers: Record<string, string> = { Accept: "application/json" };
  if (options.token) headers["Authorization"] = `Bearer ${options.token}`;

  /** One request (no retries); the returned value says whether and when to try again. */
  async function attempt(
    url: string,
    timeoutMs: number,
    notFoundIsAbsent: boolean,
  ): Promise<{ response: JsonResponse | undefined } | { retry: string; delayMs?: number }> {
    let current = url;
    for (let redirects = 0; ; redirects++) {
      let response: Response;
      const signal = AbortSignal.timeout(timeoutMs);
      try {
        response = await fetchImpl(current, {
          headers,
          redirect: "manual",
          signal: AbortSignal.any([signal, abandon.signal]),
        });
      } catch (error) {
        if (signal.aborted) return { retry: `no response within ${timeoutMs} ms` };
        return { retry: `network error (${describeNetworkError(error)})` };
      }
      if (response.status >= 300 && response.status < 400) {
        await response.body?.cancel();
        const location = response.headers.get("location");
        if (!location) throw new SyncFailure(current, `HTTP ${response.status} redirect without a Location header`);
        const target = new URL(location, current);
        if (target.origin !== options.origin) {
          throw new SyncFailure(
            current,
            `redirected to another host (${target.origin}); only ${options.origin} is trusted, ` +
              "so the redirect is not followed",
          );
        }
        if (redirects >= MAX_REDIRECTS) throw new SyncFailure(url, `more than ${MAX_REDIRECTS} redirects`);
        current = target.href;
        continue;
      }
      let text: string;
      try {
        const declared = Number(response.headers.get("content-length") ?? "0");
        if (declared > policy.maxBodyBytes) {
          await response.body?.cancel();
          throw new SyncFailure(
            current,
            `response of ${declared} bytes is larger than sync.http.maxBodyBytes (${policy.maxBodyBytes})`,
          );
        }
        text = await response.text();
      } catch (error) {
        if (error instanceof SyncFailure) throw error;
        if (signal.aborted) return { retry: `no complete response within ${timeoutMs} ms` };
        return { retry: `network error while reading the body (${describeNetworkError(error)})` };
      }
      if (isRetryableStatus(response.status)) {
        const delayMs = retryAfterMs(response.headers.get("retry-after"), now());
        return { retry: `HTTP ${response.status}${errorExcerpt(text)}`, ...(delayMs !== undefined ? { delayMs } : {}) };
      }
      if (response.status === 404 && notFoundIsAbsent) return { response: undefined };
      if (!response.ok) throw new SyncFailure(current, `HTTP ${response.status}${errorExcerpt(text)}`);
      if (Buffer.byteLength(text) > policy.maxBodyBytes) {
        throw new SyncFailure(current, `response larger than sync.http.maxBodyBytes (${policy.maxBodyBytes})`);
      }
      try {
        return { response: { url: current, value: JSON.parse(text) as unknown, headers: response.headers } };
      } catch (error) {
        throw new SyncFailure(current, `malformed JSON (${error instanceof Error ? error.message : String(error)})`);
      }
    }
  }

  return {
    abort: () => abandon.abort(),
    async getJson(url, requestOptions = {}) {
      if (new URL(url).origin !== options.origin) {
        throw new SyncFailure(url, `not requested: only ${options.origin} is trusted`);
      }
      const attempts = policy.retries + 1;
      for (let index = 0; ; index++) {
        if (abandon.signal.aborted) throw new SyncFailure(url, "not requested: another request failed");
        const remaining = deadline - now();
        if (remaining <= 0)
          throw new SyncFailure(
            url,
            `not requested: the sync ran past sync.http.totalTimeoutMs (${policy.totalTimeoutMs} ms)`,
          );
        const outcome = await attempt(
          url,
          Math.min(policy.timeoutMs, remaining),
          requestOptions.notFoundIsAbsent === true,
        );
        if ("response" in outcome) return outcome.response;
        if (index + 1 >= attempts) {
          throw new SyncFailure(
            url,
            `${outcome.retry} (gave up after ${attempts} ${attempts === 1 ? "attempt" : "attempts"})`,
          );
        }
        const delayMs = outcome.delayMs ?? policy.backoffMs * 2 ** index;
        const left = deadline - now();
        if (delayMs >= left) {
          const asked =
            outcome.delayMs !== undefined
              ? `the server asks to retry after ${Math.ceil(delayMs / 1000)} s`
              : `the next retry is due in ${delayMs} ms`;
          throw new SyncFailure(
            url,
            `${outcome.retry}; ${asked}, past sync.http.totalTimeoutMs (${policy.totalTimeoutMs} ms)`,
          );
        }
        await sleep(delayMs);
      }
    },
  };
}
