/**
 * Every page is checked before anything is written: it parses as GFM (remark + remark-gfm),
 * each table row has as many cells as its header, every code block is exactly one of the
 * snippets and each `<snippet>` tag holds one (so no snippet broke out of its fence), and in
 * component style the page compiles as MDX.
 *
 * Snippets are parsed on their own (snippets/languages/<language>/check.ts), so their text is not parsed again as
 * markdown: the fenced blocks are found line by line (code-fences.ts), each one's text is checked
 * against the snippets, and the markdown parser reads the page skeleton, where each block holds a
 * placeholder on the same lines. The parser must find every block where the line scan found it, so
 * the two readings of the page agree; a code block the scan did not take out is checked whole.
 *
 * Most of the parser's time goes to lines, so it first reads a short skeleton where each block
 * holds its placeholder on one line. When every block is found where the scan found it, at the
 * top level and in the first column, nothing between its fences can end it or change what follows
 * (the blank lines of the long skeleton are code too), so both skeletons read the same: the page
 * passes. Otherwise the page is read again with the long skeleton, whose lines keep their numbers,
 * for the diagnostics.
 *
 * The short reading parses blocks only. Markdown settles a page's blocks (code, HTML, tables and
 * their cells, lists, quotes) before it reads the text inside paragraphs, headings and cells, and the
 * checks look only at blocks, so the text constructs (emphasis, links, inline code and HTML...) are
 * switched off there: the parse takes about 40% less time. The one thing the text reading could show,
 * a `<snippet ` tag inside a paragraph or cell, is found by counting: every `<snippet ` in the short
 * skeleton must be a tag standing as a top-level block, or the page is read again in full.
 */
import type { Root, RootContent, Table } from "mdast";
import type { Position } from "unist";
import { gfmFootnoteFromMarkdown } from "mdast-util-gfm-footnote";
import { gfmTableFromMarkdown } from "mdast-util-gfm-table";
import { gfm } from "micromark-extension-gfm";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified, type Processor } from "unified";
import type { Diagnostic } from "../lib/diagnostics.ts";
import {
  fenceClosableBy,
  markdownLines,
  scanFencedBlocks,
  type FencedBlock,
  type MarkdownLine,
} from "./code-fences.ts";

const parser = unified().use(remarkParse).use(remarkGfm);

/** micromark's constructs for text inside blocks (CommonMark's and GFM's), by name. */
const TEXT_CONSTRUCTS = [
  "attention",
  "autolink",
  "characterEscape",
  "characterReference",
  "codeText",
  "hardBreakEscape",
  "htmlText",
  "labelEnd",
  "labelStartImage",
  "labelStartLink",
  "strikethrough",
  "gfmFootnoteCall",
  "gfmPotentialFootnoteCall",
  "tasklistCheck",
  "wwwAutolink",
  "protocolAutolink",
  "emailAutolink",
];

/**
 * A remark plugin in place of remark-gfm: GFM's syntax with the text constructs off, and of its
 * tree builders only the two for blocks (tables, footnote definitions), so that the text is left as
 * it is; remark-gfm would still search it for bare links (a third of the parse).
 */
function gfmBlocksOnly(this: Processor): void {
  const data = this.data() as { micromarkExtensions?: unknown[]; fromMarkdownExtensions?: unknown[] };
  data.micromarkExtensions = [gfm(), { disable: { null: TEXT_CONSTRUCTS } }];
  data.fromMarkdownExtensions = [gfmTableFromMarkdown(), gfmFootnoteFromMarkdown()];
}

const blockParser = unified().use(remarkParse).use(gfmBlocksOnly);

const SNIPPET_TAG = "<snippet ";

function occurrences(text: string, part: string): number {
  let count = 0;
  for (let at = text.indexOf(part); at !== -1; at = text.indexOf(part, at + part.length)) count++;
  return count;
}

function walk(node: Root | RootContent, visit: (node: Root | RootContent) => void): void {
  visit(node);
  if ("children" in node) for (const child of node.children) walk(child, visit);
}

export interface PageExpectations {
  /** The content of every snippet that may appear on the page. */
  snippets: ReadonlySet<string>;
  /** Whether the page must compile as MDX. */
  mdx: boolean;
  /** Short skeletons read ahead (readSkeletons): a page whose skeleton is among them is not parsed again. */
  readings?: SkeletonReadings;
}

/**
 * The block reading of short skeletons, by skeleton text. The reading depends on nothing but the
 * text, so a skeleton read ahead, from a draft of the page, serves the page whose skeleton is the
 * same text; any other page is read when checked.
 */
