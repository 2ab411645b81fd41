/**
 * Pieces every raw-HTTP client needs for provider-native flows: the body with code in its file
 * slots, and the shape of the steps after the first response (poll a job, read the result).
 * Each client prints them in its own language; nothing here is language-specific.
 */
import { withValueAt } from "../../scripts/lib/with-value-at.ts";
import type { Code, LiteralValue } from "../literals/code.ts";
import type { FileSlot, SnippetRequest } from "../request.ts";

/** The JSON body with `expression(slot)` in place of each file slot. */
export function bodyWithFileCode(
  value: LiteralValue,
  slots: readonly FileSlot[],
  expression: (slot: FileSlot) => Code,
): LiteralValue {
  let result = value;
  for (const slot of slots) result = withValueAt(result, slot.pointer, expression(slot));
  return result;
}

/** A pointer's segments as accessors: numbers for array indexes, strings for keys. */
export function accessors(pointer: readonly string[]): (string | number)[] {
  return pointer.map((segment) => (/^(0|[1-9]\d*)$/.test(segment) ? Number(segment) : segment));
}

/** True when the snippet reads JSON from a response besides printing it (so the shell needs jq). */
export function readsJson(request: SnippetRequest): boolean {
  return request.job !== undefined || request.response.kind === "base64" || request.response.kind === "url";
}
