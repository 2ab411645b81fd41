/**
 * The persistent cache is used only when an entry is whole and ours: truncated, corrupt, garbage
 * and other-version entries are ignored, the work is done again and the entry rewritten, and the
 * pages come out the same. A build's entries go into one pack file; packs that pile up are merged.
 */
import {
  appendFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildCache, cacheDirectory } from "../../scripts/cache/build-cache.ts";
import { contentKey, DirectoryCache, NO_CACHE, PackCache, type PackLimits } from "../../scripts/lib/content-cache.ts";
import { loadConfig } from "../../scripts/config/config.ts";
import { buildSite } from "../../scripts/pipeline/build-site.ts";
import { siteFiles } from "../../scripts/pipeline/site-memo.ts";
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

describe("cache entries, one file each (whole sites)", () => {
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

/** Every line of every pack under `dir`, by file. */
function packLines(dir: string): Map<string, string[]> {
  return new Map(
    entriesUnder(dir)
      .filter((file) => file.endsWith(".jsonl"))
      .map((file) => [file, readFileSync(file, "utf8").split("\n").filter(Boolean)]),
  );
}

describe("cache entries in packs (a build's snippets, pages and loads)", () => {
  const dir = path.join(scratch, "packs");
  const open = (fingerprint = "fingerprint-a", limits?: PackLimits) => new PackCache(dir, fingerprint, limits);
  const names = ["a", "b", "c", "d", "e"];

  it("gives back what was stored, before and after it is written, and one pack holds a run's entries", async () => {
    const cache = open();
    for (const name of names) cache.set("snippet", [name], { content: `echo ${name}\n` });
    expect(cache.get("snippet", ["a"])).toEqual({ content: "echo a\n" });
    expect(packLines(dir).size).toBe(0);
    await cache.flush();
    expect([...packLines(dir).values()].map((lines) => lines.length)).toEqual([names.length]);
    const again = open();
    for (const name of names) expect(again.get("snippet", [name])).toEqual({ content: `echo ${name}\n` });
    expect(again.get("page", ["a"])).toBeUndefined();
    expect(open("fingerprint-b").get("snippet", ["a"])).toBeUndefined();
  });

  it("ignores a truncated, a corrupt, a garbage and a foreign entry, and keeps the others", async () => {
    const other = open("fingerprint-b");
    other.set("snippet", ["d"], { content: "echo other\n" });
    await other.flush();
    const [otherLine] = [...packLines(other.packDir).values()].flat();
    const [file, lines] = [...packLines(open().packDir)][0] as [string, string[]];
    const byName = new Map(
      lines.map((line) => [(JSON.parse(line) as { value: { content: string } }).value.content, line]),
    );
    const line = (name: string) => byName.get(`echo ${name}\n`) ?? "";
    const ourKeyOfD = (JSON.parse(line("d")) as { key: string }).key;
    writeFileSync(
      file,
      [
        line("a").slice(0, line("a").length / 2),
        line("b").replace("echo b", "echo B"),
        "\u0000\u0001 not json",
        // Another version's entry, complete with its own checksum, placed at our key.
        (otherLine ?? "").replace(/"key":"[^"]*"/, `"key":"${ourKeyOfD}"`),
        line("e"),
      ].join("\n"),
    );
    const damaged = open();
    expect(names.map((name) => damaged.get("snippet", [name]))).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      { content: "echo e\n" },
    ]);
    for (const name of names) damaged.set("snippet", [name], { content: `echo ${name}\n` });
    await damaged.flush();
    const mended = open();
    for (const name of names) expect(mended.get("snippet", [name])).toEqual({ content: `echo ${name}\n` });
  });

  it("merges packs that pile up, keeping the newest entries, and removes what it replaced", async () => {
    const limits: PackLimits = { packsBeforeMerge: 3, maxEntries: 4 };
    for (let run = 0; run < 6; run++) {
      const cache = open("fingerprint-merge", limits);
      cache.set("snippet", [`run ${run}`], { content: `echo ${run}\n` });
      await cache.flush();
      expect(packLines(cache.packDir).size).toBeLessThanOrEqual(limits.packsBeforeMerge);
    }
    const cache = open("fingerprint-merge", limits);
    const found = Array.from({ length: 6 }, (_, run) => cache.get("snippet", [`run ${run}`]) !== undefined);
    // Merged at the fourth run (the first four), then the fifth and sixth in their own packs.
    expect(found).toEqual([true, true, true, true, true, true]);
    for (let run = 6; run < 8; run++) {
      cache.set("snippet", [`run ${run}`], { content: `echo ${run}\n` });
      await cache.flush();
    }
    const kept = open("fingerprint-merge", limits);
    const after = Array.from({ length: 8 }, (_, run) => kept.get("snippet", [`run ${run}`]) !== undefined);
    // The seventh run's flush merged seven entries, keeping the newest four; the eighth has its own pack.
    expect(after).toEqual([false, false, false, true, true, true, true, true]);
    expect(packLines(kept.packDir).size).toBe(2);
  });

  it("drops damaged entries when it merges", async () => {
    const limits: PackLimits = { packsBeforeMerge: 1, maxEntries: 100 };
    const first = open("fingerprint-damaged", limits);
    first.set("snippet", ["a"], { content: "echo a\n" });
    await first.flush();
    const [file, lines] = [...packLines(first.packDir)][0] as [string, string[]];
    writeFileSync(file, lines.map((line) => line.replace("echo a", "echo A")).join("\n"));
    const second = open("fingerprint-damaged", limits);
    second.set("snippet", ["b"], { content: "echo b\n" });
    await second.flush();
    const merged = [...packLines(second.packDir).values()];
    expect(merged).toHaveLength(1);
    expect(merged.flat().map((line) => (JSON.parse(line) as { value: { content: string } }).value.content)).toEqual([
      "echo b\n",
    ]);
  });

  it("removes another version's packs once none was written for a day, and leaves no temporary file", async () => {
    const old = open("fingerprint-old");
    old.set("snippet", ["x"], { content: "x\n" });
    await old.flush();
    const recent = open("fingerprint-recent");
    recent.set("snippet", ["x"], { content: "x\n" });
    await recent.flush();
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000);
    utimesSync(old.packDir, twoDaysAgo, twoDaysAgo);
    const cache = open();
    cache.set("snippet", ["y"], { content: "y\n" });
    await cache.flush();
    expect(existsSync(old.packDir)).toBe(false);
    expect(existsSync(recent.packDir)).toBe(true);
    expect(entriesUnder(dir).filter((file) => file.endsWith(".tmp"))).toEqual([]);
  });
});

