/**
 * The preview's HTTP routes. Only its own documents and assets exist: pages come from the
 * in-memory build and assets from a fixed list, so no request path ever reaches the file system
 * (`/../../etc/passwd` is just an address with no page: 404).
 */
import { readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { ASSET_PATHS } from "./document.ts";
import type { LiveReload } from "./live-reload.ts";
import type { PreviewSite } from "./site.ts";

interface Asset {
  contentType: string;
  body: string;
}

function readAsset(name: string, contentType: string): Asset {
  return { contentType, body: readFileSync(new URL(`./assets/${name}`, import.meta.url), "utf8") };
}

export function loadAssets(): Map<string, Asset> {
  return new Map([
    [ASSET_PATHS.script, readAsset("preview.js", "text/javascript; charset=utf-8")],
    [ASSET_PATHS.style, readAsset("preview.css", "text/css; charset=utf-8")],
  ]);
}

/**
 * Scripts only from the preview itself, so even markup that slipped through could not run;
 * inline styles because shiki colours tokens with style attributes.
 */
const SECURITY_HEADERS = {
  "Content-Security-Policy":
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' https: data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "Cache-Control": "no-store",
};

export interface HandlerDependencies {
  site: PreviewSite;
  liveReload: LiveReload;
  assets: ReadonlyMap<string, Asset>;
  /** The port the server listens on: requests must name it in their Host header. */
  port: () => number;
}

function send(response: ServerResponse, status: number, contentType: string, body: string, head: boolean): void {
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    "Content-Type": contentType,
    "Content-Length": Buffer.byteLength(body),
  });
  response.end(head ? undefined : body);
}

/**
 * A page on another site could make the browser call 127.0.0.1 under its own host name (DNS
 * rebinding); answering only to our own host names keeps the preview to its reader.
 */
function isOwnHost(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

export function createRequestHandler(dependencies: HandlerDependencies) {
  const { site, liveReload, assets } = dependencies;
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const head = request.method === "HEAD";
    if (request.method !== "GET" && !head)
      return send(response, 405, "text/plain; charset=utf-8", "method not allowed\n", head);
    if (!isOwnHost(request.headers.host, dependencies.port()))
      return send(response, 421, "text/plain; charset=utf-8", "unknown host\n", head);
    const target = request.url ?? "/";
    if (!target.startsWith("/")) return send(response, 400, "text/plain; charset=utf-8", "bad request\n", head);
    // Parsing against a fixed origin resolves dot segments; the path is then only looked up, never opened.
    const url = new URL(`http://preview${target}`);
    if (url.pathname === ASSET_PATHS.events) {
      return liveReload.connect(response, url.searchParams.get("page") ?? "/", url.searchParams.get("version") ?? "");
    }
    const asset = assets.get(url.pathname);
    if (asset) return send(response, 200, asset.contentType, asset.body, head);
    try {
      const page = await site.respond(url.pathname);
      send(response, page.status, "text/html; charset=utf-8", page.html, head);
    } catch (error) {
      send(
        response,
        500,
        "text/plain; charset=utf-8",
        `internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
        head,
      );
    }
  };
}
