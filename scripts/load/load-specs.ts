/**
 * load & validate: reads the specs directory into the model (Specs), or returns every problem
 * found, each naming its file and place. This is the only module that reads spec files.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { partsHash } from "../lib/content-cache.ts";
import type { Diagnostic } from "../lib/diagnostics.ts";
import { sortDiagnostics } from "../lib/diagnostics.ts";
import { diagnosticAt, isJsonObject, pathToPointer, type JsonObject, type JsonSource } from "../lib/json-source.ts";
import type { Contract, Mapping, Provider, Specs, Task, TaskMetadata } from "../model/types.ts";
import { SchemaRegistry, type SchemaDocument } from "../schema/registry.ts";
import { createValidator, type SchemaValidator, type ValidatorResult } from "../schema/validator.ts";
import { displayPath, entryKind, listDirectory, loadSchemaFiles, readJsonFile } from "./files.ts";
import { checkAgainstMetaSchema, metaSchemaFile } from "./meta-schemas.ts";
import { proseProblems } from "./prose.ts";

export type SchemaLayout = { layout: "ours" } | { layout: "upstream"; dir: string };

export interface LoadOptions {
  /** Directory holding tasks/<task>/task.json, providers.json and (our layout) the task schemas. */
  specsDir: string;
  /** Where the request/response JSON Schemas come from. */
  schemas: SchemaLayout;
  /**
   * Loads that passed before, by a digest of every file read. When all the files are byte for
   * byte ones that passed every check (with the same tool, see scripts/cache/), the JSON Schema
   * validations, the slow part of loading, are not run again and the validator compiles on first
   * use. Any other load is checked in full and, when it passes, recorded.
   */
  passedLoads?: PassedLoads;
}

export interface PassedLoads {
  has(digest: string): boolean;
  add(digest: string): void;
}

export type LoadResult = { ok: true; specs: Specs } | { ok: false; diagnostics: Diagnostic[] };

const SCHEMA_FILES = { input: "input.json", output: "output.json", streamOutput: "stream_output.json" } as const;

interface RawTask {
  id: string;
  source: JsonSource;
  schemaPaths: { input: string; output: string; streamOutput: string };
}

/**
 * Where a task's schemas are. In the upstream layout a task the package has no spec for (such as
 * image-text-to-text, which upstream documents through chat-completion) keeps its own files.
 */
function schemaPathsFor(taskId: string, options: LoadOptions): RawTask["schemaPaths"] {
  const ours = path.join(options.specsDir, "tasks", taskId);
  const upstream = options.schemas.layout === "upstream" ? path.join(options.schemas.dir, taskId, "spec") : undefined;
  const dir = upstream && existsSync(upstream) ? upstream : ours;
  return {
    input: path.join(dir, SCHEMA_FILES.input),
    output: path.join(dir, SCHEMA_FILES.output),
    streamOutput: path.join(dir, SCHEMA_FILES.streamOutput),
  };
}

function sharedDefinitionFiles(options: LoadOptions): string[] {
  const dir = options.schemas.layout === "ours" ? options.specsDir : options.schemas.dir;
  const file = path.join(dir, "common-definitions.json");
  return existsSync(file) ? [file] : [];
}

/**
 * Task ids (folder names) become file names, link targets and page text: only lowercase letters,
 * digits, dots and hyphens, starting with a letter or digit. (Provider ids are keys of the feed,
 * which its meta-schema restricts the same way.)
 */
export const ID_PATTERN = /^[a-z0-9][a-z0-9.-]*$/;
const ID_RULE = "lowercase letters, digits, '.' and '-', starting with a letter or a digit";

function listTaskIds(specsDir: string, diagnostics: Diagnostic[]): string[] {
  const tasksDir = path.join(specsDir, "tasks");
  const kind = entryKind(tasksDir);
  if (kind !== "directory") {
    diagnostics.push(
      typeof kind === "object" && !kind.reason.startsWith("file not found")
        ? kind
        : {
            file: displayPath(tasksDir),
            reason: "directory not found: create tasks/<task>/task.json for each task",
            ruleId: "file-read",
          },
    );
    return [];
  }
  const names = listDirectory(tasksDir);
  if (!Array.isArray(names)) {
    diagnostics.push(names);
    return [];
  }
  return names.filter((name) => {
    const taskDir = path.join(tasksDir, name);
    const entry = entryKind(taskDir);
    if (typeof entry === "object") diagnostics.push(entry);
    if (entry !== "directory") return false;
    if (ID_PATTERN.test(name)) return true;
    diagnostics.push({
      file: displayPath(taskDir),
      reason: `the folder name is not a valid task id (${ID_RULE}): rename the folder`,
      ruleId: "task-id",
    });
    return false;
  });
}

