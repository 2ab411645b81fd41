/**
 * The model: plain typed objects built by the loader. Nothing past this point does I/O.
 */
import type { JsonObject, JsonValue } from "../lib/json-source.ts";
import type { SchemaDocument, SchemaRegistry } from "../schema/registry.ts";
import type { SchemaValidator } from "../schema/validator.ts";

export interface RecommendedModel {
  id: string;
  description: string;
}

export interface BinaryInput {
  /** Top-level field of the payload that carries the file; the example holds the file name there. */
  field: string;
  contentType: string;
}

export type ResponseKind = "json" | "image" | "audio" | "video";

export interface ResponseSpec {
  kind: ResponseKind;
  contentType?: string;
  fileName?: string;
  stream?: "server-sent-events";
}

export interface TaskFiles {
  metadata: string;
  input: string;
  output: string;
  streamOutput?: string;
}

/** What task.json holds (validated by schemas/task.schema.json). */
export interface TaskMetadata {
  title: string;
  description: string;
  recommendedModels: RecommendedModel[];
  example: JsonObject;
  binaryInput?: BinaryInput;
  conversational: boolean;
  response: ResponseSpec;
}

export interface Task extends TaskMetadata {
  id: string;
  schemas: { input: SchemaDocument; output: SchemaDocument; streamOutput?: SchemaDocument };
  /** Paths (relative to the project root) of the files this task is built from. */
  files: TaskFiles;
}

export type MappingStatus = "live" | "staging";

export interface Mapping {
  task: string;
  provider: string;
  modelId: string;
  providerModelId: string;
  status: MappingStatus;
  /** Router path pattern for this task, overriding the provider's taskPath. */
  path?: string;
  /** The provider-native request the router expects for this pair (specs/contracts.json). */
  contract?: Contract;
}

export type FileTravel = "raw" | "base64" | "data-url";

/** A provider's own request and response format for one task, as data (schemas/contracts.schema.json). */
export interface Contract {
  /** Router path with {provider}, {modelId}, {providerModelId}, {task} placeholders. */
  path: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  file?: { travel?: FileTravel; contentType?: string; fileName?: string };
  /** Body template over the task's example; see the meta-schema for its directives. */
  body?: JsonValue;
  /** A multipart/form-data body instead of JSON: the file in one part, the template's values as plain fields. */
  form?: { fileField: string; fields: JsonValue };
  job?: ContractJob;
  /** The provider's JSON answer as a template over the task's output (same directives as `body`). */
  answer?: JsonValue;
  response?: { kind: "json" } | { kind: "base64" | "url"; pointer: string };
}

/** An asynchronous job: poll a status URL until done, then read the result. */
export interface ContractJob {
  /** `{origin}`, `{value:/pointer}` and `{path:/pointer}` (into the first response) are filled in. */
  statusUrl: string;
  resultUrl?: string;
  /** Where the first response names the job. */
  idPointer?: string;
  statusPointer: string;
  /** Statuses of a job still running. */
  pending?: string[];
  done: string[];
  failed: string[];
  pollSeconds?: number;
  maxPolls?: number;
}

export interface DirectAccess {
  origin: string;
  chatPath: string;
  tokenEnv: string;
}

export interface Provider {
  id: string;
  displayName: string;
  website: string;
  taskPath?: string;
  /** The pinned SDKs serve this provider's non-chat tasks, in the contract's format (so SDK snippets apply). */
  sdkRouting: boolean;
  auth: { scheme: "bearer"; tokenEnv: string };
  direct?: DirectAccess;
  /** Sorted by task id. */
  mappings: Mapping[];
}

export interface Router {
  origin: string;
  chatPath: string;
}

export interface Specs {
  router: Router;
  /** Sorted by id. */
  tasks: Task[];
  /** Sorted by id. */
  providers: Provider[];
  registry: SchemaRegistry;
  validator: SchemaValidator;
  /** Path of the provider feed, relative to the project root. */
  providersFile: string;
}

export function findTask(specs: Specs, id: string): Task | undefined {
  return specs.tasks.find((task) => task.id === id);
}

export function findProvider(specs: Specs, id: string): Provider | undefined {
  return specs.providers.find((provider) => provider.id === id);
}

/** Every mapping for a task, in provider order. */
export function mappingsForTask(specs: Specs, taskId: string): Mapping[] {
  return specs.providers.flatMap((provider) => provider.mappings.filter((mapping) => mapping.task === taskId));
}
