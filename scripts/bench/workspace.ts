/**
 * The bench works on copies: a scratch project per scale holding the specs, templates and pages
 * of this project, with a feed multiplied K times (each provider repeated under new ids), and a
 * configuration pointing the cache at a directory the bench controls.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Config } from "../config/config.ts";

export interface BenchProject {
  dir: string;
  scale: number;
  /** Points the project's cache at `cacheDir` (a new empty directory makes the next run cold). */
  useCache(cacheDir: string): void;
}

/** The feed with every provider repeated `scale` times: copies are `<id>-x2`, `<id>-x3`, ... */
export function scaleFeed(feedText: string, scale: number): string {
  const feed = JSON.parse(feedText) as { providers: Record<string, { displayName: string }> };
  const providers: Record<string, unknown> = {};
  for (const [id, provider] of Object.entries(feed.providers)) {
    providers[id] = provider;
    for (let copy = 2; copy <= scale; copy++)
      providers[`${id}-x${copy}`] = { ...provider, displayName: `${provider.displayName} ${copy}` };
  }
  return JSON.stringify({ ...feed, providers }, null, 2) + "\n";
}

export function benchProject(config: Config, scale: number, parent: string): BenchProject {
  const dir = mkdtempSync(path.join(parent, `scale-${scale}-`));
  cpSync(config.specsDir, path.join(dir, "specs"), { recursive: true });
  cpSync(config.templatesDir, path.join(dir, "templates"), { recursive: true });
  cpSync(config.outDir, path.join(dir, "generated"), { recursive: true });
  const feed = path.join(dir, "specs", "providers.json");
  writeFileSync(feed, scaleFeed(readFileSync(feed, "utf8"), scale));
  // The project's own settings, with the paths of the copy.
  const settings = {
    ...((config.source?.value as object | undefined) ?? {}),
    specsDir: "specs",
    templatesDir: "templates",
    outDir: "generated",
  };
  if (config.schemas.layout === "upstream") Object.assign(settings, { schemas: { upstream: config.schemas.dir } });
  return {
    dir,
    scale,
    useCache(cacheDir) {
      mkdirSync(cacheDir, { recursive: true });
      writeFileSync(path.join(dir, "snippet-docs.config.json"), JSON.stringify({ ...settings, cacheDir }, null, 2));
    },
  };
}

export function benchScratch(): string {
  return mkdtempSync(path.join(tmpdir(), "snippet-docs-bench-"));
}
