/**
 * Runs a command of this project the way a user does (`npm run <name>` is `tsx scripts/cli/<name>.ts`),
 * in any working directory.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const PROJECT_ROOT = fileURLToPath(new URL("../../", import.meta.url));
const TSX = path.join(PROJECT_ROOT, "node_modules/tsx/dist/cli.mjs");

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCommand(name: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): CliResult {
  const result = spawnSync(process.execPath, [TSX, path.join(PROJECT_ROOT, "scripts/cli", `${name}.ts`), ...args], {
    cwd,
    encoding: "utf8",
    timeout: 120_000,
    env: { ...process.env, NO_COLOR: "1", ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * A scratch project: copies of specs/ and templates/ and a configuration file, so tests can
 * break inputs and outputs without touching the repository.
 */
export function scratchProject(config: object = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), "snippet-docs-"));
  cpSync(path.join(PROJECT_ROOT, "specs"), path.join(dir, "specs"), { recursive: true });
  cpSync(path.join(PROJECT_ROOT, "templates"), path.join(dir, "templates"), { recursive: true });
  writeFileSync(path.join(dir, "snippet-docs.config.json"), JSON.stringify(config, null, 2));
  return dir;
}
