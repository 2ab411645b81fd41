/**
 * The slow part of a build, on both cores: formatting and verifying the snippet sources no cache
 * knew (snippets/check.ts) and reading the skeletons of the pages to check (pages/validate-page.ts).
 *
 * Each thread warms up only its own tools where it can: a formatter or parser's first hundred calls
 * cost about twice its later ones, and both threads formatting JavaScript paid that twice. The
 * worker is given the JavaScript sources (prettier) at once and starts on them while this thread
 * renders draft pages, made with the snippets as rendered, for their skeletons. The rest is one
 * list, shared as in scripts/lib/share-work.ts: the worker goes on from the front, skeletons from
 * the smallest; this thread starts at the back, shell and Python sources, then skeletons from the
 * largest.
 *
 * Small amounts of work (an edit in the preview) stay on this thread: starting a worker costs more
 * than it saves. Workers run only from the bundle (scripts/launch.mjs); from the sources (tsx,
 * vitest) everything runs on this thread.
 */
import { availableParallelism } from "node:os";
import type { Checked, SourceToCheck } from "../../snippets/check.ts";
import type { Language } from "../../snippets/clients/types.ts";
import { bundledEntry } from "../lib/bundle.ts";
import { inChunks, prestartWorker, startSharing } from "../lib/share-work.ts";
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

function sourceChunks(sources: readonly SourceToCheck[], place: "front" | "back"): BuildTask[][] {
  const byLanguage = new Map<Language, BuildTask[]>();
  for (const source of sources.filter((source) => LANGUAGE_PLACE[source.language] === place)) {
    const tasks = byLanguage.get(source.language) ?? [];
    tasks.push({ source });
    byLanguage.set(source.language, tasks);
  }
  return [...byLanguage].flatMap(([language, tasks]) => inChunks(tasks, SOURCES_PER_CHUNK[language]));
}

/**
 * Checks `sources` and reads the skeletons `skeletonsOf` gives. With many sources the worker starts
 * on JavaScript at once, while this thread makes the skeletons (renders the draft pages).
 */
export async function checkAndRead(
  sources: readonly SourceToCheck[],
  skeletonsOf: () => Promise<string[]>,
): Promise<BuildWorkDone> {
  const workerUrl = bundledEntry(WORKER_ENTRY);
  const canShare = workerUrl !== undefined && availableParallelism() >= 2;
  const startPool = () => (workerUrl ? startSharing(workerUrl, runTasks) : undefined);
  const front = sourceChunks(sources, "front");
  let pool = canShare && sources.length >= WORKER_THRESHOLD ? startPool() : undefined;
  pool?.give(front);
  const given = pool !== undefined;
  let skeletons: string[];
  try {
    skeletons = await skeletonsOf();
  } catch (error) {
    await pool?.share([]);
    throw error;
  }
  // Smallest first from the worker's end: the largest are read by this thread, whose parser is warm by then.
  const bySize = [...new Set(skeletons)].sort((a, b) => a.length - b.length);
  // JavaScript, then skeletons, then the other languages.
  const rest: BuildTask[][] = [...bySize.map((skeleton) => [{ skeleton }]), ...sourceChunks(sources, "back")];
  const size = sources.length + bySize.reduce((sum, skeleton) => sum + skeleton.length, 0) / 2_000;
  pool ??= canShare && size >= WORKER_THRESHOLD ? startPool() : undefined;
  const chunks = [...front, ...rest];
  const results = pool ? (await pool.share(given ? rest : chunks)).flat() : await runTasks(chunks.flat());
  const checkedBySource = new Map<SourceToCheck, Checked>();
  const readings = new Map<string, SkeletonReading>();
  chunks.flat().forEach((task, index) => {
    const result = results[index] as BuildTaskResult;
    if ("source" in task && "checked" in result) checkedBySource.set(task.source, result.checked);
    if ("skeleton" in task && "reading" in result) readings.set(task.skeleton, result.reading);
  });
  return { checked: sources.map((source) => checkedBySource.get(source) as Checked), readings };
}
