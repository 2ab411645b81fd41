/**
 * A cache that survives the process: results of slow, pure work (formatting and verifying a
 * snippet, checking a page), stored under a key that is the hash of everything the result depends
 * on, including the tool's fingerprint (tool-fingerprint.ts).
 * An entry is used only when it is whole and ours: its recorded kind, key and fingerprint match
 * and its checksum matches its value. Anything else (a truncated or corrupt entry, an entry of
 * another tool version) is ignored, so the work is done again and the entry rewritten.
 *
 * Two ways to store entries:
 * - PackCache, for the many small entries of a build: the entries a command sets are written at its
 *   end as one pack file, one entry per line (a cold build sets about 900; as one file each, their
 *   writes kept the build waiting up to half a second). The packs of a tool version are read
 *   together when first needed and merged into one when they pile up.
 * - DirectoryCache, for a few large entries read alone (a whole site): one file per entry.
 * Files are written to a temporary name and renamed, so concurrent runs never see half of one.
 */
import { createHash, randomBytes } from "node:crypto";
import { readdirSync, readFileSync, rmSync, statSync } from "node:fs";
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

function entryOf(kind: string, key: string, fingerprint: string, value: JsonValue): Entry {
  return { format: ENTRY_FORMAT, kind, key, fingerprint, value, checksum: checksum(kind, key, fingerprint, value) };
}

/** The value of the stored entry `found` when it is whole and is the entry of `kind`, `key` and `fingerprint`. */
function soundValue(found: unknown, kind: string, key: string, fingerprint: string): JsonValue | undefined {
  if (typeof found !== "object" || found === null) return undefined;
  const entry = found as Partial<Entry>;
  if (entry.format !== ENTRY_FORMAT || entry.kind !== kind || entry.key !== key || entry.fingerprint !== fingerprint)
    return undefined;
  if (entry.value === undefined) return undefined;
  return entry.checksum === checksum(kind, key, fingerprint, entry.value) ? entry.value : undefined;
}

/** Writes `text` to `file` through a temporary file in the same folder, made if needed. */
async function writeWhole(file: string, text: string): Promise<void> {
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  try {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(temporary, text);
    await rename(temporary, file);
  } catch {
    // The cache only saves time: a directory that cannot be written means the work is redone next time.
    await unlink(temporary).catch(() => undefined);
  }
}

/** One file per entry, kind/xx/key.json: for a few large entries, each read alone. */
export class DirectoryCache implements ContentCache {
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
    let found: unknown;
    try {
      found = JSON.parse(readFileSync(file, "utf8"));
    } catch {
      return undefined;
    }
    return soundValue(found, kind, path.basename(file, ".json"), this.fingerprint);
  }

  set(kind: string, parts: readonly string[], value: JsonValue): void {
    const file = this.entryPath(kind, parts);
    const entry = entryOf(kind, path.basename(file, ".json"), this.fingerprint, value);
    this.unwritten.set(file, value);
    const write = writeWhole(file, JSON.stringify(entry)).finally(() => {
      if (this.unwritten.get(file) === value) this.unwritten.delete(file);
      this.writes.delete(write);
    });
    this.writes.add(write);
  }

  async flush(): Promise<void> {
    while (this.writes.size > 0) await Promise.all(this.writes);
  }
}

export interface PackLimits {
  /** Packs of one tool version beyond this many are merged into one by the next flush that writes. */
  packsBeforeMerge: number;
  /** Entries a merged pack keeps, the newest: a bound on the cache's size (entries are about 2 KB). */
  maxEntries: number;
}

const PACK_LIMITS: PackLimits = { packsBeforeMerge: 8, maxEntries: 50_000 };
/** The packs of another tool version are removed once none was written for this long. */
const OTHER_VERSION_KEPT_MS = 24 * 60 * 60 * 1000;
/** A temporary file this old was left by a run that was killed while writing it. */
const ABANDONED_TEMPORARY_MS = 60 * 60 * 1000;
const PACK_SUFFIX = ".jsonl";

/** Sets `key` as the newest entry of `map` (a Map keeps the place of a key set again). */
function newest<V>(map: Map<string, V>, key: string, value: V): void {
  map.delete(key);
  map.set(key, value);
}

/**
 * Entries in pack files, packs/<fingerprint>/<time>-<pid>-<random>.jsonl, one entry per line:
 * a damaged line loses that entry only. `get` reads every pack of this fingerprint the first time;
 * `flush` writes the entries set since the last flush as a new pack.
 */
