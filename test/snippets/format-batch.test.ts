/**
 * Formatting JavaScript in one prettier call (snippets/format.ts) gives each source exactly what
 * prettier gives it alone: the JavaScript snippets the project publishes, unformatted as their
 * clients render them, and sources built to run into each other or to confuse the cut.
 */
import * as prettier from "prettier";
import { describe, expect, it } from "vitest";
import { CLIENTS } from "../../snippets/clients/index.ts";
import { formatJavaScriptBatch } from "../../snippets/format.ts";
import { buildRequest } from "../../snippets/request.ts";
import { snippetJobs } from "../../scripts/pipeline/snippet-matrix.ts";
import { loadProjectSpecs } from "../helpers/specs.ts";

function alone(source: string): Promise<string> {
  return prettier.format(source, { parser: "babel" });
}

describe("formatting JavaScript in one call", () => {
  it("gives the project's JavaScript snippets what prettier gives each alone", async () => {
    const specs = loadProjectSpecs();
    const clients = CLIENTS.filter((client) => client.language === "js");
    const sources = snippetJobs(specs, clients, specs.providers).flatMap((job) => {
      const request = buildRequest(specs.router, job.task, job.provider, job.mapping, { stream: job.stream });
      return job.client.unsupported(request) === undefined ? [job.client.render(request)] : [];
    });
    expect(sources.length).toBeGreaterThan(100);
    // Formatting each alone is the slow oracle: every fourth chunk of 24, spread over the whole matrix.
    for (let start = 0; start < sources.length; start += 4 * 24) {
      const chunk = sources.slice(start, start + 24);
      expect(await formatJavaScriptBatch(chunk)).toEqual(await Promise.all(chunk.map(alone)));
    }
  });

  it("keeps sources apart that would run into each other, with blank lines and comments at the ends", async () => {
    const sources = [
      "const a = 1\n\n\n",
      "(function () { return a })()\n// a closing comment\n",
      "\n\n[1, 2].forEach(x => x)",
      "`template ${a}`",
      "/* only a comment */",
      "",
      "import x from 'y'\nawait   x( {a:1} )",
    ];
    expect(await formatJavaScriptBatch(sources)).toEqual(await Promise.all(sources.map(alone)));
  });

  it("declines a batch with a source that does not parse, a directive or a hashbang", async () => {
    expect(await formatJavaScriptBatch(["const a = 1", "const = ;"])).toBeUndefined();
    expect(await formatJavaScriptBatch(["const a = 1", "'use strict'\nb()"])).toBeUndefined();
    expect(await formatJavaScriptBatch(["const a = 1", "#!/usr/bin/env node\nb()"])).toBeUndefined();
  });
});
