/**
 * JavaScript literals from JSON values: object keys unquoted where they are identifiers,
 * double-quoted strings with every escape JS needs, readable unicode. Evaluating the literal
 * gives back the value.
 */
import { Code, printContainer, type ContainerStyle, type LiteralValue } from "../../literals/code.ts";
import { codePoints, hex, isUnsafeChar } from "../../literals/strings.ts";

const SIMPLE_ESCAPES: Record<string, string> = { "\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t" };

export function jsString(text: string): string {
  let out = '"';
  for (const char of codePoints(text)) {
    const simple = SIMPLE_ESCAPES[char];
    if (simple) out += simple;
    else if (isUnsafeChar(char)) {
      const code = char.codePointAt(0) as number;
      out += code <= 0xffff ? `\\u${hex(code, 4)}` : `\\u{${code.toString(16)}}`;
    } else out += char;
  }
  return out + '"';
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export function jsKey(key: string): string {
  // "__proto__" as an unquoted or quoted key in a literal sets the prototype; a computed key does not.
  if (key === "__proto__") return `["__proto__"]`;
  return IDENTIFIER.test(key) ? key : jsString(key);
}

const JS_CONTAINERS: ContainerStyle = {
  step: "  ",
  objectPadding: " ",
  entry: (key, item, indent) =>
    key === undefined ? jsLiteral(item, indent) : `${jsKey(key)}: ${jsLiteral(item, indent)}`,
};

/** A literal for `value`, as JavaScript source; evaluating it gives back the value. */
export function jsLiteral(value: LiteralValue, indent = ""): string {
  if (value instanceof Code) return value.source;
  if (value === null) return "null";
  if (typeof value === "boolean") return String(value);
  if (typeof value === "number") return JSON.stringify(value);
  if (typeof value === "string") return jsString(value);
  return printContainer(value, indent, JS_CONTAINERS);
}

/** An object literal whose values may be code: `{ key: value, ... }`, one entry per line. */
export function jsObject(entries: readonly (readonly [string, LiteralValue])[], indent = ""): string {
  const inner = indent + "  ";
  return `{\n${entries.map(([key, value]) => `${inner}${jsKey(key)}: ${jsLiteral(value, inner)},`).join("\n")}\n${indent}}`;
}
