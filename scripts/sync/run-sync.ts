/**
 * One sync, without writing: load the project, ask the Hub, plan the changes and render the files
 * that would change. The command decides whether to write them (atomically), only show them, or
 * report that the feed is out of date.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Config } from "../config/config.ts";
import { hubTaskFor } from "../config/sync-policy.ts";
import { InputError, type Diagnostic } from "../lib/diagnostics.ts";
import { diagnosticAt, isJsonObject, parseJsonSource, type JsonObject, type JsonSource } from "../lib/json-source.ts";
import { displayPath, readJsonFile } from "../load/files.ts";
import { loadSpecs } from "../load/load-specs.ts";
import { checkAgainstMetaSchema } from "../load/meta-schemas.ts";
import type { Task } from "../model/types.ts";
import { formatFeed, replaceRecommendedModels } from "./feed-format.ts";
import { createHttpClient, type FetchLike, type HttpClient } from "./http.ts";
import { fetchHubTasks, fetchModel, fetchModelsOfPipeline, type HubModel, type HubTasks } from "./hub-api.ts";
import { planSync, type FollowedTask, type SyncPlan } from "./plan.ts";

export interface SyncOptions {
  config: Config;
  endpoint: string;
  token?: string;
  fetch?: FetchLike;
}

export interface FileUpdate {
  /** Absolute path. */
  file: string;
  before: string;
  after: string;
}

export interface SyncResult {
  plan: SyncPlan;
  /** The files whose content would change. */
  updates: FileUpdate[];
}

function unknownIds(
  config: Config,
  pointer: string,
  ids: readonly string[],
  known: readonly string[],
  what: string,
): Diagnostic[] {
  const knownSet = new Set(known);
  return ids.flatMap((id, index) =>
    knownSet.has(id)
      ? []
      : [
          diagnosticAt(
            config.source as JsonSource,
            `${pointer}/${index}`,
            `unknown ${what} "${id}": the specs have ${known.join(", ")}`,
            "config-sync",
          ),
        ],
  );
}

function followedTasks(config: Config, tasks: readonly Task[]): FollowedTask[] {
  const wanted = config.sync.tasks;
  if (wanted !== "all") {
    const problems = unknownIds(
      config,
      "/sync/tasks",
      wanted,
      tasks.map((task) => task.id),
      "task",
    );
    if (problems.length > 0) throw new InputError(problems);
  }
  return tasks
    .filter((task) => wanted === "all" || wanted.includes(task.id))
    .map((task) => ({
      id: task.id,
      conversational: task.conversational,
      recommendedModels: task.recommendedModels,
      hub: hubTaskFor(task.id, task.conversational, config.sync),
    }));
}

function followedProviders(config: Config, feedProviders: readonly string[]): string[] {
  const wanted = config.sync.providers;
  if (wanted === "feed") return [...feedProviders];
  const problems = unknownIds(config, "/sync/providers", wanted, feedProviders, "provider");
  if (problems.length > 0) throw new InputError(problems);
  return feedProviders.filter((id) => wanted.includes(id));
}

/** A file loadSpecs has just read and validated, read the same way (a byte-order mark is no error). */
function readSpecFile(file: string): JsonSource {
  const parsed = readJsonFile(file);
  if (!parsed.ok) throw new InputError(parsed.diagnostics);
  return parsed.source;
}

/** The `contracts` of specs/contracts.json; {} without the file. */
function readContracts(specsDir: string): JsonObject {
  const file = path.join(specsDir, "contracts.json");
  if (!existsSync(file)) return {};
  const contracts = (readSpecFile(file).value as JsonObject)["contracts"];
  return isJsonObject(contracts) ? contracts : {};
}

