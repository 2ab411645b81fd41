/**
 * Hostile strings as example inputs: the snippets of every client that writes the HTTP request
 * itself (curl, httpie, requests, httpx, fetch: no SDK, no stand-in), run by their interpreters
 * against a local server on 127.0.0.1, deliver them unchanged.
 */
import { describe, expect, it } from "vitest";
import { runPool } from "../../scripts/conformance/pool.ts";
import { SnippetRunner } from "../../scripts/conformance/runner.ts";
import { ConformanceServer } from "../../scripts/conformance/server.ts";
import { snippetJobs, type SnippetJob } from "../../scripts/pipeline/snippet-matrix.ts";
import type { Specs } from "../../scripts/model/types.ts";
import { CLIENTS } from "../../snippets/clients/index.ts";
import { Refusal } from "../../snippets/clients/types.ts";
import { buildRequest } from "../../snippets/request.ts";
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
function withFormModelId(specs: Specs, value: string): Specs {
  return {
    ...specs,
    providers: specs.providers.map((provider) => ({
      ...provider,
      mappings: provider.mappings.map((mapping) =>
        mapping.contract?.form ? { ...mapping, providerModelId: value } : mapping,
      ),
    })),
  };
}

/** Strings for a form field, and the clients expected to refuse each (each says why). */
const HOSTILE_FORM_FIELDS: { value: string; refusedBy: string[] }[] = [
  // Everything a shell, a form parser or a printf could trip on, bar the backslash httpie escapes;
  // FormData (fetch and huggingface.js) writes its lone line breaks as CR LF.
  {
    value: `it's "q" $(echo injected) \`id\` \${HOME}\nline\r\nCR\r\ttab 😀 中文 ;type=text/plain;filename=x.txt <in`,
    refusedBy: ["js/fetch", "js/huggingface.js"],
  },
  { value: `CR LF pairs only\r\nsurvive FormData: it's "q" $(x) \`id\` \${HOME} 😀`, refusedBy: [] },
  { value: "@leading-at.json and a back\\slash\\", refusedBy: ["sh/httpie"] },
  { value: "a NUL\u0000 inside", refusedBy: ["sh/curl", "sh/httpie"] },
];

describe("hostile form fields", () => {
  it("reach the server byte for byte from every raw HTTP client, or the client refuses the request", async () => {
    const rawHttp = CLIENTS.filter((client) => !client.sendsTaskRequest && client.standInDir === undefined);
    // The clients that publish each multipart pair with its own model id.
    const published = snippetJobs(specs, rawHttp).filter((job) => job.mapping.contract?.form);
    expect(published.map((job) => job.client.id)).toEqual(
      expect.arrayContaining(["sh/curl", "sh/httpie", "python/requests", "python/httpx", "js/fetch"]),
    );
    for (const [index, { value, refusedBy }] of HOSTILE_FORM_FIELDS.entries()) {
      const hostileSpecs = withFormModelId(specs, value);
      const jobs: SnippetJob[] = published.map((job) => {
        const provider = hostileSpecs.providers.find((candidate) => candidate.id === job.provider.id);
        const mapping = provider?.mappings.find((candidate) => candidate.task === job.task.id);
        if (!provider || !mapping) throw new Error(`no ${job.id} in the copied specs`);
        return { ...job, provider, mapping };
      });
      const refused = jobs.filter((job) => {
        const request = buildRequest(hostileSpecs.router, job.task, job.provider, job.mapping);
        return job.client.plan(request) instanceof Refusal;
      });
      expect(refused.map((job) => job.client.id).sort(), JSON.stringify(value)).toEqual([...refusedBy].sort());
      const formServer = await new ConformanceServer(hostileSpecs).start();
      try {
        const runner = new SnippetRunner({
          specs: hostileSpecs,
          server: formServer,
          workRoot: `${workRoot}-form-${index}`,
        });
        const sent = jobs.filter((job) => !refused.includes(job));
        const results = await runPool(sent, 2, (job) => runner.run({ job, kind: "fuzz" }));
        for (const result of results)
          expect(result.problems, `${result.id} with ${JSON.stringify(value)}\n${result.snippet ?? ""}`).toEqual([]);
        expect(formServer.unattributed).toEqual([]);
      } finally {
        await formServer.close();
      }
    }
  });
});
