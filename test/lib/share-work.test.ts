/**
 * Sharing chunks with a worker thread: what was given to it and what was shared come back whole and
 * in order, and a worker that fails leaves its chunks to this thread.
 */
import { describe, expect, it } from "vitest";
import { startSharing } from "../../scripts/lib/share-work.ts";

const WORKER = new URL("./fixtures/doubling-worker.mjs", import.meta.url);
const doubleHere = async (items: number[]) => items.map((item) => item * 2);

describe("startSharing", () => {
  it("returns the results of given and shared chunks in order", async () => {
    const sharing = startSharing(WORKER, doubleHere);
    sharing.give([[1, 2], [3]]);
    const shared = Array.from({ length: 20 }, (_, index) => [index, index + 100]);
    expect(await sharing.share(shared)).toEqual([[2, 4], [6], ...shared.map((chunk) => chunk.map((n) => n * 2))]);
  });

  it("does a failed worker's chunks on this thread", async () => {
    const sharing = startSharing(WORKER, doubleHere, "fail");
    sharing.give([[1], [2]]);
    expect(await sharing.share([[3], [4, 5]])).toEqual([[2], [4], [6], [8, 10]]);
  });

  it("sends the worker shared chunks while it still works on given ones, so it never waits for this thread", async () => {
    // This thread's chunks hold it for 150 ms each, as formatting does: it answers no message meanwhile.
    const busyHere = async (items: number[]) => {
      const until = Date.now() + 150;
      while (Date.now() < until);
      return items;
    };
    const sharing = startSharing(WORKER, busyHere, "report");
    sharing.give([[0], [1], [2]]);
    const results = await sharing.share([[3], [4], [5], [6]]);
    // The worker had the first shared chunk (id 3) before it finished the last given one (id 2).
    expect(results[2]?.[0]).toBeGreaterThanOrEqual(3);
  });

  it("works with nothing given, and with nothing shared", async () => {
    expect(await startSharing(WORKER, doubleHere).share([[7]])).toEqual([[14]]);
    const onlyGiven = startSharing(WORKER, doubleHere);
    onlyGiven.give([[8]]);
    expect(await onlyGiven.share([])).toEqual([[16]]);
  });
});
