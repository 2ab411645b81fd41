/**
 * The import graph of our own code, read with TypeScript's pre-processor (ts.preProcessFile): static
 * imports and re-exports, `import type`, dynamic `import()`, plus the files a module starts as a
 * worker or child process (`new URL("./file.ts", import.meta.url)`), which are dependencies too.
 * Only relative specifiers name our files; packages are not part of the graph.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

export interface ImportEdge {
  /** Paths are relative to the repository root, with "/" separators. */
  from: string;
  to: string;
  /** 1-based line of the specifier in `from`. */
  line: number;
}

export interface ImportGraph {
  files: readonly string[];
  edges: readonly ImportEdge[];
}

const CODE_FILE = /\.(?:ts|mts|cts|js|mjs|cjs)$/;
/** Data that happens to be code (snippet fixtures, golden outputs) is not part of the program. */
const NOT_PROGRAM_DIRS = new Set(["node_modules", "fixtures", "__golden__"]);
const STARTED_FILE = /new\s+URL\(\s*(["'])(\.\.?\/[^"']+)\1\s*,\s*import\.meta\.url\s*\)/g;

function listCode(root: string, dir: string): string[] {
  const entries = readdirSync(path.join(root, dir), { withFileTypes: true });
  return entries.flatMap((entry) => {
    const relative = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return NOT_PROGRAM_DIRS.has(entry.name) ? [] : listCode(root, relative);
    return CODE_FILE.test(entry.name) && !entry.name.endsWith(".d.ts") ? [relative] : [];
  });
}

function lineAt(text: string, position: number): number {
  let line = 1;
  for (let index = text.indexOf("\n"); index !== -1 && index < position; index = text.indexOf("\n", index + 1)) line++;
  return line;
}

/** The relative specifiers of one file and where they stand. */
export function specifiersOf(text: string): { specifier: string; position: number }[] {
  const { importedFiles } = ts.preProcessFile(text, true, true);
  const imported = importedFiles.map((file) => ({ specifier: file.fileName, position: file.pos }));
  const started = [...text.matchAll(STARTED_FILE)].map((match) => ({
    specifier: match[2] ?? "",
    position: match.index + match[0].indexOf(match[2] ?? ""),
  }));
  return [...imported, ...started].filter(({ specifier }) => /^\.\.?\//.test(specifier));
}

/** Every code file under `sourceRoots` of `root` and the imports between them. */
export function readImportGraph(root: string, sourceRoots: readonly string[]): ImportGraph {
  const files = sourceRoots.flatMap((dir) => listCode(root, dir)).sort();
  const known = new Set(files);
  const edges = files.flatMap((from) => {
    const text = readFileSync(path.join(root, from), "utf8");
    return specifiersOf(text).flatMap(({ specifier, position }) => {
      const to = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
      return known.has(to) ? [{ from, to, line: lineAt(text, position) }] : [];
    });
  });
  return { files, edges };
}
