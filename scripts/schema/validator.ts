/**
 * JSON Schema validation (ajv) over the documents of a SchemaRegistry. Each document is added to
 * ajv under its base URI, so `$ref`s resolve exactly as they do for the spec tables.
 * Upstream specs declare draft-06; their keywords mean the same in 2020-12 for everything those
 * files use, so every document is compiled in the 2020-12 dialect.
 */
import type { ErrorObject, ValidateFunction } from "ajv/dist/2020.js";
import { isJsonObject, type JsonObject, type JsonValue } from "../lib/json-source.ts";
import { newAjv } from "./ajv.ts";
import type { SchemaDocument, SchemaRegistry } from "./registry.ts";

export interface SchemaError {
  /** JSON pointer into the validated value. */
  instancePointer: string;
  message: string;
}

export interface SchemaValidator {
  validate(document: SchemaDocument, value: JsonValue): SchemaError[];
  /** Whether `value` is valid against the node at `pointer` in `document` (e.g. one branch of a oneOf). */
  acceptsAt(location: { document: SchemaDocument; pointer: string }, value: JsonValue): boolean;
}

export function describeAjvError(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "required":
      return `missing required property "${String(params["missingProperty"])}"`;
    case "additionalProperties":
      return `unknown property "${String(params["additionalProperty"])}" (not declared in the schema)`;
    case "enum":
      return `must be one of ${JSON.stringify(params["allowedValues"])}`;
    case "const":
      return `must be ${JSON.stringify(params["allowedValue"])}`;
    default:
      return error.message ?? error.keyword;
  }
}

/** Keep the most specific errors: ajv reports a failing oneOf/anyOf and each branch's errors too. */
export function toSchemaErrors(errors: readonly ErrorObject[] | null | undefined): SchemaError[] {
  const seen = new Set<string>();
  const result: SchemaError[] = [];
  for (const error of errors ?? []) {
    const pointer =
      error.keyword === "additionalProperties"
        ? `${error.instancePath}/${String((error.params as Record<string, unknown>)["additionalProperty"])}`
        : error.instancePath;
    const message = describeAjvError(error);
    const key = `${pointer}\u0000${message}`;
    if (!seen.has(key)) {
      seen.add(key);
      result.push({ instancePointer: pointer, message });
    }
  }
  return result;
}

/**
 * Upstream specs use OpenAPI's `nullable: true`, also on schemas without a `type`, which ajv
 * refuses to compile. There it is dropped (such a schema already accepts null unless a `$ref`d
 * type says otherwise); the spec tables still show it as "Can be null".
 */
function withoutUntypedNullable(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(withoutUntypedNullable);
  if (!isJsonObject(value)) return value;
  const out: JsonObject = {};
  for (const [key, child] of Object.entries(value)) {
    if (key === "nullable" && child === true && value["type"] === undefined) continue;
    out[key] = withoutUntypedNullable(child);
  }
  return out;
}

export type ValidatorResult =
  { ok: true; validator: SchemaValidator } | { ok: false; problems: { document: SchemaDocument; message: string }[] };

/**
 * Compiles every document up front, so a schema ajv cannot compile is reported with its file
 * instead of failing later in the middle of a validation.
 */
export function createValidator(registry: SchemaRegistry): ValidatorResult {
  const ajv = newAjv({ strict: false, allErrors: true, validateSchema: false }, true);
  for (const document of registry.all()) {
    const value = document.source.value;
    if (!isJsonObject(value)) continue;
    const { $schema: _dialect, ...rest } = withoutUntypedNullable(value) as JsonObject;
    ajv.addSchema({ ...rest, $id: document.baseUri });
  }
  const compiled = new Map<string, ValidateFunction>();
  const problems: { document: SchemaDocument; message: string }[] = [];
  for (const document of registry.all()) {
    try {
      const validate = ajv.getSchema(document.baseUri);
      if (validate) compiled.set(document.baseUri, validate);
    } catch (error) {
      problems.push({ document, message: error instanceof Error ? error.message : String(error) });
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    validator: {
      validate(document, value) {
        const validate = compiled.get(document.baseUri);
        if (!validate) throw new Error(`schema ${document.baseUri} is not registered`);
        return validate(value) ? [] : toSchemaErrors(validate.errors);
      },
      acceptsAt(location, value) {
        const fragment = location.pointer.split("/").map(encodeURIComponent).join("/");
        const key = `${location.document.baseUri}#${fragment}`;
        let validate = compiled.get(key);
        if (!validate) {
          // Every document compiled above, so a node inside one compiles too.
          validate = ajv.getSchema(key);
          if (!validate) throw new Error(`no schema node at ${key}`);
          compiled.set(key, validate);
        }
        return validate(value) === true;
      },
    },
  };
}