/** Runs `work` over `items` with at most `limit` in flight; the first failure abandons the rest. */
async function forEachLimited<T>(
  items: readonly T[],
  limit: number,
  client: HttpClient,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  // The first failure in time is the cause; the requests it abandons fail only because of it.
  let firstFailure: { error: unknown } | undefined;
  const worker = async () => {
    while (!firstFailure && next < items.length) {
      const item = items[next++] as T;
      try {
        await work(item);
      } catch (error) {
        if (!firstFailure) {
          firstFailure = { error };
          client.abort();
        }
        return;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (firstFailure) throw firstFailure.error;
}

/** Model ids the policy needs that the listings did not include: the feed's current models and the recommended ones. */
function modelsToFetch(
  tasks: readonly FollowedTask[],
  feed: JsonObject,
  providers: readonly string[],
  models: Map<string, Map<string, HubModel>>,
  hubTasks: HubTasks | undefined,
): { pipelineTag: string; modelId: string }[] {
  const wanted = new Map<string, { pipelineTag: string; modelId: string }>();
  const feedProviders = feed["providers"] as Record<string, { tasks: Record<string, { modelId: string }> }>;
  for (const task of tasks) {
    const listed = models.get(task.hub.pipelineTag) ?? new Map<string, HubModel>();
    const ids = providers.flatMap((provider) => feedProviders[provider]?.tasks[task.id]?.modelId ?? []);
    ids.push(...(hubTasks?.get(task.hub.pipelineTag) ?? []).map((model) => model.id));
    for (const modelId of ids) {
      if (!listed.has(modelId))
        wanted.set(`${task.hub.pipelineTag}\u0000${modelId}`, { pipelineTag: task.hub.pipelineTag, modelId });
    }
  }
  return [...wanted.values()];
}

function checkRendered(file: string, text: string, format: "providers" | "task", problems: string[]): void {
  const parsed = parseJsonSource(displayPath(file), text);
  const diagnostics = parsed.ok ? checkAgainstMetaSchema(format, parsed.source) : parsed.diagnostics;
  for (const diagnostic of diagnostics.slice(0, 3)) {
    problems.push(`the new ${diagnostic.file} would be invalid at ${diagnostic.pointer ?? "/"}: ${diagnostic.reason}`);
  }
}

export async function computeSync(options: SyncOptions): Promise<SyncResult> {
  const { config } = options;
  const policy = config.sync;
  const loaded = loadSpecs({ specsDir: config.specsDir, schemas: config.schemas });
  if (!loaded.ok) throw new InputError(loaded.diagnostics);
  const feedFile = path.join(config.specsDir, "providers.json");
  const feedSource = readSpecFile(feedFile);
  const feedText = feedSource.text;
  const feed = feedSource.value as JsonObject;
  const tasks = followedTasks(config, loaded.specs.tasks);
  const providers = followedProviders(
    config,
    loaded.specs.providers.map((provider) => provider.id),
  );

  const client = createHttpClient({
    origin: new URL(options.endpoint).origin,
    policy: policy.http,
    ...(options.token ? { token: options.token } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const hubTasks = policy.recommendedModels === "keep" ? undefined : await fetchHubTasks(client, options.endpoint);
  const models = new Map<string, Map<string, HubModel>>();
  const pipelineTags = [...new Set(tasks.map((task) => task.hub.pipelineTag))];
  await forEachLimited(pipelineTags, policy.http.concurrency, client, async (pipelineTag) => {
    const listed = await fetchModelsOfPipeline(client, options.endpoint, pipelineTag, policy.http);
    models.set(pipelineTag, new Map(listed.map((model) => [model.id, model])));
  });
  // Whether a recommended model is served matters only to the "served" policy.
  const recommendedToCheck = policy.recommendedModels === "served" ? hubTasks : undefined;
  const singles = modelsToFetch(tasks, feed, providers, models, recommendedToCheck);
  await forEachLimited(singles, policy.http.concurrency, client, async ({ pipelineTag, modelId }) => {
    const model = await fetchModel(client, options.endpoint, modelId);
    if (model) models.get(pipelineTag)?.set(modelId, model);
  });

  const plan = planSync({
    feed,
    routes: {
      contracts: readContracts(config.specsDir),
      conversationalTasks: new Set(loaded.specs.tasks.filter((task) => task.conversational).map((task) => task.id)),
    },
    tasks,
    providers,
    policy,
    hub: { models, recommended: hubTasks ?? new Map() },
  });
  const updates: FileUpdate[] = [];
  const feedAfter = formatFeed(plan.feed);
  if (feedAfter !== feedText) {
    checkRendered(feedFile, feedAfter, "providers", plan.problems);
    updates.push({ file: feedFile, before: feedText, after: feedAfter });
  }
  for (const change of plan.recommendedChanges) {
    const file = path.join(config.specsDir, "tasks", change.task, "task.json");
    const before = readFileSync(file, "utf8");
    const after = replaceRecommendedModels(before, change.after);
    checkRendered(file, after, "task", plan.problems);
    if (after !== before) updates.push({ file, before, after });
  }
  return { plan, updates };
}
