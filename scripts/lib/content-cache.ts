/**
 * A cache that survives the process: results of slow, pure work (formatting and verifying a
 * snippet, checking a page), stored under a key that is the hash of everything the result depends
 * on, including the tool's fingerprint (tool-fingerprint.ts). One file per entry, written to a
 * temporary file and renamed, so concurrent runs never see half an entry.
 * An entry is used only when it is whole and ours: its recorded kind, key and fingerprint match
 * and its checksum matches its value. Anything else (a truncated or corrupt file, an entry of
 * another tool version) is ignored, so the work is done again and the entry rewritten.
 * Entries are written in the background: a cold build writes a thousand, and on a busy disk creating
 * them took up to a second of the build's thread. Until an entry is on disk, `get` answers from
 * memory; `flush` waits for every entry set so far.
 */
import { createHash, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdir, rename, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import type { JsonValue } from "./json-source.ts";

const ENTRY_FORMAT = "snippet-docs-cache/1";

export interface ContentCache {
  /** The stored value for `parts` (hashed into the key), when a sound entry exists. */
  get(kind: string, parts: readonly string[]): JsonValue | undefined;
  set(kind: string, parts: readonly string[], value: JsonValue): void;
  /** Resolves once every entry set so far is stored (or could not be: the cache only saves time). */
  flush(): Promise<void>;
}

/** A cache that keeps nothing: `--no-cache`. */
export const NO_CACHE: ContentCache = { get: () => undefined, set: () => undefined, flush: async () => undefined };

/** A sha256 of parts given one at a time, each prefixed by its length, so that no two lists of parts collide. */
export interface PartsHash {
  add(part: string | Buffer): PartsHash;
  /** The digest in hex; the hash takes no more parts. */
  digest(): string;
}

export function partsHash(): PartsHash {
  const hash = createHash("sha256");
  const parts: PartsHash = {
    add(part) {
      hash.update(`${Buffer.byteLength(part)}:`).update(part);
      return parts;
    },
    digest: () => hash.digest("hex"),
  };
  return parts;
}

/** The partsHash digest of `parts`. */
export function contentKey(parts: readonly string[]): string {
  const hash = partsHash();
  for (const part of parts) hash.add(part);
  return hash.digest();
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
  /** Folders made or being made: a cold build writes a thousand entries into 256 folders. */
  private readonly madeDirs = new Map<string, Promise<unknown>>();
  /** Entries set and not yet on disk, by file. */
  private readonly unwritten = new Map<string, JsonValue>();
  private readonly writes = new Set<Promise<void>>();

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
    if (this.unwritten.has(file)) return this.unwritten.get(file);
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
    this.unwritten.set(file, value);
    const write = this.write(file, JSON.stringify(entry)).finally(() => {
      if (this.unwritten.get(file) === value) this.unwritten.delete(file);
      this.writes.delete(write);
    });
    this.writes.add(write);
  }

  async flush(): Promise<void> {
    while (this.writes.size > 0) await Promise.all(this.writes);
  }

  private async write(file: string, text: string): Promise<void> {
    const temporary = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
    const dir = path.dirname(file);
    try {
      let made = this.madeDirs.get(dir);
      if (!made) this.madeDirs.set(dir, (made = mkdir(dir, { recursive: true })));
      await made;
      await writeFile(temporary, text);
      await rename(temporary, file);
    } catch {
      // The cache only saves time: a directory that cannot be written means the work is redone next time.
      // The folder may have been removed meanwhile (a cleared cache under a long preview): make it again next time.
      this.madeDirs.delete(dir);
      await unlink(temporary).catch(() => undefined);
    }
  }
}
