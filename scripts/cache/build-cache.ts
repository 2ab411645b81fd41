/**
 * The persistent cache a build uses: the configured `cacheDir` (relative to the configuration
 * file), by default node_modules/.cache/snippet-docs/, or none with `--no-cache`.
 */
import path from "node:path";
import type { Config } from "../config/config.ts";
import { DirectoryCache, NO_CACHE, type ContentCache } from "../lib/content-cache.ts";
import { defaultCacheDir, toolFingerprint } from "./tool-fingerprint.ts";

export function buildCache(config: Config, options: { noCache?: boolean } = {}): ContentCache {
  if (options.noCache) return NO_CACHE;
  return new DirectoryCache(cacheDirectory(config), toolFingerprint());
}

/** Where the cache of `config` lives (for messages and the bench). */
export function cacheDirectory(config: Config): string {
  return path.resolve(config.cacheDir ?? defaultCacheDir(config.root));
}
