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
  /** The query string the contract's route carries (without "?"), if any. */
  query?: string;
  /** The task route of a pair that has a contract: SDKs given a base URL post the task request here. */
  taskRoute?: true;
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

/** The target split at "?" (the query as sent, without "?"). */
function splitTarget(target: string): { path: string; query?: string } {
  const at = target.indexOf("?");
  return at < 0 ? { path: target } : { path: target.slice(0, at), query: target.slice(at + 1) };
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
          route = {
            task,
            provider,
            mapping,
            path: specs.router.chatPath,
            chatModel: `${mapping.modelId}:${provider.id}`,
          };
        } else {
          const pattern = mapping.contract?.path ?? mapping.path ?? provider.taskPath;
          if (!pattern) continue;
          route = { task, provider, mapping, path: fillPlaceholders(pattern, task, mapping) };
          const query = Object.entries(mapping.contract?.query ?? {});
          if (query.length > 0)
            route.query = query
              .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`)
              .join("&");
        }
        const routes = this.byPath.get(route.path) ?? [];
        routes.push(route);
        this.byPath.set(route.path, routes);
        const taskPattern = mapping.path ?? provider.taskPath;
        if (mapping.contract && taskPattern) {
          const taskRoute: Route = {
            task,
            provider,
            mapping,
            path: fillPlaceholders(taskPattern, task, mapping),
            taskRoute: true,
          };
          this.byPath.set(taskRoute.path, [...(this.byPath.get(taskRoute.path) ?? []), taskRoute]);
        }
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
    const split = splitTarget(target);
    const path = requestPath(split.path);
    const withQuery =
      split.query === undefined
        ? undefined
        : this.byPath.get(path ?? "")?.filter((route) => route.query === split.query);
    if (path === undefined || (split.query !== undefined && !withQuery?.length)) {
      return {
        ok: false,
        status: 404,
        reason: `unexpected request target ${JSON.stringify(target)} (no such query string is expected)`,
      };
    }
    const routes = withQuery ?? this.byPath.get(path)?.filter((route) => route.query === undefined);
    if (!routes?.length) {
      const queried = this.byPath.get(path)?.find((route) => route.query !== undefined);
      if (queried) return { ok: false, status: 404, reason: `${path} expects the query ?${queried.query}` };
      return { ok: false, status: 404, reason: `no route for ${path}${this.similarPaths(path)}` };
    }
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
    // A contract's route and its task route may share a path: a file body can only be the task request.
    const candidates = body === undefined ? [...routes.filter((route) => route.taskRoute), ...routes] : routes;
    const route = candidates.find((candidate) => this.accepts(candidate, body)) ?? candidates[0];
    return route ? { ok: true, route } : { ok: false, status: 404, reason: `no route for ${path}` };
  }
}
