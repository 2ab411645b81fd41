/**
 * The sync policy: the `sync` section of snippet-docs.config.json (validated by
 * schemas/config.schema.json). It says which tasks and providers `sync` follows, which model a
 * page shows for each task and provider, which mapping statuses count, how far a refresh may shrink
 * the feed, and how patient the HTTP client is. Plain data with defaults; no I/O.
 */
import { isJsonObject, type JsonValue } from "../lib/json-source.ts";
import type { MappingStatus } from "../model/types.ts";

/** Which model to show for a task and provider when the Hub offers several. */
export type ModelChoice = "keep-current" | "most-liked";

/** Which of the Hub's recommended models a task page lists. */
export type RecommendedModelsChoice = "served" | "all" | "keep";

/** How a task of ours is found on the Hub: its pipeline tag and the task its provider mappings carry. */
export interface HubTask {
  pipelineTag: string;
  mappingTask: string;
}

export interface SyncHttpPolicy {
  /** Per request, including reading the body. */
  timeoutMs: number;
  /** Further attempts after a timeout, a network error, a 429 or a 5xx. */
  retries: number;
  /** First backoff delay; it doubles with each retry unless the server sends Retry-After. */
  backoffMs: number;
  /** Bound on the whole sync: past it, the next request is not made and the sync fails. */
  totalTimeoutMs: number;
  /** Models per page of /api/models, and how many pages a listing may have before the sync refuses. */
  pageSize: number;
  maxPages: number;
  /** Requests in flight at once. */
  concurrency: number;
  /** A larger response body is refused. */
  maxBodyBytes: number;
}

export interface SyncPolicy {
  endpoint: string;
  model: ModelChoice;
  /** Statuses that count, in order of preference (a live mapping wins over a staging one). */
  statuses: MappingStatus[];
  /** "feed": every provider of the feed that has a request contract; or a list of provider ids. */
  providers: "feed" | string[];
  /** "all": every task in specs/tasks; or a list of task ids. */
  tasks: "all" | string[];
  recommendedModels: RecommendedModelsChoice;
  /** Largest share (0..1) of the followed mappings one sync may remove. */
  maxDropShare: number;
  /** Overrides of how a task is found on the Hub (see hubTaskFor). */
  hubTasks: Record<string, HubTask>;
  http: SyncHttpPolicy;
}

export const DEFAULT_SYNC_POLICY: SyncPolicy = {
  endpoint: "https://huggingface.co",
  model: "keep-current",
  statuses: ["live", "staging"],
  providers: "feed",
  tasks: "all",
  recommendedModels: "served",
  maxDropShare: 0.25,
  hubTasks: {},
  http: {
    timeoutMs: 20_000,
    retries: 3,
    backoffMs: 1_000,
    totalTimeoutMs: 300_000,
    pageSize: 500,
    maxPages: 20,
    concurrency: 4,
    maxBodyBytes: 64 * 1024 * 1024,
  },
};

/**
 * The Hub has no chat-completion pipeline: chat models are text-generation models whose provider
 * mapping has the task "conversational"; vision chat models are image-text-to-text models mapped as
 * "conversational" too. Every other task is its own pipeline tag and mapping task.
 */
export function hubTaskFor(taskId: string, conversational: boolean, policy: SyncPolicy): HubTask {
  const override = policy.hubTasks[taskId];
  if (override) return override;
  if (taskId === "chat-completion") return { pipelineTag: "text-generation", mappingTask: "conversational" };
  return { pipelineTag: taskId, mappingTask: conversational ? "conversational" : taskId };
}

/** The policy from the config file's `sync` value (already validated by the config meta-schema). */
export function syncPolicyFrom(raw: JsonValue | undefined): SyncPolicy {
  if (!isJsonObject(raw)) return DEFAULT_SYNC_POLICY;
  const http = isJsonObject(raw["http"]) ? (raw["http"] as unknown as Partial<SyncHttpPolicy>) : {};
  const hubTasks = isJsonObject(raw["hubTasks"]) ? (raw["hubTasks"] as unknown as Record<string, HubTask>) : {};
  const fields = raw as unknown as Partial<SyncPolicy>;
  return {
    ...DEFAULT_SYNC_POLICY,
    ...fields,
    hubTasks,
    http: { ...DEFAULT_SYNC_POLICY.http, ...http },
  };
}
