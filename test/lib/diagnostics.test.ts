/**
 * How a diagnostic reads: severity in the message, the count of errors and warnings under them,
 * and a JSON pointer's place as the start and end of the value it names.
 */
import { describe, expect, it } from "vitest";
import { formatDiagnostics, type Diagnostic } from "../../scripts/lib/diagnostics.ts";
import { diagnosticAt, parseJsonSource } from "../../scripts/lib/json-source.ts";

const error: Diagnostic = { file: "a.json", position: { line: 1, column: 2 }, reason: "broken", ruleId: "json-syntax" };
const warning: Diagnostic = { severity: "warning", file: "b.json", reason: "odd", ruleId: "task-schema" };

describe("formatDiagnostics", () => {
  it("prints each message with its severity and counts both kinds", () => {
    expect(formatDiagnostics([error, warning])).toBe(
      "a.json:1:2: error: broken [json-syntax]\nb.json: warning: odd [task-schema]\n1 error, 1 warning",
    );
    expect(formatDiagnostics([warning, warning])).toMatch(/\n2 warnings$/);
    expect(formatDiagnostics([error, error])).toMatch(/\n2 errors$/);
  });
});

describe("diagnosticAt", () => {
  it("places a property from its key to the end of its value", () => {
    const text = '{\n  "a": 1,\n  "list": [true, "x"]\n}\n';
    const parsed = parseJsonSource("c.json", text);
    if (!parsed.ok) throw new Error("the fixture parses");
    expect(diagnosticAt(parsed.source, "/list", "r", "task-schema")).toMatchObject({
      position: { line: 3, column: 3 },
      end: { line: 3, column: 22 },
    });
    expect(diagnosticAt(parsed.source, "/list/1", "r", "task-schema")).toMatchObject({
      position: { line: 3, column: 18 },
      end: { line: 3, column: 21 },
    });
  });

  it("ends a syntax error after the offending token", () => {
    const parsed = parseJsonSource("d.json", '{"a": tru}');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.diagnostics[0]).toMatchObject({ position: { column: 7 }, end: { column: 10 } });
  });
});
