/**
 * JSON documents that remember where each value came from, so that a problem found later by a
 * JSON pointer (ajv, the $ref resolver, the mapping checks) can be reported as file:line:column.
 */
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from "jsonc-parser";
import type { Diagnostic, Position } from "./diagnostics.ts";
import type { RuleId } from "./rules.ts";

export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

export interface JsonSource {
  /** Path as shown to the user. */
  file: string;
  text: string;
  value: JsonValue;
  tree: Node;
}

export type ParseResult = { ok: true; source: JsonSource } | { ok: false; diagnostics: Diagnostic[] };

export function positionAt(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < offset && index < text.length; index++) {
    if (text.charCodeAt(index) === 10) {
      line++;
      lineStart = index + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

function describeParseError(error: ParseError): string {
  const name = printParseErrorCode(error.error);
  const readable: Record<string, string> = {
    InvalidSymbol: "unexpected character",
    InvalidNumberFormat: "malformed number",
    PropertyNameExpected: "expected a property name in double quotes",
    ValueExpected: "expected a value",
    ColonExpected: "expected ':' after the property name",
    CommaExpected: "expected ',' between items",
    CloseBraceExpected: "expected '}' to close the object",
    CloseBracketExpected: "expected ']' to close the array",
    EndOfFileExpected: "unexpected content after the JSON value",
    InvalidCommentToken: "comments are not allowed in JSON",
    UnexpectedEndOfComment: "unterminated comment",
    UnexpectedEndOfString: "unterminated string",
    UnexpectedEndOfNumber: "unterminated number",
    InvalidUnicode: "invalid \\u escape",
    InvalidEscapeCharacter: "invalid escape character",
    InvalidCharacter: "invalid character in string (control characters must be escaped)",
  };
  return readable[name] ?? name;
}

/** Walks objects and reports keys that appear twice: JSON.parse silently keeps the last one. */
function findDuplicateKeys(node: Node, text: string, file: string, out: Diagnostic[]): void {
  if (node.type === "object") {
    const seen = new Set<string>();
    for (const property of node.children ?? []) {
      const key = property.children?.[0];
      if (key && typeof key.value === "string") {
        if (seen.has(key.value)) {
          out.push({
            file,
            position: positionAt(text, key.offset),
            end: positionAt(text, key.offset + key.length),
            reason: `duplicate key "${key.value}": remove one of the two entries`,
            ruleId: "json-duplicate-key",
          });
        }
        seen.add(key.value);
      }
    }
  }
  for (const child of node.children ?? []) findDuplicateKeys(child, text, file, out);
}

export function parseJsonSource(file: string, text: string): ParseResult {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  // After the first syntax error the parser's further complaints are mostly echoes of it.
  const diagnostics: Diagnostic[] = errors.slice(0, 1).map((error) => ({
    file,
    position: positionAt(text, error.offset),
    end: positionAt(text, error.offset + error.length),
    reason: `invalid JSON: ${describeParseError(error)}`,
    ruleId: "json-syntax",
  }));
  if (diagnostics.length > 0 || !tree) {
    if (diagnostics.length === 0) {
      diagnostics.push({
        file,
        position: { line: 1, column: 1 },
        reason: "invalid JSON: the file is empty",
        ruleId: "json-syntax",
      });
    }
    return { ok: false, diagnostics };
  }
  let value: JsonValue;
  try {
    value = JSON.parse(text) as JsonValue;
  } catch (error) {
    // jsonc-parser is slightly more lenient than JSON.parse; report what JSON.parse rejects.
    const message = error instanceof Error ? error.message : String(error);
    const offset = Number(/position (\d+)/.exec(message)?.[1] ?? 0);
    return {
      ok: false,
      diagnostics: [
        { file, position: positionAt(text, offset), reason: `invalid JSON: ${message}`, ruleId: "json-syntax" },
      ],
    };
  }
  findDuplicateKeys(tree, text, file, diagnostics);
  if (diagnostics.length > 0) return { ok: false, diagnostics };
  return { ok: true, source: { file, text, value, tree } };
}

export function pointerToPath(pointer: string): string[] {
  if (pointer === "" || pointer === "#") return [];
  const body = pointer.startsWith("#") ? decodeURIComponent(pointer.slice(1)) : pointer;
  if (!body.startsWith("/")) throw new Error(`not a JSON pointer: ${pointer}`);
  return body
    .slice(1)
    .split("/")
    .map((segment) => segment.replace(/~1/g, "/").replace(/~0/g, "~"));
}

export function pathToPointer(path: readonly (string | number)[]): string {
  return path.map((segment) => "/" + String(segment).replace(/~/g, "~0").replace(/\//g, "~1")).join("");
}

/** The value at `path` (JSON pointer segments) inside `root`, or undefined when nothing is there. */
export function valueAtPath(root: JsonValue, path: readonly string[]): JsonValue | undefined {
  let current: JsonValue | undefined = root;
  for (const segment of path) {
    if (Array.isArray(current)) current = /^\d+$/.test(segment) ? current[Number(segment)] : undefined;
    else if (isJsonObject(current)) current = Object.hasOwn(current, segment) ? current[segment] : undefined;
    else return undefined;
  }
  return current;
}

/** Start and end offsets of what `pointer` names: its property (key and value) or its value. */
function spanOfPointer(source: JsonSource, pointer: string): { offset: number; length: number } | undefined {
  const path = pointerToPath(pointer);
  for (let length = path.length; length >= 0; length--) {
    const segments = path.slice(0, length).map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
    const node = findNodeAtLocation(source.tree, segments);
    if (node) return node.parent?.type === "property" ? node.parent : node;
  }
  return undefined;
}

/**
 * The line and column of the value at `pointer`. When the pointer names a property, the place
 * is its key; when nothing is there (a missing required property), the nearest existing parent.
 */
export function positionOfPointer(source: JsonSource, pointer: string): Position {
  const span = spanOfPointer(source, pointer);
  return span ? positionAt(source.text, span.offset) : { line: 1, column: 1 };
}

/** A diagnostic about the value at `pointer` in `source`: the pointer, and the start and end of the value. */
export function diagnosticAt(source: JsonSource, pointer: string, reason: string, ruleId: RuleId): Diagnostic {
  const span = spanOfPointer(source, pointer);
  const place = span
    ? { position: positionAt(source.text, span.offset), end: positionAt(source.text, span.offset + span.length) }
    : { position: { line: 1, column: 1 } };
  return { file: source.file, pointer, ...place, reason, ruleId };
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
