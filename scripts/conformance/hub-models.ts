/**
 * The Hub's answers about the feed's models, in the shape of `GET /api/models/{id}` with
 * `expand[]=inferenceProviderMapping`: which provider serves a model under which id and task, and
 * the model's pipeline tag. The real SDKs ask the Hub for this before calling a provider; the
 * conformance run has no Hub, so the Python stand-in gets these answers instead (the npm SDK gets
 * them from the contract test's fetch). The feed is the Hub's data here, not the snippet
 * renderer's: the stand-in still builds every request from its own copy of the library's rules.
 */
import { hubPipelineTag } from "../model/pipeline-tag.ts";
import type { Specs } from "../model/types.ts";

export interface HubProviderMapping {
  providerId: string;
  /** The Hub's task name: chat tasks are "conversational". */
  task: string;
  status: string;
}

export interface HubModelInfo {
  pipeline_tag: string;
  tags: string[];
  inferenceProviderMapping: Record<string, HubProviderMapping>;
}

export function hubModels(specs: Specs): Record<string, HubModelInfo> {
  const tasks = new Map(specs.tasks.map((task) => [task.id, task]));
  const models: Record<string, HubModelInfo> = {};
  for (const provider of specs.providers) {
    for (const mapping of provider.mappings) {
      const task = tasks.get(mapping.task);
      if (!task) continue;
      const info = (models[mapping.modelId] ??= {
        pipeline_tag: hubPipelineTag(task),
        tags: [...(task.conversational ? ["conversational"] : []), task.id],
        inferenceProviderMapping: {},
      });
      // One entry per provider and model on the Hub: the first task listed wins.
      info.inferenceProviderMapping[provider.id] ??= {
        providerId: mapping.providerModelId,
        task: task.conversational ? "conversational" : task.id,
        status: mapping.status,
      };
    }
  }
  return models;
}
