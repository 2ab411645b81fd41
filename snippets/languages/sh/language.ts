import type { LanguageDefinition } from "../types.ts";

export const language: LanguageDefinition<"sh"> = {
  id: "sh",
  label: "Shell",
  fence: "sh",
  highlight: "shellscript",
  extension: "sh",
  interpreter: "bash",
  checker: () => import("./check.ts"),
};