function documentFor(registry: SchemaRegistry, absolutePath: string): SchemaDocument | undefined {
  return registry.get(pathToFileURL(path.resolve(absolutePath)).href);
}

function buildTask(
  raw: RawTask,
  registry: SchemaRegistry,
  validator: SchemaValidator | undefined,
  diagnostics: Diagnostic[],
): Task | undefined {
  const metadata = raw.source.value as unknown as TaskMetadata & { $schema?: string };
  const input = documentFor(registry, raw.schemaPaths.input);
  const output = documentFor(registry, raw.schemaPaths.output);
  const streamOutput = documentFor(registry, raw.schemaPaths.streamOutput);
  if (!input || !output) return undefined;
  const { $schema: _format, ...fields } = metadata;
  const task: Task = {
    ...fields,
    id: raw.id,
    schemas: { input, output, ...(streamOutput ? { streamOutput } : {}) },
    files: {
      metadata: displayPath(path.resolve(raw.source.file)),
      input: input.source.file,
      output: output.source.file,
      ...(streamOutput ? { streamOutput: streamOutput.source.file } : {}),
    },
  };

  const streams = task.response.stream === "server-sent-events";
  if (streams && !streamOutput) {
    diagnostics.push(
      diagnosticAt(
        raw.source,
        "/response/stream",
        `the task streams but ${displayPath(raw.schemaPaths.streamOutput)} does not exist: add it or remove "stream"`,
        "task-stream",
      ),
    );
  }
  if (!streams && streamOutput) {
    diagnostics.push(
      diagnosticAt(
        raw.source,
        "/response",
        `${streamOutput.source.file} exists but the task does not declare "stream": "server-sent-events"`,
        "task-stream",
      ),
    );
  }
  if (task.binaryInput && typeof task.example[task.binaryInput.field] !== "string") {
    diagnostics.push(
      diagnosticAt(
        raw.source,
        `/example`,
        `the binary input field "${task.binaryInput.field}" must hold the example file name (a string)`,
        "task-binary-input",
      ),
    );
  }
  const prose: [string, string][] = [
    ["/description", task.description],
    ...task.recommendedModels.map((model, index): [string, string] => [
      `/recommendedModels/${index}/description`,
      model.description,
    ]),
  ];
  // Without a validator the load passed every check before (the cached digest); prose is one of them.
  if (validator) {
    for (const [pointer, text] of prose) {
      for (const problem of proseProblems(text))
        diagnostics.push(diagnosticAt(raw.source, pointer, problem.reason, "prose"));
    }
  }
  for (const error of validator?.validate(input, task.example) ?? []) {
    diagnostics.push(
      diagnosticAt(
        raw.source,
        `/example${error.instancePointer}`,
        `the example request does not match ${input.source.file}: ${error.message}`,
        "example-schema",
      ),
    );
  }
  return task;
}

function buildProviders(source: JsonSource, taskIds: ReadonlySet<string>, diagnostics: Diagnostic[]): Provider[] {
  const feed = source.value as JsonObject;
  const providers = feed["providers"] as Record<string, JsonObject>;
  return Object.keys(providers)
    .sort()
    .map((id) => {
      const raw = providers[id] as JsonObject;
      const tasks = raw["tasks"] as Record<string, JsonObject>;
      const mappings: Mapping[] = [];
      for (const taskId of Object.keys(tasks).sort()) {
        const entry = tasks[taskId] as JsonObject;
        if (!taskIds.has(taskId)) {
          diagnostics.push(
            diagnosticAt(
              source,
              pathToPointer(["providers", id, "tasks", taskId]),
              `unknown task "${taskId}": known tasks are ${[...taskIds].join(", ")}`,
              "mapping-unknown-task",
            ),
          );
          continue;
        }
        mappings.push({
          task: taskId,
          provider: id,
          modelId: entry["modelId"] as string,
          providerModelId: entry["providerModelId"] as string,
          status: entry["status"] as Mapping["status"],
          ...(typeof entry["path"] === "string" ? { path: entry["path"] } : {}),
        });
      }
      const provider: Provider = {
        id,
        displayName: raw["displayName"] as string,
        website: raw["website"] as string,
        sdkRouting: raw["sdkRouting"] === true,
        auth: raw["auth"] as unknown as Provider["auth"],
        mappings,
      };
      if (typeof raw["taskPath"] === "string") provider.taskPath = raw["taskPath"];
      if (isJsonObject(raw["direct"])) provider.direct = raw["direct"] as unknown as Provider["direct"];
      return provider;
    });
}

