/**
 * A page's snippet groups, from the view data the page was rendered with (SiteFile.snippetGroups:
 * provider -> language -> client -> snippets), not from the page's text. In the markdown a group
 * is the run of nodes between `<inferencesnippet>` and `</inferencesnippet>`, the markers the
 * snippet-block partial writes; the n-th run is the n-th use of that partial. Each run is
 * replaced with a slot element that the page renderer fills with tabs built from the data.
 *
 * What the template wrote inside a group besides the snippets is kept in its own words: a
 * paragraph linking to a client's reference is shown in that client's panels, anything else
 * below the tabs. Raw HTML is never passed through.
 */
import type { Link, Paragraph, Root, RootContent, ThematicBreak } from "mdast";
import type { SnippetGroupView } from "../pages/view-model.ts";

export interface SnippetVariant {
  streaming: boolean;
  /** The language of the code fence, for highlighting. */
  fenceLanguage: string;
  /** The snippet exactly as published, with its final newline. */
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

function isHtml(node: RootContent | undefined, pattern: RegExp): boolean {
  return node?.type === "html" && pattern.test(node.value.trim());
}

function linkTargets(paragraph: Paragraph): string[] {
  return paragraph.children.filter((child): child is Link => child.type === "link").map((link) => link.url);
}

/** The group's panels from its view data, with the template's reference lines matched by their link. */
function groupFromView(view: SnippetGroupView, nodes: readonly RootContent[]): SnippetGroup {
  const referenceUrls = new Set(
    view.flatMap((provider) => provider.languages.flatMap((language) => language.clients.map((c) => c.referenceUrl))),
  );
  const references = new Map<string, Paragraph>();
  const other: RootContent[] = [];
  for (const node of nodes) {
    // The snippet tags and their code blocks are what the data describes; other raw HTML is dropped.
    if (node.type === "html" || node.type === "code") continue;
    const target = node.type === "paragraph" ? linkTargets(node).find((url) => referenceUrls.has(url)) : undefined;
    if (node.type === "paragraph" && target !== undefined) {
      if (!references.has(target)) references.set(target, node);
    } else other.push(node);
  }
  const panels = view.flatMap((provider) =>
    provider.languages.flatMap((language) =>
      language.clients.map((client): SnippetPanel => {
        const reference = references.get(client.referenceUrl);
        return {
          provider: provider.id,
          language: language.language,
          client: client.client,
          variants: client.snippets.map((snippet) => ({
            streaming: snippet.stream,
            fenceLanguage: snippet.fenceLanguage,
            code: snippet.code,
          })),
          ...(reference ? { reference } : {}),
        };
      }),
    ),
  );
  return { panels, other };
}

function slot(index: number): ThematicBreak {
  return { type: "thematicBreak", data: { hName: SLOT_TAG, hProperties: { dataSlot: String(index) } } };
}

/**
 * Replaces every top-level group of `tree` with a slot element and returns the groups, in order,
 * built from `views` (one per group on the page). A group without view data shows no tabs.
 */
export function extractSnippetGroups(tree: Root, views: readonly SnippetGroupView[]): SnippetGroup[] {
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
    groups.push(groupFromView(views[groups.length] ?? [], tree.children.slice(index + 1, end)));
    children.push(slot(groups.length - 1));
    index = end;
  }
  tree.children = children;
  return groups;
}
