/**
 * Reading JSON files at the input edge. Every failure becomes a Diagnostic naming the file.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL, fileURLToPath } from "node:url";
import type { Diagnostic } from "../lib/diagnostics.ts";
import { parseJsonSource, type ParseResult } from "../lib/json-source.ts";
import { forEachRef, type SchemaRegistry } from "../schema/registry.ts";

/** How a path is shown to the user: relative to the working directory when it is inside it. */
export function displayPath(absolutePath: string, cwd: string = process.cwd()): string {
  const relative = path.relative(cwd, absolutePath);
  return relative.startsWith("..") || path.isAbsolute(relative) ? absolutePath : relative.split(path.sep).join("/");
}

export function readJsonFile(absolutePath: string): ParseResult {
  const file = displayPath(absolutePath);
  let text: string;
  try {
    text = readFileSync(absolutePath, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? "file not found" : `cannot read the file (${code ?? String(error)})`;
    return { ok: false, diagnostics: [{ file, reason, ruleId: "file-read" }] };
  }
  return parseJsonSource(file, text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
}

/**
 * Loads schema files into the registry, then follows `$ref`s that point at files on disk which
 * are not loaded yet (a sibling file by relative path), until nothing new is reachable.
 */
export function loadSchemaFiles(absolutePaths: readonly string[], registry: SchemaRegistry): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const queue = [...absolutePaths];
  const attempted = new Set<string>();
  while (queue.length > 0) {
    const next = path.resolve(queue.shift() as string);
    if (attempted.has(next)) continue;
    attempted.add(next);
    const fileUrl = pathToFileURL(next).href;
    if (registry.has(fileUrl)) continue;
    const parsed = readJsonFile(next);
    if (!parsed.ok) {
      diagnostics.push(...parsed.diagnostics);
      continue;
    }
    const clash = registry.add(parsed.source, fileUrl);
    if (clash) diagnostics.push(clash);
    const document = registry.get(fileUrl);
    if (!document) continue;
    forEachRef(parsed.source.value, [], (ref) => {
      let uri: URL;
      try {
        uri = new URL(registry.refUri(ref, document));
      } catch {
        return; // reported by unresolvedRefs
      }
      if (uri.protocol !== "file:") return;
      uri.hash = "";
      if (registry.has(uri.href)) return;
      const target = fileURLToPath(uri);
      if (existsSync(target)) queue.push(target);
    });
  }
  return diagnostics;
}
