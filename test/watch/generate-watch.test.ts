/**
 * `snippet-docs generate --watch` in-process, in a scratch project limited to one provider: it
 * regenerates on a template edit, prints invalid input and keeps watching, and ends when asked.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bufferIo } from "../../scripts/cli/io.ts";
import { main } from "../../scripts/cli/main.ts";
import { watchGenerate } from "../../scripts/watch/generate-watch.ts";
import { scratchProject } from "../helpers/cli.ts";
import { OutputWaiter } from "../helpers/output-waiter.ts";

const SUMMARY = /out\/: \d+ written, \d+ unchanged, \d+ removed/g;

describe("snippet-docs generate --watch", () => {
  let project: string;
  let stop: () => void = () => {};
  let exitCode: Promise<number>;
  const output = new OutputWaiter();
  const summaries = () => output.stdout.match(SUMMARY)?.length ?? 0;

  beforeAll(async () => {
    project = scratchProject({ providers: ["groq"], outDir: "out" });
    const io = {
      ...bufferIo(project),
      stdout: output.onStdout,
      stderr: output.onStderr,
      untilInterrupted: () => new Promise<void>((resolve) => (stop = resolve)),
    };
    exitCode = main(["generate", "--watch"], io);
    await output.until(() => output.stdout.includes("Watching"), "the first generation");
  });

  afterAll(async () => {
    stop();
    await exitCode;
    rmSync(project, { recursive: true, force: true });
  });

  it("generates at start", () => {
    expect(output.stderr).toBe("");
    expect(output.stdout).toMatch(/out\/: \d+ written, 0 unchanged, 0 removed/);
  });

  it("regenerates the pages a template edit changes", async () => {
    const layout = path.join(project, "templates/layouts/index.hbs");
    writeFileSync(
      layout,
      readFileSync(layout, "utf8").replace(
        "## Inference API reference\n",
        "## Inference API reference\n\nWatched edit.\n",
      ),
    );
    await output.until(() => summaries() >= 2, "the generation after the template edit");
    expect(output.stdout).toMatch(/out\/: 1 written, \d+ unchanged, 0 removed/);
    expect(readFileSync(path.join(project, "out/index.md"), "utf8")).toContain("Watched edit.");
  });

  it("prints invalid input and keeps watching until the input is fixed", async () => {
    const spec = path.join(project, "specs/tasks/fill-mask/task.json");
    const original = readFileSync(spec, "utf8");
    writeFileSync(spec, "{");
    await output.until(() => output.stderr.includes("[json-syntax]"), "the report of the broken spec");
    expect(output.stderr).toMatch(/specs\/tasks\/fill-mask\/task\.json:\d+:\d+: error: .* \[json-syntax\]\n1 error\n/);
    const before = summaries();
    writeFileSync(spec, original);
    await output.until(() => summaries() > before, "the generation after the spec is mended");
    expect(output.stdout).toMatch(/out\/: 0 written, \d+ unchanged, 0 removed/);
  });

  it("ends with exit code 0 when interrupted", async () => {
    stop();
    expect(await exitCode).toBe(0);
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
  });
});
