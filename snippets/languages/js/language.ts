import type { LanguageDefinition } from "../types.ts";

export const language: LanguageDefinition<"js"> = {
  id: "js",
  label: "JavaScript",
  fence: "js",
  highlight: "javascript",
  extension: "mjs",
  interpreter: "node",
  checker: () => import("./check.ts"),
};
