/**
 * Rows -> GFM tables. Every cell is escaped and every row has as many cells as the header.
 */
import { escapeCellMarkdown, escapeCellText } from "./cells.ts";
import type { SpecRow } from "./rows.ts";

const INDENT = "&nbsp;".repeat(4);

export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const width = header.length;
  const line = (cells: readonly string[]) => {
    const padded = Array.from({ length: width }, (_, index) => cells[index] ?? "");
    return `| ${padded.join(" | ")} |`;
  };
  return [line(header), line(header.map(() => ":---")), ...rows.map((row) => line(row))].join("\n");
}

/** The three cells of a documented row: indented bold name (`*` when required), italic type, description. */
export function rowCells(row: SpecRow): [string, string, string] {
  const name = `**${INDENT.repeat(row.depth)}${escapeCellText(row.name)}${row.required ? "&#42;" : ""}**`;
  return [name, `_${escapeCellText(row.type)}_`, escapeCellMarkdown(row.description)];
}

/** A titled table of schema rows, e.g. "Payload" for a request body. */
export function specTable(title: string, rows: readonly SpecRow[]): string {
  return markdownTable([escapeCellText(title), "", ""], rows.map(rowCells));
}
