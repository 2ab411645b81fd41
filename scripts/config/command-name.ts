/**
 * The command that regenerates a project's pages, as its users type it: page headers and `check`
 * name it. It depends on the project, not on how this run was started, so pages stay byte-identical
 * whichever way they were generated: `npm run <script>` when the project's package.json has a
 * script running `snippet-docs generate`, else `npx snippet-docs generate`.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

const GENERATE_SCRIPT = /(^|[\s/])snippet-docs(\.js)?\s+generate(\s|$)/;

export function generateCommandOf(projectRoot: string): string {
  const manifest = path.join(projectRoot, "package.json");
  if (existsSync(manifest)) {
    try {
      const scripts =
        (JSON.parse(readFileSync(manifest, "utf8")) as { scripts?: Record<string, unknown> }).scripts ?? {};
      const script = Object.entries(scripts).find(
        ([, line]) => typeof line === "string" && GENERATE_SCRIPT.test(line) && !line.includes("--watch"),
      );
      if (script) return `npm run ${script[0]}`;
    } catch {
      // An unreadable package.json is not ours to report; fall back to the command that always works.
    }
  }
  return "npx snippet-docs generate";
}
