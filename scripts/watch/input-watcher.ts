/**
 * Watches what the pages are built from: specs/ and templates/ (wherever the configuration puts
 * them), the configuration file, and the snippet engine's code. Shared by the preview and
 * `npm run generate -- --watch`.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { CONFIG_FILE_NAME, defaultConfig, findConfigFile, loadConfig } from "../config/config.ts";
import { watchPaths, type WatchTarget, type Watcher } from "./watch.ts";

/** The snippet engine's own code: a change there needs a fresh build process (see builder.ts). */
export const SNIPPET_ENGINE_DIR = fileURLToPath(new URL("../../snippets/", import.meta.url));

export interface InputChange {
  files: string[];
  /** The snippet engine's code changed: modules already imported must be loaded again. */
  engineChanged: boolean;
}

function isInside(file: string, directory: string): boolean {
  const relative = path.relative(directory, file);
  return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
}

/** What to watch; with an invalid configuration, the default places (the build reports the problem). */
function inputTargets(root: string, configPath: string): WatchTarget[] {
  let config = defaultConfig(root);
  try {
    config = loadConfig(root, configPath);
  } catch {
    // The build reports the invalid configuration; until it is fixed, watch the default places.
  }
  return [
    { path: config.specsDir, kind: "directory" },
    { path: config.templatesDir, kind: "directory" },
    { path: SNIPPET_ENGINE_DIR, kind: "directory" },
    { path: configPath, kind: "file" },
  ];
}

export function watchInputs(
  options: { root: string; configFile?: string },
  onChange: (change: InputChange) => void,
): Watcher {
  const configPath = options.configFile
    ? path.resolve(options.root, options.configFile)
    : (findConfigFile(options.root) ?? path.join(options.root, CONFIG_FILE_NAME));
  let watcher: Watcher;
  const handle = (files: string[]) => {
    if (files.includes(configPath)) {
      // The configuration may have moved specs/ or templates/.
      void watcher.close();
      watcher = watchPaths(inputTargets(options.root, configPath), handle);
    }
    onChange({ files, engineChanged: files.some((file) => isInside(file, SNIPPET_ENGINE_DIR)) });
  };
  watcher = watchPaths(inputTargets(options.root, configPath), handle);
  return {
    get ready() {
      return watcher.ready;
    },
    close: () => watcher.close(),
  };
}
