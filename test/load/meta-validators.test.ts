/**
 * The meta-schemas' validators are compiled ahead (scripts/codegen/meta-validators.ts). They must
 * be current, judge every document exactly as the schema compiled at run time does, and never be
 * used for a schema that changed since they were made.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import type { ValidateFunction } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { pathsOf } from "../helpers/json-paths.ts";
import { META_VALIDATORS_FILE, metaValidatorsSource } from "../../scripts/codegen/meta-validators.ts";
import type { JsonValue } from "../../scripts/lib/json-source.ts";
import { metaSchemaFile, metaValidatorFor, type MetaSchemaName } from "../../scripts/load/meta-schemas.ts";
import { toSchemaErrors } from "../../scripts/schema/validator.ts";
import { PROJECT_ROOT } from "../helpers/cli.ts";

const SPECS = path.join(PROJECT_ROOT, "specs");
const json = (file: string) => JSON.parse(readFileSync(file, "utf8")) as JsonValue;

/** Real documents of each format: the project's own specs and a configuration using every field. */
const DOCUMENTS: Record<MetaSchemaName, JsonValue[]> = {
  task: readdirSync(path.join(SPECS, "tasks")).map((task) => json(path.join(SPECS, "tasks", task, "task.json"))),
  providers: [json(path.join(SPECS, "providers.json"))],
  contracts: [json(path.join(SPECS, "contracts.json"))],
  config: [
    {
      specsDir: "specs",
      schemas: "ours",
      templatesDir: "templates",
      outDir: "generated",
      cacheDir: ".cache",
      snippetStyle: "inline",
      clients: ["sh/curl", "python/requests"],
      providers: ["together"],
      docsBaseUrl: "https://example.org/docs",
      token: { inline: "hf_xxx" },
      sync: { endpoint: "https://huggingface.co", model: "most-liked", statuses: ["live"], providers: ["together"] },
    },
    { schemas: { upstream: "../tasks" }, token: "env", sync: { providers: "feed", tasks: ["fill-mask"] } },
  ],
};

type Edit = { kind: "remove" } | { kind: "replace"; value: JsonValue } | { kind: "add"; key: string; value: JsonValue };

/** `document` with one edit at `at`: a key removed, a value replaced, or a key added to an object. */
function edited(document: JsonValue, at: readonly string[], edit: Edit): JsonValue {
  const copy = structuredClone(document);
  const parentPath = at.slice(0, -1);
  let parent: JsonValue = copy;
  for (const segment of parentPath) parent = (parent as Record<string, JsonValue>)[segment] as JsonValue;
  const last = at[at.length - 1];
  const target = last === undefined ? copy : (parent as Record<string, JsonValue>)[last];
  if (edit.kind === "add") {
    if (target !== null && typeof target === "object" && !Array.isArray(target)) target[edit.key] = edit.value;
    return copy;
  }
  if (last === undefined) return edit.kind === "replace" ? edit.value : copy;
  if (Array.isArray(parent)) {
    if (edit.kind === "remove") parent.splice(Number(last), 1);
    else parent[Number(last)] = edit.value;
  } else if (parent !== null && typeof parent === "object") {
    if (edit.kind === "remove") delete parent[last];
    else parent[last] = edit.value;
  }
  return copy;
}

const wrongValue = fc.oneof(
  fc.constantFrom<JsonValue>(null, 0, -1, 1.5, "", "x y", "UPPER", true, [], {}, ["a"], { a: 1 }),
  fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<JsonValue>,
);
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.constant<Edit>({ kind: "remove" }),
  wrongValue.map((value): Edit => ({ kind: "replace", value })),
  fc.tuple(fc.string({ maxLength: 8 }), wrongValue).map(([key, value]): Edit => ({ kind: "add", key, value })),
);

function verdict(validate: ValidateFunction, document: JsonValue) {
  return validate(document) ? [] : toSchemaErrors(validate.errors);
}

describe("the precompiled meta-schema validators", () => {
  it("were generated from the meta-schemas as they are", () => {
    expect(readFileSync(META_VALIDATORS_FILE, "utf8"), "stale: run npm run codegen").toBe(metaValidatorsSource());
  });

  for (const name of Object.keys(DOCUMENTS) as MetaSchemaName[]) {
    it(`judge ${name} documents exactly as the ${name} meta-schema compiled at run time`, () => {
      const text = readFileSync(metaSchemaFile(name), "utf8");
      const ahead = metaValidatorFor(name, text);
      // The same schema with another text: its digest differs, so it is compiled here.
      const now = metaValidatorFor(name, `${text}\n`);
      expect(now).not.toBe(ahead);
      for (const document of DOCUMENTS[name]) expect(verdict(ahead, document)).toEqual([]);
      const documentAndPath = fc
        .constantFrom(...DOCUMENTS[name])
        .chain((document) => fc.tuple(fc.constant(document), fc.constantFrom(...pathsOf(document))));
      fc.assert(
        fc.property(documentAndPath, edit, ([document, at], change) => {
          const changed = edited(document, at, change);
          expect(verdict(ahead, changed)).toEqual(verdict(now, changed));
        }),
        { numRuns: 300 },
      );
    });
  }

  it("are not used for a meta-schema edited since they were made", () => {
    const text = readFileSync(metaSchemaFile("task"), "utf8");
    const schema = JSON.parse(text) as { required: string[] };
    const stricter = JSON.stringify({ ...schema, required: [...schema.required, "addedSince"] });
    const [task] = DOCUMENTS.task;
    expect(verdict(metaValidatorFor("task", text), task as JsonValue)).toEqual([]);
    expect(verdict(metaValidatorFor("task", stricter), task as JsonValue)).toEqual([
      { instancePointer: "", message: 'missing required property "addedSince"' },
    ]);
  });
});
