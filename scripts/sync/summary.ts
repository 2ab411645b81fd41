/**
 * The review text of a sync: what changes in the feed and in the recommended models, what the Hub
 * offers that the feed cannot take, and notes. Plain text, one change per line, stable order.
 */
import type { FeedMapping, MappingChange, SyncPlan } from "./plan.ts";

function describe(mapping: FeedMapping): string {
  return `${mapping.modelId} as ${mapping.providerModelId} (${mapping.status})`;
}

function changeLine(change: MappingChange): string {
  const where = `${change.provider} ${change.task}`;
  if (change.kind === "added" && change.after) return `  + ${where}: ${describe(change.after)}`;
  if (change.kind === "removed" && change.before) return `  - ${where}: ${describe(change.before)}`;
  const before = change.before ? describe(change.before) : "?";
  const after = change.after ? describe(change.after) : "?";
  return `  ~ ${where}: ${before} -> ${after}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${count === 1 ? noun : `${noun}s`}`;
}

function byPlace(a: MappingChange, b: MappingChange): number {
  return a.provider.localeCompare(b.provider) || a.task.localeCompare(b.task);
}

export function formatSummary(plan: SyncPlan): string {
  const count = (kind: MappingChange["kind"]) => plan.mappingChanges.filter((change) => change.kind === kind).length;
  const lines = [
    `mappings: ${count("added")} added, ${count("removed")} removed, ${count("changed")} changed, ` +
      `${plan.unchangedMappings} unchanged`,
    ...[...plan.mappingChanges].sort(byPlace).map(changeLine),
    `recommended models: ${plural(plan.recommendedChanges.length, "task")} changed`,
  ];
  for (const change of plan.recommendedChanges) {
    const beforeIds = new Set(change.before.map((model) => model.id));
    const afterIds = new Set(change.after.map((model) => model.id));
    const added = change.after.filter((model) => !beforeIds.has(model.id)).map((model) => `+ ${model.id}`);
    const removed = change.before.filter((model) => !afterIds.has(model.id)).map((model) => `- ${model.id}`);
    const parts = [...added, ...removed];
    lines.push(`  ${change.task}: ${parts.length > 0 ? parts.join(", ") : "same models, new order or descriptions"}`);
  }
  if (plan.notAdded.length > 0) {
    lines.push(
      "not added (the feed has no request contract for them; " +
        "add the provider or its route to specs/providers.json first):",
    );
    for (const item of plan.notAdded)
      lines.push(`  ${item.provider} ${item.task}: ${plural(item.models, "model")} (${item.reason})`);
  }
  for (const note of plan.notes) lines.push(`note: ${note}`);
  return lines.join("\n") + "\n";
}
