/**
 * Syntax highlighting with shiki, as hast (never as an HTML string). One highlighter for the
 * process, and highlighted blocks are kept by language and text: most snippets are the same from
 * one rebuild to the next, and a page holds dozens of them. Cached blocks are shared between
 * pages, so callers must not modify the returned element.
 */
import type { Element } from "hast";
import { createHighlighter, type Highlighter } from "shiki";
import { LANGUAGES as SNIPPET_LANGUAGES } from "../../snippets/languages/index.ts";
import { BoundedMemo } from "../lib/bounded-memo.ts";
import { h } from "./hast.ts";

const THEME = "github-light";
const LANGUAGES = [...SNIPPET_LANGUAGES.map((language) => language.highlight), "json"];

let highlighter: Promise<Highlighter> | undefined;
const highlighted = new BoundedMemo<string, Element>(5_000);

/** Loads the grammars once; later calls share the same highlighter. */
export function loadHighlighter(): Promise<Highlighter> {
  highlighter ??= createHighlighter({ themes: [THEME], langs: LANGUAGES });
  return highlighter;
}

function plainBlock(code: string): Element {
  return h("pre", { className: ["plain"] }, [h("code", {}, [code])]);
}

/** A `<pre>` holding `code` highlighted as `language` (an unknown language is shown plain). */
export async function highlightCode(code: string, language: string): Promise<Element> {
  const key = `${language}\u0000${code}`;
  const cached = highlighted.get(key);
  if (cached) return cached;
  const shiki = await loadHighlighter();
  const known = shiki.getLoadedLanguages().includes(language);
  const root = known ? shiki.codeToHast(code, { lang: language, theme: THEME }) : undefined;
  const pre =
    root?.children.find((child): child is Element => child.type === "element" && child.tagName === "pre") ??
    plainBlock(code);
  highlighted.set(key, pre);
  return pre;
}
