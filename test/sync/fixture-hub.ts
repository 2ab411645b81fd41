/**
 * A stand-in for the Hub API, on 127.0.0.1 only, for the sync tests. It answers the three routes
 * sync reads in the formats the real API uses (listing: mapping as an array, Link header paging;
 * model info: mapping as an object keyed by provider; /api/tasks: task data keyed by pipeline tag),
 * from a plain data set the test writes, and injects faults on request.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface FixtureMapping {
  provider: string;
  providerId: string;
  status: string;
  task: string;
}

export interface FixtureModel {
  id: string;
  pipelineTag: string;
  likes: number;
  mappings: FixtureMapping[];
}

export interface FixtureHubData {
  models: FixtureModel[];
  /** Recommended models by pipeline tag. */
  tasks: Record<string, { id: string; description: string }[]>;
}

export type Fault =
  | { kind: "status"; status: number; body?: string; times?: number; retryAfter?: string }
  | { kind: "hang" }
  | { kind: "truncated" }
  | { kind: "body"; body: unknown }
  | { kind: "redirect"; location: string };

export interface RecordedRequest {
  url: string;
  authorization: string | undefined;
}

export interface FixtureHub {
  origin: string;
  data: FixtureHubData;
  requests: RecordedRequest[];
  /** Faults by predicate on the request URL (path and query); the first match wins. */
  faults: { matches: (url: URL) => boolean; fault: Fault; served: number }[];
  pageSize?: number;
  close(): Promise<void>;
}

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    "content-type": "application/json",
    "content-length": String(Buffer.byteLength(text)),
    ...headers,
  });
  response.end(text);
}

function listing(hub: FixtureHub, url: URL, response: ServerResponse): void {
  const tag = url.searchParams.get("pipeline_tag");
  const limit = Number(url.searchParams.get("limit") ?? "1000");
  const offset = Number(url.searchParams.get("cursor") ?? "0");
  const models = hub.data.models
    .filter((model) => model.pipelineTag === tag && model.mappings.length > 0)
    .sort((a, b) => b.likes - a.likes || a.id.localeCompare(b.id));
  const page = models.slice(offset, offset + limit).map((model) => ({
    _id: `id-${model.id}`,
    id: model.id,
    likes: model.likes,
    inferenceProviderMapping: model.mappings.map((mapping) => ({ ...mapping, hfModelId: model.id })),
  }));
  const headers: Record<string, string> = {};
  if (offset + limit < models.length) {
    const next = new URL(url.href);
    next.searchParams.set("cursor", String(offset + limit));
    headers["link"] = `<${next.href}>; rel="next"`;
  }
  send(response, 200, page, headers);
}

function modelInfo(hub: FixtureHub, modelId: string, response: ServerResponse): void {
  const model = hub.data.models.find((candidate) => candidate.id === modelId);
  if (!model) return send(response, 404, { error: "Repository not found" });
  const mapping = Object.fromEntries(model.mappings.map(({ provider, ...rest }) => [provider, rest]));
  send(response, 200, { _id: `id-${model.id}`, id: model.id, likes: model.likes, inferenceProviderMapping: mapping });
}

function tasks(hub: FixtureHub, response: ServerResponse): void {
  send(
    response,
    200,
    Object.fromEntries(
      Object.entries(hub.data.tasks).map(([id, models]) => [id, { id, label: id, models, datasets: [] }]),
    ),
  );
}

function serveFault(fault: Fault, response: ServerResponse): void {
  switch (fault.kind) {
    case "status":
      response.writeHead(fault.status, {
        "content-type": "application/json",
        ...(fault.retryAfter !== undefined ? { "retry-after": fault.retryAfter } : {}),
      });
      response.end(fault.body ?? JSON.stringify({ error: "fixture fault" }));
      return;
    case "hang":
      // Bounded: the connection is dropped after 10 s even if the client never gives up.
      setTimeout(() => response.destroy(), 10_000).unref();
      return;
    case "truncated": {
      response.writeHead(200, { "content-type": "application/json" });
      response.end('[{"id": "a/b", "inferenceProviderMapping": [{"provider": "groq", "provi');
      return;
    }
    case "body":
      send(response, 200, fault.body);
      return;
    case "redirect":
      response.writeHead(302, { location: fault.location });
      response.end();
  }
}

export async function startFixtureHub(data: FixtureHubData): Promise<FixtureHub> {
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? "/", hub.origin);
    hub.requests.push({ url: url.href, authorization: request.headers.authorization });
    const fault = hub.faults.find((candidate) => candidate.matches(url));
    if (
      fault &&
      (fault.fault.kind !== "status" || fault.fault.times === undefined || fault.served < fault.fault.times)
    ) {
      fault.served++;
      return serveFault(fault.fault, response);
    }
    if (url.pathname === "/api/tasks") return tasks(hub, response);
    if (url.pathname === "/api/models") return listing(hub, url, response);
    if (url.pathname.startsWith("/api/models/"))
      return modelInfo(hub, decodeURIComponent(url.pathname.slice("/api/models/".length)), response);
    send(response, 404, { error: "not found" });
  });
  const hub: FixtureHub = {
    origin: "",
    data,
    requests: [],
    faults: [],
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  hub.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return hub;
}

/** Adds a fault for requests whose URL satisfies `matches`. */
export function addFault(hub: FixtureHub, matches: (url: URL) => boolean, fault: Fault): void {
  hub.faults.push({ matches, fault, served: 0 });
}
