/**
 * Finds the snippet groups of a page in its markdown tree. A group is the run of nodes between
 * `<inferencesnippet>` and `</inferencesnippet>`: `<snippet provider language client [variant]>`
 * tags, each followed by its code block, and "Reference: ..." paragraphs after each client.
 *
 * The tags are raw HTML to a markdown parser, and the preview never passes raw HTML through:
 * this module reads their attributes as data and replaces each group with a slot element, which
 * the page renderer fills with tabs built from that data.
 */
import type { Paragraph, Root, RootContent, ThematicBreak } from "mdast";

export interface SnippetVariant {
  streaming: boolean;
  /** The language of the code fence, for highlighting. */
  fenceLanguage: string;
  /** The snippet exactly as published: the code block's text and its final newline. */
  code: string;
}

/** Everything one provider shows for one client: the snippet(s) and the reference line. */
export interface SnippetPanel {
  provider: string;
  language: string;
  client: string;
  variants: SnippetVariant[];
  reference?: Paragraph;
}

export interface SnippetGroup {
  panels: SnippetPanel[];
  /** Anything else the template put inside the group, shown below the snippets. */
  other: RootContent[];
}

export const SLOT_TAG = "snippet-group-slot";

const GROUP_OPEN = /^<inferencesnippet>\s*$/i;
const GROUP_CLOSE = /^<\/inferencesnippet>\s*$/i;
const SNIPPET_OPEN = /^<snippet(\s[^>]*)?>\s*$/i;
const SNIPPET_CLOSE = /^<\/snippet>\s*$/i;
const ATTRIBUTE = /([A-Za-z][\w-]*)="([^"]*)"/g;

const NAMED_ENTITIES: Record<string, string> = { amp: "&", quot: '"', apos: "'", lt: "<", gt: ">" };

/** Attribute values are written with character references (see markdown-escape.ts attribute()). */
function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith("#x") || name.startsWith("#X")) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith("#")) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

export function snippetTagAttributes(tag: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const match of tag.matchAll(ATTRIBUTE))
    attributes[(match[1] as string).toLowerCase()] = decodeEntities(match[2] as string);
  return attributes;
}

function isHtml(node: RootContent | undefined, pattern: RegExp): boolean {
  return node?.type === "html" && pattern.test(node.value.trim());
}

function isReference(node: RootContent): node is Paragraph {
  const first = node.type === "paragraph" ? node.children[0] : undefined;
  return first?.type === "text" && first.value.startsWith("Reference:");
}

function readGroup(nodes: readonly RootContent[]): SnippetGroup {
  const group: SnippetGroup = { panels: [], other: [] };
  let openTag: Record<string, string> | undefined;
  let sinceReference = new Set<SnippetPanel>();
  for (const node of nodes) {
    if (node.type === "html" && SNIPPET_OPEN.test(node.value.trim())) {
      openTag = snippetTagAttributes(node.value);
    } else if (node.type === "code" && openTag) {
      const provider = openTag["provider"] ?? "";
      const language = openTag["language"] ?? node.lang ?? "";
      const client = openTag["client"] ?? "";
      let panel = group.panels.find(
        (candidate) =>
          candidate.provider === provider && candidate.language === language && candidate.client === client,
      );
      if (!panel) {
        panel = { provider, language, client, variants: [] };
        group.panels.push(panel);
      }
      panel.variants.push({
        streaming: openTag["variant"] === "streaming",
        fenceLanguage: node.lang ?? language,
        code: node.value + "\n",
      });
      sinceReference.add(panel);
      openTag = undefined;
    } else if (isReference(node) && sinceReference.size > 0) {
      for (const panel of sinceReference) panel.reference = node;
      sinceReference = new Set();
    } else if (node.type === "html") {
      // `</snippet>` closes a tag we already used; any other raw HTML is dropped, never shown as markup.
      if (!SNIPPET_CLOSE.test(node.value.trim())) continue;
    } else {
      group.other.push(node);
    }
  }
  return group;
}

function slot(index: number): ThematicBreak {
  return { type: "thematicBreak", data: { hName: SLOT_TAG, hProperties: { dataSlot: String(index) } } };
}

/** Replaces every top-level group of `tree` with a slot element and returns the groups, in order. */
export function extractSnippetGroups(tree: Root): SnippetGroup[] {
  const groups: SnippetGroup[] = [];
  const children: RootContent[] = [];
  for (let index = 0; index < tree.children.length; index++) {
    const node = tree.children[index] as RootContent;
    if (!isHtml(node, GROUP_OPEN)) {
      children.push(node);
      continue;
    }
    let end = index + 1;
    while (end < tree.children.length && !isHtml(tree.children[end], GROUP_CLOSE)) end++;
    groups.push(readGroup(tree.children.slice(index + 1, end)));
    children.push(slot(groups.length - 1));
    index = end;
  }
  tree.children = children;
  return groups;
}
