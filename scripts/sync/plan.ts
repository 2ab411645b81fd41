/**
 * What a sync changes, as a pure function of the current feed, the tasks, the policy and what the
 * Hub said: the new feed, the new recommended models, the list of changes for review, what was
 * left out and why, and the problems that forbid writing anything.
 */
import { isJsonObject, type JsonObject } from "../lib/json-source.ts";
import type { MappingStatus, RecommendedModel } from "../model/types.ts";
import type { HubTask, SyncPolicy } from "../config/sync-policy.ts";
import { providersWithContract, type RouteFacts } from "./contracts.ts";
import type { HubModel, HubTasks } from "./hub-api.ts";

/** Model ids the feed and task.json accept (namespace/name). */
const MODEL_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*\/[A-Za-z0-9][A-Za-z0-9._-]*$/;

export interface FollowedTask {
  id: string;
  conversational: boolean;
  recommendedModels: RecommendedModel[];
  hub: HubTask;
}

export interface HubSnapshot {
  /** Models by pipeline tag, then by model id: the listings plus the models fetched one by one. */
  models: Map<string, Map<string, HubModel>>;
  recommended: HubTasks;
}

export interface FeedMapping {
  modelId: string;
  providerModelId: string;
  status: MappingStatus;
}

export interface MappingChange {
  kind: "added" | "removed" | "changed";
  provider: string;
  task: string;
  before?: FeedMapping;
  after?: FeedMapping;
}

export interface RecommendedChange {
  task: string;
  before: RecommendedModel[];
  after: RecommendedModel[];
}

/** Hub mappings that were not added: the provider is not in the feed, or the feed has no route for the task. */
export interface NotAdded {
  provider: string;
  task: string;
  models: number;
  reason: "unknown provider" | "no request contract for this task";
}

export interface SyncPlan {
  feed: JsonObject;
  recommended: Map<string, RecommendedModel[]>;
  mappingChanges: MappingChange[];
  unchangedMappings: number;
  recommendedChanges: RecommendedChange[];
  notAdded: NotAdded[];
  notes: string[];
  /** Non-empty: the sync must fail and write nothing. */
  problems: string[];
}

export interface PlanInput {
  feed: JsonObject;
  /** What the specs say about routes besides the feed (see contracts.ts). */
  routes: Omit<RouteFacts, "feed">;
  tasks: readonly FollowedTask[];
  /** Followed provider ids, in feed order. */
  providers: readonly string[];
  policy: SyncPolicy;
  hub: HubSnapshot;
}

interface Candidate extends FeedMapping {
  likes: number;
}

function providersOf(feed: JsonObject): JsonObject {
  return isJsonObject(feed["providers"]) ? feed["providers"] : {};
}

function tasksOf(provider: JsonObject): JsonObject {
  return isJsonObject(provider["tasks"]) ? provider["tasks"] : {};
}

function asMapping(value: unknown): FeedMapping | undefined {
  if (!isJsonObject(value)) return undefined;
  return {
    modelId: value["modelId"] as string,
    providerModelId: value["providerModelId"] as string,
    status: value["status"] as MappingStatus,
  };
}

/** Mappings of one task, by provider, that count under the policy. */
function candidatesByProvider(
  models: Iterable<HubModel>,
  hub: HubTask,
  statuses: readonly MappingStatus[],
): Map<string, Candidate[]> {
  const result = new Map<string, Candidate[]>();
  for (const model of models) {
    if (!MODEL_ID.test(model.id)) continue;
    for (const mapping of model.mappings) {
      if (mapping.task !== hub.mappingTask || !statuses.includes(mapping.status)) continue;
      // A LoRA adapter or a tag filter needs request fields the pages do not document.
      if (mapping.adapter !== undefined || (mapping.type !== undefined && mapping.type !== "single-model")) continue;
      const list = result.get(mapping.provider) ?? [];
      list.push({
        modelId: model.id,
        providerModelId: mapping.providerId,
        status: mapping.status,
        likes: model.likes ?? 0,
      });
      result.set(mapping.provider, list);
    }
  }
  return result;
}

/** The policy's choice among a provider's candidates: best status first, then keep-current or most likes. */
export function chooseMapping(
  candidates: readonly Candidate[],
  current: FeedMapping | undefined,
  policy: SyncPolicy,
): FeedMapping | undefined {
  if (candidates.length === 0) return undefined;
  const rank = (status: MappingStatus) => policy.statuses.indexOf(status);
  const best = Math.min(...candidates.map((candidate) => rank(candidate.status)));
  const top = candidates.filter((candidate) => rank(candidate.status) === best);
  const kept =
    policy.model === "keep-current" && current
      ? top.find((candidate) => candidate.modelId === current.modelId)
      : undefined;
  const chosen =
    kept ??
    [...top].sort((a, b) => b.likes - a.likes || (a.modelId < b.modelId ? -1 : a.modelId > b.modelId ? 1 : 0))[0];
  return chosen && { modelId: chosen.modelId, providerModelId: chosen.providerModelId, status: chosen.status };
}

function sameMapping(a: FeedMapping, b: FeedMapping): boolean {
  return a.modelId === b.modelId && a.providerModelId === b.providerModelId && a.status === b.status;
}

