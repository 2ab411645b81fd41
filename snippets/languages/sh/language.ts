import type { LanguageDefinition } from "../types.ts";

export const language: LanguageDefinition<"sh"> = {
  id: "sh",
  label: "Shell",
  fence: "sh",
  highlight: "shellscript",
  extension: "sh",
  interpreter: "bash",
  // Shell has no guard of its own; the programs a snippet starts bring theirs (see the others).
  conformanceEnvironment: () => ({}),
  checker: () => import("./check.ts"),
};
