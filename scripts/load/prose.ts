/**
 * Markdown prose from the specs (task descriptions, model descriptions) before it reaches a page:
 * every link and image must point to an http(s) or mailto address or a relative path, so no
 * `javascript:`, `data:` or `vbscript:` link is ever published; and no paragraph may be so long
 * that parsing the page becomes slow (micromark merges a paragraph's text tokens with one array
 * splice per inline construct, so one paragraph costs the square of its constructs).
 */
import type { Root, RootContent } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { BoundedMemo } from "../lib/bounded-memo.ts";

/** Characters per paragraph; far more than any real paragraph, small enough to parse quickly. */
export const MAX_PARAGRAPH_LENGTH = 10_000;

const parser = unified().use(remarkParse).use(remarkGfm);
const ALLOWED_SCHEMES = new Set(["http", "https", "mailto"]);

/** Paragraphs are separated by blank lines. */
export function proseParagraphs(markdown: string): string[] {
  return markdown.split(/\n[ \t]*\n\s*/).filter((paragraph) => paragraph.trim() !== "");
}

/**
 * The scheme a browser would see: it ignores ASCII whitespace and control characters inside the
 * scheme and compares it case-insensitively; remark has already decoded character references.
 */
export function linkScheme(url: string): string | undefined {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what a browser skips here
  const compact = url.replace(/[\u0000-\u0020\u007f]/g, "").toLowerCase();
  return /^([a-z][a-z0-9+.-]*):/.exec(compact)?.[1];
}

export interface ProseProblem {
  reason: string;
}

function walk(node: Root | RootContent, visit: (node: Root | RootContent) => void): void {
  visit(node);
  if ("children" in node) for (const child of node.children) walk(child, visit);
}

/**
 * Problems by paragraph: a long-lived process (the preview's builder) loads the specs on every
 * save, and parsing every description again was most of loading them. Bounded.
 */
const checkedParagraphs = new BoundedMemo<string, readonly ProseProblem[]>(5_000);

/** What is wrong with a piece of prose, if anything. */
export function proseProblems(markdown: string): ProseProblem[] {
  return proseParagraphs(markdown).flatMap((paragraph) => {
    return checkedParagraphs.getOrMake(paragraph, paragraphProblems).map((problem) => ({ ...problem }));
  });
}

function paragraphProblems(paragraph: string): ProseProblem[] {
  if (paragraph.length > MAX_PARAGRAPH_LENGTH) {
    return [
      {
        reason: `a paragraph has ${paragraph.length} characters, more than ${MAX_PARAGRAPH_LENGTH}: split it into paragraphs separated by a blank line`,
      },
    ];
  }
  const problems: ProseProblem[] = [];
  walk(parser.parse(paragraph) as Root, (node) => {
    if (node.type !== "link" && node.type !== "image" && node.type !== "definition") return;
    const scheme = linkScheme(node.url);
    if (scheme === undefined || ALLOWED_SCHEMES.has(scheme)) return;
    const kind = node.type === "image" ? "an image" : "a link";
    problems.push({
      reason: `${kind} to "${scheme}:" is not allowed: use an http(s) or mailto address or a relative path`,
    });
  });
  return problems;
}
