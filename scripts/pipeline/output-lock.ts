/**
 * The output folder's lock: a file holding the pid of the run writing the folder, created
 * exclusively. A second run waits while that process lives, and takes over the lock of a process
 * that is gone (killed runs leave their lock behind).
 */
import * as nodeFs from "node:fs";
import path from "node:path";
import { InputError } from "../lib/diagnostics.ts";
import { displayPath, fileSystemDiagnostic } from "../load/files.ts";

export const LOCK_NAME = ".snippet-docs.lock";

export type LockFs = Pick<typeof nodeFs, "openSync" | "writeSync" | "closeSync" | "rmSync" | "unlinkSync">;

const sleeper = new Int32Array(new SharedArrayBuffer(4));

function processIsAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Takes the output folder's lock, waiting for a live holder and taking over a dead one's. */
export function acquireLock(dir: string, fs: LockFs, timeoutMs: number): () => void {
  const lock = path.join(dir, LOCK_NAME);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const descriptor = fs.openSync(lock, "wx");
      try {
        fs.writeSync(descriptor, `${process.pid}\n`);
      } finally {
        fs.closeSync(descriptor);
      }
      return () => fs.rmSync(lock, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST")
        throw new InputError([fileSystemDiagnostic(lock, error, "output-fs", "create the lock file")]);
    }
    let holder = Number.NaN;
    try {
      holder = Number.parseInt(nodeFs.readFileSync(lock, "utf8"), 10);
    } catch {
      continue; // released meanwhile
    }
    if (!processIsAlive(holder)) {
      // The holder was killed: its lock is stale. Remove it only if it is still the same file.
      try {
        if (Number.parseInt(nodeFs.readFileSync(lock, "utf8"), 10) === holder || Number.isNaN(holder))
          fs.unlinkSync(lock);
      } catch {
        // someone else removed it first
      }
      continue;
    }
    if (Date.now() >= deadline) {
      throw new InputError([
        {
          file: displayPath(lock),
          reason: `another run of the generator (pid ${holder}) is writing this folder: wait for it to finish, or delete this file if that process is not the generator`,
          ruleId: "output-locked",
        },
      ]);
    }
    Atomics.wait(sleeper, 0, 0, 50);
  }
}
