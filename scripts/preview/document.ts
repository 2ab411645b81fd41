/**
 * The HTML documents the preview serves: a page, the error page shown while the input is invalid,
 * the page shown before the first build ends, and "not found". Each carries the version of what it
 * shows, so the live-reload script can tell the server what it is looking at.
 */
import type { ElementContent } from "hast";
import { h, toHtml } from "./hast.ts";

export const ASSET_PATHS = {
  script: "/_preview/preview.js",
  style: "/_preview/preview.css",
  events: "/_preview/events",
} as const;

export interface DocumentContent {
  title: string;
  body: ElementContent[];
  /** Changes whenever what the document shows changes; see PreviewSite.versionOf(). */
  version: string;
}

export function htmlDocument(content: DocumentContent): string {
  const head = h("head", {}, [
    h("meta", { charSet: "utf-8" }),
    h("meta", { name: "viewport", content: "width=device-width, initial-scale=1" }),
    h("meta", { name: "preview-version", content: content.version }),
    h("title", {}, [`${content.title} · snippet-docs preview`]),
    // No favicon request: the preview has none.
    h("link", { rel: ["icon"], href: "data:," }),
    h("link", { rel: ["stylesheet"], href: ASSET_PATHS.style }),
    h("script", { src: ASSET_PATHS.script, defer: true }),
  ]);
  const header = h("header", { className: ["site-header"] }, [
    h("a", { href: "/", className: ["home-link"] }, ["All tasks and providers"]),
    h("span", { className: ["preview-badge"] }, ["Preview: reloads when specs/, templates/ or snippets/ change"]),
  ]);
  const body = h("body", {}, [header, h("main", {}, content.body)]);
  return toHtml({ type: "root", children: [{ type: "doctype" }, h("html", { lang: "en" }, [head, body])] });
}

/** What the CLI prints for invalid input, shown as text. */
export function errorDocument(message: string, version: string, internal: boolean): string {
  const intro = internal
    ? "The build failed with an internal error (a bug: please report it with this message). The preview keeps watching and reloads when a build succeeds."
    : "The input is invalid, so the pages cannot be built. The generate and check commands print the same message. Fix the input: this page reloads when the build succeeds.";
  return htmlDocument({
    title: internal ? "Internal error" : "Invalid input",
    version,
    body: [
      h("h1", {}, [internal ? "Internal error" : "Invalid input"]),
      h("p", {}, [intro]),
      h("pre", { className: ["diagnostics"] }, [h("code", {}, [message])]),
    ],
  });
}

export function buildingDocument(version: string): string {
  return htmlDocument({
    title: "Building",
    version,
    body: [h("h1", {}, ["Building the pages…"]), h("p", {}, ["This page reloads when the first build ends."])],
  });
}

export function notFoundDocument(version: string): string {
  return htmlDocument({
    title: "Not found",
    version,
    body: [
      h("h1", {}, ["No such page"]),
      h("p", {}, [
        "The preview has no page at this address. ",
        h("a", { href: "/" }, ["See every task and provider."]),
      ]),
    ],
  });
}
