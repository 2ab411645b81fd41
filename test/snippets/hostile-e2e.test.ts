/**
 * Hostile strings as example inputs: the curl, requests and fetch snippets, run by bash, python3
 * and node against a local server on 127.0.0.1, deliver them unchanged.
 */
import { rm } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runPool } from "../../scripts/conformance/pool.ts";
import { SnippetRunner } from "../../scripts/conformance/runner.ts";
import { ConformanceServer } from "../../scripts/conformance/server.ts";
import { snippetJobs } from "../../scripts/pipeline/snippet-matrix.ts";
import { client as curl } from "../../snippets/clients/sh/curl/client.ts";
import { client as jsFetch } from "../../snippets/clients/js/fetch/client.ts";
import { client as pythonRequests } from "../../snippets/clients/python/requests/client.ts";
import { workRootFor } from "../conformance/helpers.ts";
import { loadProjectSpecs } from "../helpers/specs.ts";

const HOSTILE = [
  `it's "quoted" and 'single'`,
  "back\\slash \\n \\\\ \\u0041 and a trailing backslash\\",
  "$(echo injected) `id` ${HOME} $HOME ${x}",
  "new\nline, tab\t, carriage\rreturn, NUL\u0000 and escape\u001b[31m",
  "emoji 😀 👩‍👩‍👧, accents é ß, CJK 中文, separators \u2028\u2029",
  "@leading-at.json",
  "%s %(x)s {0} }} {{ ! !! ; && | < > EOF",
  "x".repeat(2500) + "'\"$`\\" + "y".repeat(2495),
];

const specs = loadProjectSpecs();
const server = new ConformanceServer(specs);
const workRoot = workRootFor("hostile-strings");

beforeAll(async () => {
  await rm(workRoot, { recursive: true, force: true });
  await server.start();
});
afterAll(async () => {
  await server.close();
});

describe("hostile example strings", () => {
  it("reach the server byte for byte from curl, requests and fetch", async () => {
    const jobs = snippetJobs(specs, [curl, pythonRequests, jsFetch]).filter(
      (job) => job.task.id === "text-classification" && job.provider.id === "hf-inference",
    );
    expect(jobs.map((job) => job.client.id)).toEqual(["sh/curl", "python/requests", "js/fetch"]);
    expect(HOSTILE.at(-1)).toHaveLength(5000);
    const runner = new SnippetRunner({ specs, server, workRoot });
    const cases = jobs.flatMap((job) => HOSTILE.map((inputs) => ({ job, inputs })));
    const results = await runPool(cases, 2, ({ job, inputs }) =>
      runner.run({ job, kind: "fuzz", example: { inputs } }),
    );
    for (const [index, result] of results.entries()) {
      expect(
        result.problems,
        `${result.id} with ${JSON.stringify(cases[index]?.inputs).slice(0, 80)}\n${result.snippet ?? ""}`,
      ).toEqual([]);
    }
    expect(server.unattributed).toEqual([]);
  });
});
