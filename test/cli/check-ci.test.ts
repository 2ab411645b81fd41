/**
 * What CI reads from `check`: `--format json`, and GitHub annotations when GITHUB_ACTIONS is set.
 */
import { appendFileSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatAnnotation } from "../../scripts/cli/github-annotations.ts";
import { PROJECT_ROOT, runCommand, scratchProject } from "../helpers/cli.ts";

const GITHUB = { GITHUB_ACTIONS: "true" };

describe("check for CI", () => {
  let project: string;
  beforeAll(async () => {
    project = scratchProject({ providers: ["groq"], outDir: "out" });
    expect((await runCommand("generate", [], project)).status).toBe(0);
  });
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  it("--format json says current", async () => {
    const result = await runCommand("check", ["--format", "json"], project);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ status: "current", outDir: "out", changed: [], missing: [], stale: [], command: "npx snippet-docs generate", diagnostics: [] });
  });

  it("--format json lists changed, missing and stale pages; annotations name each in GitHub Actions", async () => {
    appendFileSync(path.join(project, "out/index.md"), "hand edit\n");
    unlinkSync(path.join(project, "out/providers/groq.md"));
    writeFileSync(path.join(project, "out/old.md"), "# old\n");
    const json = await runCommand("check", ["--format", "json"], project);
    expect(json.status).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ status: "stale", changed: ["out/index.md"], missing: ["out/providers/groq.md"], stale: ["out/old.md"] });

    const text = await runCommand("check", [], project, GITHUB);
    expect(text.status).toBe(1);
    const annotations = text.stdout.split("\n").filter((line) => line.startsWith("::"));
    expect(annotations).toEqual([
      "::error file=out/index.md,title=stale page::out/index.md differs from what the generator writes. Run `npx snippet-docs generate` and commit the result.",
      "::error file=out/providers/groq.md,title=stale page::out/providers/groq.md is missing: the generator writes it. Run `npx snippet-docs generate` and commit the result.",
      "::error file=out/old.md,title=stale page::out/old.md is no longer generated. Run `npx snippet-docs generate` and commit the result.",
    ]);
    expect((await runCommand("check", [], project)).stdout).not.toContain("::error");
  });

  it("invalid input: JSON diagnostics with exit 2, and an annotation at the line in GitHub Actions", async () => {
    const spec = path.join(project, "specs/tasks/fill-mask/task.json");
    const original = readFileSync(spec, "utf8");
    writeFileSync(spec, original.replace('"title"', '"title" "oops"'));
    try {
      const json = await runCommand("check", ["--format", "json"], project);
      expect(json.status).toBe(2);
      const report = JSON.parse(json.stdout) as { status: string; diagnostics: { file: string; ruleId: string; position: { line: number } }[] };
      expect(report.status).toBe("invalid");
      expect(report.diagnostics[0]).toMatchObject({ file: "specs/tasks/fill-mask/task.json", ruleId: "json-syntax", position: { line: expect.any(Number) } });

      const text = await runCommand("check", [], project, GITHUB);
      expect(text.status).toBe(2);
      const line = report.diagnostics[0]?.position.line;
      expect(text.stdout).toMatch(new RegExp(`^::error file=specs/tasks/fill-mask/task\\.json,line=${line},col=\\d+,title=json-syntax::invalid JSON`, "m"));
    } finally {
      writeFileSync(spec, original);
    }
  });

  it("rejects another --format", async () => {
    expect(await runCommand("check", ["--format", "xml"], project)).toEqual({ status: 2, stdout: "", stderr: 'error: --format must be text or json, not "xml"\nSee `snippet-docs check --help`.\n' });
  });
});

describe("annotations", () => {
  it("escape what the runner would read as syntax", () => {
    expect(formatAnnotation({ file: "a,b:c.md", line: 3, column: 1, title: "rule", message: "100% wrong\nsecond line" })).toBe(
      "::error file=a%2Cb%3Ac.md,line=3,col=1,title=rule::100%25 wrong%0Asecond line\n",
    );
  });
});

describe("examples/ci/github-actions.yml", () => {
  it("runs commands and options the CLI has", async () => {
    const workflow = readFileSync(path.join(PROJECT_ROOT, "examples/ci/github-actions.yml"), "utf8");
    const commands = [...workflow.matchAll(/^\s+- run: npx snippet-docs (.+)$/gm)].map((match) => (match[1] as string).split(" "));
    expect(commands.map((argv) => argv[0])).toEqual(["check", "conformance"]);
    for (const [name, ...args] of commands) {
      const help = await runCommand(name as string, ["--help"], PROJECT_ROOT);
      expect(help.status).toBe(0);
      for (const flag of args.filter((arg) => arg.startsWith("--"))) expect(help.stdout).toContain(`${flag} `);
    }
  });
});
