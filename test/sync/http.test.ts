/**
 * The sync's HTTP client with a scripted fetch and a recorded sleep: which responses are retried,
 * how long it waits, and where it gives up.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_SYNC_POLICY } from "../../scripts/config/sync-policy.ts";
import { createHttpClient, retryAfterMs, SyncFailure, type FetchLike } from "../../scripts/sync/http.ts";
import { nextPageUrl } from "../../scripts/sync/hub-api.ts";

const ORIGIN = "https://hub.test";
const policy = { ...DEFAULT_SYNC_POLICY.http, retries: 3, backoffMs: 100, totalTimeoutMs: 60_000 };

/** A fetch that answers from a script, and a clock that only moves when the client sleeps. */
function scripted(responses: (() => Response)[]) {
  let clock = 0;
  const sleeps: number[] = [];
  const urls: string[] = [];
  const fetch: FetchLike = async (url) => {
    urls.push(url);
    const next = responses.shift();
    if (!next) throw new Error("no more scripted responses");
    return next();
  };
  const sleep = async (ms: number) => {
    sleeps.push(ms);
    clock += ms;
  };
  return { fetch, sleep, now: () => clock, sleeps, urls };
}

const json =
  (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  () =>
    new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });

describe("sync HTTP client", () => {
  it("backs off exponentially on 5xx, and a Retry-After header wins", async () => {
    const script = scripted([json({}, 502), json({}, 503), json({}, 429, { "retry-after": "7" }), json({ ok: 1 })]);
    const client = createHttpClient({ origin: ORIGIN, policy, ...script });
    const response = await client.getJson(`${ORIGIN}/api/tasks`);
    expect(response?.value).toEqual({ ok: 1 });
    expect(script.sleeps).toEqual([100, 200, 7000]);
  });

  it("gives up after the configured retries with the last reason", async () => {
    const script = scripted([json({ error: "down" }, 500), json({ error: "down" }, 500)]);
    const client = createHttpClient({ origin: ORIGIN, policy: { ...policy, retries: 1 }, ...script });
    await expect(client.getJson(`${ORIGIN}/x`)).rejects.toThrow(
      `GET ${ORIGIN}/x: HTTP 500: down (gave up after 2 attempts)`,
    );
  });

  it("does not wait past the total time bound for a long Retry-After", async () => {
    const script = scripted([json({ error: "rate limited" }, 429, { "retry-after": "3600" })]);
    const client = createHttpClient({ origin: ORIGIN, policy, ...script });
    await expect(client.getJson(`${ORIGIN}/x`)).rejects.toThrow(
      /HTTP 429: rate limited; the server asks to retry after 3600 s, past sync\.http\.totalTimeoutMs \(60000 ms\)/,
    );
    expect(script.sleeps).toEqual([]);
  });

  it("makes no request once the total time bound has passed", async () => {
    const script = scripted([json({}, 500), json({ ok: 1 })]);
    const client = createHttpClient({ origin: ORIGIN, policy: { ...policy, totalTimeoutMs: 100 }, ...script });
    await expect(client.getJson(`${ORIGIN}/x`)).rejects.toThrow(
      "HTTP 500: {}; the next retry is due in 100 ms, past sync.http.totalTimeoutMs (100 ms)",
    );
    const late = scripted([json({}, 500), json({ ok: 1 })]);
    const lateClient = createHttpClient({ origin: ORIGIN, policy: { ...policy, totalTimeoutMs: 250 }, ...late });
    await expect(lateClient.getJson(`${ORIGIN}/x`)).resolves.toMatchObject({ value: { ok: 1 } });
    await late.sleep(1000);
    await expect(lateClient.getJson(`${ORIGIN}/y`)).rejects.toThrow(
      `GET ${ORIGIN}/y: not requested: the sync ran past sync.http.totalTimeoutMs (250 ms)`,
    );
    expect(late.urls).toEqual([`${ORIGIN}/x`, `${ORIGIN}/x`]);
  });

  it("does not retry a 4xx other than 429, nor malformed JSON", async () => {
    const notFound = scripted([json({ error: "Repository not found" }, 404)]);
    await expect(createHttpClient({ origin: ORIGIN, policy, ...notFound }).getJson(`${ORIGIN}/a`)).rejects.toThrow(
      "HTTP 404: Repository not found",
    );
    const absent = scripted([json({ error: "Repository not found" }, 404)]);
    expect(
      await createHttpClient({ origin: ORIGIN, policy, ...absent }).getJson(`${ORIGIN}/a`, { notFoundIsAbsent: true }),
    ).toBeUndefined();
    const broken = scripted([() => new Response('{"a": ', { status: 200 })]);
    await expect(createHttpClient({ origin: ORIGIN, policy, ...broken }).getJson(`${ORIGIN}/b`)).rejects.toThrow(
      /malformed JSON/,
    );
    expect(notFound.urls.length + broken.urls.length).toBe(2);
  });

  it("refuses a URL outside the endpoint's origin before any request", async () => {
    const script = scripted([]);
    const client = createHttpClient({ origin: ORIGIN, policy, ...script });
    await expect(client.getJson("https://elsewhere.test/api/tasks")).rejects.toBeInstanceOf(SyncFailure);
    expect(script.urls).toEqual([]);
  });

  it("reads Retry-After as seconds or as an HTTP date", () => {
    expect(retryAfterMs("5", 0)).toBe(5000);
    expect(retryAfterMs("Thu, 01 Jan 1970 00:00:10 GMT", 4000)).toBe(6000);
    expect(retryAfterMs("soon", 0)).toBeUndefined();
    expect(retryAfterMs(null, 0)).toBeUndefined();
  });

  it("finds the next page in a Link header", () => {
    expect(nextPageUrl('<https://hub.test/api/models?cursor=abc>; rel="next"', ORIGIN)).toBe(
      "https://hub.test/api/models?cursor=abc",
    );
    expect(nextPageUrl('<https://hub.test/p1>; rel="prev", </api/models?cursor=2>; rel=next', ORIGIN)).toBe(
      "https://hub.test/api/models?cursor=2",
    );
    expect(nextPageUrl(null, ORIGIN)).toBeUndefined();
  });
});
