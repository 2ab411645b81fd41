/**
 * One style per language: Python by ruff's formatter, JavaScript by prettier (both with their
 * defaults), shell as our printer writes it (four-space continuation lines).
 */
import { PositionEncoding, Workspace } from "@astral-sh/ruff-wasm-nodejs";
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

export async function formatSnippet(language: Language, source: string): Promise<string> {
  if (language === "python") return ruffWorkspace().format(source);
  if (language === "js") return prettier.format(source, { parser: "babel" });
  return source.endsWith("\n") ? source : source + "\n";
}
