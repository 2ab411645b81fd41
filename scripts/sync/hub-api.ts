/**
 * The Hub API as `sync` reads it: URLs, and responses validated against the JSON Schemas in
 * hub-schemas/ before anything is read from them. A response that does not match is a SyncFailure
 * naming the URL and the first places that differ; it is never patched up or skipped.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { ValidateFunction } from "ajv/dist/2020.js";
import { newAjv, type Ajv2020 } from "../schema/ajv.ts";
import type { MappingStatus } from "../model/types.ts";
import { toSchemaErrors } from "../schema/validator.ts";
import { SyncFailure, type HttpClient } from "./http.ts";

export interface HubMapping {
  provider: string;
  providerId: string;
  status: MappingStatus;
  task: string;
  /** Set for LoRA adapters and tag-filter mappings, which a plain request cannot use. */
  adapter?: string;
  type?: string;
}

export interface HubModel {
  id: string;
  likes?: number;
  mappings: HubMapping[];
}

export interface HubRecommendedModel {
  id: string;
  description: string;
}

/** Recommended models per pipeline tag, from /api/tasks. */
export type HubTasks = Map<string, HubRecommendedModel[]>;

const SCHEMA_DIR = fileURLToPath(new URL("./hub-schemas/", import.meta.url));
const SCHEMA_FILES = ["mapping-entry", "models-list", "model-info", "tasks"] as const;
type HubSchemaName = (typeof SCHEMA_FILES)[number];

/** Compiled on the first response, with the project's ajv setup (scripts/schema/ajv.ts). */
let hubAjv: Ajv2020 | undefined;

function validatorFor(name: HubSchemaName): ValidateFunction {
  if (!hubAjv) {
    hubAjv = newAjv({ strict: false, allErrors: true });
    for (const file of SCHEMA_FILES) {
      hubAjv.addSchema(JSON.parse(readFileSync(`${SCHEMA_DIR}${file}.schema.json`, "utf8")) as object);
    }
  }
  const validate = hubAjv.getSchema(`https://snippet-docs.local/hub/${name}.schema.json`);
  if (!validate) throw new Error(`hub schema ${name} is not registered`);
  return validate;
}

function checkResponse<T>(name: HubSchemaName, url: string, value: unknown): T {
  const validate = validatorFor(name);
  if (validate(value)) return value as T;
  const errors = toSchemaErrors(validate.errors)
    .filter((error) => !error.message.startsWith("must match exactly one schema"))
    .slice(0, 3)
    .map((error) => `${error.instancePointer || "/"}: ${error.message}`);
  throw new SyncFailure(
    url,
    `the response does not match scripts/sync/hub-schemas/${name}.schema.json (${errors.join("; ")})`,
  );
}

export function tasksUrl(endpoint: string): string {
  return new URL("/api/tasks", endpoint).href;
}

export function modelsListUrl(endpoint: string, pipelineTag: string, pageSize: number): string {
  const url = new URL("/api/models", endpoint);
  url.searchParams.set("inference_provider", "all");
  url.searchParams.set("pipeline_tag", pipelineTag);
  url.searchParams.append("expand[]", "inferenceProviderMapping");
  url.searchParams.append("expand[]", "likes");
  url.searchParams.set("sort", "likes");
  url.searchParams.set("limit", String(pageSize));
  return url.href;
}

export function modelInfoUrl(endpoint: string, modelId: string): string {
  const url = new URL(`/api/models/${modelId.split("/").map(encodeURIComponent).join("/")}`, endpoint);
  url.searchParams.append("expand[]", "inferenceProviderMapping");
  url.searchParams.append("expand[]", "likes");
  return url.href;
}

/** The `next` target of an RFC 8288 Link header, as the Hub paginates listings. */
export function nextPageUrl(link: string | null, base: string): string | undefined {
  if (!link) return undefined;
  for (const part of link.split(",")) {
    const match = /<([^>]*)>\s*;(.*)$/.exec(part.trim());
    if (match && /\brel\s*=\s*"?next"?/.test(match[2] ?? "")) return new URL(match[1] ?? "", base).href;
  }
  return undefined;
}

/** An entry as the Hub sends it: the fields of HubMapping among others, which are dropped. */
type RawEntry = HubMapping;

function toMapping(entry: RawEntry): HubMapping {
  return {
    provider: entry.provider,
    providerId: entry.providerId,
    status: entry.status,
    task: entry.task,
    ...(entry.adapter !== undefined ? { adapter: entry.adapter } : {}),
    ...(entry.type !== undefined ? { type: entry.type } : {}),
  };
}

export async function fetchHubTasks(client: HttpClient, endpoint: string): Promise<HubTasks> {
  const url = tasksUrl(endpoint);
  const response = await client.getJson(url);
  const value = checkResponse<Record<string, { models: HubRecommendedModel[] }>>(
    "tasks",
    response?.url ?? url,
    response?.value,
  );
  return new Map(
    Object.entries(value).map(([tag, data]) => [tag, data.models.map(({ id, description }) => ({ id, description }))]),
  );
}

/** Every model of a pipeline tag that some provider serves, following the Link header page by page. */
export async function fetchModelsOfPipeline(
  client: HttpClient,
  endpoint: string,
  pipelineTag: string,
  paging: { pageSize: number; maxPages: number },
): Promise<HubModel[]> {
  const models: HubModel[] = [];
  let url: string | undefined = modelsListUrl(endpoint, pipelineTag, paging.pageSize);
  for (let page = 1; url !== undefined; page++) {
    if (page > paging.maxPages) {
      throw new SyncFailure(
        url,
        `the listing has more than sync.http.maxPages (${paging.maxPages}) pages; ` +
          "an incomplete listing would look like removed mappings, so raise the bound",
      );
    }
    const response: Awaited<ReturnType<HttpClient["getJson"]>> = await client.getJson(url);
    const items = checkResponse<{ id: string; likes?: number; inferenceProviderMapping: RawEntry[] }[]>(
      "models-list",
      response?.url ?? url,
      response?.value,
    );
    for (const item of items) {
      models.push({
        id: item.id,
        ...(item.likes !== undefined ? { likes: item.likes } : {}),
        mappings: item.inferenceProviderMapping.map(toMapping),
      });
    }
    url = nextPageUrl(response?.headers.get("link") ?? null, response?.url ?? url);
  }
  return models;
}

/** One model with its mappings; `undefined` when the Hub no longer has it (404). */
export async function fetchModel(client: HttpClient, endpoint: string, modelId: string): Promise<HubModel | undefined> {
  const url = modelInfoUrl(endpoint, modelId);
  const response = await client.getJson(url, { notFoundIsAbsent: true });
  if (!response) return undefined;
  const value = checkResponse<{
    id: string;
    likes?: number;
    inferenceProviderMapping: RawEntry[] | Record<string, Omit<RawEntry, "provider">>;
  }>("model-info", response.url, response.value);
  const raw = value.inferenceProviderMapping;
  const entries = Array.isArray(raw) ? raw : Object.entries(raw).map(([provider, entry]) => ({ ...entry, provider }));
  return {
    id: value.id,
    ...(value.likes !== undefined ? { likes: value.likes } : {}),
    mappings: entries.map(toMapping),
  };
}
