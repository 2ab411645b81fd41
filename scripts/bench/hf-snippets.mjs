/**
 * The reference run of `npm run bench`: the official library's snippet generator
 * (`snippets.getInferenceSnippets` of @huggingface/inference) over the same task x provider
 * matrix as our pages (every live mapping of the feed, plain and, for streaming tasks, streaming),
 * in a process of its own, as plain JavaScript so nothing but the library is measured.
 *
 *   node scripts/bench/hf-snippets.mjs <specs dir>
 * Prints one line: calls, snippets, and calls that gave none (the pinned library no longer knows
 * hyperbolic, nebius and sambanova; it logs that and returns nothing, so the log is silenced).
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { snippets } from "@huggingface/inference";

const specsDir = process.argv[2] ?? "specs";
const feed = JSON.parse(readFileSync(path.join(specsDir, "providers.json"), "utf8"));
const tasks = new Map(
  readdirSync(path.join(specsDir, "tasks")).map((id) => [
    id,
    JSON.parse(readFileSync(path.join(specsDir, "tasks", id, "task.json"), "utf8")),
  ]),
);

let calls = 0;
let count = 0;
let empty = 0;
console.error = () => undefined;
for (const [providerId, provider] of Object.entries(feed.providers)) {
  for (const [taskId, mapping] of Object.entries(provider.tasks)) {
    const task = tasks.get(taskId);
    if (!task || mapping.status !== "live") continue;
    // The library knows chat as a conversational text-generation model.
    const pipeline = taskId === "chat-completion" ? "text-generation" : taskId;
    const model = {
      id: mapping.modelId,
      pipeline_tag: pipeline,
      tags: task.conversational ? ["conversational"] : [],
      inference: "",
    };
    // The bench's scaled feeds repeat each provider as <id>-x2, <id>-x3, ...: the library knows them by <id>.
    const libraryProvider = providerId.replace(/-x\d+$/, "");
    const entry = {
      hfModelId: mapping.modelId,
      provider: libraryProvider,
      providerId: mapping.providerModelId,
      status: "live",
      task: pipeline,
    };
    for (const streaming of task.response?.stream ? [false, true] : [false]) {
      calls++;
      let made = 0;
      try {
        made = snippets.getInferenceSnippets(model, libraryProvider, entry, { streaming }).length;
      } catch {
        // The library throws for pairs it cannot show (deepinfra speech recognition wants a Blob):
        // the docs site renders nothing there, so the bench counts the call as one without snippets.
      }
      count += made;
      if (made === 0) empty++;
    }
  }
}
process.stdout.write(`${calls} calls, ${count} snippets, ${empty} calls without snippets\n`);
