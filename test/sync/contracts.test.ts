/**
 * Which providers sync may map a task to: decided by the routes the specs describe, not by the
 * Hub's answer.
 */
import { describe, expect, it } from "vitest";
import { providersWithContract } from "../../scripts/sync/contracts.ts";

const live = { modelId: "m", providerModelId: "m", status: "live" };
const feed = {
  providers: {
    "hf-inference": { taskPath: "/hf-inference/models/{modelId}", tasks: { "fill-mask": live, "text-to-image": live } },
    "fal-ai": { taskPath: "/{provider}/models/{providerModelId}", tasks: { "text-to-image": live } },
    featherless: { taskPath: "/{provider}/models/{providerModelId}", tasks: { "chat-completion": live } },
    cerebras: { tasks: { "chat-completion": live } },
    custom: { tasks: { "fill-mask": { modelId: "m", providerModelId: "m", status: "live", path: "/custom/x" } } },
  },
};
const contracts = { "fal-ai": { "text-to-image": { path: "/fal-ai/{providerModelId}" } } };
const facts = { feed, contracts, conversationalTasks: new Set(["chat-completion"]) };

describe("providersWithContract", () => {
  it("a conversational task can go to every provider", () => {
    const ids = providersWithContract(facts, { id: "chat-completion", conversational: true });
    expect([...ids].sort()).toEqual(["cerebras", "custom", "fal-ai", "featherless", "hf-inference"]);
  });

  it("a provider with contracts serves only the tasks it has one for", () => {
    const image = providersWithContract(facts, { id: "text-to-image", conversational: false });
    expect([...image].sort()).toEqual(["fal-ai", "hf-inference"]);
    const mask = providersWithContract(facts, { id: "fill-mask", conversational: false });
    // hf-inference serves fill-mask without a contract, so its taskPath takes task requests; fal-ai's
    // and featherless's do not (every non-chat pair of theirs needs a contract). custom's mapping has its path.
    expect([...mask].sort()).toEqual(["custom", "hf-inference"]);
  });
});
