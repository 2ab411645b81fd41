/**
 * Changes during a build ask for exactly one more build, which sees the latest input.
 */
import { describe, expect, it } from "vitest";
import { RebuildQueue } from "../../scripts/watch/rebuild-queue.ts";

describe("RebuildQueue", () => {
  it("runs one build at a time and folds the changes made during a build into one more", async () => {
    let input = 0;
    let running = 0;
    let mostAtOnce = 0;
    const results: number[] = [];
    let finishBuild: () => void = () => {};
    const queue = new RebuildQueue(
      async () => {
        running++;
        mostAtOnce = Math.max(mostAtOnce, running);
        const seen = input;
        await new Promise<void>((resolve) => (finishBuild = resolve));
        running--;
        return seen;
      },
      (result) => results.push(result),
    );
    queue.request();
    input = 1;
    queue.request();
    input = 2;
    queue.request();
    finishBuild();
    await new Promise((resolve) => setTimeout(resolve, 10));
    finishBuild();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(results).toEqual([0, 2]);
    expect(mostAtOnce).toBe(1);
    queue.request();
    finishBuild();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(results).toEqual([0, 2, 2]);
  });
});
