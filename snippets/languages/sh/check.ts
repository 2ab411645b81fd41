/**
 * Shell snippets keep the layout our printer writes (four-space continuation lines) and must pass
 * `bash -n`. They are checked by one `bash -n` over all of them, each wrapped in its own function
 * (starting bash once per snippet would dominate generation time); only when that batch fails is
 * each one checked alone, to name the culprit.
 */
import { spawnSync } from "node:child_process";

export function format(source: string): string {
  return source.endsWith("\n") ? source : source + "\n";
}

function bashSyntaxError(source: string): string | undefined {
  const result = spawnSync("bash", ["-n"], { input: source, encoding: "utf8" });
  if (result.error) return `bash could not run: ${result.error.message}`;
  return result.status === 0
    ? undefined
    : result.stderr.trim().replace(/^bash: /, "") || `bash -n exited with ${result.status}`;
}

export function verify(sources: readonly string[]): (string | undefined)[] {
  if (sources.length === 0) return [];
  const batch = sources.map((source, position) => `__snippet_${position}() {\n${source}\n}`).join("\n");
  if (bashSyntaxError(batch) === undefined) return sources.map(() => undefined);
  return sources.map(bashSyntaxError);
}
