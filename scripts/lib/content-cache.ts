/**
 * A cache that survives the process: results of slow, pure work (formatting and verifying a
 * snippet, checking a page), stored under a key that is the hash of everything the result depends
 * on, including the tool's fingerprint (tool-fingerprint.ts). One file per entry, written to a
 * temporary file and renamed, so concurrent runs never see half an entry.
 * An entry is used only when it is whole and ours: its recorded kind, key and fingerprint match
 * and its checksum matches its value. Anything else (a truncated or corrupt file, an entry of
 * another tool version) is ignored, so the work is done again and the entry rewritten.
 */
import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { JsonValue } from "./json-source.ts";

const ENTRY_FORMAT = "snippet-docs-cache/1";

export interface ContentCache {
  /** The stored value for `parts` (hashed into the key), when a sound entry exists. */
  get(kind: string, parts: readonly string[]): JsonValue | undefined;
  set(kind: string, parts: readonly string[], value: JsonValue): void;
}

/** A cache that keeps nothing: `--no-cache`. */
export const NO_CACHE: ContentCache = { get: () => undefined, set: () => undefined };

/** sha256 of the parts, each prefixed by its length so that no two lists of parts collide. */
export function contentKey(parts: readonly string[]): string {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(`${Buffer.byteLength(part)}:`).update(part);
  return hash.digest("hex");
}

interface Entry {
  format: string;
  kind: string;
  key: string;
  fingerprint: string;
  value: JsonValue;
  checksum: string;
}

function checksum(kind: string, key: string, fingerprint: string, value: JsonValue): string {
  return contentKey([ENTRY_FORMAT, kind, key, fingerprint, JSON.stringify(value)]);
}

export class DirectoryCache implements ContentCache {
  /** Folders this cache made or found: a cold build writes a thousand entries into 256 folders. */
  private readonly madeDirs = new Set<string>();

  constructor(
    readonly dir: string,
    /** Changes whenever the tool, or a library it formats, parses or validates with, changes. */
    readonly fingerprint: string,
  ) {}

  entryPath(kind: string, parts: readonly string[]): string {
    const key = contentKey([this.fingerprint, kind, ...parts]);
    return path.join(this.dir, kind, key.slice(0, 2), `${key}.json`);
  }

  get(kind: string, parts: readonly string[]): JsonValue | undefined {
    const file = this.entryPath(kind, parts);
    let entry: Partial<Entry>;
    try {
      entry = JSON.parse(readFileSync(file, "utf8")) as Partial<Entry>;
    } catch {
      return undefined;
    }
    const key = path.basename(file, ".json");
    if (typeof entry !== "object" || entry === null || entry.format !== ENTRY_FORMAT) return undefined;
    if (entry.kind !== kind || entry.key !== key || entry.fingerprint !== this.fingerprint || entry.value === undefined)
      return undefined;
    return entry.checksum === checksum(kind, key, this.fingerprint, entry.value) ? entry.value : undefined;
  }

  set(kind: string, parts: readonly string[], value: JsonValue): void {
    const file = this.entryPath(kind, parts);
    const key = path.basename(file, ".json");
    const entry: Entry = {
      format: ENTRY_FORMAT,
      kind,
      key,
      fingerprint: this.fingerprint,
      value,
      checksum: checksum(kind, key, this.fingerprint, value),
    };
    const temporary = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
    const dir = path.dirname(file);
    try {
      if (!this.madeDirs.has(dir)) {
        mkdirSync(dir, { recursive: true });
        this.madeDirs.add(dir);
      }
      writeFileSync(temporary, JSON.stringify(entry));
      renameSync(temporary, file);
    } catch {
      // The cache only saves time: a directory that cannot be written means the work is redone next time.
      // The folder may have been removed meanwhile (a cleared cache under a long preview): make it again next time.
      this.madeDirs.delete(dir);
      try {
        unlinkSync(temporary);
      } catch {
        // nothing was written
      }
    }
  }
}
