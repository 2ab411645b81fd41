/**
 * Every page is checked before anything is written: it parses as GFM (remark + remark-gfm),
 * each table row has as many cells as its header, every code block is exactly one of the
 * snippets and each `<snippet>` tag holds one (so no snippet broke out of its fence), and in
 * component style the page compiles as MDX.
 */
import { compile } from "@mdx-js/mdx";
import type { Root, RootContent, Table } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import type { Diagnostic } from "../lib/diagnostics.ts";

const parser = unified().use(remarkParse).use(remarkGfm);

function walk(node: Root | RootContent, visit: (node: Root | RootContent) => void): void {
  visit(node);
  if ("children" in node) for (const child of node.children) walk(child, visit);
}

export interface PageExpectations {
  /** The content of every snippet that may appear on the page. */
  snippets: ReadonlySet<string>;
  /** Whether the page must compile as MDX. */
  mdx: boolean;
}

export async function validatePage(file: string, markdown: string, expected: PageExpectations): Promise<Diagnostic[]> {
  const problems: Diagnostic[] = [];
  const tree = parser.parse(markdown) as Root;
  let codeBlocks = 0;
  let snippetTags = 0;
  walk(tree, (node) => {
    if (node.type === "html" && node.value.startsWith("<snippet ")) snippetTags++;
    if (node.type === "code") {
      codeBlocks++;
      if (!expected.snippets.has(node.value + "\n")) {
        const start = node.position?.start;
        problems.push({
          file,
          ...(start ? { position: { line: start.line, column: start.column } } : {}),
          reason: "a code block is not exactly one of the rendered snippets: a snippet broke out of its fence or a template adds code",
          ruleId: "page-code-blocks",
        });
      }
    }
    if (node.type === "table") {
      const table = node as Table;
      const width = table.children[0]?.children.length ?? 0;
      table.children.forEach((row, index) => {
        if (row.children.length !== width) {
          const start = row.position?.start;
          problems.push({
            file,
            ...(start ? { position: { line: start.line, column: start.column } } : {}),
            reason: `table row ${index} has ${row.children.length} cells but the header has ${width}`,
            ruleId: "page-table",
          });
        }
      });
    }
  });
  if (codeBlocks !== snippetTags) {
    problems.push({ file, reason: `the page has ${snippetTags} <snippet> tags but ${codeBlocks} code blocks`, ruleId: "page-code-blocks" });
  }
  if (expected.mdx) {
    try {
      await compile(markdown, { remarkPlugins: [remarkGfm] });
    } catch (error) {
      const place = error as { line?: number; column?: number; reason?: string; message?: string };
      problems.push({
        file,
        ...(place.line ? { position: { line: place.line, column: place.column ?? 1 } } : {}),
        reason: `the page does not compile as MDX: ${place.reason ?? place.message ?? String(error)}`,
        ruleId: "page-mdx",
      });
    }
  }
  return problems;
}
