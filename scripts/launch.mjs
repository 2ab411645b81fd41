#!/usr/bin/env node
/**
 * Runs a command of this tool from a bundle built with esbuild, rebuilding it first when a source
 * file changed. Starting through tsx costs about a second of CPU on every command (its loader and
 * a transform per module); the bundle loads as plain JavaScript.
 *
 *   node scripts/launch.mjs --build     only bring the bundle up to date (npm's `prepare`)
 *   node scripts/launch.mjs <args...>   the same as `snippet-docs <args...>` (bin/snippet-docs.js uses loadCli)
 *
 * The bundle goes to dist/<build id>/, with the CLI's entry, its io and the worker entries,
 * with shared chunks; dist/current.json names the newest build and records every source file it
 * was made from (size and mtime; a bundled package by its package.json, and this file), which is
 * all a start-up has to compare. Modules keep their own `import.meta.url` (rewritten to the source
 * file's URL), so paths they compute from it are the same as under tsx. Packages stay outside the
 * bundle but for those of BUNDLED_PACKAGES. SNIPPET_DOCS_NO_BUNDLE=1 runs the sources with tsx.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const TOOL_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const DIST = path.join(TOOL_ROOT, "dist");
const CURRENT = path.join(DIST, "current.json");
/** What loadCli imports: the whole CLI and the process's io. */
const CLI_ENTRIES = ["scripts/cli/main.ts", "scripts/cli/io.ts"];
/** Modules started as worker threads. */
const WORKER_ENTRIES = ["scripts/pipeline/build-worker.ts"];
/**
 * Builds older than this are removed. A running command may still load a chunk of its own build
 * later (a `generate --watch` session loads the formatters on its first cold rebuild), so builds
 * are kept a day; each is about a megabyte.
 */
const OLD_BUILD_MS = 24 * 60 * 60 * 1000;

function entryPoints() {
  return [...CLI_ENTRIES, ...WORKER_ENTRIES];
}

function readCurrent() {
  try {
    return JSON.parse(readFileSync(CURRENT, "utf8"));
  } catch {
    return undefined;
  }
}

/** Whether the recorded build was made from the source files as they are now. */
function isFresh(current) {
  if (!current || current.root !== TOOL_ROOT || !existsSync(path.join(DIST, current.id))) return false;
  if (entryPoints().some((entry) => !(entry in current.entries))) return false;
  for (const [file, [size, mtimeMs]] of Object.entries(current.inputs)) {
    try {
      const stat = statSync(path.join(TOOL_ROOT, file));
      if (stat.size !== size || stat.mtimeMs !== mtimeMs) return false;
    } catch {
      return false;
    }
  }
  return true;
}

/**
 * Packages bundled with our code, with everything they import: parsers and template engines made of
 * many small modules, each a file Node's loader would resolve and read (remark's parser alone is
 * about 250). The other packages stay outside: ruff (a WebAssembly file beside its module), the
 * preview's and conformance's libraries, and single-file builds such as prettier's.
 */
const BUNDLED_PACKAGES = new Set([
  "unified",
  "remark-parse",
  "remark-gfm",
  "micromark-extension-gfm",
  "mdast-util-gfm-table",
  "mdast-util-gfm-footnote",
  "handlebars",
  "jsonc-parser",
  "acorn",
]);

/** Whether `file` belongs to a package, not to this tool (which may itself be installed in a node_modules). */
function isPackageFile(file) {
  const relative = path.relative(TOOL_ROOT, path.resolve(TOOL_ROOT, file));
  return [`node_modules${path.sep}`, `..${path.sep}`].some((start) => relative.startsWith(start));
}

function packageName(specifier) {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

/** esbuild plugin: packages outside the bundle unless BUNDLED_PACKAGES holds them or a bundled package imports them. */
const chosenPackages = {
  name: "chosen-packages",
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      const fromPackage = isPackageFile(args.importer);
      if (args.path.startsWith("node:") || !(fromPackage || BUNDLED_PACKAGES.has(packageName(args.path)))) {
        return { external: true };
      }
      return undefined;
    });
  },
};

/** esbuild plugin: each TypeScript module keeps the import.meta values of its source file. */
const keepImportMeta = {
  name: "keep-import-meta",
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, (args) => {
      const source = readFileSync(args.path, "utf8");
      const contents = source
        .replace(/\bimport\.meta\.url\b/g, JSON.stringify(pathToFileURL(args.path).href))
        .replace(/\bimport\.meta\.dirname\b/g, JSON.stringify(path.dirname(args.path)))
        .replace(/\bimport\.meta\.filename\b/g, JSON.stringify(args.path));
      return { contents, loader: "ts" };
    });
  },
};

