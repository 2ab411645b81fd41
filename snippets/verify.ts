/**
 * Every snippet must parse before it is published: ruff's checker for Python (syntax errors,
 * undefined names, unused imports), acorn for JavaScript (an ES module with top-level await),
 * `bash -n` for shell.
 */
import { spawnSync } from "node:child_process";
import { parse } from "acorn";
import type { Language } from "./clients/types.ts";
import { ruffWorkspace } from "./format.ts";

interface RuffDiagnostic {
  code: string | null;
  message: string;
  start_location: { row: number; column: number };
}

/** Why `source` is not a valid program in `language`, or undefined when it is. */
function verifySnippet(language: Language, source: string): string | undefined {
  if (language === "python") {
    const problems = ruffWorkspace().check(source) as RuffDiagnostic[];
    if (problems.length === 0) return undefined;
    return problems
      .map(
        (problem) =>
          `${problem.start_location.row}:${problem.start_location.column} ${problem.message} (${problem.code ?? "syntax"})`,
      )
      .join("; ");
  }
  if (language === "js") {
    try {
      parse(source, { ecmaVersion: "latest", sourceType: "module" });
      return undefined;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  }
  return bashSyntaxError(source);
}

function bashSyntaxError(source: string): string | undefined {
  const result = spawnSync("bash", ["-n"], { input: source, encoding: "utf8" });
  if (result.error) return `bash could not run: ${result.error.message}`;
  return result.status === 0
    ? undefined
    : result.stderr.trim().replace(/^bash: /, "") || `bash -n exited with ${result.status}`;
}

/**
 * Verifies many snippets at once. Shell snippets are checked by one `bash -n` over all of them,
 * each wrapped in its own function (starting bash once per snippet would dominate generation
 * time); only when that batch fails is each one checked alone, to name the culprit.
 */
export function verifySnippets(items: readonly { language: Language; source: string }[]): (string | undefined)[] {
  const results = items.map((item) => (item.language === "sh" ? undefined : verifySnippet(item.language, item.source)));
  const shell = items.flatMap((item, index) => (item.language === "sh" ? [index] : []));
  if (shell.length === 0) return results;
  const batch = shell
    .map((index, position) => `__snippet_${position}() {\n${items[index]?.source ?? ""}\n}`)
    .join("\n");
  if (bashSyntaxError(batch) !== undefined) {
    for (const index of shell) results[index] = bashSyntaxError(items[index]?.source ?? "");
  }
  return results;
}
