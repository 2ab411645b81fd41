/**
 * Which providers `sync` may give a mapping for a task: those the specs can route a request to.
 * A mapping for any other provider is reported, never invented.
 *
 * - A conversational task goes through the router's common chat route: every listed provider.
 * - Any other task needs a request contract (specs/contracts.json) for the pair,
 * - or a provider that takes the task's own request on its `taskPath`. The feed shows which do: a
 *   provider that already serves some non-chat task without a contract (as hf-inference does; the
 *   router contract test proves each such published pair against the client library). A provider
 *   whose every non-chat pair needs a contract speaks its own formats, so its `taskPath` alone
 *   routes nothing.
 * - A mapping that carries its own `path` is routable too.
 */
import { isJsonObject, type JsonObject } from "../lib/json-source.ts";

export interface RouteFacts {
  feed: JsonObject;
  /** The `contracts` object of specs/contracts.json ({} without that file). */
  contracts: JsonObject;
  /** Ids of the tasks that go through the chat route. */
  conversationalTasks: ReadonlySet<string>;
}

export function providersWithContract(facts: RouteFacts, task: { id: string; conversational: boolean }): Set<string> {
  const providers = isJsonObject(facts.feed["providers"]) ? facts.feed["providers"] : {};
  const result = new Set<string>();
  for (const [id, provider] of Object.entries(providers)) {
    if (!isJsonObject(provider)) continue;
    const mappings = isJsonObject(provider["tasks"]) ? provider["tasks"] : {};
    const current = mappings[task.id];
    const hasOwnPath = isJsonObject(current) && typeof current["path"] === "string";
    const ownContracts = isJsonObject(facts.contracts[id]) ? facts.contracts[id] : {};
    const hasContract = isJsonObject(ownContracts[task.id]);
    const takesTaskRequest =
      typeof provider["taskPath"] === "string" &&
      Object.keys(mappings).some((taskId) => !facts.conversationalTasks.has(taskId) && !(taskId in ownContracts));
    if (task.conversational || hasContract || takesTaskRequest || hasOwnPath) result.add(id);
  }
  return result;
}
