/**
 * `npm run generate -- --watch` as a user runs it, in a scratch project limited to one provider:
 * it regenerates on a template edit, prints invalid input and keeps watching, and Ctrl-C ends it.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { watchGenerate } from "../../scripts/preview/generate-watch.ts";
import { PROJECT_ROOT, scratchProject } from "../helpers/cli.ts";

const TSX = path.join(PROJECT_ROOT, "node_modules/tsx/dist/cli.mjs");
const SUMMARY = /out\/: \d+ written, \d+ unchanged, \d+ removed/g;

async function until(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("npm run generate -- --watch", () => {
  let project: string;
  let watcher: ChildProcess;
  let stdout = "";
  let stderr = "";
  const summaries = () => stdout.match(SUMMARY)?.length ?? 0;

  beforeAll(async () => {
    project = scratchProject({ providers: ["groq"], outDir: "out" });
    watcher = spawn(process.execPath, [TSX, path.join(PROJECT_ROOT, "scripts/cli/generate.ts"), "--watch"], { cwd: project, env: { ...process.env, NO_COLOR: "1" } });
    watcher.stdout?.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    watcher.stderr?.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    await until(() => stdout.includes("Watching"), "the first generation", 90_000);
  }, 120_000);

  afterAll(() => {
    if (watcher.exitCode === null) watcher.kill();
    rmSync(project, { recursive: true, force: true });
  });

  it("generates at start", () => {
    expect(stderr).toBe("");
    expect(stdout).toMatch(/out\/: \d+ written, 0 unchanged, 0 removed/);
  });

  it("regenerates the pages a template edit changes", async () => {
    const layout = path.join(project, "templates/layouts/index.hbs");
    writeFileSync(layout, readFileSync(layout, "utf8").replace("## Inference API reference\n", "## Inference API reference\n\nWatched edit.\n"));
    await until(() => summaries() >= 2, "a second generation");
    expect(stdout).toMatch(/out\/: 1 written, \d+ unchanged, 0 removed/);
    expect(readFileSync(path.join(project, "out/index.md"), "utf8")).toContain("Watched edit.");
  });

  it("prints invalid input and keeps watching until the input is fixed", async () => {
    const spec = path.join(project, "specs/tasks/fill-mask/task.json");
    const original = readFileSync(spec, "utf8");
    writeFileSync(spec, "{");
    await until(() => stderr.includes("[json-syntax]"), "the diagnostics");
    expect(stderr).toMatch(/specs\/tasks\/fill-mask\/task\.json:\d+:\d+: error: .* \[json-syntax\]\n1 error\n/);
    expect(watcher.exitCode).toBeNull();
    const before = summaries();
    writeFileSync(spec, original);
    await until(() => summaries() > before, "a generation after the fix");
    expect(stdout).toMatch(/out\/: 0 written, \d+ unchanged, 0 removed/);
  });

  it("ends on Ctrl-C with exit code 0", async () => {
    watcher.kill("SIGINT");
    await until(() => watcher.exitCode !== null, "the watcher to exit", 10_000);
    expect(watcher.exitCode).toBe(0);
  });
});

describe("watchGenerate", () => {
  it("generates the project it is given, not the one in the working directory", async () => {
    const project = scratchProject({ providers: ["groq"], outDir: "out" });
    const output: string[] = [];
    let stopWatching = () => {};
    const stop = new Promise<void>((resolve) => (stopWatching = resolve));
    try {
      await watchGenerate({
        root: project,
        stdout: (text) => {
          output.push(text);
          if (text.includes("Watching")) stopWatching();
        },
        stderr: (text) => {
          output.push(text);
          stopWatching();
        },
        stop,
      });
      expect(output.join("")).toMatch(/out\/: \d+ written/);
      expect(existsSync(path.join(project, "out/index.md")), output.join("")).toBe(true);
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  }, 120_000);
});
