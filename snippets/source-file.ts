import path from "node:path";
import { fileURLToPath } from "node:url";

const TOOL_ROOT = fileURLToPath(new URL("../", import.meta.url));

/** The path of a module of this tool relative to the tool's root, for page headers: pass `import.meta.url`. */
export function toolSourcePath(moduleUrl: string): string {
  return path.relative(TOOL_ROOT, fileURLToPath(moduleUrl)).split(path.sep).join("/");
}
