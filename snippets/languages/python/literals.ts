/**
 * Python literals from JSON values: True/False/None, double-quoted strings with every escape
 * Python needs, readable unicode. `eval` of the literal gives back the value.
 */
import { Code, printContainer, type ContainerStyle, type LiteralValue } from "../../literals/code.ts";
import { codePoints, hex, isUnsafeChar } from "../../literals/strings.ts";

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

const PYTHON_CONTAINERS: ContainerStyle = {
  step: "    ",
  objectPadding: "",
  entry: (key, item, indent) =>
    key === undefined ? pythonLiteral(item, indent) : `${pythonString(key)}: ${pythonLiteral(item, indent)}`,
};

/** A literal for `value`, as Python source; `eval` of it gives back the value. */
export function pythonLiteral(value: LiteralValue, indent = ""): string {
  if (value instanceof Code) return value.source;
  if (value === null) return "None";
  if (value === true) return "True";
  if (value === false) return "False";
  if (typeof value === "number") return pythonNumber(value);
  if (typeof value === "string") return pythonString(value);
  return printContainer(value, indent, PYTHON_CONTAINERS);
}

/** `name=value` keyword arguments, one per line. */
export function pythonKeywordArguments(args: readonly (readonly [string, LiteralValue])[], indent: string): string {
  return args.map(([name, value]) => `${indent}${name}=${pythonLiteral(value, indent)},`).join("\n");
}
