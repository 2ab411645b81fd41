/**
 * Running `sync` in-process against the fixture Hub, in a scratch project, and fingerprinting the
 * project's files to prove a failed sync left every byte alone.
 */
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { bufferIo } from "../../scripts/cli/io.ts";
import { main } from "../../scripts/cli/sync.ts";
import { scratchProject } from "../helpers/cli.ts";

/** Short timeouts so faults are found in a fraction of a second. */
export const FAST_HTTP = {
  timeoutMs: 400,
  retries: 1,
  backoffMs: 5,
  totalTimeoutMs: 20_000,
  pageSize: 7,
  concurrency: 4,
};

export function syncProject(sync: object = {}, config: object = {}): string {
  return scratchProject({ ...config, sync: { http: FAST_HTTP, ...sync } });
}

export interface SyncRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runSync(
  cwd: string,
  argv: string[],
  env: Record<string, string | undefined> = {},
): Promise<SyncRun> {
  const io = bufferIo(cwd, env);
  const code = await main(argv, io);
  return { code, stdout: io.out(), stderr: io.err() };
}

/** sha256 of every file under `dir`, by relative path. */
export function fingerprint(dir: string): Map<string, string> {
  const hashes = new Map<string, string>();
  const visit = (relative: string) => {
    for (const name of readdirSync(path.join(dir, relative))) {
      const child = path.join(relative, name);
      if (statSync(path.join(dir, child)).isDirectory()) visit(child);
      else
        hashes.set(
          child,
          createHash("sha256")
            .update(readFileSync(path.join(dir, child)))
            .digest("hex"),
        );
    }
  };
  visit("");
  return hashes;
}
