import type { LanguageDefinition } from "../types.ts";

export const language: LanguageDefinition<"python"> = {
  id: "python",
  label: "Python",
  fence: "python",
  highlight: "python",
  extension: "py",
  interpreter: "python3",
  checker: () => import("./check.ts"),
};
