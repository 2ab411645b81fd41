/**
 * snippet-docs bench [--runs N]
 * Measures the pipeline against its performance targets and exits 1 when one is missed.
 * Timings are medians over N runs (default 3) in this process; the cold build is the first run,
 * before any snippet is cached.
 */
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { InvalidArgumentError, type Command } from "commander";
import { loadConfig } from "../config/config.ts";
import { loadSpecs } from "../load/load-specs.ts";
import { buildSite } from "../pipeline/build-site.ts";
import { compareOutput } from "../pipeline/output-dir.ts";
import { specTableForFile } from "../spec-table/schema-table.ts";
import type { CommandContext, CommandDefinition } from "./command.ts";
import { commandMain } from "./program.ts";
import { EXIT } from "./run.ts";

interface Measure {
  name: string;
  milliseconds: number;
  /** The target, in milliseconds. */
  target: number;
  detail: string;
}

async function time<T>(work: () => Promise<T> | T): Promise<[number, T]> {
  const started = performance.now();
  const result = await work();
  return [performance.now() - started, result];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function upstreamSchemaFiles(root: string): string[] {
  const dir = path.join(root, "node_modules/@huggingface/tasks/src/tasks");
  return readdirSync(dir)
    .filter((task) => statSync(path.join(dir, task)).isDirectory())
    .flatMap((task) => {
      try {
        return readdirSync(path.join(dir, task, "spec")).map((name) => path.join(dir, task, "spec", name));
      } catch {
        return [];
      }
    });
}

function parseRuns(text: string): number {
  const runs = Number(text);
  if (!/^\d+$/.test(text) || runs < 1 || runs > 50) throw new InvalidArgumentError(`--runs takes a whole number from 1 to 50, not "${text}"`);
  return runs;
}

async function run(context: CommandContext, runs: number): Promise<number> {
  const config = loadConfig(context.cwd, context.configFile);
  const measures: Measure[] = [];

  const [cold, site] = await time(() => buildSite(config));
  measures.push({ name: "generate, cold (all pages, snippets formatted and verified)", milliseconds: cold, target: 15_000, detail: `${site.files.length} files, ${site.snippetCount} snippets` });

  const warm: number[] = [];
  for (let run = 0; run < runs; run++) warm.push((await time(() => buildSite(config)))[0]);
  measures.push({ name: "rebuild, warm (what preview and --watch pay per edit)", milliseconds: median(warm), target: 2_000, detail: `median of ${runs}` });

  const loads: number[] = [];
  for (let run = 0; run < runs; run++) loads.push((await time(() => loadSpecs({ specsDir: config.specsDir, schemas: config.schemas })))[0]);
  measures.push({ name: "load and validate specs", milliseconds: median(loads), target: 1_000, detail: `${site.specs.tasks.length} tasks, ${site.specs.providers.length} providers` });

  const [compare] = await time(() => compareOutput(config.outDir, site.files));
  measures.push({ name: "compare with generated/ (check, after the build)", milliseconds: compare, target: 500, detail: "" });

  const files = upstreamSchemaFiles(config.root);
  const common = path.join(config.root, "node_modules/@huggingface/tasks/src/tasks/common-definitions.json");
  const [tables] = await time(() => files.forEach((file) => specTableForFile(file, [common])));
  measures.push({ name: "spec tables for every upstream schema", milliseconds: tables, target: 2_000, detail: `${files.length} files` });

  const width = Math.max(...measures.map((measure) => measure.name.length));
  let missed = 0;
  for (const measure of measures) {
    const ok = measure.milliseconds <= measure.target;
    if (!ok) missed++;
    context.io.stdout(
      `${measure.name.padEnd(width)}  ${measure.milliseconds.toFixed(0).padStart(7)} ms  target ≤ ${String(measure.target).padStart(6)} ms  ${ok ? "ok  " : "MISS"}  ${measure.detail}\n`,
    );
  }
  context.io.stdout(`${measures.length - missed} of ${measures.length} targets met\n`);
  return missed === 0 ? EXIT.ok : EXIT.failed;
}

export const benchCommand: CommandDefinition = {
  name: "bench",
  summary: "measure the pipeline against its performance targets",
  description: "Times a cold and a warm build, loading the specs, the comparison check makes and the spec tables; exit 1 when a target is missed.",
  examples: [
    ["", "median of 3 runs"],
    ["--runs 5", "median of 5 runs"],
  ],
  readsConfig: true,
  declare(command: Command) {
    command.option("--runs <n>", "runs per measure; the median is shown", parseRuns, 3);
  },
  run: (context, options) => run(context, options["runs"] as number),
};

export const main = commandMain(benchCommand);
