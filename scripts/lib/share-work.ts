/**
 * Work shared between a worker thread and this thread, in chunks taken as each gets free, so
 * neither waits while the other has work. The worker takes chunks from the front of the list and
 * this thread from the back: callers order the chunks so that each end needs different tools.
 * A worker that fails leaves its chunk to this thread (slower, same result).
 * The worker module calls `serveChunks` with the same function this thread runs.
 */
import { parentPort, Worker, workerData } from "node:worker_threads";

interface ChunkMessage<T> {
  id: number;
  items: T[];
}

export async function shareWork<T, R>(
  workerUrl: URL,
  chunks: readonly T[][],
  runHere: (items: T[]) => Promise<R[]>,
  data?: unknown,
): Promise<R[][]> {
  const results = new Array<R[]>(chunks.length);
  const pending = chunks.map((items, id) => ({ id, items }));
  const worker = new Worker(workerUrl, { workerData: data });
  let inWorker: ChunkMessage<T> | undefined;
  const sendNext = () => {
    inWorker = pending.shift();
    if (inWorker) worker.postMessage(inWorker);
  };
  const workerDone = new Promise<void>((resolve) => {
    worker.on("message", (answer: { id: number; results: R[] }) => {
      results[answer.id] = answer.results;
      sendNext();
      if (!inWorker) resolve();
    });
    worker.once("error", () => {
      if (inWorker) pending.push(inWorker);
      inWorker = undefined;
      resolve();
    });
  });
  sendNext();
  try {
    for (let chunk = pending.pop(); chunk; chunk = pending.pop()) {
      results[chunk.id] = await runHere(chunk.items);
      // Let the worker's answers in, so it gets its next chunk without waiting for this loop.
      await new Promise((resolve) => setImmediate(resolve));
    }
    await workerDone;
    for (let chunk = pending.pop(); chunk; chunk = pending.pop()) results[chunk.id] = await runHere(chunk.items);
  } finally {
    await worker.terminate();
  }
  return results;
}

/** In a worker module: answer every chunk with `run(items, workerData)`. */
export function serveChunks<T, R>(run: (items: T[], data: unknown) => Promise<R[]>): void {
  parentPort?.on("message", (chunk: ChunkMessage<T>) => {
    void run(chunk.items, workerData).then((results) => parentPort?.postMessage({ id: chunk.id, results }));
  });
}

/** `items` cut into chunks of `size`. */
export function inChunks<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}
