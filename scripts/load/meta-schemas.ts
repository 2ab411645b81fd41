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
import type { Diagnostic } from "../lib/diagnostics.ts";
import { diagnosticAt, type JsonSource } from "../lib/json-source.ts";
import type { RuleId } from "../lib/rules.ts";
import { displayPath } from "./files.ts";
import { newAjv, type Ajv2020 } from "../schema/ajv.ts";
import { toSchemaErrors } from "../schema/validator.ts";

export type MetaSchemaName = "task" | "providers" | "contracts" | "config";

export const META_SCHEMA_DIR = fileURLToPath(new URL("../../schemas/", import.meta.url));

let ajv: Ajv2020 | undefined;
/** The rule a document breaks when it does not follow its meta-schema. */
const META_SCHEMA_RULES = {
  task: "task-schema",
  providers: "providers-schema",
  contracts: "contracts-schema",
  config: "config-schema",
} as const satisfies Record<MetaSchemaName, RuleId>;

const compiled = new Map<MetaSchemaName, ValidateFunction>();

function metaSchema(name: MetaSchemaName): ValidateFunction {
  let validate = compiled.get(name);
  if (!validate) {
    ajv ??= newAjv({ strict: false, allErrors: true });
    validate = ajv.compile(JSON.parse(readFileSync(`${META_SCHEMA_DIR}${name}.schema.json`, "utf8")) as object);
    compiled.set(name, validate);
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
        `${error.message} (the format is defined in ${displayPath(`${META_SCHEMA_DIR}${name}.schema.json`)})`,
        META_SCHEMA_RULES[name],
      ),
    );
}
