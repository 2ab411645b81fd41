/**
 * The watcher reports every save, however quick the next one: a second write to a file right after
 * the first was reported must be reported too (chokidar alone drops it for 50 ms).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { watchPaths } from "../../scripts/watch/watch.ts";
import { OutputWaiter } from "../helpers/output-waiter.ts";

const dir = mkdtempSync(path.join(tmpdir(), "watch-paths-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("watchPaths", () => {
  it("reports a second save made right after the first was reported", async () => {
    const file = path.join(dir, "spec.json");
    writeFileSync(file, "{}\n");
    const batches = new OutputWaiter(10_000);
    const watcher = watchPaths([{ path: dir, kind: "directory" }], (files) => batches.onStdout(`${files.length}\n`));
    try {
      await watcher.ready;
      writeFileSync(file, "{");
      await batches.until(() => batches.stdout.split("\n").length > 1, "the first save");
      // At once: well within the 50 ms in which chokidar drops a change to the same file.
      writeFileSync(file, "{}\n");
      await batches.until(() => batches.stdout.split("\n").length > 2, "the second save");
      expect(batches.stdout).toBe("1\n1\n");
    } finally {
      await watcher.close();
    }
  });
});
