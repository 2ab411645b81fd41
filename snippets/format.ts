/**
 * One style per language: Python by ruff's formatter, JavaScript by prettier (both with their
 * defaults), shell as our printer writes it (four-space continuation lines).
 */
import { PositionEncoding, Workspace } from "@astral-sh/ruff-wasm-nodejs";
import { randomBytes } from "node:crypto";
import * as prettier from "prettier";
import type { Language } from "./clients/types.ts";

let ruff: Workspace | undefined;

/**
 * One ruff workspace for formatting and checking; rules: syntax errors, undefined names, unused or redefined imports.
 */
export function ruffWorkspace(): Workspace {
  ruff ??= new Workspace(
    { "line-length": 88, lint: { select: ["E9", "F63", "F7", "F82", "F401", "F811"] } },
    PositionEncoding.Utf16,
  );
  return ruff;
}

/**
 * Many JavaScript sources formatted by one prettier call, each as prettier formats it alone, or
 * undefined when the batch cannot be used (then format each alone: it also names the culprit).
 * A call costs several milliseconds whatever its size, and a snippet is small. Sources are
 * joined with a marker statement that ends in a semicolon (no source can run into the next); the
 * output is cut at the markers, and the blank lines around them, which prettier keeps but never
 * writes at the ends of a file, are dropped. A source opening with a quote or `#` (a directive or
 * hashbang, which mean something else in mid-file) is never batched.
 */
export async function formatJavaScriptBatch(sources: readonly string[]): Promise<string[] | undefined> {
  if (sources.length < 2 || sources.some((source) => /^\s*["'#]/.test(source))) return undefined;
  const marker = `__snippet_docs_split_${randomBytes(6).toString("hex")}`;
  const joined = sources
    .map(
      (source, index) => `${index === 0 ? "" : `${marker}(${index});\n`}${source}${source.endsWith("\n") ? "" : "\n"}`,
    )
    .join("");
  let formatted: string;
  try {
    formatted = await prettier.format(joined, { parser: "babel" });
  } catch {
    return undefined;
  }
  const parts = formatted.split(new RegExp(`^${marker}\\(\\d+\\);\\n`, "m"));
  if (parts.length !== sources.length) return undefined;
  return parts.map((part) => {
    const trimmed = part.replace(/^\n+/, "").replace(/\n+$/, "");
    return trimmed === "" ? "" : `${trimmed}\n`;
  });
}

export async function formatSnippet(language: Language, source: string): Promise<string> {
  if (language === "python") return ruffWorkspace().format(source);
  if (language === "js") return prettier.format(source, { parser: "babel" });
  return source.endsWith("\n") ? source : source + "\n";
}