/**
 * The package.json of the package holding `file` (relative to the tool, as in esbuild's metafile),
 * if it is in one. Installed, the tool's packages are beside it: ../unified/lib/index.js.
 */
function manifestOf(file) {
  const absolute = path.resolve(TOOL_ROOT, file);
  if (!isPackageFile(absolute)) return undefined;
  const parts = absolute.split(path.sep);
  const at = parts.lastIndexOf("node_modules");
  if (at === -1) return undefined;
  const nameLength = parts[at + 1]?.startsWith("@") ? 2 : 1;
  return path.relative(TOOL_ROOT, [...parts.slice(0, at + 1 + nameLength), "package.json"].join(path.sep));
}

async function build() {
  const esbuild = await import("esbuild");
  const id = `build-${Date.now()}-${process.pid}`;
  const outdir = path.join(DIST, id);
  const entries = entryPoints();
  const result = await esbuild.build({
    absWorkingDir: TOOL_ROOT,
    entryPoints: entries.map((entry) => ({ in: entry, out: entry.replace(/\.ts$/, "") })),
    outdir,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    // ES modules of the bundled packages where they offer both (jsonc-parser's CommonJS build is UMD).
    mainFields: ["module", "main"],
    outExtension: { ".js": ".mjs" },
    plugins: [chosenPackages, keepImportMeta],
    metafile: true,
    logLevel: "error",
  });
  const inputs = {};
  // This file makes the bundle; a bundled package is represented by its package.json (npm rewrites it).
  const recorded = [
    "scripts/launch.mjs",
    ...Object.keys(result.metafile.inputs).map((file) => manifestOf(file) ?? file),
  ];
  for (const file of new Set(recorded)) {
    const stat = statSync(path.join(TOOL_ROOT, file));
    inputs[file] = [stat.size, stat.mtimeMs];
  }
  const current = {
    root: TOOL_ROOT,
    id,
    entries: Object.fromEntries(entries.map((entry) => [entry, `${entry.replace(/\.ts$/, "")}.mjs`])),
    inputs,
  };
  const temporary = `${CURRENT}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(current));
  renameSync(temporary, CURRENT);
  removeOldBuilds(id);
  return current;
}

function removeOldBuilds(keep) {
  for (const name of readdirSync(DIST)) {
    if (!name.startsWith("build-") || name === keep) continue;
    const dir = path.join(DIST, name);
    // Another launcher may be removing the same old build.
    const stat = statSync(dir, { throwIfNoEntry: false });
    if (stat && Date.now() - stat.mtimeMs > OLD_BUILD_MS) rmSync(dir, { recursive: true, force: true });
  }
}

/** The bundle, built when stale; undefined when it cannot be built here (no esbuild). */
export async function currentBuild() {
  const current = readCurrent();
  if (isFresh(current)) return current;
  try {
    mkdirSync(DIST, { recursive: true });
    return await build();
  } catch (error) {
    // No esbuild (an installed package without it), or a package folder this user cannot write:
    // the sources run through tsx instead.
    if (["ERR_MODULE_NOT_FOUND", "EACCES", "EPERM", "EROFS"].includes(error?.code)) return undefined;
    throw error;
  }
}

/** Sets what scripts/lib/bundle.ts reads to start worker threads from their bundled entries. */
function useBundle(current) {
  globalThis.snippetDocsBundle = { dir: path.join(DIST, current.id), entries: current.entries };
}

/**
 * The CLI's `main(argv, io)` and `processIo()`: from the bundle when it is current, else from the
 * sources through tsx's loader, registered in this process (no second process).
 */
export async function loadCli() {
  const current = process.env.SNIPPET_DOCS_NO_BUNDLE ? undefined : await currentBuild();
  const main = current?.entries["scripts/cli/main.ts"];
  const io = current?.entries["scripts/cli/io.ts"];
  let modules;
  if (main && io) {
    useBundle(current);
    const load = (entry) => import(pathToFileURL(path.join(DIST, current.id, entry)).href);
    modules = await Promise.all([load(main), load(io)]);
  } else {
    const { register } = await import("tsx/esm/api");
    register();
    const load = (entry) => import(pathToFileURL(path.join(TOOL_ROOT, entry)).href);
    modules = await Promise.all([load("scripts/cli/main.ts"), load("scripts/cli/io.ts")]);
  }
  return { main: modules[0].main, processIo: modules[1].processIo };
}

async function runLauncher() {
  const [first, ...rest] = process.argv.slice(2);
  if (first === "--build") {
    await currentBuild();
    return;
  }
  const { main, processIo } = await loadCli();
  process.exitCode = await main(first === undefined ? [] : [first, ...rest], processIo());
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await runLauncher();
