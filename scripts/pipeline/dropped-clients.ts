/**
 * A configured client that writes no snippet for a pair it should serve (its data has a gap, such
 * as an SDK signature not yet recorded) must not vanish from the pages silently: each such drop
 * becomes a warning. Drops by design (the OpenAI SDK has only the chat route) are not reported.
 */
import type { Diagnostic } from "../lib/diagnostics.ts";
import type { Task } from "../model/types.ts";

export interface DroppedClient {
  task: Task;
  provider: string;
  /** `<language>/<client>`. */
  client: string;
  reason: string;
}

/** How many providers a warning names before it counts the rest. */
const PROVIDERS_NAMED = 3;

function providerList(providers: readonly string[]): string {
  if (providers.length <= PROVIDERS_NAMED) return providers.join(", ");
  return `${providers.slice(0, PROVIDERS_NAMED).join(", ")} and ${providers.length - PROVIDERS_NAMED} more`;
}

/** One warning per task, client and reason, naming the providers it affects. */
export function droppedClientWarnings(drops: readonly DroppedClient[]): Diagnostic[] {
  const groups = new Map<string, { drop: DroppedClient; providers: Set<string> }>();
  for (const drop of drops) {
    const key = [drop.task.id, drop.client, drop.reason].join("\u0000");
    const group = groups.get(key) ?? { drop, providers: new Set<string>() };
    group.providers.add(drop.provider);
    groups.set(key, group);
  }
  return [...groups.values()].map(({ drop, providers }) => ({
    severity: "warning",
    file: drop.task.files.metadata,
    reason: `no ${drop.client} snippet for ${drop.task.id} on ${providerList([...providers])}: ${drop.reason}`,
    ruleId: "snippet-client-dropped",
  }));
}
