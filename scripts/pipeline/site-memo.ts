/**
 * The files of a whole site, remembered by a digest of every input: on an unchanged tree,
 * generate and check read the inputs, find the site they made last time and only compare it
 * with the output directory. Nothing of the pipeline (parsers, Handlebars, formatters) is loaded:
 * build-site.ts is imported only when the inputs changed, and only a build that passed every
 * check is remembered, so invalid input is always reported by a full build.
 *
 * The digest covers the tool (siteToolFingerprint: its code, templates, libraries and Node), the
 * configuration, the project's package.json (the command named in page headers), the working
 * directory (remembered warnings name files from it), every file under
 * the specs, schema and templates folders, and the schema documents a build read from outside
 * them (their contents are recorded in the entry and compared on use).
 */
import {
  lstatSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  rmSync,
  statSync,
  type Stats,
} from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildCache, cacheDirectory, siteCache } from "../cache/build-cache.ts";
import { partsHash, type ContentCache, type PartsHash } from "../lib/content-cache.ts";
import { siteToolFingerprint } from "../cache/tool-fingerprint.ts";
import type { Config } from "../config/config.ts";
import type { Diagnostic } from "../lib/diagnostics.ts";
import type { JsonValue } from "../lib/json-source.ts";
import type { BuildProgress, SiteFile } from "./build-site.ts";

/** What generate and check need of a build. */
export interface BuiltSite {
  files: SiteFile[];
  /** Number of snippets placed on pages. */
  snippetCount: number;
  /** Problems that do not stop the build (a client dropping a pair it should serve); said on every run. */
  warnings: Diagnostic[];
}

interface MemoEntry extends BuiltSite {
  /** Files read by the build outside the digested folders, and a digest of their contents then. */
  outside: { files: string[]; digest: string };
}

const SITE_MEMO_KIND = "site";
/** A remembered site holds every page (megabytes): only the newest few are kept. */
const SITES_KEPT = 8;

