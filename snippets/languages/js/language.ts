import type { LanguageDefinition } from "../types.ts";

/** Preloaded into every node process of a conformance run. */
const GUARD = new URL("./guard/network-guard.mjs", import.meta.url).href;

export const language: LanguageDefinition<"js"> = {
  id: "js",
  label: "JavaScript",
  fence: "js",
  highlight: "javascript",
  extension: "mjs",
  interpreter: "node",
  conformanceEnvironment: () => ({ NODE_OPTIONS: `--import=${GUARD}` }),
  checker: () => import("./check.ts"),
};
