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

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) return sourceFiles(file);
      return /\.(ts|json)$/.test(name) ? [file] : [];
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

let memo: string | undefined;

export function toolFingerprint(): string {
  if (memo !== undefined) return memo;
  const require = createRequire(path.join(TOOL_ROOT, "package.json"));
  const manifest = JSON.parse(readFileSync(path.join(TOOL_ROOT, "package.json"), "utf8")) as { version?: string };
  const parts = [`snippet-docs@${manifest.version ?? "?"}`, ...LIBRARIES.map((name) => libraryVersion(require, name))];
  for (const file of SOURCE_DIRS.flatMap((dir) => sourceFiles(path.join(TOOL_ROOT, dir)))) {
    parts.push(path.relative(TOOL_ROOT, file), readFileSync(file, "utf8"));
  }
  memo = contentKey(parts);
  return memo;
}

/** The default cache directory: node_modules/.cache/snippet-docs of the project, or else of this tool. */
export function defaultCacheDir(projectRoot: string): string {
  for (let dir = path.resolve(projectRoot); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "node_modules"))) return path.join(dir, "node_modules", ".cache", "snippet-docs");
    if (path.dirname(dir) === dir) return path.join(TOOL_ROOT, "node_modules", ".cache", "snippet-docs");
  }
}
