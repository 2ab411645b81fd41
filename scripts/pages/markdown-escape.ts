/**
 * Text from specs placed into pages: prose keeps its inline markdown but cannot become HTML,
 * JSX or an MDX expression; titles and names are shown literally; code goes in fences long
 * enough that nothing inside can close them.
 */
import { escapeCellMarkdown, escapeCellText } from "../spec-table/cells.ts";

/** A paragraph of prose (one line; inline markdown allowed). */
export const markdownProse = escapeCellMarkdown;

/** Text shown literally (titles, names). */
export const markdownText = escapeCellText;

export function codeFence(language: string, code: string): string {
  const longestRun = Math.max(0, ...(code.match(/^[ \t]*`{3,}/gm) ?? []).map((run) => run.trim().length));
  const fence = "`".repeat(Math.max(3, longestRun + 1));
  return `${fence}${language}\n${code.endsWith("\n") ? code : code + "\n"}${fence}`;
}

/** A value for a double-quoted HTML/JSX attribute. */
export function attribute(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/"/g, "&quot;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\{/g, "&#123;")
    .replace(/\}/g, "&#125;");
}
