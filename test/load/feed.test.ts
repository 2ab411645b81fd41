import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../scripts/lib/diagnostics.ts";
import { loadSpecs } from "../../scripts/load/load-specs.ts";
import { scratchProject } from "../helpers/cli.ts";

describe("the provider feed", () => {
  const project = scratchProject();
  const feedFile = path.join(project, "specs/providers.json");
  const original = readFileSync(feedFile, "utf8");
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  function problemsWith(
    edit: (feed: { router: Record<string, string>; providers: Record<string, Record<string, unknown>> }) => void,
  ): string[] {
    const feed = JSON.parse(original) as {
      router: Record<string, string>;
      providers: Record<string, Record<string, unknown>>;
    };
    edit(feed);
    writeFileSync(feedFile, JSON.stringify(feed, null, 2));
    const loaded = loadSpecs({ specsDir: path.join(project, "specs"), schemas: { layout: "ours" } });
    return loaded.ok ? [] : loaded.diagnostics.map(formatDiagnostic);
  }

  it("requires chat paths that end in /chat/completions, since OpenAI clients append that to their base URL", () => {
    expect(problemsWith((feed) => (feed.router["chatPath"] = "/v1/chat"))).toEqual([
      expect.stringMatching(
        /providers\.json:\d+:\d+ at \/router\/chatPath: error: must match pattern "\^\/\.\*\/chat\/completions\$"/,
      ),
    ]);
    expect(
      problemsWith(
        (feed) => ((feed.providers["groq"]?.["direct"] as Record<string, string>)["chatPath"] = "/openai/v1/complete"),
      ),
    ).toHaveLength(1);
    expect(problemsWith(() => {})).toEqual([]);
  });
});

describe("the provider contracts", () => {
  const project = scratchProject();
  const contractsFile = path.join(project, "specs/contracts.json");
  const original = readFileSync(contractsFile, "utf8");
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  function problemsWith(edit: (contracts: Record<string, Record<string, Record<string, unknown>>>) => void): string[] {
    const file = JSON.parse(original) as { contracts: Record<string, Record<string, Record<string, unknown>>> };
    edit(file.contracts);
    writeFileSync(contractsFile, JSON.stringify(file, null, 2));
    const loaded = loadSpecs({ specsDir: path.join(project, "specs"), schemas: { layout: "ours" } });
    return loaded.ok ? [] : loaded.diagnostics.map(formatDiagnostic);
  }

  it("refuses a contract for a provider or a task the specs do not have, naming it", () => {
    expect(problemsWith((contracts) => (contracts["replicate"]!["no-such-task"] = { path: "/replicate/x" }))).toEqual([
      expect.stringMatching(
        /contracts\.json:\d+:\d+ at \/contracts\/replicate\/no-such-task: error: there is no task "no-such-task".*\[contract-pair\]/,
      ),
    ]);
    expect(problemsWith((contracts) => (contracts["nobody"] = { "fill-mask": { path: "/nobody/x" } }))).toEqual([
      expect.stringMatching(
        /contracts\.json:\d+:\d+ at \/contracts\/nobody: error: the feed has no provider "nobody".*\[contract-pair\]/,
      ),
    ]);
  });

  it("keeps a contract for a pair the feed maps no model for (sync may add it later)", () => {
    expect(problemsWith((contracts) => (contracts["replicate"]!["fill-mask"] = { path: "/replicate/x" }))).toEqual([]);
  });

  it("validates contracts against their meta-schema", () => {
    const problems = problemsWith(
      (contracts) => (contracts["together"]!["text-to-image"]!["response"] = { kind: "base64" }),
    );
    expect(problems.length).toBeGreaterThan(0);
    expect(
      problems.every((problem) => problem.includes("contracts.json") && problem.includes("contracts.schema.json")),
    ).toBe(true);
    expect(problemsWith(() => {})).toEqual([]);
  });

  it("refuses a contract with both a JSON body and a multipart form", () => {
    const problems = problemsWith((contracts) => {
      contracts["together"]!["text-to-image"]!["form"] = { fileField: "file", fields: {} };
    });
    expect(problems).toEqual([expect.stringMatching(/at \/contracts\/together\/text-to-image: error: .*\[/)]);
  });
});
