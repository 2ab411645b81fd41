/**
 * Live reload over server-sent events. Each open tab connects with the address and version of the
 * document it shows; after every build the server tells exactly the tabs whose document changed to
 * reload (a tab that connects after a build it missed is told at once).
 */
import type { ServerResponse } from "node:http";

interface Tab {
  address: string;
  version: string;
  response: ServerResponse;
}

export class LiveReload {
  private readonly tabs = new Set<Tab>();

  constructor(private readonly versionOf: (address: string) => string) {}

  connect(response: ServerResponse, address: string, version: string): void {
    response.writeHead(200, {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-store",
      Connection: "keep-alive",
    });
    // A short retry: after the preview restarts, open tabs reconnect (and reload if needed) quickly.
    response.write("retry: 500\n\n");
    const tab: Tab = { address, version, response };
    this.tabs.add(tab);
    response.on("close", () => this.tabs.delete(tab));
    this.tell(tab);
  }

  /** Called after each build. */
  notify(): void {
    for (const tab of this.tabs) this.tell(tab);
  }

  get connectedTabs(): number {
    return this.tabs.size;
  }

  close(): void {
    for (const tab of this.tabs) tab.response.end();
    this.tabs.clear();
  }

  private tell(tab: Tab): void {
    const version = this.versionOf(tab.address);
    if (version === tab.version) return;
    tab.version = version;
    tab.response.write(`event: reload\ndata: ${JSON.stringify({ version })}\n\n`);
  }
}
