/**
 * Work shared between a worker thread and this thread, in chunks taken as each gets free, so
 * neither waits while the other has work. The worker takes chunks from the front of the list and
 * this thread from the back: callers order the chunks so that each end needs different tools.
 * A worker that fails leaves its chunk to this thread (slower, same result).
 * The worker module calls `serveChunks` with the same function this thread runs.
 * A worker can be started ahead (`prestartWorker`), so that its start and its module loading
 * overlap this thread's earlier work; the next `startSharing` for its URL takes it. Chunks can also
 * be given to the worker alone (`give`), to go on with while this thread does other work.
 */
import { parentPort, Worker } from "node:worker_threads";

interface ChunkMessage<T> {
  id: number;
  items: T[];
}

/** The first message to a worker: the data its chunks need (given after its start when it was started ahead). */
interface SetupMessage {
  setup: unknown;
}

/** How many shared chunks the worker holds at a time, besides those it was given. */
const CHUNKS_AHEAD = 2;

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

function takeWorker(workerUrl: URL, data: unknown): Worker {
  const spare = spareWorkers.get(workerUrl.href);
  spareWorkers.delete(workerUrl.href);
  const worker = spare ?? new Worker(workerUrl);
  worker.ref();
  const setup: SetupMessage = { setup: data };
  worker.postMessage(setup);
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

export function startSharing<T, R>(
  workerUrl: URL,
  runHere: (items: T[]) => Promise<R[]>,
  data?: unknown,
): Sharing<T, R> {
  const worker = takeWorker(workerUrl, data);
  const results: R[][] = [];
  const pending: ChunkMessage<T>[] = [];
  const inWorker = new Map<number, ChunkMessage<T>>();
  /** Ids of the chunks given (not shared). */
  const given = new Set<number>();
  let nextId = 0;
  let failed = false;
  let workerIdle: (() => void) | undefined;
  const post = (chunk: ChunkMessage<T>) => {
    if (failed) return void pending.push(chunk);
    inWorker.set(chunk.id, chunk);
    worker.postMessage(chunk);
  };
  // This thread answers the worker only between its own chunks, so the worker holds shared chunks
  // to go on with meanwhile instead of waiting idle, also behind the chunks it was given.
  const sharedInWorker = () => [...inWorker.keys()].filter((id) => !given.has(id)).length;
  const sendNext = () => {
    while (!failed && sharedInWorker() < CHUNKS_AHEAD && pending.length > 0) post(pending.shift() as ChunkMessage<T>);
    if (inWorker.size === 0 && (failed || pending.length === 0)) workerIdle?.();
  };
  worker.on("message", (answer: { id: number; results: R[] }) => {
    results[answer.id] = answer.results;
    inWorker.delete(answer.id);
    sendNext();
  });
  worker.once("error", () => {
    failed = true;
    pending.push(...inWorker.values());
    inWorker.clear();
    workerIdle?.();
  });
  return {
    give(chunks) {
      for (const items of chunks) {
        given.add(nextId);
        post({ id: nextId++, items });
      }
    },
    async share(chunks) {
      for (const items of chunks) pending.push({ id: nextId++, items });
      const workerDone = new Promise<void>((resolve) => (workerIdle = resolve));
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
      return Array.from({ length: nextId }, (_, id) => results[id] as R[]);
    },
  };
}

/** In a worker module: answer every chunk with `run(items, data)`, `data` as the setup message gave it. */
export function serveChunks<T, R>(run: (items: T[], data: unknown) => Promise<R[]>): void {
  let data: unknown;
  parentPort?.on("message", (message: ChunkMessage<T> | SetupMessage) => {
    if ("setup" in message) {
      data = message.setup;
      return;
    }
    void run(message.items, data).then((results) => parentPort?.postMessage({ id: message.id, results }));
  });
}

/** `items` cut into chunks of `size`. */
export function inChunks<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}
