/**
 * Every task x provider x client combination in specs/ (live and staging, plain and streaming,
 * with the default options and with every option set) yields a snippet that parses, or no
 * snippet with a declared reason.
 */
import { describe, expect, it } from "vitest";
import { CLIENTS } from "../../snippets/clients/index.ts";
import { renderSnippets, type RenderJob } from "../../snippets/engine.ts";
import { buildRequest, type SnippetOptions } from "../../snippets/request.ts";
import { loadProjectSpecs } from "../helpers/specs.ts";

describe("the whole snippet matrix", () => {
  it("parses or declares why not", async () => {
    const specs = loadProjectSpecs();
    const variants: SnippetOptions[] = [
      {},
      { accessToken: "hf_x'y", billTo: "org", baseUrl: "http://127.0.0.1:9/prefix" },
    ];
    const jobs: RenderJob[] = [];
    for (const provider of specs.providers) {
      for (const mapping of provider.mappings) {
        const task = specs.tasks.find((candidate) => candidate.id === mapping.task);
        if (!task) continue;
        for (const stream of task.response.stream ? [false, true] : [false]) {
          for (const options of variants) {
            const request = buildRequest(specs.router, task, provider, mapping, { ...options, stream });
            jobs.push(...CLIENTS.map((client) => ({ client, request })));
          }
          if (task.conversational && provider.direct) {
            const request = buildRequest(specs.router, task, provider, mapping, { stream, direct: true });
            jobs.push(...CLIENTS.map((client) => ({ client, request })));
          }
        }
      }
    }
    const batch = await renderSnippets(jobs);
    expect(batch.problems).toEqual([]);
    expect(batch.snippets.length + batch.skipped.length).toBe(jobs.length);
    for (const skip of batch.skipped) expect(skip.reason.length).toBeGreaterThan(10);
    // Each client is used somewhere: a declared rule never turns a client off entirely.
    for (const client of CLIENTS)
      expect(
        batch.snippets.some((snippet) => snippet.clientId === client.id),
        client.id,
      ).toBe(true);
  });
});
