/**
 * The harness can fail: a curl client whose shell quoting does not escape (the classic bug:
 * `'...'` around text that may hold an apostrophe) passes on the plain example, and the harness
 * must report its failures, with the shrunk counterexample and the snippet, while a correct
 * client run alongside stays green.
 */
import { describe, expect, it } from "vitest";
import { formatReport } from "../../scripts/conformance/report.ts";
import { runConformance } from "../../scripts/conformance/run.ts";
import { SnippetRunner } from "../../scripts/conformance/runner.ts";
import { ConformanceServer } from "../../scripts/conformance/server.ts";
import { snippetJobs } from "../../scripts/pipeline/snippet-matrix.ts";
import { client as pythonRequestsDefinition } from "../../snippets/clients/python/requests/client.ts";
import { client as curlDefinition } from "../../snippets/clients/sh/curl/client.ts";
import { clientOfFolder, type SnippetClient } from "../../snippets/clients/types.ts";
import type { SnippetRequest } from "../../snippets/request.ts";
import { fixtureSpecs, workRootFor } from "./helpers.ts";

const pythonRequests = clientOfFolder("python", "requests", pythonRequestsDefinition);
const curl = clientOfFolder("sh", "curl", curlDefinition);

/** sh/curl with naive quoting: the `'\''` escape for an apostrophe becomes a bare `'`. */
const naiveCurl: SnippetClient<SnippetRequest> = {
  ...curl,
  render: (request) => curl.render(request).replaceAll("'\\''", "'"),
};

const specs = fixtureSpecs();

describe("a deliberately broken printer", () => {
  it("fails on an example with an apostrophe, naming the client", async () => {
    const server = await new ConformanceServer(specs).start();
    try {
      const job = snippetJobs(specs, [naiveCurl]).find((candidate) => candidate.task.id === "text-classification");
      const runner = new SnippetRunner({ specs, server, workRoot: workRootFor("broken-direct") });
      // Two apostrophes still parse, as 'rock'n'roll': the shell drops them and the body changes.
      const result = await runner.run({ job: job!, kind: "matrix", example: { inputs: "rock'n'roll" } });
      expect(result.ok).toBe(false);
      expect(result.clientId).toBe("sh/curl");
      expect(result.problems.join("\n")).toMatch(
        /the body differs from the example request at \/inputs: strings differ from character 4/,
      );
    } finally {
      await server.close();
    }
  });

  it("is caught by the fuzz cases, with a shrunk counterexample and the snippet in the report", async () => {
    const report = await runConformance({
      specs,
      clients: [naiveCurl, pythonRequests],
      filter: { tasks: ["text-classification"] },
      fuzz: 30,
      jobs: 2,
      seed: 42,
      workRoot: workRootFor("broken-fuzz"),
    });
    // The plain example has no apostrophe: the matrix alone does not see the bug.
    expect(report.matrix.every((result) => result.ok)).toBe(true);
    expect(report.fuzzFailures.map((failure) => failure.jobId)).toEqual(["text-classification/hf-inference/sh/curl"]);
    const [failure] = report.fuzzFailures;
    expect(JSON.stringify(failure?.counterexample)).toContain("'");
    expect(report.fuzz.filter((result) => result.clientId === "python/requests").every((result) => result.ok)).toBe(
      true,
    );

    const text = formatReport(report);
    expect(text).toContain("FAIL text-classification/hf-inference/sh/curl [fuzz, seed 42");
    expect(text).toContain("counterexample (example fields):");
    expect(text).toMatch(/snippet:\n\s+\| curl /);
    expect(text).toMatch(/^sh\/curl\s+1\s+0\s+\d+\s+1\s+\d+$/m);
    expect(text.trimEnd().split("\n").at(-1)).toMatch(/^\d+ passed, 1 failed$/);
  });
});
