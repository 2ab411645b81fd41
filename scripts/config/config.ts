/**
 * The configuration: snippet-docs.config.json at the project root (every field optional).
 * Declared data, not ad-hoc flags: commands read it, and invalid configuration is reported with
 * its place like any other input.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { InputError, type Diagnostic } from "../lib/diagnostics.ts";
import { diagnosticAt, type JsonObject, type JsonSource } from "../lib/json-source.ts";
import { readJsonFile } from "../load/files.ts";
import type { SchemaLayout } from "../load/load-specs.ts";
import { checkAgainstMetaSchema } from "../load/meta-schemas.ts";
import type { Provider, Specs } from "../model/types.ts";
import { DEFAULT_SYNC_POLICY, syncPolicyFrom, type SyncPolicy } from "./sync-policy.ts";
import { CLIENT_IDS, CLIENTS } from "../../snippets/clients/index.ts";
import type { SnippetClient } from "../../snippets/clients/types.ts";

export const CONFIG_FILE_NAME = "snippet-docs.config.json";

/** Where the generated pages are published; absolute links between pages are built from it. */
export const DEFAULT_DOCS_BASE_URL = "https://huggingface.co/docs/inference-providers";

export type SnippetStyle = "inline" | "component";
export type TokenStyle = { kind: "env" } | { kind: "inline"; value: string };

export interface Config {
  /** Directory of the configuration file: every other path is relative to it. */
  root: string;
  /** The configuration file, when there is one. */
  source?: JsonSource;
  specsDir: string;
  schemas: SchemaLayout;
  templatesDir: string;
  outDir: string;
  snippetStyle: SnippetStyle;
  clients: string[];
  providers: "all" | string[];
  token: TokenStyle;
  /** The policy of `sync` (the `sync` section). */
  sync: SyncPolicy;
  /** Address of the published pages, without a trailing slash: a task page is `<docsBaseUrl>/tasks/<task>`. */
  docsBaseUrl: string;
  /** Where the persistent cache lives; by default node_modules/.cache/snippet-docs/ (scripts/cache/). */
  cacheDir?: string;
}

export function defaultConfig(root: string): Config {
  return {
    root,
    specsDir: path.join(root, "specs"),
    schemas: { layout: "ours" },
    templatesDir: path.join(root, "templates"),
    outDir: path.join(root, "generated"),
    snippetStyle: "inline",
    clients: [...CLIENT_IDS],
    providers: "all",
    token: { kind: "env" },
    sync: DEFAULT_SYNC_POLICY,
    docsBaseUrl: DEFAULT_DOCS_BASE_URL,
  };
}