function checkRoutes(
  source: JsonSource,
  providers: readonly Provider[],
  tasks: readonly Task[],
  diagnostics: Diagnostic[],
): void {
  const byId = new Map(tasks.map((task) => [task.id, task]));
  for (const provider of providers) {
    for (const mapping of provider.mappings) {
      const task = byId.get(mapping.task);
      if (task && !task.conversational && !mapping.path && !provider.taskPath) {
        diagnostics.push(
          diagnosticAt(
            source,
            pathToPointer(["providers", provider.id, "tasks", mapping.task]),
            `"${mapping.task}" is not conversational, so it needs a route: add "taskPath" to the provider or "path" to this mapping`,
            "mapping-route",
          ),
        );
      }
      const pattern = mapping.path ?? provider.taskPath ?? "";
      for (const [, placeholder] of pattern.matchAll(/\{([^}]*)\}/g)) {
        if (!["provider", "modelId", "providerModelId", "task"].includes(placeholder ?? "")) {
          diagnostics.push(
            diagnosticAt(
              source,
              pathToPointer([
                "providers",
                provider.id,
                mapping.path ? "tasks" : "taskPath",
                ...(mapping.path ? [mapping.task, "path"] : []),
              ]),
              `unknown placeholder {${placeholder}} in the path: use {provider}, {modelId}, {providerModelId} or {task}`,
              "mapping-route",
            ),
          );
        }
      }
    }
  }
}

/** A digest of everything the schema validations read: meta-schemas, feed, task files, every schema document. */
function loadDigest(
  providers: JsonSource | undefined,
  contracts: JsonSource | undefined,
  tasks: readonly RawTask[],
  registry: SchemaRegistry,
): string {
  const hash = partsHash();
  for (const name of ["providers", "contracts", "task"] as const) hash.add(readFileSync(metaSchemaFile(name), "utf8"));
  hash.add(providers?.text ?? "").add(contracts?.text ?? "");
  for (const task of tasks) hash.add(task.id).add(task.source.text);
  for (const document of registry.all()) hash.add(document.fileUrl).add(document.source.text);
  return hash.digest();
}

/**
 * The last validator compiled, by a digest of the schema documents: a long-lived process (the
 * preview's builder) reloads the specs on every edit, and an edit to a task.json or the feed leaves
 * the schemas as they were, so compiling them again would only cost time.
 */
let lastCompiled: { digest: string; result: ValidatorResult } | undefined;

function compileSchemas(registry: SchemaRegistry): ValidatorResult {
  const hash = partsHash();
  for (const document of registry.all()) hash.add(document.fileUrl).add(document.baseUri).add(document.source.text);
  const digest = hash.digest();
  if (lastCompiled?.digest !== digest) lastCompiled = { digest, result: createValidator(registry) };
  return lastCompiled.result;
}

/** A validator that compiles the schemas when first used (after a load known to pass). */
function compileOnUse(registry: SchemaRegistry): SchemaValidator {
  let compiled: SchemaValidator | undefined;
  const validator = (): SchemaValidator => {
    if (compiled) return compiled;
    const result = compileSchemas(registry);
    if (!result.ok)
      throw new Error(`ajv cannot compile ${result.problems[0]?.document.source.file}: ${result.problems[0]?.message}`);
    compiled = result.validator;
    return compiled;
  };
  return {
    validate: (document, value) => validator().validate(document, value),
    acceptsAt: (location, value) => validator().acceptsAt(location, value),
  };
}

/** specs/contracts.json is optional: without it every pair uses the task's own request. */
function readContracts(specsDir: string, diagnostics: Diagnostic[]): JsonSource | undefined {
  const file = path.join(specsDir, "contracts.json");
  if (!existsSync(file)) return undefined;
  const parsed = readJsonFile(file);
  if (parsed.ok) return parsed.source;
  diagnostics.push(...parsed.diagnostics);
  return undefined;
}

/**
 * Attaches each contract to its mapping. A contract says how a provider serves a task, whether or
 * not the feed maps a model for it today (sync may add or remove mappings; the contract stays), so
 * only a provider or task the specs do not know is an error.
 */
