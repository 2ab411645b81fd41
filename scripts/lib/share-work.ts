/**
 * Work shared between a worker thread and this thread, in chunks taken as each gets free, so
 * neither waits while the other has work. The worker takes chunks from the front of the list and
 * this thread from the back: callers order the chunks so that each end needs different tools.
 * The worker is sent the whole list at once, with a claim per chunk in shared memory; each thread
 * claims its next chunk with an atomic compare-and-swap, so the worker never waits for this thread
 * to answer a message (this thread answers only between its chunks, which can be long).
 * A worker that fails leaves its chunks to this thread (slower, same result).
 * The worker module calls `serveChunks` with the same function this thread runs.
 * A worker can be started ahead (`prestartWorker`), so that its start and its module loading
 * overlap this thread's earlier work; the next `startSharing` for its URL takes it. Chunks can also
 * be given to the worker alone (`give`), to go on with while this thread does other work.
 */
import { parentPort, Worker } from "node:worker_threads";

/** A chunk given to the worker alone. */
interface ChunkMessage<T> {
  id: number;
  items: T[];
}

/** A list shared with the worker: chunk `index` has the id `firstId + index` and the claim `claims[index]`. */
interface ListMessage<T> {
  list: { firstId: number; chunks: T[][]; claims: Int32Array };
}

/** From the worker: a chunk's results, or the end of its part of a shared list. */
type Answer<R> = { id: number; results: R[] } | { listDone: number };

const UNCLAIMED = 0;
const BY_WORKER = 1;
const BY_THIS_THREAD = 2;

/** Workers started ahead, by URL, not yet taken. */
const spareWorkers = new Map<string, Worker>();

export function prestartWorker(workerUrl: URL): void {
  if (spareWorkers.has(workerUrl.href)) return;
  const worker = new Worker(workerUrl);
  // A spare that fails is simply not used; startSharing starts a new one.
  worker.once("error", () => spareWorkers.get(workerUrl.href) === worker && spareWorkers.delete(workerUrl.href));
  worker.unref();
  spareWorkers.set(workerUrl.href, worker);
}

/** Ends the workers started ahead that no work took (a build whose results were all cached). */
export async function releaseSpareWorkers(): Promise<void> {
  const spares = [...spareWorkers.values()];
  spareWorkers.clear();
  await Promise.all(spares.map((worker) => worker.terminate()));
}

function takeWorker(workerUrl: URL): Worker {
  const spare = spareWorkers.get(workerUrl.href);
  spareWorkers.delete(workerUrl.href);
  const worker = spare ?? new Worker(workerUrl);
  worker.ref();
  return worker;
}

export interface Sharing<T, R> {
  /**
   * Sends `chunks` to the worker at once, ahead of anything shared; this thread does them only if
   * the worker fails. This thread can go on with other work meanwhile.
   */
  give(chunks: readonly T[][]): void;
  /**
   * Shares `chunks`: the worker takes them from the front once done with what it was given, this
   * thread from the back. Resolves with the results of every chunk, given ones first, each list in
   * order, and ends the worker.
   */
  share(chunks: readonly T[][]): Promise<R[][]>;
}

export function startSharing<T, R>(workerUrl: URL, runHere: (items: T[]) => Promise<R[]>): Sharing<T, R> {
  const worker = takeWorker(workerUrl);
  const chunksById: T[][] = [];
  const results: R[][] = [];
  let failed = false;
  /** Called when the worker is done with the shared list, or has failed. */
  let workerFinished: (() => void) | undefined;
  worker.on("message", (answer: Answer<R>) => {
    if ("listDone" in answer) workerFinished?.();
    else results[answer.id] = answer.results;
  });
  worker.once("error", () => {
    failed = true;
    workerFinished?.();
  });
  return {
    give(chunks) {
      for (const items of chunks) {
        const message: ChunkMessage<T> = { id: chunksById.length, items };
        chunksById.push(items);
        if (!failed) worker.postMessage(message);
      }
    },
    async share(chunks) {
      const firstId = chunksById.length;
      chunksById.push(...chunks);
      const claims = new Int32Array(new SharedArrayBuffer(Math.max(1, chunks.length) * Int32Array.BYTES_PER_ELEMENT));
      const finished = new Promise<void>((resolve) => (workerFinished = resolve));
      if (failed) workerFinished?.();
      else worker.postMessage({ list: { firstId, chunks: [...chunks], claims } } satisfies ListMessage<T>);
      try {
        for (let index = chunks.length - 1; index >= 0; index--) {
          // A chunk the worker claimed: it has come this far from the front, the rest is its.
          if (Atomics.compareExchange(claims, index, UNCLAIMED, BY_THIS_THREAD) !== UNCLAIMED) break;
          results[firstId + index] = await runHere(chunks[index] as T[]);
        }
        await finished;
        // Only a worker that failed leaves chunks without results: given ones, or ones it claimed.
        for (const [id, items] of chunksById.entries()) results[id] ??= await runHere(items);
      } finally {
        await worker.terminate();
      }
      return chunksById.map((_, id) => results[id] as R[]);
    },
  };
}

/** In a worker module: answer every chunk with `run(items)`. */
export function serveChunks<T, R>(run: (items: T[]) => Promise<R[]>): void {
  // One message at a time, in order: the given chunks before the shared list.
  let queue = Promise.resolve();
  const answer = (message: Answer<R>) => parentPort?.postMessage(message);
  parentPort?.on("message", (message: ChunkMessage<T> | ListMessage<T>) => {
    queue = queue.then(async () => {
      if ("items" in message) return answer({ id: message.id, results: await run(message.items) });
      const { firstId, chunks, claims } = message.list;
      for (let index = 0; index < chunks.length; index++) {
        if (Atomics.compareExchange(claims, index, UNCLAIMED, BY_WORKER) !== UNCLAIMED) break;
        answer({ id: firstId + index, results: await run(chunks[index] as T[]) });
      }
      answer({ listDone: firstId });
    });
  });
}

/** `items` cut into chunks of `size`. */
export function inChunks<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}
