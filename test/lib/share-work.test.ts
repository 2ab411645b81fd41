/**
 * Sharing chunks with a worker thread: what was given to it and what was shared come back whole and
 * in order, and a worker that fails leaves its chunks to this thread.
 */
import { describe, expect, it } from "vitest";
import { startSharing } from "../../scripts/lib/share-work.ts";

const WORKER = new URL("./fixtures/doubling-worker.mjs", import.meta.url);
const FAILING_WORKER = new URL("./fixtures/failing-worker.mjs", import.meta.url);
const SLOW_WORKER = new URL("./fixtures/slow-worker.mjs", import.meta.url);
const doubleHere = async (items: number[]) => items.map((item) => item * 2);

describe("startSharing", () => {
  it("returns the results of given and shared chunks in order", async () => {
    const sharing = startSharing(WORKER, doubleHere);
    sharing.give([[1, 2], [3]]);
    const shared = Array.from({ length: 20 }, (_, index) => [index, index + 100]);
    expect(await sharing.share(shared)).toEqual([[2, 4], [6], ...shared.map((chunk) => chunk.map((n) => n * 2))]);
  });

  it("does a failed worker's chunks on this thread", async () => {
    const sharing = startSharing(FAILING_WORKER, doubleHere);
    sharing.give([[1], [2]]);
    expect(await sharing.share([[3], [4, 5]])).toEqual([[2], [4], [6], [8, 10]]);
  });

  it("lets the worker go on through the list while this thread is busy with a long chunk", async () => {
    // This thread's chunk holds it for 300 ms, as a large page does: it answers no message meanwhile.
    const busyHere = async (items: number[]) => {
      const until = Date.now() + 300;
      while (Date.now() < until);
      return items.map((item) => `here:${item}`);
    };
    const sharing = startSharing<number, number | string>(SLOW_WORKER, busyHere);
    sharing.give([[100]]);
    const chunks = Array.from({ length: 10 }, (_, index) => [index]);
    const results = (await sharing.share(chunks)).flat();
    expect(results.map((result) => String(result).split(":")[1])).toEqual(["100", ...chunks.map(String)]);
    // The worker takes 20 ms a chunk: it did most of the list while this thread did one chunk.
    expect(results.filter((result) => String(result).startsWith("worker:")).length).toBeGreaterThanOrEqual(7);
  });

  it("works with nothing given, and with nothing shared", async () => {
    expect(await startSharing(WORKER, doubleHere).share([[7]])).toEqual([[14]]);
    const onlyGiven = startSharing(WORKER, doubleHere);
    onlyGiven.give([[8]]);
    expect(await onlyGiven.share([])).toEqual([[16]]);
  });
});