function sortedObject(value: JsonObject): JsonObject {
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function planRecommended(
  task: FollowedTask,
  input: PlanInput,
  served: Set<string>,
  notes: string[],
): RecommendedModel[] {
  const fromHub = input.hub.recommended.get(task.hub.pipelineTag);
  if (!fromHub) {
    notes.push(`the Hub has no task data for "${task.hub.pipelineTag}": the recommended models of ${task.id} are kept`);
    return task.recommendedModels;
  }
  const ours = new Map(task.recommendedModels.map((model) => [model.id, model.description]));
  const chosen = fromHub
    .filter((model, index) => fromHub.findIndex((other) => other.id === model.id) === index)
    .filter((model) => MODEL_ID.test(model.id) && oneLine(model.description) !== "")
    .filter((model) => input.policy.recommendedModels === "all" || served.has(model.id))
    .map((model) => ({ id: model.id, description: ours.get(model.id) ?? oneLine(model.description) }));
  if (chosen.length === 0) {
    notes.push(`no recommended model of ${task.id} is served by a followed provider: its list is kept`);
    return task.recommendedModels;
  }
  return chosen;
}

export function planSync(input: PlanInput): SyncPlan {
  const { feed, policy } = input;
  const followed = new Set(input.providers);
  const feedProviders = providersOf(feed);
  const newProviders: JsonObject = structuredClone(feedProviders);
  const plan: SyncPlan = {
    feed: { ...feed, providers: newProviders },
    recommended: new Map(),
    mappingChanges: [],
    unchangedMappings: 0,
    recommendedChanges: [],
    notAdded: [],
    notes: [],
    problems: [],
  };
  let inScope = 0;

  for (const task of input.tasks) {
    const models = input.hub.models.get(task.hub.pipelineTag) ?? new Map<string, HubModel>();
    const candidates = candidatesByProvider(models.values(), task.hub, policy.statuses);
    const contract = providersWithContract({ feed, ...input.routes }, task);
    for (const [provider, list] of [...candidates].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (!(provider in feedProviders))
        plan.notAdded.push({ provider, task: task.id, models: list.length, reason: "unknown provider" });
      else if (followed.has(provider) && !contract.has(provider)) {
        plan.notAdded.push({
          provider,
          task: task.id,
          models: list.length,
          reason: "no request contract for this task",
        });
      }
    }
    const served = new Set<string>();
    for (const provider of input.providers) {
      const entry = newProviders[provider];
      if (!isJsonObject(entry)) continue;
      const mappings = tasksOf(entry);
      const currentValue = mappings[task.id];
      const current = asMapping(currentValue);
      if (current) inScope++;
      const chosen = contract.has(provider)
        ? chooseMapping(candidates.get(provider) ?? [], current, policy)
        : undefined;
      for (const candidate of contract.has(provider) ? (candidates.get(provider) ?? []) : [])
        served.add(candidate.modelId);
      if (!chosen && current) {
        delete mappings[task.id];
        plan.mappingChanges.push({ kind: "removed", provider, task: task.id, before: current });
      } else if (chosen && !current) {
        mappings[task.id] = { ...chosen };
        plan.mappingChanges.push({ kind: "added", provider, task: task.id, after: chosen });
      } else if (chosen && current) {
        if (sameMapping(chosen, current)) plan.unchangedMappings++;
        else {
          mappings[task.id] = { ...(currentValue as JsonObject), ...chosen };
          plan.mappingChanges.push({ kind: "changed", provider, task: task.id, before: current, after: chosen });
        }
      }
      entry["tasks"] = sortedObject(mappings);
    }
    if (input.policy.recommendedModels !== "keep") {
      const after = planRecommended(task, input, served, plan.notes);
      plan.recommended.set(task.id, after);
      const changed =
        after.length !== task.recommendedModels.length ||
        after.some(
          (model, index) =>
            model.id !== task.recommendedModels[index]?.id ||
            model.description !== task.recommendedModels[index]?.description,
        );
      if (changed) plan.recommendedChanges.push({ task: task.id, before: task.recommendedModels, after });
    }
  }

  for (const provider of input.providers) {
    const entry = newProviders[provider];
    if (isJsonObject(entry) && Object.keys(tasksOf(entry)).length === 0) {
      const lost = plan.mappingChanges.filter(
        (change) => change.provider === provider && change.kind === "removed",
      ).length;
      plan.problems.push(
        `provider ${provider} would lose all its mappings (${lost} removed): ` +
          "the Hub lists none of its models for the followed tasks. " +
          `If it was retired, remove it from specs/providers.json by hand, or stop following it (sync.providers).`,
      );
    }
  }
  const removed = plan.mappingChanges.filter((change) => change.kind === "removed").length;
  if (inScope > 0 && removed / inScope > policy.maxDropShare) {
    plan.problems.push(
      `the sync would remove ${removed} of ${inScope} followed mappings (${Math.round((removed / inScope) * 100)}%), ` +
        `more than sync.maxDropShare allows (${Math.round(policy.maxDropShare * 100)}%)`,
    );
  }
  return plan;
}
