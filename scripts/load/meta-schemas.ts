/**
 * The tool's own formats (task.json, providers.json, contracts.json, the configuration file) are
 * validated by meta-schemas that belong to the tool, in schemas/ of its package (in a project that
 * installed the tool, node_modules/snippet-docs/schemas/): messages name that file so the user can
 * read the format. They are found from this module, never in the project, so a project's own
 * specs/schema/ (where older versions kept them) is not read at all.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { ValidateFunction } from "ajv/dist/2020.js";
import { contentKey } from "../lib/content-cache.ts";
import type { Diagnostic } from "../lib/diagnostics.ts";
import { diagnosticAt, type JsonSource } from "../lib/json-source.ts";
import type { RuleId } from "../lib/rules.ts";
import { displayPath } from "./files.ts";
import * as precompiled from "./meta-validators.generated.ts";
import { newAjv } from "../schema/ajv.ts";
import { toSchemaErrors } from "../schema/validator.ts";

export const META_SCHEMA_NAMES = ["task", "providers", "contracts", "config"] as const;
export type MetaSchemaName = (typeof META_SCHEMA_NAMES)[number];

export const META_SCHEMA_DIR = fileURLToPath(new URL("../../schemas/", import.meta.url));

/** How the meta-schemas are compiled, ahead (scripts/codegen/meta-validators.ts) or here. */
export const META_SCHEMA_OPTIONS = { strict: false, allErrors: true } as const;

export function metaSchemaFile(name: MetaSchemaName): string {
  return `${META_SCHEMA_DIR}${name}.schema.json`;
}

/** What the precompiled validators record of the schema they were made from. */
export function schemaTextDigest(text: string): string {
  return contentKey([text]);
}

/** The rule a document breaks when it does not follow its meta-schema. */
const META_SCHEMA_RULES = {
  task: "task-schema",
  providers: "providers-schema",
  contracts: "contracts-schema",
  config: "config-schema",
} as const satisfies Record<MetaSchemaName, RuleId>;

const PRECOMPILED = precompiled as unknown as Record<MetaSchemaName, ValidateFunction> & {
  SCHEMA_DIGESTS: Partial<Record<MetaSchemaName, string>>;
};

/**
 * The validator of a meta-schema whose file holds `text`: the precompiled one when it was made from
 * this very text, else compiled now (a schema edited since `npm run codegen`).
 */
export function metaValidatorFor(name: MetaSchemaName, text: string): ValidateFunction {
  if (PRECOMPILED.SCHEMA_DIGESTS[name] === schemaTextDigest(text)) return PRECOMPILED[name];
  // Its own ajv: a schema keeps its $id when edited, and one ajv holds each $id once.
  return newAjv(META_SCHEMA_OPTIONS).compile(JSON.parse(text) as object);
}

const validators = new Map<MetaSchemaName, ValidateFunction>();

function metaSchema(name: MetaSchemaName): ValidateFunction {
  let validate = validators.get(name);
  if (!validate) {
    validate = metaValidatorFor(name, readFileSync(metaSchemaFile(name), "utf8"));
    validators.set(name, validate);
  }
  return validate;
}

export function checkAgainstMetaSchema(name: MetaSchemaName, source: JsonSource): Diagnostic[] {
  const validate = metaSchema(name);
  if (validate(source.value)) return [];
  return toSchemaErrors(validate.errors)
    .filter((error) => !error.message.startsWith('must match "then" schema'))
    .map((error) =>
      diagnosticAt(
        source,
        error.instancePointer,
        `${error.message} (the format is defined in ${displayPath(metaSchemaFile(name))})`,
        META_SCHEMA_RULES[name],
      ),
    );
}
