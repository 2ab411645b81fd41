/**
 * The output directory as it is on disk, and writing a new version of it. Writes happen only
 * after every page rendered and validated; each changed file is written to a temporary file and
 * renamed over the old one, so no page is ever half-written; files the specs no longer produce
 * are removed, then empty directories.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { SiteFile } from "./build-site.ts";

/** Every file under `dir`, as paths relative to it with forward slashes, sorted. */
export function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  const visit = (relative: string) => {
    for (const name of readdirSync(path.join(dir, relative))) {
      const child = relative ? `${relative}/${name}` : name;
      if (statSync(path.join(dir, child)).isDirectory()) visit(child);
      else out.push(child);
    }
  };
  visit("");
  return out.sort();
}

export interface OutputComparison {
  changed: { path: string; actual: string; expected: string }[];
  missing: string[];
  stale: string[];
  unchanged: string[];
}

export function compareOutput(dir: string, files: readonly SiteFile[]): OutputComparison {
  const onDisk = new Set(listFiles(dir));
  const comparison: OutputComparison = { changed: [], missing: [], stale: [], unchanged: [] };
  for (const file of files) {
    if (!onDisk.has(file.path)) {
      comparison.missing.push(file.path);
      continue;
    }
    onDisk.delete(file.path);
    const actual = readFileSync(path.join(dir, file.path), "utf8");
    if (actual === file.content) comparison.unchanged.push(file.path);
    else comparison.changed.push({ path: file.path, actual, expected: file.content });
  }
  comparison.stale = [...onDisk].sort();
  return comparison;
}

export interface WriteSummary {
  written: number;
  unchanged: number;
  removed: number;
}

function removeEmptyDirectories(dir: string, relative = ""): void {
  const full = path.join(dir, relative);
  for (const name of readdirSync(full)) {
    const child = path.join(relative, name);
    if (statSync(path.join(dir, child)).isDirectory()) removeEmptyDirectories(dir, child);
  }
  if (relative && readdirSync(full).length === 0) rmdirSync(full);
}

export function writeOutput(dir: string, files: readonly SiteFile[]): WriteSummary {
  const comparison = compareOutput(dir, files);
  const toWrite = new Set([...comparison.missing, ...comparison.changed.map((change) => change.path)]);
  for (const file of files) {
    if (!toWrite.has(file.path)) continue;
    const target = path.join(dir, file.path);
    mkdirSync(path.dirname(target), { recursive: true });
    const temporary = `${target}.${process.pid}.tmp`;
    writeFileSync(temporary, file.content);
    renameSync(temporary, target);
  }
  for (const stale of comparison.stale) unlinkSync(path.join(dir, stale));
  if (existsSync(dir)) removeEmptyDirectories(dir);
  return { written: toWrite.size, unchanged: comparison.unchanged.length, removed: comparison.stale.length };
}
