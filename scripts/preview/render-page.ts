/**
 * A generated markdown page as HTML: unified (remark-parse + remark-gfm -> remark-rehype) with
 * the snippet groups rebuilt as tabs from the view data and the code highlighted. Raw HTML in the
 * markdown is never passed through: remark-rehype drops it (see snippet-groups.ts). Links are
 * kept only with safe schemes, and links between pages point at the preview's .html pages.
 */
import type { Element, ElementContent, Root as HastRoot } from "hast";
import type { Root as MdastRoot, RootContent } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import type { SnippetGroupView } from "../pages/view-model.ts";
import { h, textContent, visitElements } from "./hast.ts";
import { highlightCode } from "./highlight.ts";
import { snippetGroupElement, type GroupRendering } from "./snippet-group-html.ts";
import { extractSnippetGroups, SLOT_TAG } from "./snippet-groups.ts";

const parser = unified().use(remarkParse).use(remarkGfm);
const toHast = unified().use(remarkRehype);

export interface RenderedPage {
  /** The text of the page's first heading. */
  title: string;
  body: ElementContent[];
}

function elementContent(root: HastRoot): ElementContent[] {
  return root.children.filter((child): child is ElementContent => child.type !== "doctype");
}

function markdownToHast(children: RootContent[]): ElementContent[] {
  return elementContent(toHast.runSync({ type: "root", children }));
}

/**
 * The component style's page header is an MDX comment and its snippets are a component the docs
 * site renders: as plain markdown both would show as source text.
 */
function dropMdxOnlyContent(tree: MdastRoot): void {
  tree.children = tree.children.flatMap((node): RootContent[] => {
    const start = leadingText(node);
    if (start.startsWith("{/*")) return [];
    if (start.startsWith("<InferenceSnippet")) {
      return [
        {
          type: "paragraph",
          children: [{ type: "text", value: "(On the docs site, this task's code snippets appear here.)" }],
        },
      ];
    }
    return [node];
  });
}

function leadingText(node: RootContent): string {
  if (node.type === "html") return node.value;
  const first = node.type === "paragraph" ? node.children[0] : undefined;
  return first?.type === "text" || first?.type === "html" ? first.value : "";
}

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const SAFE_SCHEMES = new Set(["http", "https", "mailto"]);

/** `undefined` for a URL that could run script (javascript:, data:, ...). */
function safeUrl(url: string): string | undefined {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what a browser skips here
  const compact = url.replace(/[\u0000-\u0020]/g, "");
  const scheme = SCHEME.exec(compact)?.[1]?.toLowerCase();
  if (scheme !== undefined) return SAFE_SCHEMES.has(scheme) ? url : undefined;
  // A relative link between generated pages: tasks/x.md -> tasks/x.html.
  return url.replace(/^([^?#]*)\.md(?=[?#]|$)/, "$1.html");
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .trim()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

/** Heading ids as GitHub makes them, so `page.md#api-specification` links work. */
function addHeadingIds(root: HastRoot): void {
  const used = new Map<string, number>();
  visitElements(root, (element) => {
    if (!/^h[1-6]$/.test(element.tagName) || element.properties["id"] !== undefined) return;
    const base = slug(textContent(element));
    const count = used.get(base) ?? 0;
    used.set(base, count + 1);
    element.properties["id"] = count === 0 ? base : `${base}-${count}`;
  });
}

function secureLinks(root: HastRoot): void {
  visitElements(root, (element) => {
    const attribute = element.tagName === "a" ? "href" : element.tagName === "img" ? "src" : undefined;
    const value = attribute ? element.properties[attribute] : undefined;
    if (attribute === undefined || typeof value !== "string") return;
    const safe = safeUrl(value);
    if (safe === undefined) delete element.properties[attribute];
    else element.properties[attribute] = safe;
    if (element.tagName === "a" && safe !== undefined && SCHEME.test(safe))
      element.properties["rel"] = ["noopener", "noreferrer"];
  });
}

/** `snippetGroups`: the page's snippet groups as the pipeline rendered them (SiteFile.snippetGroups). */
export async function renderMarkdownPage(
  markdown: string,
  providerNames: ReadonlyMap<string, string>,
  snippetGroups: readonly SnippetGroupView[] = [],
): Promise<RenderedPage> {
  const tree = parser.parse(markdown);
  dropMdxOnlyContent(tree);
  const groups = extractSnippetGroups(tree, snippetGroups);
  const root = await toHast.run(tree);
  const rendering: GroupRendering = {
    providerNames,
    highlight: highlightCode,
    paragraph: (paragraph) => markdownToHast([paragraph]),
  };
  root.children = await Promise.all(
    root.children.map(async (child) => {
      if (child.type !== "element" || child.tagName !== SLOT_TAG) return child;
      const group = groups[Number(child.properties["dataSlot"])];
      return group ? snippetGroupElement(group, rendering, markdownToHast(group.other)) : h("div");
    }),
  );
  addHeadingIds(root);
  secureLinks(root);
  const heading = root.children.find(
    (child): child is Element => child.type === "element" && /^h[1-6]$/.test(child.tagName),
  );
  return { title: heading ? textContent(heading) : "Untitled page", body: elementContent(root) };
}