describe("a build with the cache", () => {
  const project = scratchProject({ providers: ["groq", "hf-inference"] });
  const cacheDir = path.join(scratch, "build");
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  it("fills the cache, then builds the same pages from damaged entries and mends them", async () => {
    const config = loadConfig(project);
    const cache = new PackCache(cacheDir, "fingerprint-a");
    // Test files share a process (isolate: false): snippets another file checked would skip the cache.
    forgetCheckedSnippets();
    const first = await buildSite(config, { cache });
    await cache.flush();
    const packs = packLines(cacheDir);
    const lines = [...packs.values()].flat();
    const kinds = new Set(lines.map((line) => (JSON.parse(line) as { kind: string }).kind));
    expect([...kinds].sort()).toEqual(["page", "snippet", "specs"]);

    // Damage every entry, three ways in turn; the value of a snippet is altered but looks plausible.
    for (const [file, fileLines] of packs) {
      const damaged = fileLines.map((text, index) => {
        if (index % 3 === 0) return text.slice(0, text.length / 2);
        if (index % 3 === 1) return text.replace(/"content":"/, '"content":"import os\\n');
        return text.replace(/"fingerprint":"[^"]*"/, '"fingerprint":"fingerprint-b"');
      });
      writeFileSync(file, damaged.join("\n"));
    }
    forgetCheckedSnippets();
    const mending = new PackCache(cacheDir, "fingerprint-a");
    const second = await buildSite(config, { cache: mending });
    await mending.flush();
    expect(second.files).toEqual(first.files);

    // Every entry was made again: a third build finds them all and has nothing to store.
    forgetCheckedSnippets();
    const mended = new PackCache(cacheDir, "fingerprint-a");
    const stored: string[] = [];
    const third = await buildSite(config, {
      cache: {
        get: (kind, parts) => mended.get(kind, parts),
        set: (kind) => void stored.push(kind),
        flush: () => mended.flush(),
      },
    });
    expect(third.files).toEqual(first.files);
    expect(stored).toEqual([]);
  });

  it("keeps what a build formatted also when the build then fails", async () => {
    const failing = scratchProject({ providers: ["groq"], cacheDir: "cache" });
    try {
      // A code block the template adds fails the page checks, which come after the snippets.
      appendFileSync(path.join(failing, "templates/layouts/index.hbs"), "\n```sh\necho added\n```\n");
      forgetCheckedSnippets();
      await expect(siteFiles(loadConfig(failing))).rejects.toThrow(/not exactly one of the rendered snippets/);
      const kinds = [...packLines(path.join(failing, "cache")).values()]
        .flat()
        .map((line) => (JSON.parse(line) as { kind: string }).kind);
      expect(kinds).toContain("snippet");
    } finally {
      rmSync(failing, { recursive: true, force: true });
    }
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
