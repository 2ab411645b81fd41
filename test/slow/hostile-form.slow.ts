/**
 * Hostile values in multipart form fields (the model id of a form contract): every raw HTTP client
 * delivers each byte for byte to a local server, or refuses the request with a reason. Here rather
 * than in npm test because it starts a server and five interpreters per value.
 */
import { describe, expect, it } from "vitest";
import { runPool } from "../../scripts/conformance/pool.ts";
import { SnippetRunner } from "../../scripts/conformance/runner.ts";
import { ConformanceServer } from "../../scripts/conformance/server.ts";
import type { Specs } from "../../scripts/model/types.ts";
import { snippetJobs, type SnippetJob } from "../../scripts/pipeline/snippet-matrix.ts";
import { CLIENTS } from "../../snippets/clients/index.ts";
import { Refusal } from "../../snippets/clients/types.ts";
import { buildRequest } from "../../snippets/request.ts";
import { workRootFor } from "../conformance/helpers.ts";
import { loadProjectSpecs } from "../helpers/specs.ts";

const specs = loadProjectSpecs();
const workRoot = workRootFor("hostile-form");

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
