import type { JsonValue } from "../../scripts/lib/json-source.ts";

/** A piece of source code to insert as is where a literal would otherwise be printed. */
export class Code {
  constructor(readonly source: string) {}
}

export function code(source: string): Code {
  return new Code(source);
}

/** JSON values, possibly with pieces of code in them (a variable in place of a file's content). */
export type LiteralValue = JsonValue | Code | LiteralValue[] | { [key: string]: LiteralValue };

function isNonEmptyContainer(value: LiteralValue): boolean {
  return (
    typeof value === "object" &&
    value !== null &&
    !(value instanceof Code) &&
    (Array.isArray(value) ? value.length > 0 : Object.keys(value).length > 0)
  );
}

export interface ContainerStyle {
  /** One level of indentation. */
  step: string;
  /** Inside the braces of an object written on one line: "" for `{"a": 1}`, " " for `{ a: 1 }`. */
  objectPadding: string;
  /** Prints one item (`key` is undefined for array items) at the given indentation. */
  entry(key: string | undefined, item: LiteralValue, indent: string): string;
}

/**
 * Arrays and objects, the same way in every language: containers holding containers one item per
 * line with a trailing comma (which the formatters keep expanded), flat ones on one line.
 */
export function printContainer(
  value: LiteralValue[] | { [key: string]: LiteralValue },
  indent: string,
  style: ContainerStyle,
): string {
  const inner = indent + style.step;
  const isArray = Array.isArray(value);
  const pairs: [string | undefined, LiteralValue][] = isArray
    ? value.map((item) => [undefined, item])
    : Object.entries(value);
  const [open, close] = isArray ? ["[", "]"] : ["{", "}"];
  if (pairs.length === 0) return open + close;
  const entries = pairs.map(([key, item]) => style.entry(key, item, inner));
  if (!pairs.some(([, item]) => isNonEmptyContainer(item))) {
    const padding = isArray ? "" : style.objectPadding;
    return `${open}${padding}${entries.join(", ")}${padding}${close}`;
  }
  return `${open}\n${entries.map((entry) => `${inner}${entry},`).join("\n")}\n${indent}${close}`;
}
