/**
 * End to end through the CLI, in a scratch project limited to one provider so it runs fast.
 */
import { appendFileSync, readFileSync, readdirSync, rmSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCommand, scratchProject } from "../helpers/cli.ts";

function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const visit = (relative: string) => {
    for (const name of readdirSync(path.join(dir, relative))) {
      const child = path.join(relative, name);
      if (statSync(path.join(dir, child)).isDirectory()) visit(child);
      else files.set(child, readFileSync(path.join(dir, child), "utf8"));
    }
  };
  visit("");
  return files;
}

describe("snippet-docs generate / check, in-process", () => {
  let project: string;
  let out: string;

  beforeAll(async () => {
    project = scratchProject({ providers: ["groq"], outDir: "out" });
    out = path.join(project, "out");
    const first = await runCommand("generate", [], project);
    // On a pipe, progress is one line per finished phase.
    const files = /\((\d+) files/.exec(first.stdout)?.[1];
    expect(first.stderr).toMatch(
      new RegExp(
        "^generate: loading specs in \\d+\\.\\ds\n" +
          "generate: rendering snippets (\\d+)/\\1 in \\d+\\.\\ds\n" +
          "generate: rendering pages (\\d+)/\\2 in \\d+\\.\\ds\n" +
          "generate: checking pages \\2/\\2 in \\d+\\.\\ds\n" +
          `generate: writing ${files}/${files} in \\d+\\.\\ds\n$`,
      ),
    );
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(
      /^out\/: \d+ written, 0 unchanged, 0 removed \(\d+ files, \d+ snippets\) in \d+\.\ds\n$/,
    );
  });
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  it("is deterministic: a second run writes nothing and check passes", async () => {
    const before = snapshot(out);
    const second = await runCommand("generate", [], project);
    expect(second.status).toBe(0);
    expect(second.stdout).toMatch(/: 0 written, \d+ unchanged, 0 removed/);
    expect(snapshot(out)).toEqual(before);
    const check = await runCommand("check", [], project);
    expect(check.status).toBe(0);
    expect(check.stdout).toContain("is current");
  });

  it("check names an edited, a user's and a deleted page, shows a diff and the command, and writes nothing", async () => {
    appendFileSync(path.join(out, "tasks/text-classification.md"), "hand edit\n");
    writeFileSync(path.join(out, "tasks/stray.md"), "# not generated\n");
    unlinkSync(path.join(out, "providers/groq.md"));
    const before = snapshot(out);
    const check = await runCommand("check", [], project);
    expect(check.status).toBe(1);
    expect(check.stdout).toContain("--- a/out/tasks/text-classification.md");
    expect(check.stdout).toContain("-hand edit");
    // A file the generator did not write is the user's: reported, never counted as stale or removed.
    expect(check.stdout).toMatch(/Not written by the generator, left as they are \(1\):\n {2}out\/tasks\/stray\.md/);
    expect(check.stdout).toMatch(/Missing \(1\):\n {2}out\/providers\/groq\.md/);
    expect(check.stdout).toContain("Run `npx snippet-docs generate`");
    expect(snapshot(out)).toEqual(before);

    const repair = await runCommand("generate", [], project);
    expect(repair.stdout).toMatch(/: 2 written, \d+ unchanged, 0 removed/);
    expect(readFileSync(path.join(out, "tasks/stray.md"), "utf8")).toBe("# not generated\n");
    expect((await runCommand("check", [], project)).status).toBe(0);
  });

  it("a corrupted spec makes check exit 2 and generate fail without touching the pages", async () => {
    const taskFile = path.join(project, "specs/tasks/fill-mask/task.json");
    const original = readFileSync(taskFile, "utf8");
    writeFileSync(taskFile, original.replace('"title"', '"title" "oops"'));
    try {
      const before = snapshot(out);
      const check = await runCommand("check", [], project);
      expect(check.status).toBe(2);
      expect(check.stderr).toMatch(
        /^specs\/tasks\/fill-mask\/task\.json:\d+:\d+: error: invalid JSON: expected ':' after the property name \[json-syntax\]/m,
      );
      const generate = await runCommand("generate", [], project);
      expect(generate.status).toBe(2);
      expect(generate.stderr).toContain("specs/tasks/fill-mask/task.json");
      expect(snapshot(out)).toEqual(before);
    } finally {
      writeFileSync(taskFile, original);
    }
  });

  it("reports a meta-schema violation and a bad example by file, line and JSON pointer", async () => {
    const taskFile = path.join(project, "specs/tasks/text-classification/task.json");
    const original = readFileSync(taskFile, "utf8");
    const task = JSON.parse(original) as Record<string, unknown>;
    writeFileSync(taskFile, JSON.stringify({ ...task, conversational: "no", example: { inputs: 42 } }, null, 2));
    try {
      const check = await runCommand("check", [], project);
      expect(check.status).toBe(2);
      expect(check.stderr).toMatch(/task\.json:\d+:\d+ at \/conversational: error: must be boolean/);
    } finally {
      writeFileSync(taskFile, original);
    }
    writeFileSync(taskFile, JSON.stringify({ ...task, example: { inputs: 42 } }, null, 2));
    try {
      const check = await runCommand("check", [], project);
      expect(check.status).toBe(2);
      expect(check.stderr).toMatch(
        /task\.json:\d+:\d+ at \/example\/inputs: error: the example request does not match specs\/tasks\/text-classification\/input\.json: must be string \[example-schema\]/,
      );
    } finally {
      writeFileSync(taskFile, original);
    }
  });

  it("names an unresolvable $ref and where it is used", async () => {
    const inputFile = path.join(project, "specs/tasks/text-classification/input.json");
    const original = readFileSync(inputFile, "utf8");
    writeFileSync(inputFile, original.replace("#/$defs/TextClassificationParameters", "#/$defs/Missing"));
    try {
      const check = await runCommand("check", [], project);
      expect(check.status).toBe(2);
      expect(check.stderr).toMatch(
        /input\.json:\d+:\d+ at \/properties\/parameters\/\$ref: error: cannot resolve \$ref "#\/\$defs\/Missing"/,
      );
    } finally {
      writeFileSync(inputFile, original);
    }
  });

  it("rejects a mapping to an unknown task and an invalid configuration", async () => {
    const feedFile = path.join(project, "specs/providers.json");
    const original = readFileSync(feedFile, "utf8");
    const feed = JSON.parse(original) as { providers: Record<string, { tasks: Record<string, unknown> }> };
    const groq = feed.providers["groq"];
    if (groq) groq.tasks["text-to-poem"] = { modelId: "a/b", providerModelId: "b", status: "live" };
    writeFileSync(feedFile, JSON.stringify(feed, null, 2));
    try {
      const check = await runCommand("check", [], project);
      expect(check.status).toBe(2);
      expect(check.stderr).toMatch(
        /providers\.json:\d+:\d+ at \/providers\/groq\/tasks\/text-to-poem: error: unknown task "text-to-poem"/,
      );
    } finally {
      writeFileSync(feedFile, original);
    }
    const configFile = path.join(project, "snippet-docs.config.json");
    const config = readFileSync(configFile, "utf8");
    writeFileSync(
      configFile,
      JSON.stringify({ providers: ["groq", "nobody"], outDir: "out", snippetStyle: "fancy" }, null, 2),
    );
    try {
      const check = await runCommand("check", [], project);
      expect(check.status).toBe(2);
      expect(check.stderr).toMatch(
        /snippet-docs\.config\.json:\d+:\d+ at \/snippetStyle: error: must be one of \["inline","component"\]/,
      );
    } finally {
      writeFileSync(configFile, config);
    }
  });
});
