/**
 * The policy as a pure function: which model is chosen, what counts as removed, when a sync is
 * refused. Small hand-written feeds and Hub answers, expected results written out.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_SYNC_POLICY, type SyncPolicy } from "../../scripts/config/sync-policy.ts";
import { parseJsonSource, type JsonObject } from "../../scripts/lib/json-source.ts";
import { checkAgainstMetaSchema } from "../../scripts/load/meta-schemas.ts";
import type { HubModel } from "../../scripts/sync/hub-api.ts";
import { chooseMapping, planSync, type FollowedTask } from "../../scripts/sync/plan.ts";
import { PROJECT_ROOT } from "../helpers/cli.ts";

const live = (modelId: string, likes: number) => ({
  modelId,
  providerModelId: `p-${modelId}`,
  status: "live" as const,
  likes,
});
const staging = (modelId: string, likes: number) => ({ ...live(modelId, likes), status: "staging" as const });

describe("chooseMapping", () => {
  const mostLiked: SyncPolicy = { ...DEFAULT_SYNC_POLICY, model: "most-liked" };

  it("keeps the current model while it is served with the best status", () => {
    const current = { modelId: "a/small", providerModelId: "old", status: "live" as const };
    expect(chooseMapping([live("a/big", 900), live("a/small", 3)], current, DEFAULT_SYNC_POLICY)).toEqual({
      modelId: "a/small",
      providerModelId: "p-a/small",
      status: "live",
    });
    expect(chooseMapping([live("a/big", 900), live("a/small", 3)], current, mostLiked)?.modelId).toBe("a/big");
  });

  it("prefers a live mapping to a staging one, even the current one", () => {
    const current = { modelId: "a/current", providerModelId: "c", status: "staging" as const };
    expect(chooseMapping([staging("a/current", 50), live("a/other", 1)], current, DEFAULT_SYNC_POLICY)?.modelId).toBe(
      "a/other",
    );
  });

  it("breaks ties in likes by the smallest model id, and finds nothing in nothing", () => {
    expect(chooseMapping([live("b/m", 5), live("a/m", 5)], undefined, DEFAULT_SYNC_POLICY)?.modelId).toBe("a/m");
    expect(chooseMapping([], undefined, DEFAULT_SYNC_POLICY)).toBeUndefined();
  });
});

describe("planSync", () => {
  const feed = (): JsonObject => ({
    router: { origin: "https://r", chatPath: "/v1/chat/completions" },
    providers: {
      alpha: { displayName: "A", tasks: { chat: { modelId: "m/one", providerModelId: "one", status: "live" } } },
      beta: {
        displayName: "B",
        taskPath: "/b/{providerModelId}",
        tasks: {
          chat: { modelId: "m/one", providerModelId: "b-one", status: "live" },
          tti: { modelId: "m/img", providerModelId: "img", status: "live", path: "/own" },
        },
      },
    },
  });
  const tasks: FollowedTask[] = [
    {
      id: "chat",
      conversational: true,
      recommendedModels: [{ id: "m/one", description: "ours" }],
      hub: { pipelineTag: "text-generation", mappingTask: "conversational" },
    },
    {
      id: "tti",
      conversational: false,
      recommendedModels: [{ id: "m/img", description: "ours" }],
      hub: { pipelineTag: "text-to-image", mappingTask: "text-to-image" },
    },
  ];
  const hub = (chat: HubModel[], tti: HubModel[]) => ({
    models: new Map([
      ["text-generation", new Map(chat.map((model) => [model.id, model]))],
      ["text-to-image", new Map(tti.map((model) => [model.id, model]))],
    ]),
    recommended: new Map([
      ["text-generation", [{ id: "m/one", description: "hub" }]],
      [
        "text-to-image",
        [
          { id: "m/img", description: "hub" },
          { id: "m/new", description: "hub new" },
        ],
      ],
    ]),
  });
  const mapping = (provider: string, providerId: string, task: string) => ({
    provider,
    providerId,
    status: "live" as const,
    task,
  });
  const plan = (
    chat: HubModel[],
    tti: HubModel[],
    policy: SyncPolicy = DEFAULT_SYNC_POLICY,
    providers = ["alpha", "beta"],
  ) =>
    planSync({
      feed: feed(),
      routes: { contracts: {}, conversationalTasks: new Set(["chat"]) },
      tasks,
      providers,
      policy,
      hub: hub(chat, tti),
    });

  it("keeps a mapping's own fields when its model changes, and adds a served recommended model", () => {
    const result = plan(
      [
        {
          id: "m/one",
          likes: 1,
          mappings: [mapping("alpha", "one", "conversational"), mapping("beta", "b-one", "conversational")],
        },
      ],
      [{ id: "m/new", likes: 9, mappings: [mapping("beta", "new", "text-to-image")] }],
    );
    expect(result.problems).toEqual([]);
    expect(result.mappingChanges).toEqual([
      {
        kind: "changed",
        provider: "beta",
        task: "tti",
        before: { modelId: "m/img", providerModelId: "img", status: "live" },
        after: { modelId: "m/new", providerModelId: "new", status: "live" },
      },
    ]);
    expect((result.feed["providers"] as JsonObject)["beta"]).toMatchObject({
      tasks: { tti: { modelId: "m/new", providerModelId: "new", status: "live", path: "/own" } },
    });
    expect(result.recommended.get("tti")).toEqual([{ id: "m/new", description: "hub new" }]);
    expect(result.recommended.get("chat")).toEqual([{ id: "m/one", description: "ours" }]);
  });

  it("does not add a non-conversational mapping for a provider without a route, and reports it", () => {
    const result = plan(
      [
        {
          id: "m/one",
          likes: 1,
          mappings: [
            mapping("alpha", "one", "conversational"),
            mapping("beta", "b-one", "conversational"),
            mapping("gamma", "g", "conversational"),
          ],
        },
      ],
      [
        {
          id: "m/img",
          likes: 1,
          mappings: [mapping("beta", "img", "text-to-image"), mapping("alpha", "a-img", "text-to-image")],
        },
      ],
    );
    expect(result.mappingChanges).toEqual([]);
    expect(result.notAdded).toEqual([
      { provider: "gamma", task: "chat", models: 1, reason: "unknown provider" },
      { provider: "alpha", task: "tti", models: 1, reason: "no request contract for this task" },
    ]);
  });

  it("refuses to empty a provider, and to drop more than maxDropShare", () => {
    const result = plan([{ id: "m/one", likes: 1, mappings: [mapping("beta", "b-one", "conversational")] }], [], {
      ...DEFAULT_SYNC_POLICY,
      maxDropShare: 0.5,
    });
    expect(result.mappingChanges.map((change) => `${change.kind} ${change.provider} ${change.task}`)).toEqual([
      "removed alpha chat",
      "removed beta tti",
    ]);
    expect(result.problems).toHaveLength(2);
    expect(result.problems[0]).toMatch(/^provider alpha would lose all its mappings \(1 removed\)/);
    expect(result.problems[1]).toBe(
      "the sync would remove 2 of 3 followed mappings (67%), more than sync.maxDropShare allows (50%)",
    );
  });

  it("leaves providers it does not follow alone", () => {
    const result = plan(
      [{ id: "m/one", likes: 1, mappings: [] }],
      [{ id: "m/img", likes: 1, mappings: [mapping("beta", "img", "text-to-image")] }],
      DEFAULT_SYNC_POLICY,
      ["beta"],
    );
    expect(result.mappingChanges.map((change) => `${change.kind} ${change.provider} ${change.task}`)).toEqual([
      "removed beta chat",
    ]);
    expect((result.feed["providers"] as JsonObject)["alpha"]).toEqual((feed()["providers"] as JsonObject)["alpha"]);
  });
});

describe("the README's sync policy example", () => {
  it("is a valid configuration whose values are the defaults", () => {
    const readme = readFileSync(path.join(PROJECT_ROOT, "README.md"), "utf8");
    const block = /```json\n(\{\n {2}"sync"[\s\S]*?)```/.exec(readme)?.[1];
    expect(block).toBeDefined();
    const parsed = parseJsonSource("README.md", block ?? "");
    if (!parsed.ok) throw new Error("the README's sync example is not JSON");
    expect(checkAgainstMetaSchema("config", parsed.source)).toEqual([]);
    const { sync } = JSON.parse(block ?? "") as { sync: SyncPolicy };
    expect({
      ...DEFAULT_SYNC_POLICY,
      ...sync,
      http: { ...DEFAULT_SYNC_POLICY.http, ...sync.http },
      hubTasks: {},
    }).toEqual(DEFAULT_SYNC_POLICY);
  });
});
