/**
 * What the preview shows right now: nothing yet (first build running), the pages of the last good
 * build, or the error of the last build (then every page shows that error). Pages are rendered to
 * HTML on request and kept by version, so a rebuild only re-renders the pages whose markdown
 * changed, and only when someone looks at them.
 */
import { createHash } from "node:crypto";
import { formatDiagnostics } from "../lib/diagnostics.ts";
import type { SnippetGroupView } from "../pages/view-model.ts";
import type { BuildOutcome } from "../watch/build-protocol.ts";
import { buildingDocument, errorDocument, htmlDocument, notFoundDocument } from "./document.ts";
import { renderMarkdownPage } from "./render-page.ts";

interface PageSource {
  /** Path in generated/, e.g. tasks/text-classification.md. */
  file: string;
  markdown: string;
  snippetGroups: readonly SnippetGroupView[];
  version: string;
}

type State =
  | { kind: "building" }
  | { kind: "built"; pages: Map<string, PageSource>; providerNames: Map<string, string> }
  | { kind: "failed"; message: string; internal: boolean; version: string };

export interface PreviewResponse {
  status: number;
  html: string;
}

const BUILDING_VERSION = "building";
const MISSING_VERSION = "missing";

function digest(...parts: string[]): string {
  return createHash("sha256").update(parts.join("\u0000")).digest("hex").slice(0, 16);
}

/** The address of a generated page: index.md is `/`, tasks/x.md is `/tasks/x.html`. */
export function pageAddress(file: string): string | undefined {
  if (file === "index.md") return "/";
  return file.endsWith(".md") ? `/${file.slice(0, -".md".length)}.html` : undefined;
}

/** A task or provider page named without `.html`. */
const PAGE_WITHOUT_EXTENSION = /^\/(tasks|providers)\/[^/.]+$/;

/** `/index.html` is `/`; a page address may leave out `.html` (`/tasks/fill-mask`), as docs sites do. */
function canonicalAddress(address: string): string {
  if (address === "/index.html") return "/";
  const lastSegment = address.slice(address.lastIndexOf("/") + 1);
  return lastSegment !== "" && !lastSegment.includes(".") ? `${address}.html` : address;
}

export class PreviewSite {
  private state: State = { kind: "building" };
  /** Addresses of the last good build: while the input is invalid they show the error, others 404. */
  private knownAddresses = new Set<string>(["/"]);
  private readonly rendered = new Map<string, Promise<string>>();

  apply(outcome: BuildOutcome): void {
    if (outcome.kind === "built") {
      const providerNames = new Map(outcome.providers.map((provider) => [provider.id, provider.displayName]));
      const namesDigest = digest(...outcome.providers.flatMap((provider) => [provider.id, provider.displayName]));
      const pages = new Map<string, PageSource>();
      for (const file of outcome.files) {
        const address = pageAddress(file.path);
        if (address)
          pages.set(address, {
            file: file.path,
            markdown: file.content,
            snippetGroups: file.snippetGroups ?? [],
            version: `page:${digest(namesDigest, file.content)}`,
          });
      }
      this.state = { kind: "built", pages, providerNames };
      this.knownAddresses = new Set(pages.keys());
      const current = new Set([...pages.values()].map((page) => page.version));
      for (const version of this.rendered.keys()) if (!current.has(version)) this.rendered.delete(version);
    } else {
      const message = outcome.kind === "invalid" ? formatDiagnostics(outcome.diagnostics) : outcome.message;
      this.state = {
        kind: "failed",
        message,
        internal: outcome.kind === "internal",
        version: `error:${digest(message)}`,
      };
    }
  }

  /** What a document at `address` shows now; a change means an open tab should reload. */
  versionOf(rawAddress: string): string {
    const address = canonicalAddress(rawAddress);
    switch (this.state.kind) {
      case "building":
        // Which pages exist is not known yet: anything shaped like a page waits for the build.
        return address === "/" || rawAddress.endsWith(".html") || PAGE_WITHOUT_EXTENSION.test(rawAddress)
          ? BUILDING_VERSION
          : MISSING_VERSION;
      case "failed":
        return this.knownAddresses.has(address) ? this.state.version : MISSING_VERSION;
      case "built":
        return this.state.pages.get(address)?.version ?? MISSING_VERSION;
    }
  }

  /** The markdown of a generated page (path in generated/) as shown now; none while the build failed. */
  markdownOf(file: string): string | undefined {
    if (this.state.kind !== "built") return undefined;
    return [...this.state.pages.values()].find((page) => page.file === file)?.markdown;
  }

  async respond(rawAddress: string): Promise<PreviewResponse> {
    const address = canonicalAddress(rawAddress);
    const version = this.versionOf(rawAddress);
    const state = this.state;
    if (version === MISSING_VERSION) return { status: 404, html: notFoundDocument(version) };
    if (state.kind === "building") return { status: 503, html: buildingDocument(version) };
    if (state.kind === "failed") return { status: 500, html: errorDocument(state.message, version, state.internal) };
    const page = state.pages.get(address) as PageSource;
    let html = this.rendered.get(page.version);
    if (!html) {
      html = renderMarkdownPage(page.markdown, state.providerNames, page.snippetGroups).then((rendered) =>
        htmlDocument({ ...rendered, version: page.version }),
      );
      this.rendered.set(page.version, html);
      html.catch(() => this.rendered.delete(page.version));
    }
    return { status: 200, html: await html };
  }
}
