/**
 * Replacing a set of files as one change: every new content is first written to a temporary file
 * next to its target, then each is renamed over its target. If anything fails, the temporary files
 * are removed and the targets already replaced get their old content back, so the set is either
 * all new or all old.
 */
import { existsSync, readFileSync, renameSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";

export interface FileOperations {
  read(file: string): string | undefined;
  write(file: string, content: string): void;
  rename(from: string, to: string): void;
  remove(file: string): void;
}

export const nodeFileOperations: FileOperations = {
  read: (file) => (existsSync(file) ? readFileSync(file, "utf8") : undefined),
  write: (file, content) => writeFileSync(file, content),
  rename: (from, to) => renameSync(from, to),
  remove: (file) => unlinkSync(file),
};

export interface FileChange {
  /** Absolute path. */
  file: string;
  content: string;
}

function temporaryName(file: string, suffix: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${suffix}.tmp`);
}

function removeQuietly(operations: FileOperations, file: string): void {
  try {
    operations.remove(file);
  } catch {
    // already gone
  }
}

export function writeFilesAtomically(
  changes: readonly FileChange[],
  operations: FileOperations = nodeFileOperations,
): void {
  const temporaries: string[] = [];
  try {
    for (const change of changes) {
      const temporary = temporaryName(change.file, "new");
      temporaries.push(temporary);
      operations.write(temporary, change.content);
    }
  } catch (error) {
    for (const temporary of temporaries) removeQuietly(operations, temporary);
    throw error;
  }
  const originals = changes.map((change) => operations.read(change.file));
  const replaced: number[] = [];
  try {
    changes.forEach((change, index) => {
      operations.rename(temporaries[index] as string, change.file);
      replaced.push(index);
    });
  } catch (error) {
    for (const temporary of temporaries.slice(replaced.length)) removeQuietly(operations, temporary);
    for (const index of replaced.reverse()) {
      const change = changes[index] as FileChange;
      const original = originals[index];
      if (original === undefined) removeQuietly(operations, change.file);
      else {
        const restore = temporaryName(change.file, "restore");
        operations.write(restore, original);
        operations.rename(restore, change.file);
      }
    }
    throw error;
  }
}
