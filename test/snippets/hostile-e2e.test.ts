/**
 * Hostile strings as example inputs: the snippets of every client that writes the HTTP request
 * itself (curl, httpie, requests, httpx, fetch: no SDK, no stand-in), run by their interpreters
 * against a local server on 127.0.0.1, deliver them unchanged.
 */
import { describe, expect, it } from "vitest";
import { runPool } from "../../scripts/conformance/pool.ts";
import { SnippetRunner } from "../../scripts/conformance/runner.ts";
import { snippetJobs } from "../../scripts/pipeline/snippet-matrix.ts";
import { CLIENTS } from "../../snippets/clients/index.ts";
import { serverForSuite } from "../conformance/helpers.ts";
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
const { server, workRoot } = serverForSuite(specs, "hostile-strings");

describe("hostile example strings", () => {
  it("reach the server byte for byte from every raw HTTP client", async () => {
    const rawHttp = CLIENTS.filter((client) => !client.sendsTaskRequest && client.standInDir === undefined);
    const jobs = snippetJobs(specs, rawHttp).filter(
      (job) => job.task.id === "text-classification" && job.provider.id === "hf-inference",
    );
    expect(jobs.map((job) => job.client.id)).toEqual(
      expect.arrayContaining(["sh/curl", "python/requests", "js/fetch"]),
    );
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

/**
 * Specs whose multipart pairs carry `value` as the provider model id, which every client sends as
 * a plain form field (the task's example has no free string that reaches a form field). Copies, so
 * the shared specs stay as loaded.
 */
