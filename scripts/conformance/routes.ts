/**
 * The test server's route table, built from the provider feed: which (task, mapping) a request
 * belongs to. Task routes are the provider's taskPath (or the mapping's own path) with the
 * placeholders filled in; conversational tasks share the router's chat path and are told apart by
 * the body's `model`, "<model id>:<provider>". Written independently of the snippet engine's
 * request model, so a wrong path there shows up here as an unknown route.
 */
import { isJsonObject, type JsonValue } from "../lib/json-source.ts";
import type { Mapping, Provider, Specs, Task } from "../model/types.ts";

export interface Route {
  task: Task;
  provider: Provider;
  mapping: Mapping;
  /** Request path (decoded), e.g. `/hf-inference/models/org/model` or the chat path. */
  path: string;
  /** For the chat route: the `model` the body must name. */
  chatModel?: string;
}

export type RouteMatch = { ok: true; route: Route } | { ok: false; status: 404 | 405; reason: string };

function fillPlaceholders(pattern: string, task: Task, mapping: Mapping): string {
  const values = new Map([
    ["{provider}", mapping.provider],
    ["{modelId}", mapping.modelId],
    ["{providerModelId}", mapping.providerModelId],
    ["{task}", task.id],
  ]);
  return pattern.replace(/\{[A-Za-z]+\}/g, (placeholder) => values.get(placeholder) ?? placeholder);
}

/** The decoded path of a request target, or undefined when it carries a query or is not decodable. */
export function requestPath(target: string): string | undefined {
  if (target.includes("?") || target.includes("#")) return undefined;
  try {
    return decodeURI(target);
  } catch {
    return undefined;
  }
}

export class RouteTable {
  private readonly byPath = new Map<string, Route[]>();
  readonly chatPath: string;

  constructor(
    specs: Specs,
    /** Picks among routes sharing a path (two tasks of one model): the one whose input schema accepts the body. */
    private readonly accepts: (route: Route, body: JsonValue | undefined) => boolean = () => true,
  ) {
    this.chatPath = specs.router.chatPath;
    const tasks = new Map(specs.tasks.map((task) => [task.id, task]));
    for (const provider of specs.providers) {
      for (const mapping of provider.mappings) {
        const task = tasks.get(mapping.task);
        if (!task) continue;
        let route: Route;
        if (task.conversational) {
          route = { task, provider, mapping, path: specs.router.chatPath, chatModel: `${mapping.modelId}:${provider.id}` };
        } else {
          const pattern = mapping.path ?? provider.taskPath;
          if (!pattern) continue;
          route = { task, provider, mapping, path: fillPlaceholders(pattern, task, mapping) };
        }
        const routes = this.byPath.get(route.path) ?? [];
        routes.push(route);
        this.byPath.set(route.path, routes);
      }
    }
  }

  /** A hint naming a few known paths of the same provider (first path segment). */
  private similarPaths(path: string): string {
    const prefix = path.split("/").slice(0, 2).join("/") + "/";
    const similar = [...this.byPath.keys()].filter((known) => known.startsWith(prefix)).slice(0, 5);
    return similar.length > 0 ? `: known paths under ${prefix} include ${similar.join(", ")}` : "";
  }

  all(): Route[] {
    return [...this.byPath.values()].flat();
  }

  /** The route a request belongs to. `body` is the parsed JSON body, or undefined for a file body. */
  match(method: string, target: string, body: JsonValue | undefined): RouteMatch {
    const path = requestPath(target);
    if (path === undefined) return { ok: false, status: 404, reason: `unexpected request target ${JSON.stringify(target)} (no query string is expected)` };
    const routes = this.byPath.get(path);
    if (!routes) return { ok: false, status: 404, reason: `no route for ${path}${this.similarPaths(path)}` };
    if (method !== "POST") return { ok: false, status: 405, reason: `${method} ${path}: every route takes POST` };
    if (path === this.chatPath && routes.some((route) => route.chatModel !== undefined)) {
      const model = isJsonObject(body) ? body["model"] : undefined;
      const route = routes.find((candidate) => candidate.chatModel === model);
      if (route) return { ok: true, route };
      return {
        ok: false,
        status: 404,
        reason: `the chat route serves models ${routes.map((candidate) => JSON.stringify(candidate.chatModel)).join(", ")}, not ${JSON.stringify(model ?? null)}`,
      };
    }
    const route = routes.find((candidate) => this.accepts(candidate, body)) ?? routes[0];
    return route ? { ok: true, route } : { ok: false, status: 404, reason: `no route for ${path}` };
  }
}
