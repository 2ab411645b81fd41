/**
 * The preview: an HTTP server on 127.0.0.1 that renders the pages from the in-memory pipeline,
 * rebuilds them when specs/, templates/, snippets/ or the configuration change, and reloads the
 * open tabs whose page changed. While the input is invalid every page shows the diagnostics; the
 * server keeps running and the pages come back when the input is fixed.
 *
 * An edit shows as soon as the pages are rendered; the page checks (which `generate` runs before
 * writing) follow in the build process, and if they fail the pages switch to their diagnostics.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { BuildOutcome } from "../watch/build-protocol.ts";
import { SiteBuilder, type Cancelled, type SiteBuild } from "../watch/builder.ts";
import { createRequestHandler, loadAssets } from "./handler.ts";
import { loadHighlighter } from "./highlight.ts";
import { watchInputs } from "../watch/input-watcher.ts";
import { LiveReload } from "./live-reload.ts";
import { RebuildQueue } from "../watch/rebuild-queue.ts";
import { PreviewSite } from "./site.ts";

export interface PreviewOptions {
  /** The project: where snippet-docs.config.json (or configFile) is. */
  root: string;
  configFile?: string;
  /** 0 picks a free port. */
  port: number;
  /** Called after every finished build, good or bad. */
  onBuild?: (outcome: BuildOutcome) => void;
}

export interface Preview {
  url: string;
  /** Resolves when the first build has finished. */
  ready: Promise<void>;
  /** The markdown of a page as shown now (path inside generated/); none while the build failed. */
  markdownOf(file: string): string | undefined;
  close(): Promise<void>;
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    // Never another interface: the preview is for the person at this machine.
    server.listen(port, "127.0.0.1", () => {
      server.off("error", reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

export async function startPreview(options: PreviewOptions): Promise<Preview> {
  const site = new PreviewSite();
  const liveReload = new LiveReload((address) => site.versionOf(address));
  let port = options.port;
  const server = createServer(createRequestHandler({ site, liveReload, assets: loadAssets(), port: () => port }));
  port = await listen(server, options.port);

  const builder = new SiteBuilder({
    root: options.root,
    ...(options.configFile ? { configFile: options.configFile } : {}),
  });
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  /** Counts shown builds, so a late page check of an older build is ignored. */
  let shownBuild = 0;
  const show = (outcome: BuildOutcome) => {
    site.apply(outcome);
    liveReload.notify();
    options.onBuild?.(outcome);
  };
  const queue = new RebuildQueue<SiteBuild | Cancelled>(
    () => builder.build(),
    (build) => {
      // A cancelled build was superseded by a restart, which asked for another build.
      if ("kind" in build) return;
      const shown = ++shownBuild;
      show(build.outcome);
      markReady();
      void build.pageChecks.then((checks) => {
        // When a newer build is shown, its own checks are what count.
        if ((checks?.kind === "invalid" || checks?.kind === "internal") && shown === shownBuild) show(checks);
      });
    },
  );
  const watcher = watchInputs(options, (change) => {
    if (change.engineChanged) builder.restart();
    queue.request();
  });
  // Changes made once the first build is shown are seen.
  void watcher.ready.then(() => queue.request());
  // Loading the grammars while the first build runs makes the first page view quicker.
  void loadHighlighter();

  return {
    url: `http://127.0.0.1:${port}/`,
    ready,
    markdownOf: (file) => site.markdownOf(file),
    async close() {
      await watcher.close();
      liveReload.close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await Promise.all([closed, builder.close()]);
    },
  };
}
