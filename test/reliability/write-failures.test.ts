/**
 * A full disk during the write leaves the old set whole, exit 2 and no temporary file; a lock held
 * by a live run is waited for, and a lock left by a killed run is taken over.
 */
import { spawnSync } from "node:child_process";
import * as nodeFs from "node:fs";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  JOURNAL_NAME,
  LOCK_NAME,
  MANIFEST_NAME,
  STAGING_NAME,
  writeOutput,
  type WriterFs,
} from "../../scripts/pipeline/output-dir.ts";
import { generateInProcess, tinyProject, treeHash } from "./fixture.ts";

const cleanups: (() => void)[] = [];
afterAll(() => {
  for (const cleanup of cleanups.reverse()) cleanup();
});

/** Only the manifest may sit beside the pages: no staging folder, journal, lock or temporary file. */
function leftovers(out: string): string[] {
  const names: string[] = [];
  const visit = (relative: string) => {
    for (const entry of readdirSync(path.join(out, relative), { withFileTypes: true })) {
      const child = path.join(relative, entry.name);
      if (entry.isDirectory() && entry.name !== STAGING_NAME) visit(child);
      else if (entry.name.startsWith(".") && entry.name !== MANIFEST_NAME) names.push(child);
      else if (entry.name.endsWith(".tmp")) names.push(child);
    }
  };
  visit("");
  return names;
}

/** A change to a partial every page includes, so the next run rewrites every page. */
function changeEveryPage(dir: string): void {
  const header = path.join(dir, "templates/partials/generated-header.hbs");
  writeFileSync(header, nodeFs.readFileSync(header, "utf8").replaceAll("Do not edit", "Please do not edit"));
}

function tryMountTmpfs(dir: string, size: string): boolean {
  if (process.getuid?.() !== 0) return false;
  return spawnSync("mount", ["-t", "tmpfs", "-o", `size=${size}`, "tmpfs", dir]).status === 0;
}

describe("a full disk during the write", () => {
  it("on a small tmpfs: exit 2, the old set whole, nothing left behind", async (context) => {
    const mountPoint = mkdtempSync(path.join(tmpdir(), "snippet-docs-tmpfs-"));
    cleanups.push(() => rmSync(mountPoint, { recursive: true, force: true }));
    if (!tryMountTmpfs(mountPoint, "8m")) {
      context.skip("mounting a tmpfs needs root; the injected-failure test below covers the same path");
      return;
    }
    cleanups.push(() => spawnSync("umount", [mountPoint]));
    const dir = tinyProject({}, mountPoint);
    expect((await generateInProcess(dir)).code).toBe(0);
    changeEveryPage(dir);
    const out = path.join(dir, "generated");
    const before = treeHash(out);
    // Fill the disk, then give back room for the lock and about one page: the second page cannot be staged.
    const filler = path.join(mountPoint, "filler");
    const descriptor = nodeFs.openSync(filler, "w");
    const chunk = Buffer.alloc(64 * 1024, 120);
    try {
      for (;;) nodeFs.writeSync(descriptor, chunk);
    } catch (error) {
      expect((error as NodeJS.ErrnoException).code).toBe("ENOSPC");
    }
    nodeFs.ftruncateSync(descriptor, nodeFs.fstatSync(descriptor).size - 16 * 1024);
    nodeFs.closeSync(descriptor);

    const result = await generateInProcess(dir);
    expect(result.code, result.output).toBe(2);
    expect(result.output).toMatch(
      /generated\/.*: error: cannot write the new pages \(the old ones are unchanged\): the disk is full: free some space and run the command again \[ENOSPC\]/,
    );
    expect(treeHash(out)).toBe(before);
    expect(leftovers(out)).toEqual([]);

    rmSync(filler);
    expect((await generateInProcess(dir)).code).toBe(0);
    expect(treeHash(out)).not.toBe(before);
  });

  it("through an injected file system that runs out of space after two files", async () => {
    const dir = tinyProject();
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    expect((await generateInProcess(dir)).code).toBe(0);
    changeEveryPage(dir);
    const out = path.join(dir, "generated");
    const before = treeHash(out);
    let writes = 0;
    const full: WriterFs = {
      ...nodeFs,
      writeFileSync: (file, data, options) => {
        if (++writes > 2)
          throw Object.assign(new Error(`ENOSPC: no space left on device, write`), {
            code: "ENOSPC",
            syscall: "write",
            path: String(file),
          });
        nodeFs.writeFileSync(file, data, options);
      },
    };
    const result = await generateInProcess(dir, { fs: full });
    expect(result.code, result.output).toBe(2);
    expect(result.output).toContain("the disk is full");
    expect(writes).toBeGreaterThan(2);
    expect(treeHash(out)).toBe(before);
    expect(leftovers(out)).toEqual([]);
  });
});

describe("two runs at once", () => {
  it("waits for a live holder of the lock, then writes", async () => {
    const out = mkdtempSync(path.join(tmpdir(), "snippet-docs-lock-"));
    cleanups.push(() => rmSync(out, { recursive: true, force: true }));
    // The holder is not our child (the shell exits at once), so init reaps it and no zombie stays alive.
    const holder = Number(
      spawnSync("sh", ["-c", "sleep 1 >/dev/null 2>&1 & echo $!"], { encoding: "utf8" }).stdout.trim(),
    );
    writeFileSync(path.join(out, LOCK_NAME), `${holder}\n`);
    const summary = writeOutput(out, [{ path: "a.md", content: "x\n" }], { lockTimeoutMs: 30_000 });
    expect(summary.written).toBe(1);
    expect(() => process.kill(holder, 0), "the write waited for the holder to end").toThrow();
    expect(existsSync(path.join(out, LOCK_NAME))).toBe(false);
  });

  it("takes over the lock of a run that was killed", () => {
    const out = mkdtempSync(path.join(tmpdir(), "snippet-docs-lock-"));
    cleanups.push(() => rmSync(out, { recursive: true, force: true }));
    const dead = spawnSync("true").pid;
    writeFileSync(path.join(out, LOCK_NAME), `${dead}\n`);
    mkdirSync(path.join(out, STAGING_NAME));
    writeFileSync(path.join(out, STAGING_NAME, "half.md"), "half");
    const summary = writeOutput(out, [{ path: "a.md", content: "x\n" }], { lockTimeoutMs: 0 });
    expect(summary.written).toBe(1);
    expect(leftovers(out)).toEqual([]);
    expect(existsSync(path.join(out, JOURNAL_NAME))).toBe(false);
  });
});
