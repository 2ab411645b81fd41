/**
 * The SDK clients' method tables (keyed by task id) live in their folders, not in task.json: they
 * must name tasks that exist, methods whose signatures are known, and a task they lack must give
 * a reason naming it rather than silently no snippet.
 */
import { describe, expect, it } from "vitest";
import { findProvider, findTask } from "../../scripts/model/types.ts";
import { client as huggingfaceJsDefinition } from "../../snippets/clients/js/huggingface.js/client.ts";
import { TASK_METHODS as JS_METHODS } from "../../snippets/clients/js/huggingface.js/tasks.ts";
import signatures from "../../snippets/clients/python/huggingface_hub/methods.json" with { type: "json" };
import { TASK_METHODS as PYTHON_METHODS } from "../../snippets/clients/python/huggingface_hub/tasks.ts";
import { renderSnippets } from "../../snippets/engine.ts";
import { buildRequest } from "../../snippets/request.ts";
import { loadProjectSpecs } from "../helpers/specs.ts";
import { clientOfFolder } from "../../snippets/clients/types.ts";

const huggingfaceJs = clientOfFolder("js", "huggingface.js", huggingfaceJsDefinition);

const specs = loadProjectSpecs();

describe("SDK method tables", () => {
  it("name only tasks of the project's specs", () => {
    const taskIds = specs.tasks.map((task) => task.id);
    expect(taskIds).toEqual(expect.arrayContaining(Object.keys(PYTHON_METHODS)));
    expect(taskIds).toEqual(expect.arrayContaining(Object.keys(JS_METHODS)));
  });

  it("give huggingface_hub methods whose signatures are documented", () => {
    const known = Object.keys(signatures.methods);
    const methods = Object.values(PYTHON_METHODS)
      .map((entry) => entry.method)
      .filter((method) => method !== "chat.completions.create");
    expect(known).toEqual(expect.arrayContaining(methods));
  });

  it("report a task missing from the table as a skipped snippet with its reason", async () => {
    // Every task of the project has a huggingface.js method: a task of another name stands in for a new one.
    const known = findTask(specs, "fill-mask");
    const provider = findProvider(specs, "hf-inference");
    const mapping = provider?.mappings.find((candidate) => candidate.task === "fill-mask");
    if (!known || !provider || !mapping) throw new Error("no hf-inference fill-mask mapping");
    const missing = { ...known, id: "unlisted-task" };
    expect(JS_METHODS).not.toHaveProperty(missing.id);
    const request = buildRequest(specs.router, missing, provider, { ...mapping, task: missing.id });
    const batch = await renderSnippets([{ client: huggingfaceJs, request }]);
    expect(batch.snippets).toEqual([]);
    expect(batch.skipped).toEqual([
      expect.objectContaining({ task: missing.id, provider: "hf-inference", clientId: "js/huggingface.js" }),
    ]);
    expect(batch.skipped[0]?.reason).toContain(missing.id);
    // A gap: the build says it as a warning (snippet-client-dropped), not only in the skipped list.
    expect(huggingfaceJs.plan(request)).toMatchObject({ gap: true });
  });
});
