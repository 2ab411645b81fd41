/**
 * Property tests: a literal printed for any JSON value (any unicode string) gives the value back
 * when evaluated by the real interpreter: python3, node, bash. Values are checked in batches, one
 * interpreter process per batch, and the first value that does not survive is reported.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { JsonValue } from "../../scripts/lib/json-source.ts";
import { jsLiteral, jsString } from "../../snippets/languages/js/literals.ts";
import { pythonLiteral, pythonString } from "../../snippets/languages/python/literals.ts";
import { shellQuote } from "../../snippets/languages/sh/literals.ts";

const scratch = mkdtempSync(path.join(tmpdir(), "literals-"));

const HOSTILE = [
  "'",
  '"',
  "\\",
  "$(id)",
  "`id`",
  "${x}",
  "\n",
  "\r",
  "\t",
  "\0",
  "😀",
  "@",
  "\u2028",
  "\u0085",
  "\ud800",
  "\udfff",
  "%s",
  "!",
  "é",
  "\u200b",
  "\x7f",
];

const hostileString = fc.oneof(
  fc.string({ unit: "binary" }),
  fc.string({ unit: fc.constantFrom(...HOSTILE, "a", " ") }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
);

const json = fc.letrec<{ value: JsonValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    fc.integer({ min: -1e9, max: 1e9 }),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    hostileString,
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(hostileString, tie("value"), { maxKeys: 4 }),
  ),
})).value;

function samples<T>(arbitrary: fc.Arbitrary<T>, count: number, seed: number): T[] {
  return fc.sample(arbitrary, { numRuns: count, seed });
}

function run(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr}`);
  return result.stdout;
}

/** JSON with every non-ASCII character escaped, so both sides compare the same text. */
function canonical(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\u007f-\uffff]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

function firstMismatch(
  values: readonly JsonValue[],
  evaluated: unknown[],
  print: (value: JsonValue) => string,
): string | undefined {
  for (let index = 0; index < values.length; index++) {
    if (canonical(evaluated[index]) !== canonical(values[index])) {
      return `value ${canonical(values[index])}\nprinted as ${print(values[index] as JsonValue)}\nevaluated to ${canonical(evaluated[index])}`;
    }
  }
  return undefined;
}

describe("literal printers round-trip through the real interpreters", () => {
  const values = samples(json, 600, 7);

  it("python3 evaluates pythonLiteral(v) to v", () => {
    const file = path.join(scratch, "values.py");
    writeFileSync(
      file,
      `import json, sys\nvalues = [\n${values.map((value) => pythonLiteral(value)).join(",\n")}\n]\nsys.stdout.write(json.dumps(values))\n`,
    );
    const evaluated = JSON.parse(run("python3", [file])) as unknown[];
    expect(firstMismatch(values, evaluated, (value) => pythonLiteral(value))).toBeUndefined();
  });

  it("node evaluates jsLiteral(v) to v", () => {
    const file = path.join(scratch, "values.mjs");
    writeFileSync(
      file,
      `const values = [\n${values.map((value) => jsLiteral(value)).join(",\n")}\n];\nprocess.stdout.write(JSON.stringify(values));\n`,
    );
    const evaluated = JSON.parse(run(process.execPath, [file])) as unknown[];
    expect(firstMismatch(values, evaluated, (value) => jsLiteral(value))).toBeUndefined();
  });

  it("bash passes shellQuote(s) through as the same bytes", () => {
    // A shell word cannot hold NUL or lone surrogates (they have no UTF-8 form); JSON bodies never contain them raw.
    const strings = samples(hostileString, 600, 11).filter((text) => !text.includes("\0") && !/\p{Cs}/u.test(text));
    const file = path.join(scratch, "words.sh");
    writeFileSync(file, strings.map((text) => `printf '%s\\0' ${shellQuote(text)}`).join("\n") + "\n");
    const output = run("bash", [file]).split("\0").slice(0, -1);
    const mismatch = strings.findIndex((text, index) => output[index] !== text);
    expect(
      mismatch === -1
        ? undefined
        : `${JSON.stringify(strings[mismatch])} quoted as ${shellQuote(strings[mismatch] as string)}`,
    ).toBeUndefined();
    expect(output).toHaveLength(strings.length);
  });

  it("keeps readable text readable and escapes what must be escaped", () => {
    expect(pythonString("héllo 😀")).toBe('"héllo 😀"');
    expect(pythonString("a\nb\u0000\u2028")).toBe('"a\\nb\\x00\\u2028"');
    expect(pythonString("\ud800")).toBe('"\\ud800"');
    expect(pythonLiteral({ on: true, off: false, none: null })).toBe('{"on": True, "off": False, "none": None}');
    expect(jsString("${x} `y`")).toBe('"${x} `y`"');
    expect(jsLiteral({ "a-b": 1, ok: [] })).toBe('{ "a-b": 1, ok: [] }');
    expect(jsLiteral({ __proto__: 1 } as unknown as JsonValue)).toBe("{}");
    expect(jsLiteral(JSON.parse('{"__proto__": {"x": 1}}') as JsonValue)).toContain('["__proto__"]');
    expect(shellQuote("it's")).toBe("'it'\\''s'");
    expect(shellQuote("@file")).toBe("'@file'");
    expect(() => shellQuote("a\0b")).toThrow(/NUL/);
  });
});
