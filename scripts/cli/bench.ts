/**
 * snippet-docs bench [--runs N] [--scale K]
 * Measures whole processes side by side, median of N runs (default 5), in the order they
 * alternate in each round: the official library's `getInferenceSnippets` over the same task x
 * provider matrix (scripts/bench/hf-snippets.mjs), `generate` on an unchanged tree, `check`, and
 * `generate` cold (an empty cache). Each figure is printed with its ratio to the library's run.
 * With --scale K the same runs are repeated on a copy whose feed has K times the providers, and
 * the growth is printed (cold runs are left out there: they format K times the snippets). Works on copies
 * (scripts/bench/workspace.ts); this project is not touched.
 * Exit 1 when a target set as a ratio is missed: generate unchanged <= 1.5 x the library's run,
 * and at --scale 10 at most 12 x the unscaled time. The absolute targets are printed for reference.
 */
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { InvalidArgumentError, type Command } from "commander";
import { loadConfig } from "../config/config.ts";
import { benchProject, benchScratch, type BenchProject } from "../bench/workspace.ts";
import type { CommandContext, CommandDefinition } from "./command.ts";
import { commandMain } from "./program.ts";
import { EXIT } from "./run.ts";

const TOOL_ROOT = fileURLToPath(new URL("../../", import.meta.url));
const LAUNCH = path.join(TOOL_ROOT, "scripts/launch.mjs");
/** The command as users start it: from the bundle when it is current (scripts/launch.mjs). */
const BIN = path.join(TOOL_ROOT, "bin/snippet-docs.js");
const HF_RUN = path.join(TOOL_ROOT, "scripts/bench/hf-snippets.mjs");

interface Figure {
  name: string;
  seconds: number[];
  detail: string;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** Runs one process to its end and returns its wall time in seconds and its first output line. */
function timed(args: readonly string[], cwd: string): { seconds: number; line: string } {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`${args.join(" ")} exited with ${result.status}:\n${result.stderr}`);
  return { seconds, line: result.stdout.trim().split("\n")[0] ?? "" };
}

/** N rounds over one project; each round runs every measure once, so a load change hits all alike. */
function measure(project: BenchProject, runs: number, scratch: string, cold: boolean): Figure[] {
  const warmCache = path.join(scratch, `cache-warm-${project.scale}`);
  project.useCache(warmCache);
  timed([BIN, "generate"], project.dir); // fills the cache and brings the copy's pages up to date
  const figures = {
    hf: { name: "HF getInferenceSnippets", seconds: [] as number[], detail: "" },
    unchanged: { name: "generate, unchanged", seconds: [] as number[], detail: "" },
    check: { name: "check", seconds: [] as number[], detail: "" },
    cold: { name: "generate, cold (empty cache)", seconds: [] as number[], detail: "" },
  };
  for (let round = 0; round < runs; round++) {
    const hf = timed([HF_RUN, path.join(project.dir, "specs")], TOOL_ROOT);
    figures.hf.seconds.push(hf.seconds);
    figures.hf.detail = hf.line;
    const unchanged = timed([BIN, "generate"], project.dir);
    figures.unchanged.seconds.push(unchanged.seconds);
    figures.unchanged.detail = unchanged.line.replace(/ in [\d.]+s$/, "");
    figures.check.seconds.push(timed([BIN, "check"], project.dir).seconds);
    if (!cold) continue;
    project.useCache(path.join(scratch, `cache-cold-${project.scale}-${round}`));
    figures.cold.seconds.push(timed([BIN, "generate"], project.dir).seconds);
    project.useCache(warmCache);
  }
  return [figures.hf, figures.unchanged, figures.check, ...(cold ? [figures.cold] : [])];
}

function print(out: (text: string) => void, title: string, figures: readonly Figure[]): void {
  const hf = median(figures[0]?.seconds ?? []);
  out(`\n${title}\n`);
  for (const figure of figures) {
    const value = median(figure.seconds);
    const spread = `${Math.min(...figure.seconds).toFixed(2)}-${Math.max(...figure.seconds).toFixed(2)}`;
    const ratio = figure === figures[0] ? "" : `${(value / hf).toFixed(2)} x HF`;
    out(
      `  ${figure.name.padEnd(30)} ${value.toFixed(2).padStart(6)} s  (${spread})  ${ratio.padEnd(10)} ${figure.detail}\n`,
    );
  }
}

