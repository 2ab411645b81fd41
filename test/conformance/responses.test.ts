import { describe, expect, it } from "vitest";
import { binaryBody, ResponseGenerator, STREAM_EVENT_COUNT } from "../../scripts/conformance/responses.ts";
import { parseJsonSource } from "../../scripts/lib/json-source.ts";
import type { Specs } from "../../scripts/model/types.ts";
import { SchemaRegistry } from "../../scripts/schema/registry.ts";
import { createValidator } from "../../scripts/schema/validator.ts";
import { loadProjectSpecs } from "../helpers/specs.ts";
import { fixtureSpecs } from "./helpers.ts";

function expectValidBodies(specs: Specs): void {
  const generator = new ResponseGenerator(specs);
  for (const task of specs.tasks) {
    const output = generator.output(task);
    expect(specs.validator.validate(task.schemas.output, output), `${task.id} output`).toEqual([]);
    if (task.schemas.streamOutput) {
      const events = generator.streamEvents(task);
      expect(events).toHaveLength(STREAM_EVENT_COUNT);
      for (const event of events)
        expect(specs.validator.validate(task.schemas.streamOutput, event), `${task.id} stream event`).toEqual([]);
    }
  }
}

describe("response generator", () => {
  it("answers every task of the project's specs with bodies valid against output.json and stream_output.json", () => {
    expectValidBodies(loadProjectSpecs());
  });

  it("answers every fixture task with valid bodies", () => {
    expectValidBodies(fixtureSpecs());
  });

  it("handles $ref, allOf, oneOf, anyOf, enum, const, arrays, bounds, formats and recursion", () => {
    const schema = {
      $defs: {
        Node: {
          type: "object",
          required: ["name"],
          properties: {
            name: { type: "string", minLength: 12 },
            children: { type: "array", items: { $ref: "#/$defs/Node" } },
          },
        },
        Score: { type: "number", exclusiveMinimum: 0, maximum: 1 },
      },
      type: "object",
      required: ["tree", "pick", "either", "kind", "fixed", "scores", "count", "when", "nullable", "merged", "tuple"],
      properties: {
        tree: { $ref: "#/$defs/Node" },
        // An integer matches both branches, so the value must be a number that is not an integer.
        pick: { oneOf: [{ type: "integer" }, { type: "number" }] },
        either: { anyOf: [{ type: "null" }, { type: "boolean" }] },
        kind: { enum: ["a", "b"] },
        fixed: { const: { x: [1, 2] } },
        scores: { type: "array", items: { $ref: "#/$defs/Score" }, minItems: 3, maxItems: 3, uniqueItems: false },
        count: { type: "integer", minimum: 5, maximum: 7 },
        when: { type: "string", format: "date-time" },
        nullable: { type: ["null", "string"], maxLength: 3 },
        merged: {
          allOf: [
            { type: "object", required: ["a"], properties: { a: { type: "integer", multipleOf: 4, minimum: 3 } } },
            { required: ["b"], properties: { b: { type: "boolean" } } },
          ],
        },
        tuple: { type: "array", prefixItems: [{ type: "string" }, { type: "integer" }], minItems: 2 },
      },
    };
    const registry = new SchemaRegistry();
    const parsed = parseJsonSource("synthetic.json", JSON.stringify(schema));
    if (!parsed.ok) throw new Error("synthetic schema does not parse");
    registry.add(parsed.source, "file:///synthetic.json");
    const created = createValidator(registry);
    if (!created.ok) throw new Error(created.problems.map((problem) => problem.message).join("\n"));
    const validator = created.validator;
    const document = registry.all()[0]!;
    const value = new ResponseGenerator({ registry, validator }).valueFor(document);
    expect(validator.validate(document, value)).toEqual([]);
    expect(value).toMatchObject({
      pick: 0.5,
      kind: "a",
      fixed: { x: [1, 2] },
      count: 6,
      when: "2024-01-01T00:00:00Z",
      merged: { a: 4, b: true },
    });
  });

  it("is deterministic and varies strings across stream events", () => {
    const specs = fixtureSpecs();
    const chat = specs.tasks.find((task) => task.id === "chat-completion")!;
    const events = new ResponseGenerator(specs).streamEvents(chat);
    expect(new ResponseGenerator(specs).streamEvents(chat)).toEqual(events);
    expect(new Set(events.map((event) => JSON.stringify(event))).size).toBe(STREAM_EVENT_COUNT);
  });

  it("sends binary bytes that text-mode handling would alter", () => {
    const bytes = binaryBody("image");
    expect([...bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    for (const byte of [0x00, 0x0d, 0x0a, 0xff]) expect(bytes.includes(byte)).toBe(true);
  });
});
