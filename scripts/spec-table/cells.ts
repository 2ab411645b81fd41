/**
 * Escaping text for GFM table cells that must also compile as MDX.
 *
 * Descriptions keep their inline markdown (links, emphasis, code spans) but nothing in them may
 * act as HTML, JSX or an MDX expression, break the row (`|`, newlines) or escape our own syntax.
 * Outside code spans the dangerous characters become character references, which GFM and MDX
 * both show as the plain character. Inside code spans character references are not decoded, so
 * there only `|` needs care: GFM lets `\|` stand for a pipe in a table cell, even in code.
 */

const ENTITY: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  "{": "&#123;",
  "}": "&#125;",
  "|": "&#124;",
  "\\": "&#92;",
  "`": "&#96;",
  "*": "&#42;",
  _: "&#95;",
  "[": "&#91;",
  "]": "&#93;",
  "~": "&#126;",
};

/** Collapses line breaks: a table row is one line. */
function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, " ");
}

/**
 * Escapes every character that could mean something in markdown, HTML or MDX, so `text` shows
 * literally. Characters that are harmless where they stand stay readable: an underscore inside a
 * word (GFM has no intraword `_` emphasis) and the empty bracket pair of `string[]`.
 */
export function escapeCellText(text: string): string {
  return oneLine(text).replace(/\[\]|[&<>{}|\\`*_[\]~]/g, (match, offset: number, whole: string) => {
    if (match === "[]") return match;
    if (match === "_" && /[\p{L}\p{N}]/u.test(whole[offset - 1] ?? "") && /[\p{L}\p{N}]/u.test(whole[offset + 1] ?? ""))
      return match;
    return ENTITY[match] ?? match;
  });
}

/** Escapes text between code spans: markdown stays, HTML/JSX/expressions/pipes are neutralised. */
function escapeProse(text: string): string {
  return text.replace(/[&<>{}|\\]/g, (char) => ENTITY[char] ?? char);
}

/**
 * Escapes a markdown description for a cell. Code spans (a run of backticks closed by a run of
 * the same length) are kept as code; an unmatched backtick is shown literally.
 */
export function escapeCellMarkdown(markdown: string): string {
  const text = oneLine(markdown);
  let result = "";
  let index = 0;
  while (index < text.length) {
    const tick = text.indexOf("`", index);
    if (tick === -1) {
      result += escapeProse(text.slice(index));
      break;
    }
    result += escapeProse(text.slice(index, tick));
    let runEnd = tick;
    while (text[runEnd] === "`") runEnd++;
    const fence = text.slice(tick, runEnd);
    const close = findClosingRun(text, runEnd, fence.length);
    if (close === -1) {
      result += fence.replace(/`/g, ENTITY["`"] as string);
      index = runEnd;
      continue;
    }
    const code = text.slice(runEnd, close);
    result += codeSpan(code);
    index = close + fence.length;
  }
  return result;
}

function findClosingRun(text: string, from: number, length: number): number {
  let index = from;
  while (index < text.length) {
    const tick = text.indexOf("`", index);
    if (tick === -1) return -1;
    let runEnd = tick;
    while (text[runEnd] === "`") runEnd++;
    if (runEnd - tick === length) return tick;
    index = runEnd;
  }
  return -1;
}

/**
 * A code span whose content is shown literally in a table cell (pipes escaped, fence long enough).
 * GFM cannot show a backslash right before a pipe inside code in a table (the backslash would
 * escape our escape), so such content is shown as plain escaped text instead.
 */
export function codeSpan(code: string): string {
  if (/\\(?=\|)/.test(code)) return escapeCellText(code);
  const content = oneLine(code).replace(/\|/g, "\\|");
  const longestRun = Math.max(0, ...(content.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longestRun + 1);
  const pad = content.startsWith("`") || content.endsWith("`") || /^ .* $/.test(content) || content === "" ? " " : "";
  return `${fence}${pad}${content === "" ? " " : content}${pad}${fence}`;
}
