/**
 * The preview's page renderer: snippet groups become tabs built from data, and nothing from the
 * specs can become markup (raw HTML is dropped, text and attributes are escaped, unsafe links lose
 * their target).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { toHtml } from "../../scripts/preview/hast.ts";
import { renderMarkdownPage } from "../../scripts/preview/render-page.ts";
import { PROJECT_ROOT } from "../helpers/cli.ts";

const NAMES = new Map([
  ["groq", "Groq"],
  ["hf-inference", "HF Inference"],
]);

async function render(markdown: string): Promise<string> {
  return toHtml((await renderMarkdownPage(markdown, NAMES)).body);
}

function snippet(provider: string, language: string, client: string, code: string, streaming = false): string {
  const fence = language === "sh" ? "sh" : language;
  return `<snippet provider="${provider}" language="${language}" client="${client}"${streaming ? ' variant="streaming"' : ""}>\n\n\`\`\`${fence}\n${code}\n\`\`\`\n\n</snippet>\n\n`;
}

const GROUP = [
  "## Chat\n\n<inferencesnippet>\n\n",
  snippet("groq", "sh", "curl", "curl https://example.test"),
  snippet("groq", "sh", "curl", "curl -N https://example.test", true),
  "Reference: [curl's manual](https://curl.se/docs/manpage.html).\n\n",
  snippet("groq", "python", "requests", "import requests\nprint('a <b> & \"c\"')"),
  "Reference: [requests](https://requests.readthedocs.io/).\n\n",
  snippet("hf-inference", "python", "requests", "import requests  # hf"),
  "Reference: [requests](https://requests.readthedocs.io/).\n\n",
  "</inferencesnippet>\n\nAfter the group.\n",
].join("");

describe("renderMarkdownPage", () => {
  it("turns a snippet group into a provider selector, language and client tabs, and one panel per provider x language x client", async () => {
    const html = await render(GROUP);
    expect(html).not.toContain("<snippet");
    expect(html).not.toContain("inferencesnippet");
    expect(html.match(/<section class="snippet-group"/g)).toHaveLength(1);
    expect(html).toContain(
      '<option value="groq" selected>Groq</option><option value="hf-inference">HF Inference</option>',
    );
    expect(html).toMatch(
      /<button type="button" role="tab" aria-selected="true" data-language="sh">Shell<\/button><button type="button" role="tab" aria-selected="false" data-language="python">Python<\/button>/,
    );
    expect(html).toContain('data-language="python" data-client="requests">requests</button>');
    const panels = [
      ...html.matchAll(
        /<div class="snippet-panel" role="tabpanel"( hidden)? data-provider="([^"]+)" data-language="([^"]+)" data-client="([^"]+)"/g,
      ),
    ].map((match) => `${match[1] ? "hidden " : ""}${match[2]}/${match[3]}/${match[4]}`);
    expect(panels).toEqual(["groq/sh/curl", "hidden groq/python/requests", "hidden hf-inference/python/requests"]);
    // Both variants of curl sit in its panel, each with a copy button, followed by its reference line.
    expect(html.match(/class="copy-button"/g)).toHaveLength(4);
    expect(html).toContain('<span class="variant-label">Streaming</span>');
    expect(html).toMatch(
      /data-client="curl">(?:(?!snippet-panel).)*<a href="https:\/\/curl\.se\/docs\/manpage\.html" rel="noopener noreferrer">curl's manual<\/a>/s,
    );
    expect(html).toContain("<p>After the group.</p>");
  });

  it("gives the copy button exactly the snippet text, escaped as an attribute", async () => {
    const html = await render(GROUP);
    expect(html).toContain(`data-snippet="import requests\nprint(&#x27;a <b> &#x26; &#x22;c&#x22;&#x27;)\n"`);
  });

  it("highlights the code with shiki", async () => {
    const html = await render(GROUP);
    expect(html).toMatch(/<pre class="shiki github-light"/);
  });

  it("shows escaped spec text as text and drops raw HTML", async () => {
    const markdown = [
      "## Task",
      "",
      "A description with &lt;script&gt;alert(1)&lt;/script&gt; in it.",
      "",
      "<script>alert(2)</script>",
      "",
      'Inline <img src="x" onerror="alert(3)"> html and <b onclick="alert(4)">bold</b>.',
      "",
      '<div onmouseover="alert(5)">block</div>',
      "",
    ].join("\n");
    const html = await render(markdown);
    expect(html).toContain("A description with &#x3C;script>alert(1)&#x3C;/script> in it.");
    expect(html).not.toMatch(/<script|<img|onerror|onclick|onmouseover|<div/i);
  });

  it("escapes snippet tag attributes and code that try to close their elements", async () => {
    const markdown = [
      "<inferencesnippet>",
      "",
      '<snippet provider="a&quot;&gt;&lt;script&gt;x()&lt;/script&gt;" language="sh" client="curl">',
      "",
      "```sh",
      'echo "</pre></figure><script>alert(1)</script>"',
      "```",
      "",
      "</snippet>",
      "",
      "</inferencesnippet>",
    ].join("\n");
    const html = await render(markdown);
    // Inside a double-quoted attribute only `"` and `&` end or change the value, and both are escaped.
    const outsideAttributes = html.replace(/="[^"]*"/g, '=""');
    expect(outsideAttributes).not.toMatch(/<script/i);
    expect(html).toContain('data-provider="a&#x22;><script>x()</script>"');
    expect(html).toContain('>a">&#x3C;script>x()&#x3C;/script></option>');
    expect(html).toContain('data-snippet="echo &#x22;</pre></figure><script>alert(1)</script>&#x22;\n"');
  });

  it("keeps only safe links and points links between pages at the preview's .html pages", async () => {
    const html = await render(
      "[bad](javascript:alert(1)) [worse](JaVaScRiPt:alert(1)) [data](data:text/html,x) [page](../tasks/fill-mask.md#api-specification) [index](index.md) [site](https://example.test/a.md)",
    );
    expect(html).not.toMatch(/javascript:|data:text/i);
    expect(html).toContain("<a>bad</a> <a>worse</a> <a>data</a>");
    expect(html).toContain('<a href="../tasks/fill-mask.html#api-specification">page</a>');
    expect(html).toContain('<a href="index.html">index</a>');
    expect(html).toContain('<a href="https://example.test/a.md" rel="noopener noreferrer">site</a>');
  });

  it("gives headings GitHub's ids so #fragment links work", async () => {
    const html = await render("## API specification\n\n### Request\n\n### Request\n");
    expect(html).toContain('<h2 id="api-specification">');
    expect(html).toContain('<h3 id="request">');
    expect(html).toContain('<h3 id="request-1">');
  });

  it("renders a generated page with one panel per provider x language x client on it", async () => {
    const markdown = readFileSync(path.join(PROJECT_ROOT, "generated/tasks/text-classification.md"), "utf8");
    const page = await renderMarkdownPage(markdown, NAMES);
    const html = toHtml(page.body);
    const tags = new Set(
      [...markdown.matchAll(/<snippet provider="([^"]+)" language="([^"]+)" client="([^"]+)"/g)].map((match) =>
        match.slice(1).join("/"),
      ),
    );
    expect(page.title).toBe("Text Classification");
    expect(html.match(/class="snippet-panel"/g)).toHaveLength(tags.size);
    expect(html).not.toContain("This file is generated");
  });
});
