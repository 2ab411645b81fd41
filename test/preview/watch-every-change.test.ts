/**
 * Regression: once a file had been saved by rename (an editor's atomic save, `sed -i`), Node's
 * recursive fs.watch missed every later in-place write to it (`echo >>`, `git checkout`). In a
 * temporary git repository, the preview and `generate --watch` must each rebuild three times:
 * after a save by rename, after an append, and after `git checkout` restores the file.
 */
import { execFileSync } from "node:child_process";
import { appendFileSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bufferIo } from "../../scripts/cli/io.ts";
import { main } from "../../scripts/cli/main.ts";
import { startPreview, type Preview } from "../../scripts/preview/server.ts";
import { scratchProject } from "../helpers/cli.ts";
import { OutputWaiter } from "../helpers/output-waiter.ts";

const LAYOUT = "templates/layouts/index.hbs";
const HEADING = "## Inference API reference\n";

function gitRepository(): string {
  const project = scratchProject({ providers: ["groq"], outDir: "out" });
  const git = (...args: string[]) =>
    execFileSync("git", ["-c", "user.name=test", "-c", "user.email=test@example.com", ...args], {
      cwd: project,
      stdio: "pipe",
    });
  git("init", "-q");
  git("add", "-A");
  git("commit", "-qm", "scratch project");
  return project;
}

/**
 * The three edits, each awaited through `rebuilt(n)` (the n-th rebuild after the first build) and checked with
 * `page()`.
 */
async function editThreeWays(
  project: string,
  rebuilt: (count: number) => Promise<void>,
  page: () => string,
): Promise<void> {
  const layout = path.join(project, LAYOUT);
  const original = readFileSync(layout, "utf8");
  expect(original).toContain(HEADING);

  const temporary = `${layout}.tmp`;
  writeFileSync(temporary, original.replace(HEADING, `${HEADING}\nSaved by rename.\n`));
  renameSync(temporary, layout);
  await rebuilt(1);
  expect(page()).toContain("Saved by rename.");

  appendFileSync(layout, "\nAppended in place.\n");
  await rebuilt(2);
  expect(page()).toContain("Appended in place.");

  execFileSync("git", ["checkout", "--", LAYOUT], { cwd: project, stdio: "pipe" });
  await rebuilt(3);
  expect(page()).not.toContain("Saved by rename.");
  expect(page()).not.toContain("Appended in place.");
}

describe("every change is seen after a save by rename", () => {
  let project: string;
  beforeAll(() => {
    project = gitRepository();
  });
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  it("by the preview", async () => {
    const builds = new OutputWaiter();
    let preview: Preview | undefined;
    try {
      preview = await startPreview({
        root: project,
        port: 0,
        onBuild: (outcome) => builds.onStdout(`${outcome.kind}\n`),
      });
      await preview.ready;
      const shown = preview;
      const count = () => builds.stdout.split("built\n").length - 1;
      await editThreeWays(
        project,
        (rebuilds) => builds.until(() => count() >= rebuilds + 1),
        () => shown.markdownOf("index.md") ?? "",
      );
      // Every build succeeded; an editor's save may fire one event more than the three edits.
      expect(builds.stdout).toMatch(/^(built\n){4,}$/);
    } finally {
      await preview?.close();
    }
  });

  it("by generate --watch", async () => {
    const output = new OutputWaiter();
    let stop = () => {};
    const io = {
      ...bufferIo(project),
      stdout: output.onStdout,
      stderr: output.onStderr,
      untilInterrupted: () => new Promise<void>((resolve) => (stop = resolve)),
    };
    const exitCode = main(["generate", "--watch"], io);
    try {
      await output.until(() => output.stdout.includes("Watching"));
      const count = () => output.stdout.match(/out\/: \d+ written/g)?.length ?? 0;
      await editThreeWays(
        project,
        (rebuilds) => output.until(() => count() >= rebuilds + 1),
        () => readFileSync(path.join(project, "out/index.md"), "utf8"),
      );
      expect(output.stderr).toBe("");
    } finally {
      stop();
    }
    expect(await exitCode).toBe(0);
  });
});