/** A whole number from 1 to 50, for --runs and --scale. */
function wholeNumber(flag: string): (text: string) => number {
  return (text) => {
    const value = Number(text);
    if (!/^\d+$/.test(text) || value < 1 || value > 50) {
      throw new InvalidArgumentError(`${flag} takes a whole number from 1 to 50, not "${text}"`);
    }
    return value;
  };
}

async function run(context: CommandContext, runs: number, scale: number): Promise<number> {
  const out = context.io.stdout;
  const config = loadConfig(context.cwd, context.configFile);
  timed([LAUNCH, "--build"], TOOL_ROOT);
  const scratch = benchScratch();
  try {
    out(`bench: whole processes, median of ${runs} (min-max), alternating in each round\n`);
    const base = measure(benchProject(config, 1, scratch), runs, scratch, true);
    print(out, "this project", base);
    const [hf, unchanged, check, cold] = base.map((figure) => median(figure.seconds)) as [
      number,
      number,
      number,
      number,
    ];
    const targets = [
      {
        text: `generate unchanged / HF run <= 1.5: ${(unchanged / hf).toFixed(2)}`,
        met: unchanged / hf <= 1.5,
        ratio: true,
      },
      { text: `generate unchanged <= 1.0 s: ${unchanged.toFixed(2)} s`, met: unchanged <= 1.0, ratio: false },
      {
        text: `generate cold <= 3 s: ${cold.toFixed(2)} s (${(cold / hf).toFixed(2)} x HF)`,
        met: cold <= 3,
        ratio: false,
      },
      { text: `check <= 1.0 s: ${check.toFixed(2)} s`, met: check <= 1.0, ratio: false },
    ];
    if (scale > 1) {
      // Cold at scale K formats K times the snippets: it grows as that, and takes long, so it is left out.
      const scaled = measure(benchProject(config, scale, scratch), runs, scratch, false);
      print(out, `feed x ${scale} (providers repeated)`, scaled);
      out(`\n  growth at x ${scale}:\n`);
      scaled.forEach((figure, index) => {
        const growth = median(figure.seconds) / median(base[index]?.seconds ?? []);
        out(`    ${figure.name.padEnd(30)} ${growth.toFixed(2)} x unscaled\n`);
      });
      const growth = median(scaled[1]?.seconds ?? []) / unchanged;
      const allowed = scale * 1.2;
      targets.push({
        text: `generate unchanged at x ${scale} <= ${allowed.toFixed(0)} x unscaled: ${growth.toFixed(2)} x`,
        met: growth <= allowed,
        ratio: true,
      });
    }
    out("\ntargets (ratios decide the exit code; seconds depend on the machine's load):\n");
    for (const target of targets)
      out(`  ${target.met ? "ok  " : "MISS"}  ${target.text}${target.ratio ? "" : "  (reference)"}\n`);
    return targets.every((target) => target.met || !target.ratio) ? EXIT.ok : EXIT.failed;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

export const benchCommand: CommandDefinition = {
  name: "bench",
  summary: "time generate and check side by side with the HF snippet library",
  description:
    "Runs whole processes on a copy of the project, alternating in each round: the official library's " +
    "getInferenceSnippets over the same task x provider matrix, generate on an unchanged tree, check, and a cold " +
    "generate (empty cache). Prints medians and ratios to the library's run; exit 1 when a ratio target is missed.",
  examples: [
    ["", "median of 5 rounds"],
    ["--runs 3 --scale 10", "also a feed with 10 times the providers, and how time grows"],
  ],
  readsConfig: true,
  declare(command: Command) {
    command.option("--runs <n>", "rounds; the median is shown", wholeNumber("--runs"), 5);
    command.option("--scale <k>", "also measure a feed with k times the providers", wholeNumber("--scale"), 1);
  },
  run: (context, options) => run(context, options["runs"] as number, options["scale"] as number),
};

export const main = commandMain(benchCommand);
