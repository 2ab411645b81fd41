/**
 * The layers of our code, lowest first. A file may import files of its own layer and of the layers
 * listed before it, never of a layer listed after it; and no chain of imports may come back to
 * where it started. test/architecture/imports.test.ts reads this table; a new folder gets a row
 * here (or goes under an existing one) before it can hold code.
 *
 * A path that ends in "/" holds every file under it; other paths are single files. When several
 * rows hold a file, the longest path decides.
 */
export interface Layer {
  name: string;
  /** What belongs here: the test quotes it when a file has no layer. */
  holds: string;
  paths: readonly string[];
}

export const LAYERS: readonly Layer[] = [
  {
    name: "lib",
    holds: "generic helpers that know nothing of tasks or snippets (JSON sources, diagnostics, caches, workers)",
    paths: ["scripts/lib/", "scripts/diagnostics/"],
  },
  { name: "schema", holds: "JSON Schema compiling, references and validation", paths: ["scripts/schema/"] },
  { name: "model", holds: "the typed model: Task, Provider, Mapping", paths: ["scripts/model/"] },
  { name: "load", holds: "reading and validating specs/ into the model", paths: ["scripts/load/"] },
  {
    name: "snippets",
    holds: "the snippet engine: request model, languages, clients, formatting and parse checks",
    paths: ["snippets/"],
  },
  {
    name: "render",
    holds: "pure rendering of pages and spec tables from the model and the snippets",
    paths: ["scripts/spec-table/", "scripts/pages/"],
  },
  {
    name: "config",
    holds: "the project's configuration (it names the clients it publishes)",
    paths: ["scripts/config/"],
  },
  { name: "cache", holds: "the persistent cache as configured", paths: ["scripts/cache/"] },
  {
    name: "pipeline",
    holds: "one build or generation run: build the site, write or check it",
    paths: ["scripts/pipeline/"],
  },
  {
    name: "watch",
    holds: "watching the inputs and rebuilding in a build process (preview and generate --watch)",
    paths: ["scripts/watch/"],
  },
  {
    name: "tools",
    holds: "what a command drives: preview server, conformance, sync, bench, and the registries' codegen",
    paths: ["scripts/preview/", "scripts/conformance/", "scripts/sync/", "scripts/bench/", "scripts/codegen/"],
  },
  {
    name: "cli",
    holds: "the commands and how the package starts them",
    paths: ["scripts/cli/", "scripts/launch.mjs", "bin/"],
  },
  { name: "tests", holds: "test suites and their helpers", paths: ["test/"] },
];

/** The folders whose code the test reads (relative to the repository root). */
export const SOURCE_ROOTS: readonly string[] = ["bin", "scripts", "snippets", "test"];
