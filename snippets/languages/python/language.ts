import path from "node:path";
import { fileURLToPath } from "node:url";
import type { LanguageDefinition } from "../types.ts";

/** Holds sitecustomize.py, which Python imports at start-up from the module path. */
const GUARD_DIR = fileURLToPath(new URL("./guard/", import.meta.url));

export const language: LanguageDefinition<"python"> = {
  id: "python",
  label: "Python",
  fence: "python",
  highlight: "python",
  extension: "py",
  interpreter: "python3",
  conformanceEnvironment: (modulePath) => ({
    PYTHONPATH: [GUARD_DIR, ...modulePath].join(path.delimiter),
    PYTHONDONTWRITEBYTECODE: "1",
  }),
  checker: () => import("./check.ts"),
};
