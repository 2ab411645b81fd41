/**
 * The harness end to end on the fixture feed: real snippets, run by bash, python3 and node
 * (the real openai and @huggingface/inference packages; the Python SDKs through their stand-ins),
 * against the local server. One snippet per client, each exercising a different request shape.
 */
import { describe, expect, it } from "vitest";
import { runPool } from "../../scripts/conformance/pool.ts";
import { SnippetRunner } from "../../scripts/conformance/runner.ts";
import { snippetJobId, snippetJobs } from "../../scripts/pipeline/snippet-matrix.ts";
import { CLIENTS } from "../../snippets/clients/index.ts";
import { client as jsFetchDefinition } from "../../snippets/clients/js/fetch/client.ts";
import { client as pythonRequestsDefinition } from "../../snippets/clients/python/requests/client.ts";
import { clientOfFolder, type SnippetClient } from "../../snippets/clients/types.ts";
import { fixtureSpecs, serverForSuite } from "./helpers.ts";

const jsFetch = clientOfFolder("js", "fetch", jsFetchDefinition);
const pythonRequests = clientOfFolder("python", "requests", pythonRequestsDefinition);

const specs = fixtureSpecs();
const { server, workRoot } = serverForSuite(specs, "end-to-end");

/**
 * Jobs that exercise a flow each: JSON with a file from stdin, a raw file body, streams, a binary
 * response, SDK calls. A client not named here runs its first job, so a new client folder needs
 * no line here.
 */
const CHOSEN = [
  snippetJobId("image-classification", "hf-inference", "sh/curl", false),
  snippetJobId("automatic-speech-recognition", "hf-inference", "python/requests", false),
  snippetJobId("chat-completion", "hf-inference", "js/fetch", true),
  snippetJobId("chat-completion", "quick-ai", "js/openai", true),
  snippetJobId("text-to-image", "hf-inference", "js/huggingface.js", false),
  snippetJobId("chat-completion", "quick-ai", "python/openai", false),
  snippetJobId("text-classification", "hf-inference", "python/huggingface_hub", false),
];

describe("conformance harness, end to end", () => {
  it("enumerates live mappings only, with a streaming variant for streaming tasks", () => {
    const ids = snippetJobs(specs, CLIENTS).map((job) => job.id);
    expect(ids).toEqual(expect.arrayContaining(CHOSEN));
    expect(ids).toContain(snippetJobId("chat-completion", "hf-inference", "sh/curl", true));
    expect(ids.some((id) => id.startsWith("text-classification/quick-ai/"))).toBe(false);
    expect(ids.some((id) => id.startsWith("text-to-image/") && id.endsWith("(stream)"))).toBe(false);
  });

  it("runs one snippet per client and finds each request as the example says", async () => {
    const all = snippetJobs(specs, CLIENTS);
    const chosen = all.filter((job) => CHOSEN.includes(job.id));
    const jobs = CLIENTS.flatMap((client) => {
      const job = chosen.find((candidate) => candidate.client === client) ?? all.find((c) => c.client === client);
      return job ? [job] : [];
    });
    expect(jobs.map((job) => job.client.id)).toEqual(CLIENTS.map((client) => client.id));
    const runner = new SnippetRunner({ specs, server, workRoot });
    const results = await runPool(jobs, 2, (job) => runner.run({ job, kind: "matrix" }));
    for (const result of results) expect(result.problems, `${result.id}\n${result.snippet ?? ""}`).toEqual([]);
    expect(server.unattributed).toEqual([]);
  });

  it("stops a snippet that would reach the network, and says so", async () => {
    // TEST-NET-1 (192.0.2.0/24) is never routed: the guard must refuse before any packet is sent.
    const leaky = (client: SnippetClient): SnippetClient => ({
      ...client,
      render: (request) => client.render(request).replace(/http:\/\/127\.0\.0\.1:\d+/, "http://192.0.2.1"),
    });
    const runner = new SnippetRunner({ specs, server, workRoot });
    const jobs = snippetJobs(specs, [leaky(jsFetch), leaky(pythonRequests)]).filter(
      (job) => job.task.id === "text-classification",
    );
    expect(jobs).toHaveLength(2);
    const results = await runPool(jobs, 2, (job) => runner.run({ job, kind: "matrix" }));
    for (const result of results) {
      expect(result.ok, result.id).toBe(false);
      expect(result.problems, result.id).toContain(
        "the snippet tried to reach the network (see the network guard's message)",
      );
    }
  });

  it("reports a hostile example value that arrives intact as a pass", async () => {
    const job = snippetJobs(specs, CLIENTS).find(
      (candidate) => candidate.id === snippetJobId("text-classification", "hf-inference", "sh/curl", false),
    );
    const runner = new SnippetRunner({ specs, server, workRoot });
    const result = await runner.run({
      job: job!,
      kind: "fuzz",
      example: { inputs: 'it\'s "$(echo no)" `id` ${HOME} \\ \n\t😀 @file' },
    });
    expect(result.problems).toEqual([]);
  });
});
