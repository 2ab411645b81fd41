/**
 * Whether this code runs from the bundle scripts/launch.mjs built, and where an entry of it is.
 * The launcher records the build in a global before it loads a command.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";

interface BundleInfo {
  dir: string;
  /** Source entry (e.g. "scripts/pipeline/build-worker.ts") -> its file in `dir`. */
  entries: Record<string, string>;
}

/** The file URL of a bundled entry, or undefined when running from the sources (tsx, vitest). */
export function bundledEntry(entry: string): URL | undefined {
  const bundle = (globalThis as { snippetDocsBundle?: BundleInfo }).snippetDocsBundle;
  const file = bundle?.entries[entry];
  return bundle && file ? pathToFileURL(path.join(bundle.dir, file)) : undefined;
}
