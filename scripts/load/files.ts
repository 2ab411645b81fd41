/**
 * Reading JSON files at the input edge. Every failure becomes a Diagnostic naming the file.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { pathToFileURL, fileURLToPath } from "node:url";
import type { Diagnostic } from "../lib/diagnostics.ts";
import type { RuleId } from "../lib/rules.ts";
import { parseJsonSource, type ParseResult } from "../lib/json-source.ts";
import { forEachRef, type SchemaRegistry } from "../schema/registry.ts";

/** How a path is shown to the user: relative to the working directory when it is inside it. */
export function displayPath(absolutePath: string, cwd: string = process.cwd()): string {
  const relative = path.relative(cwd, absolutePath);
  return relative.startsWith("..") || path.isAbsolute(relative) ? absolutePath : relative.split(path.sep).join("/");
}

/** What a file-system error means for the user, and what to do about it. */
const FILE_SYSTEM_ADVICE: Record<string, string> = {
  ENOENT: "file not found",
  EACCES: "permission denied: give this user access to it (chmod)",
  ENOSPC: "the disk is full: free some space and run the command again",
  EDQUOT: "the disk quota is used up: free some space and run the command again",
  EROFS: "the file system is read-only: use another folder or remount it",
  EPERM: "operation not permitted: check its permissions",
  EISDIR: "a folder stands where a file is expected: move the folder away",
  ENOTDIR: "a path component is a file, not a folder: move that file away",
  ELOOP: "symbolic links loop here: remove or correct the link",
  EMFILE: "too many open files: raise the limit (ulimit -n)",
  ENAMETOOLONG: "the path is too long: shorten it",
  EIO: "an input/output error: check the disk",
};

/** A file-system error as a diagnostic; `action` says what failed (reading the file when not given). */
export function fileSystemDiagnostic(
  absolutePath: string,
  error: unknown,
  ruleId: RuleId = "file-read",
  action?: string,
): Diagnostic {
  const code = (error as NodeJS.ErrnoException).code ?? "";
  const advice = FILE_SYSTEM_ADVICE[code] ?? `an unexpected file-system error (${code || String(error)})`;
  // "file not found" says it all; other codes are shown for searching the web.
  const shownCode = code && code !== "ENOENT" ? ` [${code}]` : "";
  return {
    file: displayPath(absolutePath),
    reason: `${action ? `cannot ${action}: ` : ""}${advice}${shownCode}`,
    ruleId,
  };
}

/** The first byte that is not valid UTF-8, as a line (newline bytes never occur inside a sequence) and a column. */
function invalidUtf8Position(bytes: Uint8Array): { line: number; column: number } {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let lineStart = 0;
  let line = 1;
  for (let index = 0; index <= bytes.length; index++) {
    if (index < bytes.length && bytes[index] !== 10) continue;
    const lineBytes = bytes.subarray(lineStart, index);
    try {
      decoder.decode(lineBytes);
    } catch {
      // Walk the line by hand: the column is the first byte that does not start a valid sequence.
      const lenient = new TextDecoder("utf-8").decode(lineBytes);
      let column = 1;
      let offset = 0;
      for (const char of lenient) {
        const length = Buffer.byteLength(char);
        if (
          char === "\ufffd" &&
          !(lineBytes[offset] === 0xef && lineBytes[offset + 1] === 0xbf && lineBytes[offset + 2] === 0xbd)
        )
          break;
        offset += length;
        column++;
      }
      return { line, column };
    }
    line++;
    lineStart = index + 1;
  }
  return { line: 1, column: 1 };
}

export type TextResult = { ok: true; text: string } | { ok: false; diagnostics: Diagnostic[] };

/** Reads a UTF-8 text file; anything else (a folder, a loop, bytes that are not UTF-8) is a diagnostic. */
export function readTextFile(absolutePath: string): TextResult {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(absolutePath);
  } catch (error) {
    return { ok: false, diagnostics: [fileSystemDiagnostic(absolutePath, error)] };
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    const position = invalidUtf8Position(bytes);
    return {
      ok: false,
      diagnostics: [
        {
          file: displayPath(absolutePath),
          position,
          end: { line: position.line, column: position.column + 1 },
          reason: "the file is not valid UTF-8: save it with the UTF-8 encoding",
          ruleId: "file-encoding",
        },
      ],
    };
  }
  return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}

export function readJsonFile(absolutePath: string): ParseResult {
  const read = readTextFile(absolutePath);
  if (!read.ok) return read;
  return parseJsonSource(displayPath(absolutePath), read.text);
}

export type EntryKind = "file" | "directory" | "other";

/** What a path is, following links (a loop or a dangling link is a diagnostic, not a crash). */
export function entryKind(absolutePath: string): EntryKind | Diagnostic {
  try {
    const stat = statSync(absolutePath);
    return stat.isFile() ? "file" : stat.isDirectory() ? "directory" : "other";
  } catch (error) {
    return fileSystemDiagnostic(absolutePath, error);
  }
}

/** The names in a folder, sorted; an unreadable folder is a diagnostic. */
export function listDirectory(absolutePath: string): string[] | Diagnostic {
  try {
    return readdirSync(absolutePath).sort();
  } catch (error) {
    return fileSystemDiagnostic(absolutePath, error);
  }
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
