/**
 * What a cached result depends on besides its inputs: this tool's version and source, and the
 * versions of the libraries that format, parse and validate (prettier, ruff, acorn, remark, MDX).
 * The source of the code that produces cached values is hashed, not only the package version,
 * so an edit to a formatter setting or a page check can never be answered from an old entry.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { contentKey } from "../lib/content-cache.ts";

const TOOL_ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** Libraries whose behaviour shapes cached values. */
const LIBRARIES = [
  "prettier",
  "@astral-sh/ruff-wasm-nodejs",
  "acorn",
  "remark-parse",
  "remark-gfm",
  "micromark-extension-gfm",
  "mdast-util-gfm-table",
  "mdast-util-gfm-footnote",
  "unified",
  "@mdx-js/mdx",
  "ajv",
  "ajv-formats",
  "jsonc-parser",
];

/**
 * Folders of this tool whose code produces cached values (snippet engine, loading and its checks, page checks, the
 * cache).
 */
const SOURCE_DIRS = [
  "snippets",
  "scripts/pages",
  "scripts/cache",
  "scripts/load",
  "scripts/schema",
  "scripts/lib",
  "scripts/model",
  "schemas",
];

/** Folders of expected test outputs (golden snippets): not shipped in the package, and they change no result. */
const NOT_SOURCE = new Set(["__golden__"]);

function sourceFiles(dir: string, pattern: RegExp): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) return NOT_SOURCE.has(name) ? [] : sourceFiles(file, pattern);
      return pattern.test(name) ? [file] : [];
    });
}

function libraryVersion(require: NodeRequire, name: string): string {
  try {
    const manifest = JSON.parse(readFileSync(require.resolve(`${name}/package.json`), "utf8")) as { version?: string };
    return `${name}@${manifest.version ?? "?"}`;
  } catch {
    // Some packages do not export their package.json; find it next to the resolved entry.
    try {
      let dir = path.dirname(require.resolve(name));
      while (!existsSync(path.join(dir, "package.json")) && path.dirname(dir) !== dir) dir = path.dirname(dir);
      return `${name}@${(JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as { version?: string }).version ?? "?"}`;
    } catch {
      return `${name}@missing`;
    }
  }
}

/** The digest of the tool at `root`: its version, its libraries' versions, the files of `dirs` matching `pattern`. */
export function fingerprintOf(
  libraries: readonly string[],
  dirs: readonly string[],
  pattern: RegExp,
  root: string = TOOL_ROOT,
): string {
  const require = createRequire(path.join(root, "package.json"));
  const manifest = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { version?: string };
  const parts = [`snippet-docs@${manifest.version ?? "?"}`, ...libraries.map((name) => libraryVersion(require, name))];
  for (const file of dirs.flatMap((dir) => sourceFiles(path.join(root, dir), pattern))) {
    parts.push(path.relative(root, file), readFileSync(file, "utf8"));
  }
  return contentKey(parts);
}

let memo: string | undefined;

export function toolFingerprint(): string {
  memo ??= fingerprintOf(LIBRARIES, SOURCE_DIRS, /\.(ts|json)$/);
  return memo;
}

/**
 * Everything of this tool a whole generated site depends on: all its code and built-in templates,
 * every library it runs while building (Handlebars renders the pages), and the Node version (its
 * Unicode and Intl data reach sorting and escaping). Wider than toolFingerprint(), whose entries
 * do not depend on the page templates or the pipeline.
 */
const SITE_SOURCE_DIRS = ["snippets", "scripts", "templates", "schemas"];

let siteMemo: string | undefined;

export function siteToolFingerprint(): string {
  siteMemo ??= contentKey([
    fingerprintOf([...LIBRARIES, "handlebars"], SITE_SOURCE_DIRS, /./),
    readFileSync(path.join(TOOL_ROOT, "package.json"), "utf8"),
    process.version,
  ]);
  return siteMemo;
}

/** The default cache directory: node_modules/.cache/snippet-docs of the project, or else of this tool. */
export function defaultCacheDir(projectRoot: string): string {
  for (let dir = path.resolve(projectRoot); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "node_modules"))) return path.join(dir, "node_modules", ".cache", "snippet-docs");
    if (path.dirname(dir) === dir) return path.join(TOOL_ROOT, "node_modules", ".cache", "snippet-docs");
  }
}
