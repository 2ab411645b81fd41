/**
 * Python literals from JSON values: True/False/None, double-quoted strings with every escape
 * Python needs, readable unicode. `eval` of the literal gives back the value.
 */
import type { JsonValue } from "../../scripts/lib/json-source.ts";
import { Code } from "./code.ts";
import { codePoints, hex, isUnsafeChar } from "./strings.ts";

const SIMPLE_ESCAPES: Record<string, string> = { "\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t" };

export function pythonString(text: string): string {
  let out = '"';
  for (const char of codePoints(text)) {
    const simple = SIMPLE_ESCAPES[char];
    if (simple) out += simple;
    else if (isUnsafeChar(char)) {
      const code = char.codePointAt(0) as number;
      out += code <= 0xff ? `\\x${hex(code, 2)}` : code <= 0xffff ? `\\u${hex(code, 4)}` : `\\U${hex(code, 8)}`;
    } else out += char;
  }
  return out + '"';
}

export function pythonNumber(value: number): string {
  // JSON numbers print the same way in Python, except exponents without a sign digit are fine too.
  return JSON.stringify(value);
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const KEYWORDS = new Set(
  "False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield".split(
    " ",
  ),
);

/** True when `name` can be a keyword argument. */
export function isPythonIdentifier(name: string): boolean {
  return IDENTIFIER.test(name) && !KEYWORDS.has(name);
}

/** JSON values, possibly with pieces of code in them (a variable in place of a file's content). */
export type LiteralValue = JsonValue | Code | LiteralValue[] | { [key: string]: LiteralValue };

function isContainer(value: LiteralValue): boolean {
  return typeof value === "object" && value !== null && !(value instanceof Code) && (Array.isArray(value) ? value.length > 0 : Object.keys(value).length > 0);
}

/**
 * A literal for `value`. Containers holding containers are written one item per line with a
 * trailing comma, which the formatter (ruff) keeps expanded; flat ones stay on one line.
 */
export function pythonLiteral(value: LiteralValue, indent = ""): string {
  if (value instanceof Code) return value.source;
  if (value === null) return "None";
  if (value === true) return "True";
  if (value === false) return "False";
  if (typeof value === "number") return pythonNumber(value);
  if (typeof value === "string") return pythonString(value);
  const entries: string[] = Array.isArray(value)
    ? value.map((item) => pythonLiteral(item, indent + "    "))
    : Object.entries(value).map(([key, item]) => `${pythonString(key)}: ${pythonLiteral(item, indent + "    ")}`);
  const [open, close] = Array.isArray(value) ? ["[", "]"] : ["{", "}"];
  if (entries.length === 0) return open + close;
  const items = Array.isArray(value) ? value : Object.values(value);
  if (!items.some(isContainer)) return `${open}${entries.join(", ")}${close}`;
  return `${open}\n${entries.map((entry) => `${indent}    ${entry},`).join("\n")}\n${indent}${close}`;
}

/** `name=value` keyword arguments, one per line. */
export function pythonKeywordArguments(args: readonly (readonly [string, LiteralValue])[], indent: string): string {
  return args
    .map(([name, value]) => `${indent}${name}=${pythonLiteral(value, indent)},`)
    .join("\n");
}
