/**
 * Test data for the fixture Hub: a Hub that says exactly what a project's feed already says, so a
 * test can then change one thing and state the expected result. Written from the Hub's own rules
 * (chat models are text-generation models mapped as "conversational", vision chat models are
 * image-text-to-text models mapped the same way), not from the sync code.
 */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import type { FixtureHubData, FixtureModel } from "./fixture-hub.ts";

const ON_THE_HUB: Record<string, { pipelineTag: string; mappingTask: string }> = {
  "chat-completion": { pipelineTag: "text-generation", mappingTask: "conversational" },
  "image-text-to-text": { pipelineTag: "image-text-to-text", mappingTask: "conversational" },
};

export function hubPlace(task: string): { pipelineTag: string; mappingTask: string } {
  return ON_THE_HUB[task] ?? { pipelineTag: task, mappingTask: task };
}

interface FeedFile {
  providers: Record<string, { tasks: Record<string, { modelId: string; providerModelId: string; status: string }> }>;
}

export function mirrorOfProject(projectDir: string): FixtureHubData {
  const feed = JSON.parse(readFileSync(path.join(projectDir, "specs/providers.json"), "utf8")) as FeedFile;
  const models = new Map<string, FixtureModel>();
  const modelFor = (id: string, pipelineTag: string): FixtureModel => {
    let model = models.get(id);
    if (!model) {
      model = { id, pipelineTag, likes: 100, mappings: [] };
      models.set(id, model);
    }
    return model;
  };
  for (const [provider, entry] of Object.entries(feed.providers)) {
    for (const [task, mapping] of Object.entries(entry.tasks)) {
      const place = hubPlace(task);
      modelFor(mapping.modelId, place.pipelineTag).mappings.push({
        provider,
        providerId: mapping.providerModelId,
        status: mapping.status,
        task: place.mappingTask,
      });
    }
  }
  const tasks: FixtureHubData["tasks"] = {};
  const taskIds = readdirSync(path.join(projectDir, "specs/tasks")).sort((a, b) =>
    a === "chat-completion" ? -1 : b === "chat-completion" ? 1 : a.localeCompare(b),
  );
  for (const task of taskIds) {
    const place = hubPlace(task);
    const recommended = (
      JSON.parse(readFileSync(path.join(projectDir, "specs/tasks", task, "task.json"), "utf8")) as {
        recommendedModels: { id: string }[];
      }
    ).recommendedModels;
    // A recommended model is served here by the first provider of the task, with that provider's
    // status, so keep-current leaves the provider's model alone.
    const server = Object.entries(feed.providers).find(([, entry]) => entry.tasks[task]);
    for (const { id } of recommended) {
      const model = modelFor(id, place.pipelineTag);
      const serves = model.mappings.some((mapping) => mapping.task === place.mappingTask);
      if (!serves && server) {
        const [provider, entry] = server;
        model.mappings.push({
          provider,
          providerId: `${provider}-${id}`,
          status: entry.tasks[task]?.status ?? "live",
          task: place.mappingTask,
        });
      }
      const list = (tasks[place.pipelineTag] ??= []);
      if (!list.some((listed) => listed.id === id)) list.push({ id, description: `The Hub's description of ${id}.` });
    }
  }
  return { models: [...models.values()], tasks };
}

export function modelOf(data: FixtureHubData, id: string): FixtureModel {
  const model = data.models.find((candidate) => candidate.id === id);
  if (!model) throw new Error(`fixture has no model ${id}`);
  return model;
}
