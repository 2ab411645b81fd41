/**
 * Page validation reads snippet text line by line and parses only the page skeleton as markdown.
 * These tests show that every check still catches what it caught when the whole page was parsed:
 * a snippet breaking out of its fence, a table row with a cell too many, a code block added by a
 * template, a fence inside HTML, an unclosed fence. The property test compares the verdict with
 * an independent oracle: remark + GFM parsing the whole page, as the validator once did.
 */
import fc from "fast-check";
import type { Root, RootContent } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import { closesFence, fenceClosableBy, markdownLines, scanFencedBlocks } from "../../scripts/pages/code-fences.ts";
import { codeFence } from "../../scripts/pages/markdown-escape.ts";
import { readSkeleton, shortSkeletonOf, validatePage } from "../../scripts/pages/validate-page.ts";

const SNIPPET = 'curl https://example.test \\\n    -d \'{"inputs": "a | b"}\'\n';
const TABLE = "| name | type |\n| --- | --- |\n| **inputs** | _string_ |\n";

function block(code: string, fence = codeFence("sh", code)): string {
  return `<snippet provider="p" language="sh" client="curl">\n\n${fence}\n\n</snippet>\n`;
}

async function problems(page: string, snippets: string[] = [SNIPPET]) {
  return validatePage("page.md", page, { snippets: new Set(snippets), mdx: false });
}

describe("page validation", () => {
  it("accepts a page whose code blocks are the snippets and whose tables are whole", async () => {
    expect(await problems(`# Title\n\n${TABLE}\n${block(SNIPPET)}\nReference: [x](https://x.test).\n`)).toEqual([]);
  });

  it("catches a table row with more cells than its header, with its line", async () => {
    const found = await problems(`# Title\n\n${TABLE}| a | b | c |\n\n${block(SNIPPET)}`);
    expect(found).toEqual([
      expect.objectContaining({
        ruleId: "page-table",
        position: { line: 6, column: 1 },
        reason: "table row 2 has 3 cells but the header has 2",
      }),
    ]);
  });

  it("places a problem after a long snippet on the page's own line (the short skeleton drops lines)", async () => {
    const long = "echo 1\necho 2\necho 3\necho 4\necho 5\n";
    // Lines 1-2 title, 3-13 the block (fence content on lines 6-10), 14 blank, then the table.
    const found = await problems(`# T\n\n${block(long)}\n${TABLE}| a | b | c |\n`, [long]);
    expect(found).toEqual([expect.objectContaining({ ruleId: "page-table", position: { line: 18, column: 1 } })]);
  });

  it("catches a snippet that closes its own fence, and says so", async () => {
    const hostile = "echo one\n```\n# now markdown\n| a | b |\n";
    const found = await problems(`# T\n\n${block(hostile, "```sh\n" + hostile + "```")}`, [hostile]);
    expect(found.map((problem) => problem.ruleId)).toContain("page-code-blocks");
    expect(found.map((problem) => problem.reason).join("\n")).toMatch(/holds a line that closes its fence/);
  });

  it('tells an empty block from a block of one empty line (markdown gives both the value "")', async () => {
    // The first snippet closes its fence at once; the rest of it hides in an HTML block. The empty
    // block left is not the one-empty-line snippet shown after it, though mdast reads both as "".
    const hostile = "```\n<div>\n```\n";
    const page = `${block(hostile, "```sh\n" + hostile + "```")}\n${block("\n", "```sh\n\n```")}`;
    const found = await problems(page, [hostile, "\n"]);
    expect(found.map((problem) => problem.reason).join("\n")).toMatch(/holds a line that closes its fence/);
  });

  it("catches a code block a template adds, fenced or indented", async () => {
    expect(
      (await problems(`# T\n\n${block(SNIPPET)}\n\`\`\`js\nconsole.log(1)\n\`\`\`\n`)).map(
        (problem) => problem.position?.line,
      ),
    ).toContain(12);
    const indented = await problems(`# T\n\n${block(SNIPPET)}\nText.\n\n    indented code\n`);
    expect(indented.map((problem) => `${problem.ruleId} ${problem.position?.line}`)).toContain("page-code-blocks 14");
  });

  it("catches a fence that markdown reads as HTML, and one never closed", async () => {
    const inHtml = `<snippet provider="p" language="sh" client="curl">\n${codeFence("sh", SNIPPET)}\n</snippet>\n`;
    expect((await problems(inHtml)).map((problem) => problem.reason).join("\n")).toMatch(/not read as a code block/);
    const open = await problems(`# T\n\n<snippet provider="p" language="sh" client="curl">\n\n\`\`\`sh\n${SNIPPET}`);
    expect(open.map((problem) => problem.reason).join("\n")).toMatch(/never closed/);
  });

  it("counts a <snippet> tag read as text inside a paragraph or a table cell", async () => {
    const tag = '<snippet provider="q" language="sh" client="curl">';
    for (const page of [
      `# T\n\nSee ${tag} here.\n\n${block(SNIPPET)}`,
      `# T\n\n| a | b |\n| --- | --- |\n| ${tag} | x |\n\n${block(SNIPPET)}`,
    ]) {
      expect(await problems(page)).toEqual([
        expect.objectContaining({ reason: "the page has 2 <snippet> tags but 1 code blocks" }),
      ]);
    }
  });

  it("uses a skeleton read ahead only for a page with the very same skeleton", async () => {
    const draft = `# T\n\n${TABLE}\n${block(SNIPPET)}`;
    const final = `# T\n\n${TABLE}| a | b | c |\n\n${block(SNIPPET)}`;
    const readings = new Map([[shortSkeletonOf(draft), readSkeleton(shortSkeletonOf(draft))]]);
    const expected = { snippets: new Set([SNIPPET]), mdx: false, readings };
    expect(await validatePage("page.md", draft, expected)).toEqual([]);
    expect((await validatePage("page.md", final, expected)).map((problem) => problem.ruleId)).toEqual(["page-table"]);
  });

  it("counts <snippet> tags against code blocks", async () => {
    const found = await problems(
      `# T\n\n${block(SNIPPET)}\n<snippet provider="q" language="sh" client="curl">\n\n</snippet>\n`,
    );
    expect(found).toEqual([expect.objectContaining({ reason: "the page has 2 <snippet> tags but 1 code blocks" })]);
  });
});

