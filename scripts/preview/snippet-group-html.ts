/**
 * One snippet group as HTML: a provider selector, tabs per language and per client, and one
 * panel per provider x language x client holding its snippet(s), each with a copy button, and
 * the client's reference line. The first panel is shown as served; assets/preview.js switches
 * panels and remembers the reader's choice.
 */
import type { Element, ElementContent } from "hast";
import type { Paragraph } from "mdast";
import { LANGUAGES } from "../../snippets/languages/index.ts";
import { h } from "./hast.ts";
import type { SnippetGroup, SnippetPanel, SnippetVariant } from "./snippet-groups.ts";

export interface GroupRendering {
  /** Display names of providers by id; an id not listed is shown as is. */
  providerNames: ReadonlyMap<string, string>;
  highlight: (code: string, language: string) => Promise<Element>;
  /** The reference line (markdown) as HTML. */
  paragraph: (paragraph: Paragraph) => ElementContent[];
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

/** The language's own label (snippets/languages/<language>/language.ts), or its id when none is registered. */
function languageLabel(language: string): string {
  return LANGUAGES.find((definition) => definition.id === language)?.label ?? language;
}

function providerControl(providers: readonly string[], names: ReadonlyMap<string, string>): Element {
  const options = providers.map((provider, index) =>
    h("option", { value: provider, selected: index === 0 }, [names.get(provider) ?? provider]),
  );
  return h("label", { className: ["provider-picker"] }, [
    "Provider ",
    h("select", { className: ["provider-select"], disabled: providers.length < 2 }, options),
  ]);
}

function tab(label: string, selected: boolean, hidden: boolean, data: Record<string, string>): Element {
  return h("button", { type: "button", role: "tab", ariaSelected: selected ? "true" : "false", hidden, ...data }, [
    label,
  ]);
}

async function variantFigure(
  panel: SnippetPanel,
  variant: SnippetVariant,
  rendering: GroupRendering,
): Promise<Element> {
  const what = `${languageLabel(panel.language)} ${panel.client} snippet${variant.streaming ? " (streaming)" : ""}`;
  const caption: ElementContent[] = [];
  if (panel.variants.length > 1 || variant.streaming) {
    caption.push(h("span", { className: ["variant-label"] }, [variant.streaming ? "Streaming" : "Whole response"]));
  }
  caption.push(h("button", { type: "button", className: ["copy-button"], ariaLabel: `Copy the ${what}` }, ["Copy"]));
  const code = await rendering.highlight(variant.code.replace(/\n$/, ""), variant.fenceLanguage);
  return h(
    "figure",
    { className: ["snippet"], dataVariant: variant.streaming ? "streaming" : "default", dataSnippet: variant.code },
    [h("figcaption", {}, caption), code],
  );
}

async function panelElement(panel: SnippetPanel, shown: boolean, rendering: GroupRendering): Promise<Element> {
  const figures = await Promise.all(panel.variants.map((variant) => variantFigure(panel, variant, rendering)));
  const reference = panel.reference
    ? [h("div", { className: ["snippet-reference"] }, rendering.paragraph(panel.reference))]
    : [];
  return h(
    "div",
    {
      className: ["snippet-panel"],
      role: "tabpanel",
      hidden: !shown,
      dataProvider: panel.provider,
      dataLanguage: panel.language,
      dataClient: panel.client,
    },
    [...figures, ...reference],
  );
}

export async function snippetGroupElement(
  group: SnippetGroup,
  rendering: GroupRendering,
  other: ElementContent[],
): Promise<Element> {
  const first = group.panels[0];
  const providers = unique(group.panels.map((panel) => panel.provider));
  const languages = unique(group.panels.map((panel) => panel.language));
  const clientTabs = unique(group.panels.map((panel) => `${panel.language}\u0000${panel.client}`)).map((key) => {
    const [language = "", client = ""] = key.split("\u0000");
    return tab(client, language === first?.language && client === first?.client, language !== first?.language, {
      dataLanguage: language,
      dataClient: client,
    });
  });
  const controls = h("div", { className: ["snippet-controls"] }, [
    providerControl(providers, rendering.providerNames),
    h(
      "div",
      { className: ["tabs", "language-tabs"], role: "tablist", ariaLabel: "Language" },
      languages.map((language) =>
        tab(languageLabel(language), language === first?.language, false, { dataLanguage: language }),
      ),
    ),
    h("div", { className: ["tabs", "client-tabs"], role: "tablist", ariaLabel: "Client" }, clientTabs),
  ]);
  const panels = await Promise.all(group.panels.map((panel) => panelElement(panel, panel === first, rendering)));
  const notes = other.length > 0 ? [h("div", { className: ["snippet-notes"] }, other)] : [];
  return h("section", { className: ["snippet-group"], ariaLabel: "Code snippets" }, [controls, ...panels, ...notes]);
}
