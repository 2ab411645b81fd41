/**
 * The pipeline tag the Hub gives a task's models. Chat completion is not a Hub pipeline: chat
 * models are text-generation models tagged `conversational` (vision-language ones are
 * image-text-to-text models with the same tag). Anything that names a pipeline to the Hub or to
 * its components (the `<InferenceSnippet>` tag, model search links, provider mappings) uses this.
 */
import type { Task } from "./types.ts";

export function hubPipelineTag(task: Pick<Task, "id">): string {
  return task.id === "chat-completion" ? "text-generation" : task.id;
}
