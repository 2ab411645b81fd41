/**
 * The preview's HTTP side without a real build: only its own pages and assets are served, the
 * error page shows the diagnostics as text, and open tabs are told to reload when their page changes.
 */
import { createServer, request, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatDiagnostics, type Diagnostic } from "../../scripts/lib/diagnostics.ts";
import type { BuildOutcome } from "../../scripts/watch/build-protocol.ts";
import { createRequestHandler, loadAssets } from "../../scripts/preview/handler.ts";
import { LiveReload } from "../../scripts/preview/live-reload.ts";
import { PreviewSite } from "../../scripts/preview/site.ts";

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function built(description: string): BuildOutcome {
  return {
    kind: "built",
    files: [
      { path: "index.md", content: "## Inference API reference\n\n[Fill-Mask](tasks/fill-mask.md)\n" },
      { path: "tasks/fill-mask.md", content: `## Fill-Mask\n\n${description}\n` },
      { path: "_toctree.yml", content: "- title: x\n" },
    ],
    providers: [{ id: "groq", displayName: "Groq" }],
    snippetCount: 0,
    seconds: 0,
  };
}

const INVALID: Diagnostic[] = [
  {
    file: "specs/tasks/fill-mask/task.json",
    position: { line: 3, column: 7 },
    reason: "expected a string, not <script>alert(1)</script>",
    ruleId: "task-schema",
  },
];

describe("preview routes", () => {
  let server: Server;
  let port = 0;
  const site = new PreviewSite();
  const liveReload = new LiveReload((address) => site.versionOf(address));

  /** A raw request: the path is sent exactly as given, dot segments and all. */
  function get(path: string, options: { method?: string; host?: string } = {}): Promise<Reply> {
    return new Promise((resolve, reject) => {
      const outgoing = request(
        {
          host: "127.0.0.1",
          port,
          path,
          method: options.method ?? "GET",
          headers: { host: options.host ?? `127.0.0.1:${port}` },
          timeout: 5_000,
        },
        (response) => {
          let body = "";
          response.setEncoding("utf8");
          response.on("data", (chunk: string) => (body += chunk));
          response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
        },
      );
      outgoing.on("error", reject);
      outgoing.on("timeout", () => outgoing.destroy(new Error(`GET ${path} timed out`)));
      outgoing.end();
    });
  }

  beforeAll(async () => {
    server = createServer(createRequestHandler({ site, liveReload, assets: loadAssets(), port: () => port }));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    liveReload.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it("shows a building page for page addresses until the first build ends, and 404 for anything else", async () => {
    expect((await get("/")).status).toBe(503);
    expect((await get("/tasks/fill-mask.html")).body).toContain("Building the pages");
    expect((await get("/../../etc/passwd")).status).toBe(404);
  });

  it("serves the pages of the last build, the index at / and /index.html", async () => {
    site.apply(built("Predicts the masked word."));
    const index = await get("/");
    expect(index.status).toBe(200);
    expect(index.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(index.headers["content-security-policy"]).toContain("script-src 'self'");
    expect(index.body).toContain('<a href="tasks/fill-mask.html">Fill-Mask</a>');
    expect((await get("/index.html")).body).toBe(index.body);
    const page = await get("/tasks/fill-mask.html");
    // Docs sites serve pages without the extension; links copied from them work here too.
    const withoutExtension = await get("/tasks/fill-mask");
    expect(withoutExtension.status).toBe(200);
    expect(withoutExtension.body).toBe(page.body);
    expect((await get("/tasks/no-such-task")).status).toBe(404);
    expect(page.body).toContain("<p>Predicts the masked word.</p>");
    expect(page.body).toContain('<a href="/" class="home-link">All tasks and providers</a>');
    expect((await get("/_preview/preview.js")).headers["content-type"]).toBe("text/javascript; charset=utf-8");
    expect((await get("/_preview/preview.css")).status).toBe(200);
  });

  it("serves nothing but its own pages and assets", async () => {
    const outside = [
      "/../../etc/passwd",
      "/%2e%2e/%2e%2e/etc/passwd",
      "/..%2f..%2fetc%2fpasswd",
      "/tasks/../../../../etc/passwd",
      "/_preview/../../package.json",
      "//etc/passwd",
      "/etc/passwd",
      "/package.json",
      "/snippet-docs.config.json",
      "/scripts/preview/server.ts",
      "/_preview/assets/preview.js",
      "/tasks/fill-mask.md",
      "/_toctree.yml",
      "/tasks/fill-mask.html/..%00",
    ];
    for (const path of outside) {
      const reply = await get(path);
      expect(reply.status, path).toBe(404);
      expect(reply.body, path).not.toMatch(/root:|"name": "snippet-docs"|startPreview/);
    }
    expect((await get("no-leading-slash")).status).toBe(400);
    expect((await get("/", { method: "POST" })).status).toBe(405);
    // Another host name for 127.0.0.1 (DNS rebinding) gets nothing.
    expect((await get("/", { host: `evil.example:${port}` })).status).toBe(421);
  });

  it("shows the CLI's message, as text, on every page while the input is invalid, and 404 elsewhere", async () => {
    site.apply({ kind: "invalid", diagnostics: INVALID });
    for (const path of ["/", "/tasks/fill-mask.html"]) {
      const reply = await get(path);
      expect(reply.status).toBe(500);
      const shown = reply.body.match(/<pre class="diagnostics"><code>([^<]*)<\/code><\/pre>/)?.[1];
      expect(shown?.replace(/&#x3C;/g, "<")).toBe(formatDiagnostics(INVALID));
      expect(reply.body).not.toContain("<script>alert");
    }
    expect((await get("/tasks/unknown.html")).status).toBe(404);
    site.apply(built("Back again."));
    expect((await get("/tasks/fill-mask.html")).body).toContain("<p>Back again.</p>");
  });

  it("tells an open tab to reload when its page changes, and only then", async () => {
    site.apply(built("First."));
    const version = site.versionOf("/tasks/fill-mask.html");
    const events: string[] = [];
    const stream = await new Promise<IncomingMessage>((resolve, reject) => {
      const query = new URLSearchParams({ page: "/tasks/fill-mask.html", version });
      request(
        { host: "127.0.0.1", port, path: `/_preview/events?${query}`, headers: { host: `127.0.0.1:${port}` } },
        resolve,
      )
        .on("error", reject)
        .end();
    });
    stream.setEncoding("utf8");
    stream.on("data", (chunk: string) => events.push(chunk));
    const eventually = async (condition: () => boolean) => {
      const deadline = Date.now() + 5_000;
      while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    };
    await eventually(() => liveReload.connectedTabs === 1);
    site.apply(built("First."));
    liveReload.notify();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(events.join("")).not.toContain("event: reload");
    site.apply(built("Second."));
    liveReload.notify();
    await eventually(() => events.join("").includes("event: reload"));
    expect(events.join("")).toContain("event: reload");
    stream.destroy();
  });
});
