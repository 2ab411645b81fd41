/**
 * The remembered site (scripts/pipeline/site-memo.ts) answers only for inputs that are byte for
 * byte those of a passed build: an edited spec, template or configuration, or invalid input, is
 * built again, and saving a file back brings back the pages of the first build.
 */
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../scripts/config/config.ts";
import { removeOldSites, siteFiles, siteInputsDigest } from "../../scripts/pipeline/site-memo.ts";
import { runCommand, scratchProject } from "../helpers/cli.ts";

const project = scratchProject({ providers: ["groq"], cacheDir: "cache" });
afterAll(() => rmSync(project, { recursive: true, force: true }));

const taskFile = path.join(project, "specs/tasks/fill-mask/task.json");
const taskPage = path.join(project, "generated/tasks/fill-mask.md");
const layout = path.join(project, "templates/layouts/task.hbs");

function edit(file: string, change: (text: string) => string): () => void {
  const before = readFileSync(file, "utf8");
  writeFileSync(file, change(before));
  return () => writeFileSync(file, before);
}

describe("the remembered site", () => {
  it("is kept after a passed generate and answers check and generate on the same inputs", async () => {
    expect((await runCommand("generate", [], project)).status).toBe(0);
    expect(readdirSync(path.join(project, "cache"))).toContain("site");
    const config = loadConfig(project);
    const remembered = await siteFiles(config);
    const rebuilt = await siteFiles(config, { noCache: true });
    expect(remembered).toEqual(rebuilt);
    expect((await runCommand("check", [], project)).status).toBe(0);
  });

  it("is not used once a spec changes, and is used again when the spec is saved back", async () => {
    const restore = edit(taskFile, (text) => text.replace("guesses the word", "predicts the word"));
    try {
      const stale = await runCommand("check", [], project);
      expect(stale.status).toBe(1);
      expect(stale.stdout).toContain("tasks/fill-mask.md");
      expect((await runCommand("generate", [], project)).status).toBe(0);
      expect(readFileSync(taskPage, "utf8")).toContain("predicts the word");
    } finally {
      restore();
    }
    expect((await runCommand("check", [], project)).status).toBe(1);
    expect((await runCommand("generate", [], project)).status).toBe(0);
    expect(readFileSync(taskPage, "utf8")).toContain("guesses the word");
  });

  it("is not used once a template or the configuration changes", async () => {
    const config = loadConfig(project);
    const digest = siteInputsDigest(config);
    const restoreLayout = edit(layout, (text) => `${text}\nAn extra closing line.\n`);
    try {
      expect(siteInputsDigest(config)).not.toBe(digest);
      expect((await runCommand("check", [], project)).status).toBe(1);
    } finally {
      restoreLayout();
    }
    expect(siteInputsDigest(config)).toBe(digest);
    expect(siteInputsDigest({ ...config, docsBaseUrl: "https://example.org/docs" })).not.toBe(digest);
    expect(siteInputsDigest({ ...config, snippetStyle: "component" })).not.toBe(digest);
  });

  it("follows a linked folder: an edit inside it is seen", async () => {
    const linked = path.join(project, "elsewhere/fill-mask");
    mkdirSync(path.dirname(linked), { recursive: true });
    renameSync(path.dirname(taskFile), linked);
    symlinkSync(linked, path.dirname(taskFile), "dir");
    try {
      expect((await runCommand("check", [], project)).status).toBe(0);
      const restore = edit(path.join(linked, "task.json"), (text) =>
        text.replace("guesses the word", "finds the word"),
      );
      try {
        expect((await runCommand("check", [], project)).status).toBe(1);
      } finally {
        restore();
      }
    } finally {
      rmSync(path.dirname(taskFile));
      renameSync(linked, path.dirname(taskFile));
    }
    expect((await runCommand("check", [], project)).status).toBe(0);
  });

  it("never hides invalid input: a broken spec is reported (exit 2) and nothing is written", async () => {
    const pageBefore = readFileSync(taskPage, "utf8");
    const restore = edit(taskFile, (text) => text.replace('"description"', '"description": 1, "x"'));
    try {
      const check = await runCommand("check", [], project);
      expect(check.status).toBe(2);
      expect(check.stderr).toContain("fill-mask/task.json");
      expect((await runCommand("generate", [], project)).status).toBe(2);
      expect(readFileSync(taskPage, "utf8")).toBe(pageBefore);
    } finally {
      restore();
    }
    expect((await runCommand("check", [], project)).status).toBe(0);
  });

  it("is neither read nor written with --no-cache", async () => {
    rmSync(path.join(project, "cache"), { recursive: true, force: true });
    expect((await runCommand("check", ["--no-cache"], project)).status).toBe(0);
    expect(existsSync(path.join(project, "cache"))).toBe(false);
  });
});

describe("old remembered sites", () => {
  it("are removed but the newest eight, and a file being written is left alone", () => {
    const dir = path.join(project, "pruned");
    const names = Array.from(
      { length: 11 },
      (_, index) => `${index.toString(16).padStart(2, "0")}/entry-${index}.json`,
    );
    names.forEach((name, index) => {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), "{}");
      utimesSync(path.join(dir, name), 1_000 + index, 1_000 + index);
    });
    writeFileSync(path.join(dir, "00", "entry-0.json.123.tmp"), "");
    removeOldSites(dir);
    const left = names.filter((name) => existsSync(path.join(dir, name)));
    expect(left).toEqual(names.slice(3));
    expect(existsSync(path.join(dir, "00", "entry-0.json.123.tmp"))).toBe(true);
  });
});
