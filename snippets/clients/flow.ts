/**
 * Pieces every raw-HTTP client needs for provider-native flows: the body with code in its file
 * slots, and the shape of the steps after the first response (poll a job, read the result).
 * Each client prints them in its own language; nothing here is language-specific.
 */
import { Code, type LiteralValue } from "../literals/code.ts";
import type { FileSlot, SnippetRequest } from "../request.ts";

/** The JSON body with `expression(slot)` in place of each file slot. */
export function bodyWithFileCode(
  value: LiteralValue,
  slots: readonly FileSlot[],
  expression: (slot: FileSlot) => Code,
): LiteralValue {
  let result = value;
  for (const slot of slots) result = replaceAt(result, slot.pointer, expression(slot));
  return result;
}

function replaceAt(value: LiteralValue, pointer: readonly string[], replacement: LiteralValue): LiteralValue {
  const [head, ...rest] = pointer;
  if (head === undefined) return replacement;
  if (Array.isArray(value))
    return value.map((item, index) => (String(index) === head ? replaceAt(item, rest, replacement) : item));
  if (value !== null && typeof value === "object" && !(value instanceof Code)) {
    return { ...value, [head]: replaceAt(value[head] ?? null, rest, replacement) };
  }
  return value;
}

/** A pointer's segments as accessors: numbers for array indexes, strings for keys. */
export function accessors(pointer: readonly string[]): (string | number)[] {
  return pointer.map((segment) => (/^(0|[1-9]\d*)$/.test(segment) ? Number(segment) : segment));
}

/** True when the snippet reads JSON from a response besides printing it (so the shell needs jq). */
export function readsJson(request: SnippetRequest): boolean {
  return request.job !== undefined || request.response.kind === "base64" || request.response.kind === "url";
}
