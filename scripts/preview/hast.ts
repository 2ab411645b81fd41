/**
 * A few helpers to build HTML as hast trees. The preview never writes HTML as strings: every
 * text and attribute goes through the serializer, which escapes it, so nothing from the specs can
 * become markup.
 */
import type { Element, ElementContent, Properties, Root, RootContent, Text } from "hast";
import rehypeStringify from "rehype-stringify";
import { unified } from "unified";

export function text(value: string): Text {
  return { type: "text", value };
}

export function h(tagName: string, properties: Properties = {}, children: (ElementContent | string)[] = []): Element {
  return {
    type: "element",
    tagName,
    properties,
    children: children.map((child) => (typeof child === "string" ? text(child) : child)),
  };
}

const serializer = unified().use(rehypeStringify);

/** A whole document (`<!doctype html>` first) or a fragment, as HTML text. */
export function toHtml(nodes: Root | RootContent[]): string {
  const root: Root = Array.isArray(nodes) ? { type: "root", children: nodes } : nodes;
  return serializer.stringify(root);
}

/** Visits every element of a tree, parents before children. */
export function visitElements(node: Root | Element, visit: (element: Element) => void): void {
  for (const child of node.children) {
    if (child.type !== "element") continue;
    visit(child);
    visitElements(child, visit);
  }
}

export function textContent(node: Root | RootContent): string {
  if (node.type === "text") return node.value;
  if (node.type === "root" || node.type === "element") return node.children.map((child) => textContent(child)).join("");
  return "";
}
