/**
 * Fenced code blocks found line by line, by the CommonMark rules for a fence that starts in the
 * first column: an opening run of three or more backticks or tildes (a backtick fence's info
 * string holds no backtick), closed by the first line indented at most three spaces that holds a
 * run of the same character at least as long, and nothing else but spaces or tabs.
 * Page validation uses it to take snippet text out of the page before parsing the rest, so a
 * snippet is never re-parsed as markdown; the markdown parser then confirms each block it finds.
 */

export interface FencedBlock {
  /** 1-based line of the opening fence. */
  openLine: number;
  /** The opening run, e.g. "```". */
  marker: string;
  /** 0-based index of the first line between the fences, and one past the last. */
  contentStart: number;
  contentEnd: number;
  /**
   * The text between the fences as written, except that its last line ends with "\n" (the line
   * ending before the closing fence belongs to the fence); "" for an empty block.
   */
  content: string;
  /** False when the page ends before a closing fence. */
  closed: boolean;
}

export interface MarkdownLine {
  text: string;
  /** The line ending as written ("\n", "\r\n", "\r"), or "" for the last line. */
  ending: string;
}

/** Lines as CommonMark counts them (any of the three line endings), keeping their endings. */
export function markdownLines(markdown: string): MarkdownLine[] {
  const lines: MarkdownLine[] = [];
  const pattern = /\r\n|\r|\n/g;
  let start = 0;
  for (let match = pattern.exec(markdown); match; match = pattern.exec(markdown)) {
    lines.push({ text: markdown.slice(start, match.index), ending: match[0] });
    start = match.index + match[0].length;
  }
  lines.push({ text: markdown.slice(start), ending: "" });
  return lines;
}

function openingFence(line: string): string | undefined {
  const match = /^(`{3,}|~{3,})(.*)$/.exec(line);
  if (!match) return undefined;
  const [, marker = "", info = ""] = match;
  if (marker.startsWith("`") && info.includes("`")) return undefined;
  return marker;
}

/** Whether `line` closes a fence opened with `marker`. */
export function closesFence(marker: string, line: string): boolean {
  const match = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
  const run = match?.[1];
  return run !== undefined && run[0] === marker[0] && run.length >= marker.length;
}

/** Whether some line of `code` would close a fence opened with `marker` (so the code would break out of it). */
export function fenceClosableBy(marker: string, code: string): boolean {
  return markdownLines(code).some((line) => closesFence(marker, line.text));
}

/** Every fenced block opening in the first column, in page order. */
export function scanFencedBlocks(lines: readonly MarkdownLine[]): FencedBlock[] {
  const blocks: FencedBlock[] = [];
  let index = 0;
  while (index < lines.length) {
    const marker = openingFence(lines[index]?.text ?? "");
    if (marker === undefined) {
      index++;
      continue;
    }
    const contentStart = index + 1;
    let end = contentStart;
    while (end < lines.length && !closesFence(marker, lines[end]?.text ?? "")) end++;
    const closed = end < lines.length;
    const body = lines.slice(contentStart, end);
    // An unclosed block runs to the end of the page, whose final line ending ends no line.
    if (!closed && body[body.length - 1]?.text === "") body.pop();
    const content = body
      .map((line, position) => line.text + (position === body.length - 1 ? "\n" : line.ending))
      .join("");
    blocks.push({ openLine: index + 1, marker, contentStart, contentEnd: end, content, closed });
    index = closed ? end + 1 : end;
  }
  return blocks;
}
