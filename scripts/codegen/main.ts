/**
 * `npm run codegen` (also run by npm run build and npm ci): writes every generated source file
 * that differs from what its inputs give now. An unchanged file keeps its time, so the bundle
 * (scripts/launch.mjs) stays current.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { META_VALIDATORS_FILE, metaValidatorsSource } from "./meta-validators.ts";
import {
  CLIENT_REGISTRY_FILE,
  clientFolders,
  clientRegistrySource,
  LANGUAGE_REGISTRY_FILE,
  languageFolders,
  languageRegistrySource,
} from "./registries.ts";

function update(file: string, text: string): boolean {
  if (existsSync(file) && readFileSync(file, "utf8") === text) return false;
  writeFileSync(file, text);
  return true;
}

const outputs: [string, () => string | Promise<string>][] = [
  [LANGUAGE_REGISTRY_FILE, () => languageRegistrySource(languageFolders())],
  [CLIENT_REGISTRY_FILE, () => clientRegistrySource(clientFolders())],
  [META_VALIDATORS_FILE, metaValidatorsSource],
];
for (const [file, source] of outputs) {
  // On stderr: `npm pack --json` runs this through `prepare`, and its stdout must stay JSON.
  if (update(file, await source())) console.error(`wrote ${path.relative(process.cwd(), file)}`);
}
