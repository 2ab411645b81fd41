/**
 * The slow part of a build, on both cores: formatting and verifying the snippet sources no cache
 * knew (snippets/check.ts) and reading the skeletons of the pages to check (pages/validate-page.ts).
 *
 * Each thread warms up only its own tools where it can: a formatter or parser's first hundred calls
 * cost about twice its later ones, and both threads formatting JavaScript paid that twice. The work
 * is one list, shared as in scripts/lib/share-work.ts: the worker takes chunks from the front,
 * JavaScript sources (prettier) first, then skeletons from the smallest; this thread from the back,
 * shell and Python sources, then skeletons from the largest. Skeletons come from draft pages, made
 * with the snippets as rendered, so they can be read while the snippets are still being formatted.
 *
 * Small amounts of work (an edit in the preview) stay on this thread: starting a worker costs more
 * than it saves. Workers run only from the bundle (scripts/launch.mjs); from the sources (tsx,
 * vitest) everything runs on this thread.
 */
import { availableParallelism } from "node:os";
import type { Checked, SourceToCheck } from "../../snippets/check.ts";
import type { Language } from "../../snippets/clients/types.ts";
import { bundledEntry } from "../lib/bundle.ts";
import { inChunks, prestartWorker, shareWork } from "../lib/share-work.ts";
import type { SkeletonReading } from "../pages/validate-page.ts";

export type BuildTask = { source: SourceToCheck } | { skeleton: string };
export type BuildTaskResult = { checked: Checked } | { reading: SkeletonReading };

const WORKER_ENTRY = "scripts/pipeline/build-worker.ts";
/** Where each language's sources go in the list: the worker starts at 0, this thread at the end. */
const LANGUAGE_PLACE: Record<Language, "front" | "back"> = { js: "front", python: "back", sh: "back" };
/**
 * Sources per chunk: small enough for the two threads to finish close together. Shell is checked in
 * one chunk: its check starts bash once per chunk (26 starts took 0.9 s on a busy machine).
 */
const SOURCES_PER_CHUNK: Record<Language, number> = { js: 8, python: 8, sh: Infinity };
/** Below this much work (sources, or skeleton characters / 2,000), a worker does not pay for its start. */
const WORKER_THRESHOLD = 60;

/** Does the tasks of one chunk, in order: sources in one batch (shell checks a batch at once), skeletons one by one. */
export async function runTasks(tasks: readonly BuildTask[]): Promise<BuildTaskResult[]> {
  const sources = tasks.flatMap((task) => ("source" in task ? [task.source] : []));
  const checked = sources.length > 0 ? await (await import("../../snippets/check.ts")).checkSources(sources) : [];
  const skeletons = tasks.some((task) => "skeleton" in task) ? await import("../pages/validate-page.ts") : undefined;
  let nextChecked = 0;
  return tasks.map((task) =>
    "source" in task
      ? { checked: checked[nextChecked++] as Checked }
      : { reading: (skeletons as typeof import("../pages/validate-page.ts")).readSkeleton(task.skeleton) },
  );
}

/** Starts the worker now, when a build may soon need it: its start overlaps the loading of the specs. */
export function prestartBuildWorker(): void {
  const workerUrl = bundledEntry(WORKER_ENTRY);
  if (workerUrl && availableParallelism() >= 2) prestartWorker(workerUrl);
}

export interface BuildWorkDone {
  /** One result per source, in order. */
  checked: Checked[];
  /** The reading of each skeleton. */
  readings: Map<string, SkeletonReading>;
}

export async function checkAndRead(
  sources: readonly SourceToCheck[],
  skeletons: readonly string[],
): Promise<BuildWorkDone> {
  // Smallest first from the worker's end: the largest are read by this thread, whose parser is warm by then.
  const bySize = [...new Set(skeletons)].sort((a, b) => a.length - b.length);
  const sourceChunks = (place: "front" | "back") => {
    const byLanguage = new Map<Language, BuildTask[]>();
    for (const source of sources.filter((source) => LANGUAGE_PLACE[source.language] === place)) {
      const tasks = byLanguage.get(source.language) ?? [];
      tasks.push({ source });
      byLanguage.set(source.language, tasks);
    }
    return [...byLanguage].flatMap(([language, tasks]) => inChunks(tasks, SOURCES_PER_CHUNK[language]));
  };
  // JavaScript, then skeletons, then the other languages.
  const chunks: BuildTask[][] = [
    ...sourceChunks("front"),
    ...bySize.map((skeleton) => [{ skeleton }]),
    ...sourceChunks("back"),
  ];
  const size = sources.length + bySize.reduce((sum, skeleton) => sum + skeleton.length, 0) / 2_000;
  const workerUrl = bundledEntry(WORKER_ENTRY);
  const results =
    workerUrl && size >= WORKER_THRESHOLD && availableParallelism() >= 2
      ? (await shareWork(workerUrl, chunks, runTasks)).flat()
      : await runTasks(chunks.flat());
  const tasks = chunks.flat();
  const checkedBySource = new Map<SourceToCheck, Checked>();
  const readings = new Map<string, SkeletonReading>();
  tasks.forEach((task, index) => {
    const result = results[index] as BuildTaskResult;
    if ("source" in task && "checked" in result) checkedBySource.set(task.source, result.checked);
    if ("skeleton" in task && "reading" in result) readings.set(task.skeleton, result.reading);
  });
  return { checked: sources.map((source) => checkedBySource.get(source) as Checked), readings };
}
