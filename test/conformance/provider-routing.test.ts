/**
 * The npm SDK runs as the pages print it, provider routing on: the runner only redirects the
 * router's origin and answers the Hub's mapping lookups, so the SDK itself builds the
 * provider-native request, polls the job and downloads the file.
 */
import { describe, expect, it } from "vitest";
import { SnippetRunner } from "../../scripts/conformance/runner.ts";
import { snippetJobId, snippetJobs } from "../../scripts/pipeline/snippet-matrix.ts";
import { client as jsHuggingfaceDefinition } from "../../snippets/clients/js/huggingface.js/client.ts";
import { client as pythonHuggingfaceHubDefinition } from "../../snippets/clients/python/huggingface_hub/client.ts";
import { clientOfFolder, type SnippetClient } from "../../snippets/clients/types.ts";
import { loadProjectSpecs } from "../helpers/specs.ts";
import { serverForSuite } from "./helpers.ts";

const jsHuggingface = clientOfFolder("js", "huggingface.js", jsHuggingfaceDefinition);
const pythonHuggingfaceHub = clientOfFolder("python", "huggingface_hub", pythonHuggingfaceHubDefinition);

const specs = loadProjectSpecs();
const { server, workRoot } = serverForSuite(specs, "provider-routing");

function job(client: SnippetClient, provider = "novita") {
  const id = snippetJobId("text-to-video", provider, client.id, false);
  const found = snippetJobs(specs, [client]).find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no published snippet ${id}`);
  return found;
}

describe("SDK snippets run in provider mode", () => {
  it("sends the provider-native request, polls the job and saves the video", async () => {
    const runner = new SnippetRunner({ specs, server, workRoot });
    const result = await runner.run({ job: job(jsHuggingface), kind: "matrix" });
    expect(result.snippet).toContain('provider: "novita"');
    expect(result.snippet).not.toContain("127.0.0.1");
    expect(result.problems, result.snippet).toEqual([]);
  });

  it("needs the keep-alive: without it Node ends before the SDK's first status check (exit 13)", async () => {
    const withoutKeepAlive: SnippetClient<Parameters<typeof jsHuggingface.render>[0]> = {
      ...jsHuggingface,
      render: (plan) =>
        jsHuggingface
          .render(plan)
          .split("\n")
          .filter((line) => !/keepAlive|Keeps Node running/.test(line))
          .join("\n"),
    };
    const runner = new SnippetRunner({ specs, server, workRoot });
    const result = await runner.run({ job: job(withoutKeepAlive), kind: "matrix" });
    expect(result.problems.join("\n")).toContain("the snippet exited with 13");
  });

  it("runs huggingface_hub's text_to_video as printed, against the stand-in, polling WaveSpeed's task", async () => {
    const runner = new SnippetRunner({ specs, server, workRoot });
    const result = await runner.run({ job: job(pythonHuggingfaceHub, "wavespeed"), kind: "matrix" });
    expect(result.snippet).toContain('provider="wavespeed"');
    expect(result.snippet).not.toContain("base_url");
    expect(result.problems, result.snippet).toEqual([]);
  });
});