export type SkeletonReadings = ReadonlyMap<string, SkeletonReading>;

const NOT_A_SNIPPET =
  "a code block is not exactly one of the rendered snippets: a snippet broke out of its fence or a template adds code";

const NEVER_CLOSED = "a code fence is never closed: the rest of the page would be code";

/** The text the skeleton holds between a block's fences: a placeholder naming the block, then blank lines. */
function placeholderLines(block: FencedBlock, index: number): string[] {
  const count = block.contentEnd - block.contentStart;
  return count === 0 ? [] : [`snippet-docs placeholder ${index}`, ...new Array<string>(count - 1).fill("")];
}

/**
 * The page with every fenced block's text replaced by its placeholder. In the long form lines keep
 * their numbers; in the short form each block's placeholder is one line.
 */
function skeleton(lines: readonly MarkdownLine[], blocks: readonly FencedBlock[], short: boolean): string {
  const out = lines.map((line) => line.text + line.ending);
  // From the last block back, so the line indexes of earlier blocks stay right.
  for (let index = blocks.length - 1; index >= 0; index--) {
    const block = blocks[index] as FencedBlock;
    const lines = placeholderLines(block, index);
    // Placeholder lines end in "\n" whatever the original endings: each still ends one line.
    const placeholder = (short ? lines.slice(0, 1) : lines).map((line) => line + "\n");
    out.splice(block.contentStart, block.contentEnd - block.contentStart, ...placeholder);
  }
  return out.join("");
}

/** The index of each block by the line where it opens in the short skeleton. */
function shortOpenLines(blocks: readonly FencedBlock[]): Map<number, number> {
  const byLine = new Map<number, number>();
  let removed = 0;
  for (const [index, block] of blocks.entries()) {
    byLine.set(block.openLine - removed, index);
    removed += Math.max(0, block.contentEnd - block.contentStart - 1);
  }
  return byLine;
}

/** The short skeleton of a page: what `readSkeleton` reads. */
export function shortSkeletonOf(markdown: string): string {
  const lines = markdownLines(markdown);
  return skeleton(lines, scanFencedBlocks(lines), true);
}

/** What the short reading needs of a skeleton's block parse; small, so a worker thread can send it back. */
export interface SkeletonReading {
  /** The top-level code blocks, where they start, with their text. */
  codeBlocks: { line: number; column: number; value: string }[];
  /** Top-level HTML blocks that open a `<snippet>` tag. */
  snippetTags: number;
  /** How often `<snippet ` occurs in the skeleton's text. */
  tagMentions: number;
  /** No code block or snippet tag inside another block, and every table row as wide as its header. */
  sound: boolean;
}

export function readSkeleton(text: string): SkeletonReading {
  const tree = blockParser.parse(text) as Root;
  const reading: SkeletonReading = {
    codeBlocks: [],
    snippetTags: 0,
    tagMentions: occurrences(text, SNIPPET_TAG),
    sound: true,
  };
  for (const node of tree.children) {
    if (node.type === "html" && node.value.startsWith(SNIPPET_TAG)) reading.snippetTags++;
    if (node.type === "code") {
      const start = node.position?.start;
      reading.codeBlocks.push({ line: start?.line ?? 0, column: start?.column ?? 0, value: node.value });
    }
    walk(node, (inner) => {
      if (inner !== node && (inner.type === "code" || (inner.type === "html" && inner.value.startsWith(SNIPPET_TAG))))
        reading.sound = false;
      if (inner.type === "table") {
        const width = inner.children[0]?.children.length ?? 0;
        if (inner.children.some((row) => row.children.length !== width)) reading.sound = false;
      }
    });
  }
  return reading;
}

/**
 * Whether the short skeleton shows a sound page: every scanned block read as a top-level code block
 * in the first column where the scan found it, holding its placeholder, as many snippet tags, and
 * nothing else wrong.
 */
function passesShortReading(
  lines: readonly MarkdownLine[],
  blocks: readonly FencedBlock[],
  expected: PageExpectations,
) {
  const text = skeleton(lines, blocks, true);
  const reading = expected.readings?.get(text) ?? readSkeleton(text);
  const counts = [blocks.length, reading.codeBlocks.length, reading.snippetTags, reading.tagMentions];
  if (!reading.sound || counts.some((count) => count !== blocks.length)) return false;
  const byLine = shortOpenLines(blocks);
  return reading.codeBlocks.every((code) => {
    const index = code.column === 1 ? byLine.get(code.line) : undefined;
    const block = index === undefined ? undefined : blocks[index];
    if (index === undefined || block === undefined) return false;
    return code.value === (placeholderLines(block, index)[0] ?? "") && !blockProblem(block, expected);
  });
}

