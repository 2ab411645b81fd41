/**
 * One real process per command, through bin/snippet-docs.js as the installed package runs it:
 * the entry point, the exit code and the streams (generate and check: test/slow/installed.slow.ts (npm run test:slow)).
 * Everything else is tested in-process.
 */
import { spawn, spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN, plainEnv, PROJECT_ROOT, runCommand, scratchProject, spawnCli } from "../helpers/cli.ts";

describe("snippet-docs as a process", () => {
  let project: string;
  let generatedCounts: string[] | undefined;
  beforeAll(() => {
    project = scratchProject({ providers: ["groq"], outDir: "out" });
  });
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  // generate and check run as processes in test/slow/installed.slow.ts (npm run test:slow), from the installed package.
  it("generate in-process gives the counts the preview process must report", async () => {
    const generate = await runCommand("generate", [], project);
    expect(generate.status).toBe(0);
    generatedCounts = /\((\d+) files, (\d+) snippets\)/.exec(generate.stdout)?.slice(1);
    expect(generatedCounts).toHaveLength(2);
  });

  it("preview serves a page and stops on SIGINT with exit 0", async () => {
    const child = spawn(process.execPath, [BIN, "preview", "--port", "0"], { cwd: project, env: plainEnv() });
    let stdout = "";
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
        stdout += chunk;
        // The address comes first; the pages are served once the first build is reported.
        const found = /Preview: (http:\/\/127\.0\.0\.1:\d+\/)[\s\S]*\] built \d+ files/.exec(stdout);
        if (found) resolve(found[1] as string);
      });
      child.once("exit", (code) => reject(new Error(`preview exited with ${code}: ${stdout}`)));
    });
    // The preview builds what generate writes: the same files and snippets.
    const built = /\] built (\d+) files \(\d+ pages, (\d+) snippets\)/.exec(stdout);
    expect(built?.slice(1)).toEqual(generatedCounts);
    const page = await fetch(`${url}tasks/chat-completion.html`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Chat Completion");
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    child.kill("SIGINT");
    expect(await exited).toBe(0);
  });

  it("snippet prints a snippet", () => {
    const result = spawnCli(["snippet", "text-classification", "--client", "sh/curl"], PROJECT_ROOT);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("curl https://router.huggingface.co/hf-inference/models/");
  });

  it("spec-table prints a table and exits 2 on a missing file", () => {
    const table = spawnCli(["spec-table", path.join(PROJECT_ROOT, "specs/tasks/fill-mask/input.json")], PROJECT_ROOT);
    expect(table.status).toBe(0);
    expect(table.stdout).toMatch(/^\| .* \|$/m);
    const missing = spawnCli(["spec-table", "nope.json"], PROJECT_ROOT);
    expect(missing).toMatchObject({ status: 2, stderr: "nope.json: error: file not found [file-read]\n1 error\n" });
  });

  it("conformance runs one snippet against its server", () => {
    const result = spawnCli(
      ["conformance", "--task", "text-classification", "--client", "sh/curl", "--fuzz", "0"],
      PROJECT_ROOT,
    );
    expect(result.stdout).toMatch(/\n1 passed, 0 failed\n$/);
    expect(result.status).toBe(0);
  });

  it("bench --help and --version answer without measuring", () => {
    const help = spawnCli(["bench", "--help"], PROJECT_ROOT);
    expect(help.stderr).toBe("");
    expect(help.stdout).toMatch(/^Usage: snippet-docs bench \[options\]/);
    expect(help.status).toBe(0);
    expect(spawnCli(["--version"], PROJECT_ROOT).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it("bench's reference run gets through every pair of the project's feed", () => {
    const script = path.join(PROJECT_ROOT, "scripts/bench/hf-snippets.mjs");
    const result = spawnSync(process.execPath, [script, path.join(PROJECT_ROOT, "specs")], { encoding: "utf8" });
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatch(/^\d+ calls, \d+ snippets, \d+ calls without snippets\n$/);
    expect(result.status).toBe(0);
  });
});
