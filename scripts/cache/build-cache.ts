/**
 * The persistent cache a build uses: the configured `cacheDir` (relative to the configuration
 * file), by default node_modules/.cache/snippet-docs/, or none with `--no-cache`.
 */
import path from "node:path";
import type { Config } from "../config/config.ts";
import { DirectoryCache, NO_CACHE, PackCache, type ContentCache } from "../lib/content-cache.ts";
import { defaultCacheDir, toolFingerprint } from "./tool-fingerprint.ts";

/**
 * The cache of a build's entries (snippets, pages, spec loads); flush it when the build is done. A
 * long-lived process keeps it between builds, so the packs are read once.
 */
export function buildCache(config: Config, options: { noCache?: boolean } = {}): ContentCache {
  if (options.noCache) return NO_CACHE;
  return new PackCache(cacheDirectory(config), toolFingerprint());
}

/** The cache of whole sites (site-memo.ts): a few large entries, each read alone. */
export function siteCache(config: Config, options: { noCache?: boolean } = {}): ContentCache {
  if (options.noCache) return NO_CACHE;
  return new DirectoryCache(cacheDirectory(config), toolFingerprint());
}

/** Where the cache of `config` lives (for messages and the bench). */
export function cacheDirectory(config: Config): string {
  return path.resolve(config.cacheDir ?? defaultCacheDir(config.root));
}
