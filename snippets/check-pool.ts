/**
 * Formatting and verifying on both cores (scripts/lib/share-work.ts). Sources are ordered by
 * language: the worker takes from the front (JavaScript: prettier, the slowest) and this thread
 * from the back (shell, then Python), so each thread loads another language's tools only where
 * the two meet. Small batches (an edit in the preview) stay on this thread: starting a worker
 * costs more than it saves. Workers run only from the bundle (scripts/launch.mjs); from the
 * sources (tsx, vitest) everything runs on this thread.
 */
import { availableParallelism } from "node:os";
import { bundledEntry } from "../scripts/lib/bundle.ts";
import { inChunks, prestartWorker, shareWork } from "../scripts/lib/share-work.ts";
import { checkSources, type Checked, type SourceToCheck } from "./check.ts";
import type { Language } from "./clients/types.ts";

const LANGUAGE_ORDER: Record<Language, number> = { js: 0, python: 1, sh: 2 };
/** Below this many sources a worker does not pay for its start. */
const WORKER_THRESHOLD = 60;

/**
 * Starts the checking worker now, when it may soon be needed (a build that may find snippets not
 * cached): it loads the JavaScript formatter and warms it up while this thread loads the specs.
 */
export function prestartCheckWorker(): void {
  const workerUrl = bundledEntry("snippets/check-worker.ts");
  if (workerUrl && availableParallelism() >= 2) prestartWorker(workerUrl);
}

export async function checkSourcesOnAllCores(items: readonly SourceToCheck[]): Promise<Checked[]> {
  const workerUrl = bundledEntry("snippets/check-worker.ts");
  if (!workerUrl || items.length < WORKER_THRESHOLD || availableParallelism() < 2) return checkSources(items);
  const order = items
    .map((_, index) => index)
    .sort(
      (a, b) =>
        LANGUAGE_ORDER[(items[a] as SourceToCheck).language] - LANGUAGE_ORDER[(items[b] as SourceToCheck).language],
    );
  const chunks = inChunks(order, 8);
  const checked = await shareWork(
    workerUrl,
    chunks.map((chunk) => chunk.map((index) => items[index] as SourceToCheck)),
    checkSources,
  );
  const results = new Array<Checked>(items.length);
  chunks.forEach((chunk, position) =>
    chunk.forEach((index, offset) => (results[index] = checked[position]?.[offset] as Checked)),
  );
  return results;
}
