/**
 * The persistent cache is used only when an entry is whole and ours: truncated, corrupt, garbage
 * and other-version entries are ignored, the work is done again and the entry rewritten, and the
 * pages come out the same.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildCache, cacheDirectory } from "../../scripts/cache/build-cache.ts";
import { contentKey, DirectoryCache, NO_CACHE } from "../../scripts/lib/content-cache.ts";
import { loadConfig } from "../../scripts/config/config.ts";
import { buildSite } from "../../scripts/pipeline/build-site.ts";
import { forgetCheckedSnippets } from "../../snippets/engine.ts";
import { runCommand, scratchProject } from "../helpers/cli.ts";

const scratch = mkdtempSync(path.join(tmpdir(), "cache-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function entriesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? entriesUnder(file) : [file];
  });
}

describe("cache entries", () => {
  const cache = new DirectoryCache(path.join(scratch, "unit"), "fingerprint-a");
  const parts = ["python", "print('hi')\n"];

  it("gives back what was stored, under a key of all the parts, before and after it is on disk", async () => {
    cache.set("snippet", parts, { content: "print('hi')\n" });
    expect(cache.get("snippet", parts)).toEqual({ content: "print('hi')\n" });
    await cache.flush();
    expect(new DirectoryCache(path.join(scratch, "unit"), "fingerprint-a").get("snippet", parts)).toEqual({
      content: "print('hi')\n",
    });
    expect(cache.get("snippet", ["python", "print('hi')"])).toBeUndefined();
    expect(contentKey(["ab", "c"])).not.toBe(contentKey(["a", "bc"]));
  });

  it("ignores a truncated, a corrupt, a garbage and a foreign entry", async () => {
    const file = cache.entryPath("snippet", parts);
    const whole = readFileSync(file, "utf8");
    writeFileSync(file, whole.slice(0, whole.length - 10));
    expect(cache.get("snippet", parts)).toBeUndefined();
    writeFileSync(file, whole.replace("print('hi')", "print('HI')"));
    expect(cache.get("snippet", parts)).toBeUndefined();
    writeFileSync(file, "\u0000\u0001 not json");
    expect(cache.get("snippet", parts)).toBeUndefined();
    // An entry another version of the tool wrote, complete with its own checksum, placed at our key.
    const other = new DirectoryCache(path.join(scratch, "unit"), "fingerprint-b");
    other.set("snippet", parts, { content: "print('other')\n" });
    await other.flush();
    writeFileSync(file, readFileSync(other.entryPath("snippet", parts), "utf8"));
    expect(cache.get("snippet", parts)).toBeUndefined();
    cache.set("snippet", parts, { content: "print('hi')\n" });
    await cache.flush();
    expect(new DirectoryCache(path.join(scratch, "unit"), "fingerprint-a").get("snippet", parts)).toEqual({
      content: "print('hi')\n",
    });
  });

  it("leaves no temporary file behind", () => {
    expect(entriesUnder(path.join(scratch, "unit")).filter((file) => file.endsWith(".tmp"))).toEqual([]);
  });
});

describe("a build with the cache", () => {
  const project = scratchProject({ providers: ["groq", "hf-inference"] });
  const cacheDir = path.join(scratch, "build");
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  it("fills the cache, then builds the same pages from damaged entries and mends them", async () => {
    const config = loadConfig(project);
    const cache = new DirectoryCache(cacheDir, "fingerprint-a");
    // Test files share a process (isolate: false): snippets another file checked would skip the cache.
    forgetCheckedSnippets();
    const first = await buildSite(config, { cache });
    await cache.flush();
    const entries = entriesUnder(cacheDir);
    const kinds = new Set(entries.map((file) => path.relative(cacheDir, file).split(path.sep)[0]));
    expect([...kinds].sort()).toEqual(["page", "snippet", "specs"]);

    const original = new Map(entries.map((file) => [file, readFileSync(file, "utf8")]));
    entries.forEach((file, index) => {
      const text = original.get(file) ?? "";
      // Damage every entry, three ways in turn; the value of a snippet is altered but looks plausible.
      if (index % 3 === 0) writeFileSync(file, text.slice(0, text.length / 2));
      else if (index % 3 === 1) writeFileSync(file, text.replace(/"content":"/, '"content":"import os\\n'));
      else writeFileSync(file, text.replace(/"fingerprint":"[^"]*"/, '"fingerprint":"fingerprint-b"'));
    });
    forgetCheckedSnippets();
    const second = await buildSite(config, { cache });
    await cache.flush();
    expect(second.files).toEqual(first.files);
    for (const file of entries) expect(readFileSync(file, "utf8"), file).toBe(original.get(file));
  });

  it("lives in the configured directory, and is not used with --no-cache", async () => {
    const noCacheProject = scratchProject({ providers: ["groq"], cacheDir: "cache" });
    try {
      const config = loadConfig(noCacheProject);
      expect(cacheDirectory(config)).toBe(path.join(noCacheProject, "cache"));
      expect(buildCache(config, { noCache: true })).toBe(NO_CACHE);
      expect((await runCommand("generate", ["--no-cache"], noCacheProject)).status).toBe(0);
      expect(existsSync(path.join(noCacheProject, "generated", "index.md"))).toBe(true);
      expect((await runCommand("check", ["--no-cache"], noCacheProject)).status).toBe(0);
      expect(existsSync(path.join(noCacheProject, "cache"))).toBe(false);
    } finally {
      rmSync(noCacheProject, { recursive: true, force: true });
    }
  });
});
