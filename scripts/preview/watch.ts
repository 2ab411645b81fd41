/**
 * Watches directories (recursively) and single files, and reports changes in batches: editors
 * write a file in several steps, and one save should cause one rebuild, not three.
 */
import { existsSync, watch, type FSWatcher } from "node:fs";
import path from "node:path";

export interface WatchTarget {
  path: string;
  /** A directory is watched with everything below it; a file need not exist yet. */
  kind: "directory" | "file";
}

export interface Watcher {
  close(): void;
}

/** Changes closer together than this are one batch. */
export const DEBOUNCE_MS = 100;
/** ... but a stream of changes still reports at least this often. */
const MAX_WAIT_MS = 1_000;

/** Editors' swap and backup files: not input, and not worth a rebuild. */
function isEditorNoise(file: string): boolean {
  const name = path.basename(file);
  return name.endsWith("~") || /^\.#|\.sw[px]$|^4913$/.test(name);
}

function watchOne(target: string, isFile: boolean, onEvent: (file: string) => void): FSWatcher | undefined {
  // A file is watched through its directory: saving by rename replaces the file, and a watcher on
  // the old file would miss every later change; a file created later is seen too.
  const directory = isFile ? path.dirname(target) : target;
  if (!existsSync(directory)) return undefined;
  const watcher = watch(directory, { recursive: !isFile }, (_event, name) => {
    const file = name ? path.join(directory, name.toString()) : directory;
    if (isFile && file !== target) return;
    onEvent(file);
  });
  // A watched directory that disappears (e.g. during a checkout) ends its watcher; the others go on.
  watcher.on("error", () => watcher.close());
  return watcher;
}

export function watchPaths(targets: readonly WatchTarget[], onChange: (files: string[]) => void, debounceMs = DEBOUNCE_MS): Watcher {
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
  const watchers = targets.flatMap((target) => {
    const watcher = watchOne(path.resolve(target.path), target.kind === "file", (file) => {
      if (isEditorNoise(file)) return;
      if (changed.size === 0) firstChangeAt = Date.now();
      changed.add(file);
      clearTimeout(quietTimer);
      quietTimer = setTimeout(flush, Date.now() - firstChangeAt >= MAX_WAIT_MS ? 0 : debounceMs);
    });
    return watcher ? [watcher] : [];
  });
  return {
    close() {
      clearTimeout(quietTimer);
      for (const watcher of watchers) watcher.close();
    },
  };
}
