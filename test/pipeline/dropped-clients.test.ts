/**
 * A client that should serve a pair but lacks the data (here: a parameter the spec gained that the
 * SDK client's recorded signature does not have) is reported as a warning by generate and check; the run still
 * succeeds. Clients that skip a pair by design (the OpenAI SDK off the chat route) stay quiet.
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { droppedClientWarnings } from "../../scripts/pipeline/dropped-clients.ts";
import type { Task } from "../../scripts/model/types.ts";
import { watchGenerate } from "../../scripts/watch/generate-watch.ts";
import { runCommand } from "../helpers/cli.ts";
import { OutputWaiter } from "../helpers/output-waiter.ts";
import { tinyProject } from "../reliability/fixture.ts";

const TASK = "specs/tasks/text-classification/task.json";
const INPUT = "specs/tasks/text-classification/input.json";
const WARNING =
  /^specs\/tasks\/text-classification\/task\.json: warning: no python\/huggingface_hub snippet for text-classification on hf-inference: InferenceClient\.text_classification has no argument "calibrate" \[snippet-client-dropped\]$/m;

function editJson(file: string, edit: (value: Record<string, unknown>) => void): void {
  const value = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
  edit(value);
  writeFileSync(file, JSON.stringify(value, null, 2) + "\n");
}

describe("a client dropping a pair it should serve", () => {
  let project: string;

  beforeAll(() => {
    project = tinyProject({ clients: ["sh/curl", "python/huggingface_hub", "python/openai"] });
    // The spec gains a parameter and uses it in the example: the SDK's recorded signature lacks it.
    editJson(path.join(project, INPUT), (schema) => {
      const defs = schema["$defs"] as Record<string, { properties: Record<string, unknown> }>;
      defs["TextClassificationParameters"]!.properties["calibrate"] = { type: "boolean", description: "Calibrate." };
    });
    editJson(path.join(project, TASK), (task) => {
      task["example"] = { inputs: "I like you", parameters: { calibrate: true } };
    });
  });
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  it("generate writes the pages and warns once", async () => {
    const result = await runCommand("generate", [], project);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toMatch(WARNING);
    expect(result.stderr.match(/\[snippet-client-dropped\]/g)).toHaveLength(1);
    expect(result.stderr).toMatch(/^1 warning$/m);
    expect(result.stdout).toMatch(/written/);
  });

  it("generate --watch warns the same way with each generation", async () => {
    let stop: () => void = () => {};
    const output = new OutputWaiter();
    const watching = watchGenerate({
      root: project,
      stdout: output.onStdout,
      stderr: output.onStderr,
      stop: new Promise<void>((resolve) => (stop = resolve)),
    });
    try {
      await output.until(() => output.stdout.includes("Watching"), "the first generation");
      // Here the file is named from the test's working directory, not the project's.
      expect(output.stderr).toMatch(new RegExp(WARNING.source.replace(/^\^/, ""), "m"));
      expect(output.stderr.match(/\[snippet-client-dropped\]/g)).toHaveLength(1);
      expect(output.stdout).toMatch(/\d+ written/);
    } finally {
      stop();
      await watching;
    }
  });

  it("check warns the same way and still passes; in JSON the warning is a diagnostic", async () => {
    const text = await runCommand("check", [], project, { GITHUB_ACTIONS: "true" });
    expect(text.status, text.stderr).toBe(0);
    expect(text.stderr).toMatch(WARNING);
    expect(text.stdout).toMatch(
      /^::warning file=specs\/tasks\/text-classification\/task\.json,title=snippet-client-dropped::/m,
    );

    const json = await runCommand("check", ["--format", "json"], project);
    expect(json.status).toBe(0);
    const report = JSON.parse(json.stdout) as { status: string; diagnostics: object[] };
    expect(report.status).toBe("current");
    expect(report.diagnostics).toEqual([
      expect.objectContaining({ severity: "warning", ruleId: "snippet-client-dropped", file: TASK }),
    ]);
  });
});

describe("droppedClientWarnings", () => {
  const task = { id: "t", files: { metadata: "specs/tasks/t/task.json" } } as Task;

  it("says each task, client and reason once, naming a few providers and counting the rest", () => {
    const drops = ["a", "b", "c", "d", "e"].map((provider) => ({ task, provider, client: "x/y", reason: "why" }));
    const warnings = droppedClientWarnings([...drops, { task, provider: "a", client: "x/z", reason: "why" }]);
    expect(warnings.map((warning) => warning.reason)).toEqual([
      "no x/y snippet for t on a, b, c and 2 more: why",
      "no x/z snippet for t on a: why",
    ]);
    expect(warnings.every((warning) => warning.severity === "warning")).toBe(true);
  });
});
