/**
 * withValueAt, used by the request model, the fuzzer and the clients to put a value deep in a
 * body: the value is found at its path afterwards, nothing else changes, and the input is never
 * modified.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { pathsOf } from "../helpers/json-paths.ts";
import type { JsonValue } from "../../scripts/lib/json-source.ts";
import { documentWith, mergedDocument } from "../../scripts/conformance/native.ts";
import { withValueAt } from "../../scripts/lib/with-value-at.ts";

/** The value at `path`, by plain indexing (array indexes given as digit strings, as pointers do). */
function valueAt(document: JsonValue, path: readonly string[]): JsonValue | undefined {
  let current: JsonValue | undefined = document;
  for (const segment of path) {
    if (Array.isArray(current)) current = current[Number(segment)];
    else if (current !== null && typeof current === "object") current = current[segment];
    else return undefined;
  }
  return current;
}

describe("withValueAt", () => {
  it("puts the value at an existing path, leaves the rest and the input unchanged", () => {
    fc.assert(
      fc.property(
        fc
          .jsonValue()
          .chain((document) =>
            fc.tuple(
              fc.constant(document as JsonValue),
              fc.constantFrom(...pathsOf(document as JsonValue)),
              fc.jsonValue(),
            ),
          ),
        ([document, path, value]) => {
          const before = JSON.stringify(document);
          const result = withValueAt<JsonValue>(document, path, value as JsonValue);
          expect(JSON.stringify(document)).toBe(before);
          expect(valueAt(result, path)).toEqual(value);
          for (const other of pathsOf(document)) {
            const related =
              other.every((segment, index) => path[index] === segment) || path.every((s, i) => other[i] === s);
            if (!related) expect(valueAt(result, other)).toEqual(valueAt(document, other));
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it("creates a missing key and accepts numeric array indexes", () => {
    expect(withValueAt<JsonValue>({ a: [1, { b: 2 }] }, ["a", 1, "c"], "x")).toEqual({ a: [1, { b: 2, c: "x" }] });
    expect(withValueAt<JsonValue>([0, 1], ["5"], "x")).toEqual([0, 1]);
    expect(withValueAt<JsonValue>("leaf", ["a"], "x")).toBe("leaf");
  });
});

describe("withValueAt, creating the containers on the way", () => {
  it("makes objects and arrays (padded with null) where the path leads nowhere yet", () => {
    const create = { create: true };
    expect(withValueAt<JsonValue>(null, ["a", "2", "b"], "x", create)).toEqual({ a: [null, null, { b: "x" }] });
    expect(withValueAt<JsonValue>({ a: "leaf" }, ["a", "b"], "x", create)).toEqual({ a: { b: "x" } });
  });

  it("keeps what the document had beside the path, array items after the index too", () => {
    // mergedDocument (the conformance server's job answers) used to cut such an array at the index.
    expect(mergedDocument([1, 2, 3], "/0", 9)).toEqual([9, 2, 3]);
    expect(mergedDocument({ a: [1, 2], b: 1 }, "/a/3", "x")).toEqual({ a: [1, 2, null, "x"], b: 1 });
    expect(documentWith("/jobs/1/id", "x")).toEqual({ jobs: [null, { id: "x" }] });
  });
});