/** What a path leads to, following links; undefined when nothing (a dangling link, a loop). */
function followed(file: string): Stats | undefined {
  try {
    return statSync(file, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

function linkTarget(file: string): string {
  try {
    return readlinkSync(file);
  } catch (error) {
    return `unreadable: ${(error as NodeJS.ErrnoException).code ?? ""}`;
  }
}

function realPath(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
}

/**
 * Every entry under `dir`, sorted, with its content; a link by its target and what it reaches,
 * folders too (the loader follows them), each real folder once so a link to an ancestor ends.
 */
function addFolder(hash: PartsHash, dir: string, shownAs: string, visited = new Set<string>()): void {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
    visited.add(realpathSync(dir));
  } catch (error) {
    hash.add(`${shownAs}: ${(error as NodeJS.ErrnoException).code ?? "unreadable"}`);
    return;
  }
  for (const name of names) {
    const file = path.join(dir, name);
    const shown = `${shownAs}/${name}`;
    hash.add(shown);
    const stat = lstatSync(file, { throwIfNoEntry: false });
    if (stat?.isSymbolicLink()) hash.add(`-> ${linkTarget(file)}`);
    if (followed(file)?.isDirectory()) {
      // A folder seen already (through another link, or an ancestor) is not walked again.
      if (!visited.has(realPath(file))) addFolder(hash, file, shown, visited);
      continue;
    }
    addFileContent(hash, file);
  }
}

function addFileContent(hash: PartsHash, file: string): void {
  try {
    hash.add(readFileSync(file));
  } catch (error) {
    hash.add(`unreadable: ${(error as NodeJS.ErrnoException).code ?? ""}`);
  }
}

function digestedFolders(config: Config): string[] {
  return [config.specsDir, config.templatesDir, ...(config.schemas.layout === "upstream" ? [config.schemas.dir] : [])];
}

/** The digest of every input of a build of `config`, but the files outside its folders. */
export function siteInputsDigest(config: Config): string {
  const hash = partsHash();
  hash.add("snippet-docs site/1");
  hash.add(siteToolFingerprint());
  const { source, ...settings } = config;
  hash.add(JSON.stringify(settings));
  hash.add(source?.text ?? "");
  addFileContent(hash, path.join(config.root, "package.json"));
  // Warnings name files relative to the working directory (displayPath); the pages do not depend on it.
  hash.add(process.cwd());
  digestedFolders(config).forEach((dir, index) => addFolder(hash, dir, String(index)));
  return hash.digest();
}

function outsideDigest(files: readonly string[]): string {
  const hash = partsHash();
  for (const file of files) {
    hash.add(file);
    addFileContent(hash, file);
  }
  return hash.digest();
}

function isInside(file: string, dir: string): boolean {
  const relative = path.relative(dir, file);
  return relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative);
}

function isMemoEntry(value: JsonValue | undefined): value is JsonValue & MemoEntry {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const entry = value as unknown as Partial<MemoEntry>;
  return (
    Array.isArray(entry.files) &&
    entry.files.every((file) => typeof file?.path === "string" && typeof file.content === "string") &&
    typeof entry.snippetCount === "number" &&
    Array.isArray(entry.warnings) &&
    Array.isArray(entry.outside?.files) &&
    entry.outside.files.every((file) => typeof file === "string") &&
    typeof entry.outside.digest === "string"
  );
}

export interface SiteOptions {
  /** Neither read nor write the persistent cache (`--no-cache`). */
  noCache?: boolean;
  progress?: BuildProgress;
}

/** The site `config` builds: remembered when every input is as it was at a passed build, else built. */
export async function siteFiles(config: Config, options: SiteOptions = {}): Promise<BuiltSite> {
  const sites = siteCache(config, options);
  const digest = options.noCache ? undefined : siteInputsDigest(config);
  if (digest !== undefined) {
    const entry = sites.get(SITE_MEMO_KIND, [digest]);
    if (isMemoEntry(entry) && outsideDigest(entry.outside.files) === entry.outside.digest) {
      return { files: entry.files, snippetCount: entry.snippetCount, warnings: entry.warnings };
    }
  }
  // Snippets may need checking: the worker loads its tools while this thread loads the specs.
  const { prestartBuildWorker } = await import("./build-pool.ts");
  prestartBuildWorker();
  const { buildSite } = await import("./build-site.ts");
  const { releaseSpareWorkers } = await import("../lib/share-work.ts");
  const cache: ContentCache = buildCache(config, options);
  const site = await buildSite(config, { cache, ...(options.progress ? { progress: options.progress } : {}) })
    // What was formatted and checked is kept also when the build fails, for the run after the fix.
    .finally(() => Promise.all([releaseSpareWorkers(), cache.flush()]));
  // An input saved during the build may or may not be in it: such a build is not remembered.
  if (digest !== undefined && siteInputsDigest(config) === digest) {
    const folders = digestedFolders(config);
    const outside = [
      ...new Set(
        site.specs.registry
          .all()
          .map((document) => fileURLToPath(document.fileUrl))
          .filter((file) => !folders.some((dir) => isInside(file, dir))),
      ),
    ].sort();
    const entry: MemoEntry = {
      files: site.files,
      snippetCount: site.snippetCount,
      warnings: site.warnings,
      outside: { files: outside, digest: outsideDigest(outside) },
    };
    sites.set(SITE_MEMO_KIND, [digest], entry as unknown as JsonValue);
    await sites.flush();
    removeOldSites(path.join(cacheDirectory(config), SITE_MEMO_KIND));
  }
  return { files: site.files, snippetCount: site.snippetCount, warnings: site.warnings };
}

/** Removes all but the newest SITES_KEPT remembered sites (entries are kind/xx/key.json). */
export function removeOldSites(dir: string): void {
  try {
    const entries = readdirSync(dir).flatMap((prefix) =>
      readdirSync(path.join(dir, prefix))
        // A temporary file is another run's entry being written.
        .filter((name) => name.endsWith(".json"))
        .map((name) => path.join(dir, prefix, name)),
    );
    if (entries.length <= SITES_KEPT) return;
    const newestFirst = entries
      .map((file) => ({ file, mtimeMs: statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0 }))
      .sort((a, b) => b.mtimeMs - a.mtimeMs);
    for (const { file } of newestFirst.slice(SITES_KEPT)) rmSync(file, { force: true });
  } catch {
    // Another run may be pruning too, or the cache is not writable: it only costs disk space.
  }
}
