/**
 * Formatting and verifying on both cores: a worker thread and this thread share the sources in
 * small chunks, taking them as they get free, so neither waits while the other has work. Sources
 * are ordered by language and the worker takes from the front (JavaScript: prettier, the slowest)
 * while this thread takes from the back (shell, then Python), so each thread loads another
 * language's tools only where the two meet. Small batches (an edit in the preview) stay on this
 * thread: starting a worker costs more than it saves. Workers run only from the bundle
 * (scripts/launch.mjs); from the sources (tsx, vitest) everything runs on this thread.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { bundledEntry } from "../scripts/lib/bundle.ts";
import { checkSources, type Checked, type SourceToCheck } from "./check.ts";
import type { Language } from "./clients/types.ts";

const LANGUAGE_ORDER: Record<Language, number> = { js: 0, python: 1, sh: 2 };
/** Below this many sources a worker does not pay for its start. */
const WORKER_THRESHOLD = 60;
const CHUNK = 8;
const WORKER_ENTRY = "snippets/check-worker.ts";

interface Chunk {
  id: number;
  indexes: number[];
}

export async function checkSourcesOnAllCores(items: readonly SourceToCheck[]): Promise<Checked[]> {
  const workerUrl = bundledEntry(WORKER_ENTRY);
  if (!workerUrl || items.length < WORKER_THRESHOLD || availableParallelism() < 2) return checkSources(items);
  const order = items.map((_, index) => index).sort((a, b) => LANGUAGE_ORDER[(items[a] as SourceToCheck).language] - LANGUAGE_ORDER[(items[b] as SourceToCheck).language]);
  const chunks: Chunk[] = [];
  for (let start = 0; start < order.length; start += CHUNK) chunks.push({ id: chunks.length, indexes: order.slice(start, start + CHUNK) });
  const results = new Array<Checked>(items.length);
  const pick = (chunk: Chunk) => chunk.indexes.map((index) => items[index] as SourceToCheck);
  const store = (chunk: Chunk, checked: readonly Checked[]) => chunk.indexes.forEach((index, position) => (results[index] = checked[position] as Checked));

  const worker = new Worker(workerUrl);
  let inWorker: Chunk | undefined;
  const sendNext = () => {
    inWorker = chunks.shift();
    if (inWorker) worker.postMessage({ id: inWorker.id, items: pick(inWorker) });
  };
  const workerDone = new Promise<void>((resolve) => {
    worker.on("message", (answer: { id: number; results: Checked[] }) => {
      if (inWorker && answer.id === inWorker.id) store(inWorker, answer.results);
      sendNext();
      if (!inWorker) resolve();
    });
    // A worker that fails leaves its chunk to this thread: slower, same result.
    worker.once("error", () => {
      if (inWorker) chunks.push(inWorker);
      inWorker = undefined;
      resolve();
    });
  });
  sendNext();
  try {
    for (let chunk = chunks.pop(); chunk; chunk = chunks.pop()) {
      store(chunk, await checkSources(pick(chunk)));
      // Let the worker's answers in, so it gets its next chunk without waiting for this loop.
      await new Promise((resolve) => setImmediate(resolve));
    }
    await workerDone;
    // Chunks a failed worker gave back.
    for (let chunk = chunks.pop(); chunk; chunk = chunks.pop()) store(chunk, await checkSources(pick(chunk)));
  } finally {
    await worker.terminate();
  }
  return results;
}