function attachContracts(
  source: JsonSource,
  providers: readonly Provider[],
  tasks: readonly Task[],
  diagnostics: Diagnostic[],
): void {
  const contracts = (source.value as JsonObject)["contracts"] as unknown as Record<string, Record<string, Contract>>;
  for (const [providerId, byTask] of Object.entries(contracts)) {
    const provider = providers.find((candidate) => candidate.id === providerId);
    if (!provider) {
      const reason = `the feed has no provider "${providerId}": remove these contracts or add the provider to providers.json`;
      diagnostics.push(diagnosticAt(source, pathToPointer(["contracts", providerId]), reason, "contract-pair"));
      continue;
    }
    for (const [taskId, contract] of Object.entries(byTask)) {
      const where = pathToPointer(["contracts", providerId, taskId]);
      if (!tasks.some((entry) => entry.id === taskId)) {
        diagnostics.push(
          diagnosticAt(
            source,
            where,
            `there is no task "${taskId}" in specs/tasks/: remove this contract`,
            "contract-pair",
          ),
        );
        continue;
      }
      const task = tasks.find((entry) => entry.id === taskId);
      if (task?.conversational) {
        diagnostics.push(
          diagnosticAt(
            source,
            where,
            "conversational tasks use the router's chat route: remove this contract",
            "contract-pair",
          ),
        );
        continue;
      }
      if (contract.file && !task?.binaryInput) {
        diagnostics.push(
          diagnosticAt(source, `${where}/file`, `"${taskId}" has no file input: remove "file"`, "contract-file"),
        );
        continue;
      }
      const mapping = provider.mappings.find((entry) => entry.task === taskId);
      if (mapping) mapping.contract = contract;
    }
  }
}

export function loadSpecs(options: LoadOptions): LoadResult {
  const diagnostics: Diagnostic[] = [];
  const registry = new SchemaRegistry();

  const providersPath = path.join(options.specsDir, "providers.json");
  const providersParsed = readJsonFile(providersPath);
  let providersSource: JsonSource | undefined;
  if (providersParsed.ok) providersSource = providersParsed.source;
  else diagnostics.push(...providersParsed.diagnostics);

  let rawTasks: RawTask[] = [];
  const schemaFiles = sharedDefinitionFiles(options);
  for (const id of listTaskIds(options.specsDir, diagnostics)) {
    const parsed = readJsonFile(path.join(options.specsDir, "tasks", id, "task.json"));
    if (!parsed.ok) {
      diagnostics.push(...parsed.diagnostics);
      continue;
    }
    const schemaPaths = schemaPathsFor(id, options);
    schemaFiles.push(schemaPaths.input, schemaPaths.output);
    if (existsSync(schemaPaths.streamOutput)) schemaFiles.push(schemaPaths.streamOutput);
    rawTasks.push({ id, source: parsed.source, schemaPaths });
  }

  diagnostics.push(...loadSchemaFiles(schemaFiles, registry));
  let contractsSource = readContracts(options.specsDir, diagnostics);
  const digest =
    options.passedLoads && diagnostics.length === 0
      ? loadDigest(providersSource, contractsSource, rawTasks, registry)
      : undefined;
  const passedBefore = digest !== undefined && options.passedLoads?.has(digest) === true;
  if (!passedBefore) {
    if (providersSource) {
      const problems = checkAgainstMetaSchema("providers", providersSource);
      diagnostics.push(...problems);
      if (problems.length > 0) providersSource = undefined;
    }
    if (contractsSource) {
      const problems = checkAgainstMetaSchema("contracts", contractsSource);
      diagnostics.push(...problems);
      if (problems.length > 0) contractsSource = undefined;
    }
    rawTasks = rawTasks.filter((raw) => {
      const problems = checkAgainstMetaSchema("task", raw.source);
      diagnostics.push(...problems);
      return problems.length === 0;
    });
  }
  const refProblems = registry.unresolvedRefs();
  diagnostics.push(...refProblems);
  if (diagnostics.length > 0) return { ok: false, diagnostics: sortDiagnostics(diagnostics) };

  const compiled: ValidatorResult = passedBefore
    ? { ok: true, validator: compileOnUse(registry) }
    : compileSchemas(registry);
  if (!compiled.ok) {
    return {
      ok: false,
      diagnostics: compiled.problems.map((problem) => ({
        file: problem.document.source.file,
        reason: `ajv cannot compile this JSON Schema: ${problem.message}`,
        ruleId: "schema-compile",
      })),
    };
  }
  const validator = compiled.validator;
  const tasks = rawTasks.flatMap(
    (raw) => buildTask(raw, registry, passedBefore ? undefined : validator, diagnostics) ?? [],
  );
  const taskIds = new Set(tasks.map((task) => task.id));
  const providers = providersSource ? buildProviders(providersSource, taskIds, diagnostics) : [];
  if (providersSource) checkRoutes(providersSource, providers, tasks, diagnostics);
  if (contractsSource) attachContracts(contractsSource, providers, tasks, diagnostics);
  if (diagnostics.length > 0 || !providersSource) return { ok: false, diagnostics: sortDiagnostics(diagnostics) };
  if (digest !== undefined && !passedBefore) options.passedLoads?.add(digest);

  const feed = providersSource.value as JsonObject;
  return {
    ok: true,
    specs: {
      router: feed["router"] as unknown as Specs["router"],
      tasks,
      providers,
      registry,
      validator,
      providersFile: providersSource.file,
    },
  };
}