function at(line: number | undefined, column = 1): Pick<Diagnostic, "position"> {
  return line === undefined ? {} : { position: { line, column } };
}

/** The start and end of a node as remark placed it (unist points are 1-based, end just past the node). */
function spanOf(node: { position?: Position | undefined }): Pick<Diagnostic, "position" | "end"> {
  const place = node.position;
  if (!place) return {};
  return {
    position: { line: place.start.line, column: place.start.column },
    end: { line: place.end.line, column: place.end.column },
  };
}

/** Why a block's text is not a snippet, as precisely as can be told. */
function blockProblem(block: FencedBlock, expected: PageExpectations): string | undefined {
  if (!block.closed) return NEVER_CLOSED;
  if (expected.snippets.has(block.content)) return undefined;
  for (const snippet of expected.snippets) {
    if (snippet.startsWith(block.content) && fenceClosableBy(block.marker, snippet)) {
      return `a snippet holds a line that closes its fence (${block.marker}), so the rest of it is read as markdown: the fence must be longer than any run in the code`;
    }
  }
  return NOT_A_SNIPPET;
}

export async function validatePage(file: string, markdown: string, expected: PageExpectations): Promise<Diagnostic[]> {
  const problems: Diagnostic[] = [];
  const lines = markdownLines(markdown);
  const blocks = scanFencedBlocks(lines);
  const blocksByLine = new Map(
    blocks.map((block, index) => [block.openLine, { block, placeholder: placeholderLines(block, index).join("\n") }]),
  );
  if (passesShortReading(lines, blocks, expected)) return expected.mdx ? mdxProblems(file, markdown) : [];
  const confirmed = new Set<FencedBlock>();
  const tree = parser.parse(skeleton(lines, blocks, false)) as Root;
  let codeBlocks = 0;
  let snippetTags = 0;
  walk(tree, (node) => {
    if (node.type === "html" && node.value.startsWith(SNIPPET_TAG)) snippetTags++;
    if (node.type === "code") {
      codeBlocks++;
      const start = node.position?.start;
      const scanned = start ? blocksByLine.get(start.line) : undefined;
      if (scanned && start?.column === 1 && node.value === scanned.placeholder) {
        confirmed.add(scanned.block);
        const reason = blockProblem(scanned.block, expected);
        if (reason) problems.push({ file, ...at(start.line), reason, ruleId: "page-code-blocks" });
      } else if (!expected.snippets.has(node.value + "\n")) {
        problems.push({ file, ...spanOf(node), reason: NOT_A_SNIPPET, ruleId: "page-code-blocks" });
      }
    }
    if (node.type === "table") {
      const table = node as Table;
      const width = table.children[0]?.children.length ?? 0;
      table.children.forEach((row, index) => {
        if (row.children.length !== width) {
          problems.push({
            file,
            ...spanOf(row),
            reason: `table row ${index} has ${row.children.length} cells but the header has ${width}`,
            ruleId: "page-table",
          });
        }
      });
    }
  });
  for (const block of blocks) {
    if (confirmed.has(block)) continue;
    problems.push({
      file,
      ...at(block.openLine),
      reason: !block.closed
        ? NEVER_CLOSED
        : "a code fence is not read as a code block where it stands (inside HTML or another block?): put it on its own, after a blank line",
      ruleId: "page-code-blocks",
    });
  }
  if (codeBlocks !== snippetTags) {
    problems.push({
      file,
      reason: `the page has ${snippetTags} <snippet> tags but ${codeBlocks} code blocks`,
      ruleId: "page-code-blocks",
    });
  }
  if (expected.mdx) problems.push(...(await mdxProblems(file, markdown)));
  return problems;
}

/** Component-style pages must compile as MDX; the compiler is loaded only for them. */
async function mdxProblems(file: string, markdown: string): Promise<Diagnostic[]> {
  const { compile } = await import("@mdx-js/mdx");
  try {
    await compile(markdown, { remarkPlugins: [remarkGfm] });
    return [];
  } catch (error) {
    const place = error as { line?: number; column?: number; reason?: string; message?: string };
    return [
      {
        file,
        ...(place.line ? at(place.line, place.column ?? 1) : {}),
        reason: `the page does not compile as MDX: ${place.reason ?? place.message ?? String(error)}`,
        ruleId: "page-mdx",
      },
    ];
  }
}
