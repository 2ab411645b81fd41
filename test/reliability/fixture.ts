/**
 * A tiny project for the reliability tests: two tasks, one provider, two clients, copied from the
 * repository's own specs and templates so it follows them. Generating it takes well under a second
 * once the snippet formatters are warm, so many bad inputs can be tried in-process.
 */
import { createHash } from "node:crypto";
import {
  cpSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadConfig } from "../../scripts/config/config.ts";
import { formatDiagnostics, isInputError } from "../../scripts/lib/diagnostics.ts";
import { buildSite } from "../../scripts/pipeline/build-site.ts";
import { writeOutput, type WriteOptions } from "../../scripts/pipeline/output-dir.ts";
import { PROJECT_ROOT } from "../helpers/cli.ts";

export const FIXTURE_TASKS = ["text-classification", "fill-mask"];
export const FIXTURE_PROVIDER = "hf-inference";

interface Feed {
  providers: Record<string, { tasks: Record<string, unknown> }>;
}

export function tinyProject(config: object = {}, parent: string = tmpdir()): string {
  const dir = mkdtempSync(path.join(parent, "snippet-docs-tiny-"));
  cpSync(path.join(PROJECT_ROOT, "templates"), path.join(dir, "templates"), { recursive: true });
  // Overrides of tasks the fixture does not have would be refused.
  rmSync(path.join(dir, "templates/tasks"), { recursive: true, force: true });
  cpSync(path.join(PROJECT_ROOT, "specs/common-definitions.json"), path.join(dir, "specs/common-definitions.json"));
  for (const task of FIXTURE_TASKS) {
    cpSync(path.join(PROJECT_ROOT, "specs/tasks", task), path.join(dir, "specs/tasks", task), { recursive: true });
  }
  const feed = JSON.parse(readFileSync(path.join(PROJECT_ROOT, "specs/providers.json"), "utf8")) as Feed;
  const provider = feed.providers[FIXTURE_PROVIDER];
  if (!provider) throw new Error(`the feed has no ${FIXTURE_PROVIDER}`);
  provider.tasks = Object.fromEntries(Object.entries(provider.tasks).filter(([task]) => FIXTURE_TASKS.includes(task)));
  feed.providers = { [FIXTURE_PROVIDER]: provider };
  writeFileSync(path.join(dir, "specs/providers.json"), JSON.stringify(feed, null, 2) + "\n");
  writeFileSync(
    path.join(dir, "snippet-docs.config.json"),
    JSON.stringify({ clients: ["sh/curl", "python/requests"], ...config }, null, 2) + "\n",
  );
  mkdirSync(path.join(dir, "generated"), { recursive: true });
  return dir;
}

/** A digest of every entry under `dir`: names, kinds, contents and link targets; nothing followed. */
export function treeHash(dir: string): string {
  const hash = createHash("sha256");
  const visit = (relative: string) => {
    for (const name of readdirSync(path.join(dir, relative)).sort()) {
      const child = path.join(relative, name);
      const full = path.join(dir, child);
      const stat = lstatSync(full);
      if (stat.isSymbolicLink()) hash.update(`link ${child} -> ${readlinkSync(full)}\n`);
      else if (stat.isDirectory()) {
        hash.update(`dir ${child} ${stat.mode}\n`);
        visit(child);
      } else hash.update(`file ${child} ${stat.mode} `).update(readFileSync(full)).update("\n");
    }
  };
  visit("");
  return hash.digest("hex");
}

export interface RunResult {
  code: number;
  output: string;
}

/** `generate` in-process, with the CLI's exit codes: 0 done, 2 invalid input, 3 a bug. */
export async function generateInProcess(root: string, options: WriteOptions = {}): Promise<RunResult> {
  try {
    const config = loadConfig(root);
    const site = await buildSite(config);
    const summary = writeOutput(config.outDir, site.files, options);
    return {
      code: 0,
      output: `${summary.written} written, ${summary.removed} removed, foreign: ${summary.foreign.join(", ")}`,
    };
  } catch (error) {
    if (isInputError(error)) return { code: 2, output: formatDiagnostics(error.diagnostics) };
    return { code: 3, output: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}
