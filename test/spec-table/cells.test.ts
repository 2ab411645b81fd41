import { compile } from "@mdx-js/mdx";
import fc from "fast-check";
import type { Root, Table, TableCell } from "mdast";
import { toString } from "mdast-util-to-string";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import { codeSpan, escapeCellMarkdown, escapeCellText } from "../../scripts/spec-table/cells.ts";
import { markdownTable } from "../../scripts/spec-table/markdown.ts";

const parser = unified().use(remarkParse).use(remarkGfm);

function parseTable(markdown: string): Table {
  const tree = parser.parse(markdown) as Root;
  expect(tree.children).toHaveLength(1);
  const table = tree.children[0];
  if (table?.type !== "table") throw new Error(`expected a table, got ${table?.type}:\n${markdown}`);
  return table;
}

function cellsOf(table: Table): TableCell[][] {
  return table.children.map((row) => row.children);
}

function hasNode(node: { type: string; children?: unknown[] }, types: readonly string[]): boolean {
  if (types.includes(node.type)) return true;
  return (node.children ?? []).some((child) => hasNode(child as { type: string; children?: unknown[] }, types));
}

/** Strings rich in the characters that break tables, HTML, MDX and markdown. */
const hostile = fc.oneof(
  fc.string({
    unit: fc.constantFrom(
      "|",
      "\\",
      "`",
      "<",
      ">",
      "{",
      "}",
      "&",
      "*",
      "_",
      "[",
      "]",
      "(",
      ")",
      "~",
      "#",
      "!",
      "\n",
      "\r",
      " ",
      "a",
      "é",
      "😀",
      ":",
      "-",
    ),
  }),
  fc.string({ unit: "grapheme" }),
  fc.string(),
);

describe("escapeCellText", () => {
  it("shows any text literally in exactly one cell, with no HTML or JSX", () => {
    fc.assert(
      fc.property(hostile, hostile, (first, second) => {
        const table = parseTable(markdownTable(["Name", "Value"], [[escapeCellText(first), escapeCellText(second)]]));
        const rows = cellsOf(table);
        expect(rows).toHaveLength(2);
        expect(rows[1]).toHaveLength(2);
        // A cell loses leading and trailing spaces and tabs (only those: not other Unicode spaces).
        const normalise = (text: string) => text.replace(/\s*[\r\n]+\s*/g, " ").replace(/^[ \t]+|[ \t]+$/g, "");
        expect(toString(rows[1]?.[0])).toBe(normalise(first));
        expect(toString(rows[1]?.[1])).toBe(normalise(second));
        // No markup changes what is shown. A bare address or URL may become a link showing the same
        // text: remark-gfm also finds them in text after decoding, so no escaping prevents it.
        expect(hasNode(table, ["html", "emphasis", "strong", "delete", "inlineCode"])).toBe(false);
      }),
      { numRuns: 400 },
    );
  });
});

describe("escapeCellText and bare links", () => {
  it("shows an address, a URL and a www. name with the same text, linked or not", () => {
    // The first was found by the property above: GFM reads "+@.A" as an email address.
    for (const text of [
      "+@.A",
      "user@example.com",
      "mailto:user@example.com",
      "https://example.com/a",
      "www.example.com",
    ]) {
      const table = parseTable(markdownTable(["Name", "Value"], [[escapeCellText(text), "x"]]));
      expect(toString(cellsOf(table)[1]?.[0]), text).toBe(text);
      expect(hasNode(table, ["html", "emphasis", "strong", "delete", "inlineCode"]), text).toBe(false);
    }
  });
});

describe("escapeCellMarkdown", () => {
  it("keeps one cell per column and never yields HTML", () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const table = parseTable(markdownTable(["A", "B", "C"], [["x", escapeCellMarkdown(text), "y"]]));
        const rows = cellsOf(table);
        expect(rows[1]).toHaveLength(3);
        expect(toString(rows[1]?.[0])).toBe("x");
        expect(toString(rows[1]?.[2])).toBe("y");
        expect(hasNode(table, ["html"])).toBe(false);
      }),
      { numRuns: 400 },
    );
  });

  it("compiles as MDX whatever the description holds", async () => {
    const samples = fc.sample(hostile, { numRuns: 60, seed: 42 });
    samples.push(
      "<script>alert(1)</script>",
      "{process.exit(1)}",
      "a | b",
      "`a|b` and `{x}`",
      "x\\",
      "``` `` ```",
      "<Tip>",
      "export const a = 1",
    );
    for (const text of samples) {
      const markdown = markdownTable(["A", "B"], [[escapeCellText(text), escapeCellMarkdown(text)]]);
      await expect(compile(markdown, { remarkPlugins: [remarkGfm] }), markdown).resolves.toBeDefined();
    }
  });

  it("keeps links, emphasis and code spans", () => {
    const cell = escapeCellMarkdown("See [the paper](https://example.com/a_b), *really*, and `top_k | <b>`.");
    const table = parseTable(markdownTable(["A"], [[cell]]));
    expect(hasNode(table, ["link"])).toBe(true);
    expect(hasNode(table, ["emphasis"])).toBe(true);
    const code = (cellsOf(table)[1]?.[0]?.children ?? []).find((node) => node.type === "inlineCode");
    expect(code && "value" in code ? code.value : undefined).toBe("top_k | <b>");
  });

  it("turns HTML and expressions into text", () => {
    const table = parseTable(markdownTable(["A"], [[escapeCellMarkdown("<script>alert('x')</script> {danger}")]]));
    expect(toString(table.children[1])).toBe("<script>alert('x')</script> {danger}");
  });

  it("shows an unmatched backtick literally", () => {
    const table = parseTable(markdownTable(["A"], [[escapeCellMarkdown("a ` b")]]));
    expect(toString(table.children[1])).toBe("a ` b");
  });
});

describe("codeSpan", () => {
  it("round-trips code content through a table cell", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("|", "`", "a", " ", "<", "{", "\\", "x") }), (code) => {
        fc.pre(!/\\(?=\|)/.test(code) && code.trim() !== "");
        const table = parseTable(markdownTable(["A"], [[codeSpan(code)]]));
        const node = cellsOf(table)[1]?.[0]?.children[0];
        expect(node?.type).toBe("inlineCode");
        expect(node && "value" in node ? node.value : undefined).toBe(code);
      }),
      { numRuns: 400 },
    );
  });
});