/** Code that tries to break out of fences: backtick and tilde runs, indentation, table and HTML lines. */
const hostileCode = fc
  .array(
    fc.constantFrom(
      "```",
      "````",
      "~~~",
      "   ```",
      "    ```",
      "``` x",
      "`",
      "| a | b |",
      "<div>",
      "",
      " ",
      "x",
      "\t```",
      "```\r",
    ),
    { minLength: 1, maxLength: 6 },
  )
  .map((lines) => lines.join("\n") + "\n");

describe("code fences", () => {
  it("codeFence picks a fence that no line of the code closes, and the scan gives the code back", () => {
    fc.assert(
      fc.property(hostileCode, (code) => {
        const fenced = codeFence("sh", code);
        const marker = /^`+/.exec(fenced)?.[0] ?? "";
        expect(fenceClosableBy(marker, code)).toBe(false);
        const blocks = scanFencedBlocks(markdownLines(fenced));
        expect(blocks).toHaveLength(1);
        // The line ending before the closing fence belongs to the fence.
        expect(blocks[0]?.content).toBe(code.replace(/(\r\n|\r|\n)$/, "\n"));
      }),
      { numRuns: 300 },
    );
  });

  it("closes a fence only with a run of the same character at least as long", () => {
    expect(closesFence("````", "```")).toBe(false);
    expect(closesFence("```", "~~~")).toBe(false);
    expect(closesFence("```", "   `````  ")).toBe(true);
    expect(closesFence("```", "    ```")).toBe(false);
    expect(closesFence("```", "``` x")).toBe(false);
  });
});

const wholePageParser = unified().use(remarkParse).use(remarkGfm);

/**
 * The oracle: the whole page parsed as GFM holds the snippets placed on it, each its own code block,
 * in order, and as many <snippet> tags. (Only "some snippet" per block would miss a snippet that
 * broke out of its fence where the part left in the block happens to be another snippet.)
 */
function wholePageVerdict(page: string, placed: readonly string[]): boolean {
  const found: string[] = [];
  let tags = 0;
  const visit = (node: Root | RootContent): void => {
    if (node.type === "code") {
      // A block's text is its value and a newline, but a block of no lines is "": its fences are adjacent.
      const lines = (node.position?.end.line ?? 0) - (node.position?.start.line ?? 0);
      found.push(node.value === "" && lines <= 1 ? "" : node.value + "\n");
    }
    if (node.type === "html" && node.value.startsWith("<snippet ")) tags++;
    if ("children" in node) node.children.forEach(visit);
  };
  visit(wholePageParser.parse(page) as Root);
  return (
    tags === found.length && found.length === placed.length && found.every((text, index) => text === placed[index])
  );
}

/** Each table row's cell count against the header's, as remark + GFM read the whole page. */
function wholePageTableVerdict(page: string): boolean {
  let whole = true;
  const visit = (node: Root | RootContent): void => {
    if (node.type === "table") {
      const width = node.children[0]?.children.length ?? 0;
      if (node.children.some((row) => row.children.length !== width)) whole = false;
    }
    if ("children" in node) node.children.forEach(visit);
  };
  visit(wholePageParser.parse(page) as Root);
  return whole;
}

describe("the skeleton reading agrees with parsing the whole page", () => {
  it("finds a table row of the wrong width exactly when the whole-page parse does", async () => {
    // Cell text that may or may not split a cell: escaped pipes, pipes in code spans, HTML, links.
    const cell = fc
      .array(fc.constantFrom("a", "\\|", "`x|y`", "`x\\|y`", "|", "<b>|</b>", "[l|k](u)", "**b**", " ", "\\"), {
        maxLength: 4,
      })
      .map((parts) => parts.join(""));
    const row = fc.array(cell, { minLength: 1, maxLength: 3 }).map((cells) => `| ${cells.join(" | ")} |\n`);
    await fc.assert(
      fc.asyncProperty(fc.array(row, { maxLength: 3 }), async (rows) => {
        const page = `# T\n\n| h | i |\n| --- | --- |\n${rows.join("")}\n${block(SNIPPET)}`;
        const found = await problems(page);
        expect(found.some((problem) => problem.ruleId === "page-table")).toBe(!wholePageTableVerdict(page));
      }),
      { numRuns: 200 },
    );
  });

  it("finds a code block problem exactly when the whole-page parse does", async () => {
    const part = fc.oneof(
      hostileCode.map((code) => ({ code, text: block(code) })),
      hostileCode.map((code) => ({ code, text: block(code, "```sh\n" + code + "```") })),
      fc
        .constantFrom(
          "# Heading\n",
          "Some text.\n",
          TABLE,
          "<div>\n",
          "- item\n",
          "> quote\n",
          "",
          'Text with <snippet provider="p" language="sh" client="curl"> inside.\n',
          '| `<snippet provider="p">` | <snippet provider="p"> |\n| --- | --- |\n',
        )
        .map((text) => ({ code: undefined, text })),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(part, { maxLength: 5 }), async (parts) => {
        const page = parts.map((item) => item.text).join("\n");
        const placed = parts.flatMap((item) => (item.code === undefined ? [] : [item.code]));
        const found = await validatePage("page.md", page, { snippets: new Set(placed), mdx: false });
        const codeProblems = found.filter((problem) => problem.ruleId === "page-code-blocks");
        expect(codeProblems.length === 0).toBe(wholePageVerdict(page, placed));
      }),
      { numRuns: 200 },
    );
  });
});
