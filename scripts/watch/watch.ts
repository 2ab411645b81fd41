/**
 * Watches directories (recursively) and single files, and reports changes in batches: editors
 * write a file in several steps, and one save should cause one rebuild, not three.
 *
 * chokidar does the watching. Node's recursive fs.watch loses a file once it has been replaced by
 * a rename (an editor's atomic save, `sed -i`): later in-place writes to it (`echo >>`, `git
 * checkout`) went unseen. chokidar re-attaches to the new file and reports all of them.
 */
import { stat } from "node:fs/promises";
import type { Stats } from "node:fs";
import path from "node:path";
import { watch } from "chokidar";

export interface WatchTarget {
  path: string;
  /** A directory is watched with everything below it; a file need not exist yet. */
  kind: "directory" | "file";
}

export interface Watcher {
  /** Resolves once the initial scan is done: changes from then on are reported. */
  ready: Promise<void>;
  close(): Promise<void>;
}

/**
 * Changes closer together than this are one batch. An editor's save (write, or write a temporary
 * file and rename it) reports within a few milliseconds; the preview's budget from a save to the
 * reload is 150 ms, so the wait stays short. A change during a build asks for one more build.
 */
export const DEBOUNCE_MS = 25;
/** ... but a stream of changes still reports at least this often. */
const MAX_WAIT_MS = 1_000;

/**
 * chokidar drops a change to a file within 50 ms of the last change it reported for it (and a file
 * event within 5 ms of the last): a second save that quick went unseen, and the pages kept the
 * first. So each reported change is looked at again once that window has passed, and a file whose
 * size or time differs by then counts as changed again.
 */
const RECHECK_MS = 60;

function sameFile(a: Stats, b: Stats): boolean {
  return a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs;
}

/** Editors' swap and backup files: not input, and not worth a rebuild. */
function isEditorNoise(file: string): boolean {
  const name = path.basename(file);
  return name.endsWith("~") || /^\.#|\.sw[px]$|^4913$/.test(name);
}

export function watchPaths(
  targets: readonly WatchTarget[],
  onChange: (files: string[]) => void,
  debounceMs = DEBOUNCE_MS,
): Watcher {
  let changed = new Set<string>();
  let quietTimer: NodeJS.Timeout | undefined;
  let firstChangeAt = 0;
  const flush = () => {
    clearTimeout(quietTimer);
    quietTimer = undefined;
    const files = [...changed];
    changed = new Set();
    if (files.length > 0) onChange(files);
  };
  const record = (file: string) => {
    if (isEditorNoise(file)) return;
    if (changed.size === 0) firstChangeAt = Date.now();
    changed.add(path.resolve(file));
    clearTimeout(quietTimer);
    quietTimer = setTimeout(flush, Date.now() - firstChangeAt >= MAX_WAIT_MS ? 0 : debounceMs);
  };
  const rechecks = new Set<NodeJS.Timeout>();
  let closed = false;
  const recheckLater = (file: string, seen: Stats) => {
    const timer = setTimeout(() => {
      rechecks.delete(timer);
      stat(file).then(
        (now) => {
          if (closed || sameFile(seen, now)) return;
          record(file);
          recheckLater(file, now);
        },
        // Gone meanwhile: chokidar reports the removal itself.
        () => {},
      );
    }, RECHECK_MS);
    rechecks.add(timer);
  };
  const watcher = watch(
    targets.map((target) => path.resolve(target.path)),
    { ignoreInitial: true, ignored: (file) => isEditorNoise(file) },
  );
  watcher.on("all", (_event, file, stats) => {
    record(file);
    if (stats?.isFile()) recheckLater(file, stats);
  });
  // A watched directory that disappears (e.g. during a checkout) is not fatal; it is seen again when it comes back.
  watcher.on("error", () => {});
  const ready = new Promise<void>((resolve) => watcher.once("ready", () => resolve()));
  return {
    ready,
    async close() {
      closed = true;
      clearTimeout(quietTimer);
      for (const timer of rechecks) clearTimeout(timer);
      rechecks.clear();
      await watcher.close();
    },
  };
}
