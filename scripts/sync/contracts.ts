/**
 * Which providers `sync` may give a mapping for a task: those the feed can route a request to.
 * A mapping for any other provider is reported, never invented.
 *
 * Today the feed knows the providers it lists: a conversational task goes through the router's
 * common chat route, so every listed provider can serve it; any other task needs the provider's
 * `taskPath` or a mapping that already carries its own `path` (the loader's route rule). When the
 * feed holds per-provider request contracts, this is the one place to ask them instead.
 */
import { isJsonObject, type JsonObject } from "../lib/json-source.ts";

export function providersWithContract(feed: JsonObject, task: { id: string; conversational: boolean }): Set<string> {
  const providers = isJsonObject(feed["providers"]) ? feed["providers"] : {};
  const result = new Set<string>();
  for (const [id, provider] of Object.entries(providers)) {
    if (!isJsonObject(provider)) continue;
    const mappings = isJsonObject(provider["tasks"]) ? provider["tasks"] : {};
    const current = mappings[task.id];
    const hasOwnPath = isJsonObject(current) && typeof current["path"] === "string";
    if (task.conversational || typeof provider["taskPath"] === "string" || hasOwnPath) result.add(id);
  }
  return result;
}