export class PackCache implements ContentCache {
  /** Entries on disk by key, the newest pack's where several hold one; read on first use. */
  private stored: Map<string, unknown> | undefined;
  /** The packs whose entries `stored` holds: read, or written here. */
  private readonly packsKnown: string[] = [];
  private readonly unwritten = new Map<string, Entry>();
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    readonly dir: string,
    /** Changes whenever the tool, or a library it formats, parses or validates with, changes. */
    readonly fingerprint: string,
    private readonly limits: PackLimits = PACK_LIMITS,
  ) {}

  /** The folder of this tool version's packs. */
  get packDir(): string {
    return path.join(this.dir, "packs", this.fingerprint);
  }

  get(kind: string, parts: readonly string[]): JsonValue | undefined {
    const key = contentKey([this.fingerprint, kind, ...parts]);
    const fresh = this.unwritten.get(key);
    if (fresh) return fresh.value;
    return soundValue(this.storedEntries().get(key), kind, key, this.fingerprint);
  }

  set(kind: string, parts: readonly string[], value: JsonValue): void {
    const key = contentKey([this.fingerprint, kind, ...parts]);
    this.unwritten.set(key, entryOf(kind, key, this.fingerprint, value));
  }

  flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.writePack());
    return this.flushing;
  }

  private storedEntries(): Map<string, unknown> {
    if (this.stored) return this.stored;
    this.stored = new Map();
    for (const file of this.packFiles()) {
      let text: string;
      try {
        text = readFileSync(file, "utf8");
      } catch {
        // Merged away by another run since the folder was listed: its entries are in the merged pack.
        continue;
      }
      this.packsKnown.push(file);
      for (const line of text.split("\n")) {
        try {
          const entry = JSON.parse(line) as { key?: unknown };
          if (typeof entry?.key === "string") newest(this.stored, entry.key, entry);
        } catch {
          // A damaged line: that entry is made again.
        }
      }
    }
    return this.stored;
  }

  /** The files in `dir`, none when it cannot be read. */
  private filesIn(dir: string): string[] {
    try {
      return readdirSync(dir).map((name) => path.join(dir, name));
    } catch {
      return [];
    }
  }

  /** This version's pack files, oldest first (names start with the time they were written). */
  private packFiles(): string[] {
    const time = (file: string) => Number.parseInt(path.basename(file), 10);
    return this.filesIn(this.packDir)
      .filter((file) => file.endsWith(PACK_SUFFIX))
      .sort((a, b) => time(a) - time(b) || a.localeCompare(b));
  }

  private async writePack(): Promise<void> {
    if (this.unwritten.size === 0) return;
    const entries = [...this.unwritten.values()];
    this.unwritten.clear();
    const stored = this.storedEntries();
    for (const entry of entries) newest(stored, entry.key, entry);
    await this.writeEntries(entries);
    if (this.packFiles().length > this.limits.packsBeforeMerge) await this.merge();
    this.removeOtherVersions();
  }

  private async writeEntries(entries: readonly unknown[]): Promise<void> {
    const file = path.join(
      this.packDir,
      `${Date.now()}-${process.pid}-${randomBytes(4).toString("hex")}${PACK_SUFFIX}`,
    );
    await writeWhole(file, entries.map((entry) => JSON.stringify(entry)).join("\n") + "\n");
    this.packsKnown.push(file);
  }

  /**
   * Writes every sound entry known here (the packs read and the entries set) as one pack, keeping
   * the newest, then removes the packs it replaces. Packs another run wrote meanwhile stay; a run
   * merging at the same time only leaves an entry in two packs.
   */
  private async merge(): Promise<void> {
    const replaced = this.packsKnown.splice(0);
    // Only sound entries of this version: a damaged one no run asked for again is dropped here.
    const sound = [...this.storedEntries().values()].filter((found) => {
      const entry = found as Partial<Entry>;
      return soundValue(found, String(entry.kind), String(entry.key), this.fingerprint) !== undefined;
    });
    await this.writeEntries(sound.slice(-this.limits.maxEntries));
    for (const file of replaced) rmSync(file, { force: true });
    // A run killed while writing leaves its temporary file.
    const temporaries = this.filesIn(this.packDir).filter((file) => file.endsWith(".tmp"));
    for (const file of temporaries) {
      const stat = statSync(file, { throwIfNoEntry: false });
      if (stat && Date.now() - stat.mtimeMs > ABANDONED_TEMPORARY_MS) rmSync(file, { force: true });
    }
  }

  private removeOtherVersions(): void {
    for (const dir of this.filesIn(path.join(this.dir, "packs"))) {
      if (dir === this.packDir) continue;
      const stat = statSync(dir, { throwIfNoEntry: false });
      // Another run may be removing the same folder: force.
      if (stat && Date.now() - stat.mtimeMs > OTHER_VERSION_KEPT_MS) rmSync(dir, { recursive: true, force: true });
    }
  }
}
