/**
 * Runs the commands of this project in-process (`main(argv, io)`, as `snippet-docs <name>` does)
 * or, for the few smoke tests, as a real process through the installed entry point.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { main } from "../../scripts/cli/main.ts";
import { bufferIo } from "../../scripts/cli/io.ts";

export const PROJECT_ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const BIN = path.join(PROJECT_ROOT, "bin/snippet-docs.js");

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** `snippet-docs <name> ...args` in this process, started in `cwd`. */
export async function runCommand(
  name: string,
  args: readonly string[],
  cwd: string,
  env: Record<string, string> = {},
): Promise<CliResult> {
  const io = bufferIo(cwd, { NO_COLOR: "1", ...env });
  const status = await main([name, ...args], io);
  return { status, stdout: io.out(), stderr: io.err() };
}

/** This process's environment without npm's variables, which would make messages say `npm run`/`npx`. */
export function plainEnv(env: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("npm_")));
  return { ...inherited, NO_COLOR: "1", ...env };
}

/** `snippet-docs ...args` as a separate process: for one smoke test per command. */
export function spawnCli(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", env: plainEnv(env) });
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
