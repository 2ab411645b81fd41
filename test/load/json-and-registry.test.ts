import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../scripts/lib/diagnostics.ts";
import { parseJsonSource, positionOfPointer } from "../../scripts/lib/json-source.ts";
import { SchemaRegistry } from "../../scripts/schema/registry.ts";

function source(file: string, text: string) {
  const parsed = parseJsonSource(file, text);
  if (!parsed.ok) throw new Error(parsed.diagnostics.map(formatDiagnostic).join("\n"));
  return parsed.source;
}

describe("parseJsonSource", () => {
  it("names line and column of the first syntax error only", () => {
    const parsed = parseJsonSource("a.json", '{\n  "a": 1,\n  "b": tru\n}');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.diagnostics).toHaveLength(1);
      expect(formatDiagnostic(parsed.diagnostics[0]!)).toBe(
        "a.json:3:8: error: invalid JSON: unexpected character [json-syntax]",
      );
    }
  });

  it("rejects empty files, comments, trailing commas and duplicate keys", () => {
    const reasons = ["", '{"a": 1 /* c */}', '{"a": [1,]}', '{"a": 1,\n "a": 2}'].map((text) => {
      const parsed = parseJsonSource("x.json", text);
      return parsed.ok
        ? "ok"
        : `${parsed.diagnostics[0]?.position?.line}:${parsed.diagnostics[0]?.position?.column} ${parsed.diagnostics[0]?.reason}`;
    });
    expect(reasons[0]).toMatch(/^1:1 invalid JSON/);
    expect(reasons[1]).toBe("1:9 invalid JSON: comments are not allowed in JSON");
    expect(reasons[2]).toMatch(/^1:10 invalid JSON/);
    expect(reasons[3]).toBe('2:2 duplicate key "a": remove one of the two entries');
  });

  it("maps JSON pointers to the key that holds the value, or the nearest parent", () => {
    const parsed = source("p.json", '{\n  "list": [\n    {"a~b/c": 1}\n  ]\n}');
    expect(positionOfPointer(parsed, "/list/0/a~0b~1c")).toEqual({ line: 3, column: 6 });
    expect(positionOfPointer(parsed, "/list/0/missing")).toEqual({ line: 3, column: 5 });
    expect(positionOfPointer(parsed, "")).toEqual({ line: 1, column: 1 });
  });
});

describe("SchemaRegistry", () => {
  it("resolves refs within a file, to siblings by relative path, and by $id", () => {
    const registry = new SchemaRegistry();
    registry.add(
      source("common.json", '{"$id": "/inference/schemas/common.json", "definitions": {"X": {"type": "string"}}}'),
      "file:///specs/common.json",
    );
    registry.add(
      source("a.json", '{"$id": "/inference/schemas/a/input.json", "$defs": {"Y": {"type": "number"}}}'),
      "file:///specs/a/spec/input.json",
    );
    registry.add(source("b.json", '{"$defs": {"Z": {"type": "boolean"}}}'), "file:///specs/a/spec/b.json");
    const a = registry.get("file:///specs/a/spec/input.json");
    if (!a) throw new Error("not registered");
    expect(registry.resolve("#/$defs/Y", a)).toMatchObject({
      ok: true,
      target: { pointer: "/$defs/Y", node: { type: "number" } },
    });
    expect(registry.resolve("/inference/schemas/common.json#/definitions/X", a)).toMatchObject({
      ok: true,
      target: { node: { type: "string" } },
    });
    const b = registry.get("file:///specs/a/spec/b.json");
    if (!b) throw new Error("not registered");
    expect(registry.resolve("./input.json#/$defs/Y", b)).toMatchObject({ ok: true });
    expect(registry.resolve("#/$defs/Nope", b)).toMatchObject({
      ok: false,
      reason: expect.stringContaining("has nothing at /$defs/Nope"),
    });
    expect(registry.resolve("#anchor", b)).toMatchObject({
      ok: false,
      reason: expect.stringContaining("anchors are not supported"),
    });
  });

  it("reports a $id used twice", () => {
    const registry = new SchemaRegistry();
    registry.add(source("one.json", '{"$id": "/x.json"}'), "file:///one.json");
    const clash = registry.add(source("two.json", '{"$id": "/x.json"}'), "file:///two.json");
    expect(clash?.reason).toMatch(/\$id "\/x\.json" is also used by one\.json/);
    expect(clash?.pointer).toBe("/$id");
  });

  it("does not take a property named $ref for a reference", () => {
    const registry = new SchemaRegistry();
    registry.add(
      source("s.json", '{"properties": {"$ref": {"type": "string"}}, "$defs": {"A": {"$ref": "#/nowhere"}}}'),
      "file:///s.json",
    );
    expect(registry.unresolvedRefs().map((diagnostic) => diagnostic.pointer)).toEqual(["/$defs/A/$ref"]);
  });
});
