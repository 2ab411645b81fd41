/**
 * The preview's page renderer: snippet groups become tabs built from data, and nothing from the
 * specs can become markup (raw HTML is dropped, text and attributes are escaped, unsafe links lose
 * their target).
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { toHtml } from "../../scripts/preview/hast.ts";
import { renderMarkdownPage } from "../../scripts/preview/render-page.ts";
import { codeFence, attribute } from "../../scripts/pages/markdown-escape.ts";
import type { SnippetGroupView } from "../../scripts/pages/view-model.ts";
import type { Language } from "../../snippets/clients/types.ts";
import { loadConfig } from "../../scripts/config/config.ts";
import { buildSite } from "../../scripts/pipeline/build-site.ts";
import { tinyProject } from "../reliability/fixture.ts";

const NAMES = new Map([
  ["groq", "Groq"],
  ["hf-inference", "HF Inference"],
]);

async function render(markdown: string, groups: readonly SnippetGroupView[] = []): Promise<string> {
  return toHtml((await renderMarkdownPage(markdown, NAMES, groups)).body);
}

interface Written {
  provider: string;
  language: Language;
  client: string;
  code: string;
  streaming?: boolean;
}

/** A group's markdown as the built-in partials write it, and the view data it is written from. */
function groupOf(
  snippets: readonly Written[],
  referenceLabel = "Reference:",
): { markdown: string; view: SnippetGroupView } {
  const view: SnippetGroupView = [];
  let markdown = "<inferencesnippet>\n\n";
  snippets.forEach((written, index) => {
    let provider = view.find((candidate) => candidate.id === written.provider);
    if (!provider) {
      provider = { id: written.provider, languages: [] };
      view.push(provider);
    }
    let language = provider.languages.find((candidate) => candidate.language === written.language);
    if (!language) {
      language = { language: written.language, clients: [] };
      provider.languages.push(language);
    }
    const referenceUrl = `https://example.test/${written.client}`;
    let client = language.clients.find((candidate) => candidate.client === written.client);
    if (!client) {
      client = { client: written.client, referenceUrl, snippets: [] };
      language.clients.push(client);
    }
    const code = written.code + "\n";
    const tag = `<snippet provider="${attribute(written.provider)}" language="${written.language}" client="${written.client}"`;
    client.snippets.push({ stream: written.streaming === true, code, fenceLanguage: written.language });
    markdown += `${tag}${written.streaming ? ' variant="streaming"' : ""}>\n\n${codeFence(written.language, code)}\n\n</snippet>\n\n`;
    const next = snippets[index + 1];
    if (next?.provider !== written.provider || next.client !== written.client)
      markdown += `${referenceLabel} [${written.client}'s manual](${referenceUrl}).\n\n`;
  });
  return { markdown: markdown + "</inferencesnippet>\n", view };
}

const { markdown: GROUP_MARKDOWN, view: GROUP_VIEW } = groupOf([
  { provider: "groq", language: "sh", client: "curl", code: "curl https://example.test" },
  { provider: "groq", language: "sh", client: "curl", code: "curl -N https://example.test", streaming: true },
  { provider: "groq", language: "python", client: "requests", code: "import requests\nprint('a <b> & \"c\"')" },
  { provider: "hf-inference", language: "python", client: "requests", code: "import requests  # hf" },
]);
const GROUP = `## Chat\n\n${GROUP_MARKDOWN}\nAfter the group.\n`;

describe("renderMarkdownPage", () => {
  it("turns a snippet group into a provider selector, language and client tabs, and one panel per provider x language x client", async () => {
    const html = await render(GROUP, [GROUP_VIEW]);
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
      /data-client="curl">(?:(?!snippet-panel).)*Reference: <a href="https:\/\/example\.test\/curl" rel="noopener noreferrer">curl's manual<\/a>/s,
    );
    expect(html).toContain("<p>After the group.</p>");
  });

  it("gives the copy button exactly the snippet text, escaped as an attribute", async () => {
    const html = await render(GROUP, [GROUP_VIEW]);
    expect(html).toContain(`data-snippet="import requests\nprint(&#x27;a <b> &#x26; &#x22;c&#x22;&#x27;)\n"`);
  });

  it("highlights the code with shiki", async () => {
    const html = await render(GROUP, [GROUP_VIEW]);
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
    const { markdown, view } = groupOf([
      {
        provider: 'a"><script>x()</script>',
        language: "sh",
        client: "curl",
        code: 'echo "</pre></figure><script>alert(1)</script>"',
      },
    ]);
    const html = await render(markdown, [view]);
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

  it("renders a built page with one panel per provider x language x client on it", async () => {
    const { page, markdown } = await builtTaskPage();
    const html = toHtml(page.body);
    const tags = new Set(
      [...markdown.matchAll(/<snippet provider="([^"]+)" language="([^"]+)" client="([^"]+)"/g)].map((match) =>
        match.slice(1).join("/"),
      ),
    );
    expect(page.title).toBe("Text Classification");
    expect(tags.size).toBeGreaterThan(1);
    expect(html.match(/class="snippet-panel"/g)).toHaveLength(tags.size);
    expect(html).not.toContain("This file is generated");
  });

  it("keeps its tabs when a template rewords the reference line, and shows the new words", async () => {
    const partial = (text: string) => text.replace("Reference: ", "Read more in ");
    const { page, markdown } = await builtTaskPage(partial);
    expect(markdown).not.toContain("Reference:");
    const html = toHtml(page.body);
    const panels = html.match(/class="snippet-panel"/g) ?? [];
    expect(panels.length).toBeGreaterThan(1);
    expect(html.match(/role="tab"/g)?.length).toBeGreaterThan(1);
    const references = html.match(/<div class="snippet-reference"><p>Read more in <a /g) ?? [];
    expect(references).toHaveLength(panels.length);
    expect(html).not.toContain(`<div class="snippet-notes">`);
  });
});

/** The text-classification page of a tiny project, built by the pipeline, as the preview renders it. */
async function builtTaskPage(editPartial?: (text: string) => string) {
  const root = tinyProject({ clients: ["sh/curl", "python/requests", "js/fetch"] });
  try {
    if (editPartial) {
      const file = path.join(root, "templates/partials/provider-snippets.hbs");
      writeFileSync(file, editPartial(readFileSync(file, "utf8")));
    }
    const site = await buildSite(loadConfig(root), { deferPageChecks: true });
    const file = site.files.find((candidate) => candidate.path === "tasks/text-classification.md");
    if (!file) throw new Error("the tiny project has a text-classification page");
    const names = new Map(site.specs.providers.map((provider) => [provider.id, provider.displayName]));
    return { page: await renderMarkdownPage(file.content, names, file.snippetGroups), markdown: file.content };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
