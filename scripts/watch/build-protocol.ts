/**
 * Messages between the preview (or `generate --watch`) and its build process. Builds run in a
 * child process so that the server stays responsive while one runs, and so that a change to the
 * snippet engine's own code (snippets/) takes effect: the process is replaced and imports it anew.
 */
import type { Diagnostic } from "../lib/diagnostics.ts";
import type { SiteFile } from "../pipeline/build-site.ts";

export interface BuildRequest {
  id: number;
  /**
   * `site`: build the pages and return them at once, then check them (see buildSite's
   * deferPageChecks) and send the checks' result; `generate`: do what `npm run generate` does.
   */
  kind: "site" | "generate";
  root: string;
  configFile?: string;
}

export type Failure = { kind: "invalid"; diagnostics: Diagnostic[] } | { kind: "internal"; message: string };

export type BuildOutcome =
  | {
      kind: "built";
      files: SiteFile[];
      providers: { id: string; displayName: string }[];
      snippetCount: number;
      seconds: number;
    }
  | Failure;

/** `warnings`: problems that do not stop the run (a client dropping a pair), said with every generation. */
export type GenerateOutcome = { kind: "generated"; summary: string; warnings: Diagnostic[] } | Failure;

/** `stopped`: a newer build was asked for, so checking this one's pages no longer mattered. */
export type PageChecks = { kind: "passed" } | { kind: "stopped" } | Failure;

export type BuildProcessMessage =
  | { type: "outcome"; id: number; outcome: BuildOutcome | GenerateOutcome }
  /** Follows the outcome of a `site` request that built. */
  | { type: "page-checks"; id: number; checks: PageChecks };
