/**
 * The build process (see build-protocol.ts): answers build requests from its parent, one at a
 * time, and keeps the snippet cache warm between them. The page checks of a build start after a
 * short quiet spell; a new request stops them, as it makes them moot, so an edit right after
 * another is not kept waiting.
 * Exits when the parent goes away.
 */
import { buildCache, cacheDirectory } from "../cache/build-cache.ts";
import type { ContentCache } from "../lib/content-cache.ts";
import type { Config } from "../config/config.ts";
import { generateOnce } from "../pipeline/generate-once.ts";
import { loadConfig } from "../config/config.ts";
import { isInputError, type Diagnostic } from "../lib/diagnostics.ts";
import { buildSite, type Site } from "../pipeline/build-site.ts";
import type { BuildProcessMessage, BuildRequest, Failure, PageChecks } from "./build-protocol.ts";

function failure(error: unknown): Failure {
  if (isInputError(error)) return { kind: "invalid", diagnostics: [...error.diagnostics] };
  return {
    kind: "internal",
    message: `internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  };
}

/** Resolves once the message is handed to the parent, so CPU-bound work after it cannot hold it back. */
function send(message: BuildProcessMessage): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send) return resolve();
    process.send(message, () => resolve());
  });
}

/** Aborted when a newer request arrives while the pages of the last build are being checked. */
let checking: AbortController | undefined;

/**
 * How long the page checks wait after a build before they start. Edits often come in bursts (a
 * save, then another): checks started at once would hold up the next rebuild until their current
 * page is done, while checks of a build already superseded are moot.
 */
const PAGE_CHECK_DELAY_MS = 150;

/** Resolves after `ms`, or at once when `signal` is aborted first. */
function quietFor(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => (clearTimeout(timer), resolve()), { once: true });
  });
}

async function checkPages(site: Site, signal: AbortSignal): Promise<PageChecks> {
  await quietFor(PAGE_CHECK_DELAY_MS, signal);
  if (signal.aborted) return { kind: "stopped" };
  try {
    const problems = (await site.checkPages?.(signal)) ?? [];
    if (signal.aborted) return { kind: "stopped" };
    return problems.length > 0 ? { kind: "invalid", diagnostics: problems } : { kind: "passed" };
  } catch (error) {
    return failure(error);
  }
}

/**
 * The cache of the builds, kept open while its folder stays the same, so its packs are read once
 * (the tool, and so its fingerprint, cannot change under a running process).
 */
let openCache: { dir: string; cache: ContentCache } | undefined;

function cacheFor(config: Config): ContentCache {
  const dir = cacheDirectory(config);
  if (openCache?.dir !== dir) openCache = { dir, cache: buildCache(config) };
  return openCache.cache;
}

async function buildPages(request: BuildRequest): Promise<void> {
  const started = performance.now();
  let site: Site;
  let cache: ContentCache | undefined;
  try {
    const config = loadConfig(request.root, request.configFile);
    cache = cacheFor(config);
    site = await buildSite(config, { deferPageChecks: true, cache });
  } catch (error) {
    await send({ type: "outcome", id: request.id, outcome: failure(error) });
    await cache?.flush();
    return;
  }
  const providers = site.specs.providers.map((provider) => ({ id: provider.id, displayName: provider.displayName }));
  const seconds = (performance.now() - started) / 1000;
  await send({
    type: "outcome",
    id: request.id,
    outcome: { kind: "built", files: site.files, providers, snippetCount: site.snippetCount, seconds },
  });
  checking = new AbortController();
  await send({ type: "page-checks", id: request.id, checks: await checkPages(site, checking.signal) });
  checking = undefined;
  await cache.flush();
}

async function generate(request: BuildRequest): Promise<void> {
  try {
    let warnings: Diagnostic[] = [];
    const summary = await generateOnce(request.root, request.configFile, {
      onWarnings: (found) => (warnings = [...found]),
    });
    await send({ type: "outcome", id: request.id, outcome: { kind: "generated", summary, warnings } });
  } catch (error) {
    await send({ type: "outcome", id: request.id, outcome: failure(error) });
  }
}

let queue = Promise.resolve();
process.on("message", (request: BuildRequest) => {
  checking?.abort();
  queue = queue.then(() => (request.kind === "site" ? buildPages(request) : generate(request)));
});
process.on("disconnect", () => process.exit(0));
// Ctrl-C reaches the whole process group; the parent ends this process when it is done with it.
process.on("SIGINT", () => {});
