import { describe, expect, it } from "vitest";
import { declaredDefaults, defaultFieldPolicy } from "../../scripts/conformance/default-fields.ts";
import { expectedRequest, jsonDifference, requestProblems } from "../../scripts/conformance/expectations.ts";
import type { RecordedRequest } from "../../scripts/conformance/server.ts";
import type { JsonObject } from "../../scripts/lib/json-source.ts";
import type { Specs, Task } from "../../scripts/model/types.ts";
import { loadProjectSpecs } from "../helpers/specs.ts";

const specs: Specs = loadProjectSpecs();

function task(id: string): Task {
  const found = specs.tasks.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no task ${id}`);
  return found;
}

/** The comparison conformance makes between a received body and the task's example. */
function difference(
  taskId: string,
  received: JsonObject,
  example: JsonObject = task(taskId).example,
): string | undefined {
  return jsonDifference(received, example, defaultFieldPolicy(specs.registry, task(taskId).schemas.input));
}

describe("bodies with default fields", () => {
  it("reads defaults through $ref, allOf and nested properties", () => {
    expect(declaredDefaults(specs.registry, task("chat-completion").schemas.input, ["stream"])).toEqual([false]);
    expect(
      declaredDefaults(specs.registry, task("zero-shot-classification").schemas.input, ["parameters", "multi_label"]),
    ).toEqual([false]);
    expect(declaredDefaults(specs.registry, task("chat-completion").schemas.input, ["no_such_field"])).toEqual([]);
  });

  it("accepts stream: false on chat, as huggingface_hub sends it", () => {
    const example = task("chat-completion").example;
    expect(difference("chat-completion", { ...example, stream: false })).toBeUndefined();
  });

  it("accepts an empty parameters object and a parameter equal to its default", () => {
    const example = task("text-classification").example;
    expect(difference("text-classification", { ...example, parameters: {} })).toBeUndefined();
    const zeroShot = task("zero-shot-classification").example;
    const parameters = { ...(zeroShot["parameters"] as JsonObject), multi_label: false };
    expect(difference("zero-shot-classification", { ...zeroShot, parameters })).toBeUndefined();
  });

  it("still rejects a field the schema does not declare, and a declared field with another value", () => {
    const example = task("chat-completion").example;
    expect(difference("chat-completion", { ...example, stram: false })).toMatch(/unexpected "stram"/);
    expect(difference("chat-completion", { ...example, stream: true })).toMatch(/unexpected "stream"/);
    expect(difference("chat-completion", { ...example, temperature: 0.5 })).toMatch(/unexpected "temperature"/);
    const classification = task("text-classification").example;
    expect(difference("text-classification", { ...classification, parameters: { top_k: 3 } })).toMatch(
      /unexpected "parameters"/,
    );
    expect(difference("text-classification", { ...classification, extra: {} })).toMatch(/unexpected "extra"/);
  });

  it("never excuses a missing field or a changed example value", () => {
    const example = task("chat-completion").example;
    const { messages: _messages, ...withoutMessages } = example;
    expect(difference("chat-completion", { ...withoutMessages, stream: false })).toMatch(/missing "messages"/);
    expect(difference("text-classification", { inputs: "something else", parameters: {} })).toMatch(/strings differ/);
  });

  it("is what requestProblems applies to a recorded request", () => {
    const textClassification = task("text-classification");
    const provider = specs.providers.find((candidate) => candidate.id === "hf-inference");
    const mapping = provider?.mappings.find((candidate) => candidate.task === "text-classification");
    if (!provider || !mapping) throw new Error("the feed lacks hf-inference text-classification");
    const expected = expectedRequest(textClassification, provider, mapping, false);
    const recorded = (json: JsonObject): RecordedRequest => ({
      method: "POST",
      target: "/hf-inference/models/x",
      headers: { authorization: "Bearer hf_t", "content-type": "application/json" },
      body: Buffer.from(JSON.stringify(json)),
      json,
      problems: [],
      status: 200,
    });
    const example = textClassification.example;
    expect(
      requestProblems(recorded({ ...example, parameters: {} }), expected, "hf_t", undefined, specs.registry),
    ).toEqual([]);
    expect(
      requestProblems(recorded({ ...example, parameters: { top_k: 1 } }), expected, "hf_t", undefined, specs.registry),
    ).toHaveLength(1);
  });
});