/** The nearest snippet-docs.config.json in `start` or a directory above it, like git finds its repository. */
export function findConfigFile(start: string): string | undefined {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    if (existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/**
 * Reads `file` (relative to `start`) or the configuration file found from `start` upwards; without
 * one, the defaults rooted at `start`. Throws InputError with places when invalid.
 */
export function loadConfig(start: string, file?: string): Config {
  const configPath = file ? path.resolve(start, file) : findConfigFile(start);
  if (!configPath) return defaultConfig(path.resolve(start));
  const base = path.dirname(configPath);
  const config = defaultConfig(base);
  const parsed = readJsonFile(configPath);
  if (!parsed.ok) throw new InputError(parsed.diagnostics);
  const problems = checkAgainstMetaSchema("config", parsed.source);
  if (problems.length > 0) throw new InputError(problems);
  const value = parsed.source.value as JsonObject;
  const resolve = (key: string, fallback: string) =>
    typeof value[key] === "string" ? path.resolve(base, value[key] as string) : fallback;
  const schemas = value["schemas"];
  const loaded: Config = {
    root: base,
    source: parsed.source,
    specsDir: resolve("specsDir", config.specsDir),
    schemas:
      typeof schemas === "object" && schemas !== null && !Array.isArray(schemas)
        ? { layout: "upstream", dir: path.resolve(base, schemas["upstream"] as string) }
        : { layout: "ours" },
    templatesDir: resolve("templatesDir", config.templatesDir),
    outDir: resolve("outDir", config.outDir),
    snippetStyle: (value["snippetStyle"] as SnippetStyle | undefined) ?? "inline",
    clients: (value["clients"] as string[] | undefined) ?? config.clients,
    providers: (value["providers"] as string[] | "all" | undefined) ?? "all",
    token:
      typeof value["token"] === "object" && value["token"] !== null
        ? { kind: "inline", value: (value["token"] as JsonObject)["inline"] as string }
        : { kind: "env" },
    sync: syncPolicyFrom(value["sync"]),
    docsBaseUrl:
      typeof value["docsBaseUrl"] === "string" ? value["docsBaseUrl"].replace(/\/+$/, "") : config.docsBaseUrl,
    ...(typeof value["cacheDir"] === "string" ? { cacheDir: path.resolve(base, value["cacheDir"]) } : {}),
  };
  const clientProblems = unknownClientProblems(parsed.source, loaded.clients);
  if (clientProblems.length > 0) throw new InputError(clientProblems);
  const outDirProblem = unsafeOutDirReason(loaded);
  if (outDirProblem) throw new InputError([diagnosticAt(parsed.source, "/outDir", outDirProblem, "config-out-dir")]);
  return loaded;
}

/** The client ids are the tool's client folders (the registry), so the meta-schema does not copy them. */
function unknownClientProblems(source: JsonSource, clients: readonly string[]): Diagnostic[] {
  return clients.flatMap((id, index) =>
    CLIENT_IDS.includes(id)
      ? []
      : [
          diagnosticAt(
            source,
            `/clients/${index}`,
            `unknown client "${id}": use one of ${CLIENT_IDS.join(", ")}`,
            "config-client",
          ),
        ],
  );
}

function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
}

/**
 * The generator replaces what is in the output folder, so it must be a folder of its own inside
 * the project: not the project itself, not outside or above it, and apart from the inputs.
 */
export function unsafeOutDirReason(config: Config): string | undefined {
  const { outDir, root } = config;
  const fix = 'set "outDir" to a folder of its own inside the project, such as "generated"';
  if (outDir === root) return `the output folder is the project root: ${fix}`;
  if (isInside(root, outDir)) return `the output folder contains the project: ${fix}`;
  if (!isInside(outDir, root)) return `the output folder is outside the project: ${fix}`;
  const inputs: [string, string][] = [
    ["specsDir", config.specsDir],
    ["templatesDir", config.templatesDir],
    ...(config.schemas.layout === "upstream" ? ([["schemas.upstream", config.schemas.dir]] as [string, string][]) : []),
  ];
  for (const [name, dir] of inputs) {
    if (isInside(outDir, dir) || isInside(dir, outDir))
      return `the output folder overlaps "${name}" (${path.relative(root, dir) || "."}): ${fix}`;
  }
  return undefined;
}

/** Checks the parts of the configuration that refer to the specs (provider ids). */
export function checkConfigAgainstSpecs(config: Config, specs: Specs): void {
  if (config.providers === "all" || !config.source) return;
  const known = new Set(specs.providers.map((provider) => provider.id));
  const problems = config.providers.flatMap((id, index) =>
    known.has(id)
      ? []
      : [
          diagnosticAt(
            config.source as JsonSource,
            `/providers/${index}`,
            `unknown provider "${id}": the feed has ${[...known].join(", ")}`,
            "config-provider",
          ),
        ],
  );
  if (problems.length > 0) throw new InputError(problems);
}

/** The providers whose snippets the pages carry, in feed order. */
export function configuredProviders(config: Config, specs: Specs): Provider[] {
  if (config.providers === "all") return specs.providers;
  const wanted = new Set(config.providers);
  return specs.providers.filter((provider) => wanted.has(provider.id));
}

/** The clients the pages show, in the configured order. */
export function configuredClients(config: Config): SnippetClient[] {
  return config.clients.flatMap((id) => CLIENTS.filter((client) => client.id === id));
}
