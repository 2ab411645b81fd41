/**
 * JSON Schema -> documentation rows. One row per property (nested properties indented under
 * their parent), per array item structure, per oneOf/anyOf alternative, per map value.
 * Recursion through `$ref` cycles stops with a visible back-reference.
 */
import { isJsonObject, type JsonValue } from "../lib/json-source.ts";
import type { SchemaLocation, SchemaRegistry } from "../schema/registry.ts";
import {
  alternatives,
  keyword,
  keywordValue,
  properties,
  requiredNames,
  resolveSchema,
  type ResolvedSchema,
} from "./resolve.ts";

export interface SpecRow {
  /** Property name, or a bracketed label for structure without a name: (array), (#1), (any key). */
  name: string;
  /** Nesting level, 0 for top-level properties. */
  depth: number;
  /** Type label, e.g. `string`, `integer | null`, `object[]`. */
  type: string;
  required: boolean;
  /** The schema's description (markdown) followed by the facts the schema states. */
  description: string;
}

interface WalkContext {
  registry: SchemaRegistry;
  rows: SpecRow[];
  /** Ref targets being expanded on the current path -> the row name that expands them. */
  ancestors: Map<string, string>;
}

function literal(value: JsonValue): string {
  return "`" + JSON.stringify(value) + "`";
}

function typeNames(resolved: ResolvedSchema): string[] {
  const type = keywordValue(resolved, "type");
  if (typeof type === "string") return [type];
  if (Array.isArray(type)) return type.filter((item): item is string => typeof item === "string");
  return [];
}

function jsonTypeOf(value: JsonValue): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

export function typeLabel(registry: SchemaRegistry, resolved: ResolvedSchema, depth = 0): string {
  if (resolved.loops || depth > 8) return "unknown";
  const names = typeNames(resolved);
  const constValue = keyword(resolved, "const");
  const enumValue = keywordValue(resolved, "enum");
  let labels: string[];
  if (names.length > 0) {
    labels = names.map((name) => (name === "array" ? arrayLabel(registry, resolved, depth) : name));
  } else if (constValue) {
    labels = [jsonTypeOf(constValue.node)];
  } else if (Array.isArray(enumValue) && enumValue.length > 0) {
    labels = [...new Set(enumValue.map(jsonTypeOf))];
  } else {
    const choice = alternatives(resolved);
    if (choice) {
      labels = [
        ...new Set(choice.options.map((option) => typeLabel(registry, resolveSchema(registry, option), depth + 1))),
      ];
    } else if (properties(resolved).size > 0 || keyword(resolved, "additionalProperties")) {
      labels = ["object"];
    } else if (keyword(resolved, "items") || keyword(resolved, "prefixItems")) {
      labels = [arrayLabel(registry, resolved, depth)];
    } else {
      labels = ["unknown"];
    }
  }
  return labels.join(" | ");
}

function arrayLabel(registry: SchemaRegistry, resolved: ResolvedSchema, depth: number): string {
  const items = keyword(resolved, "items");
  if (!items || !isJsonObject(items.node)) return "unknown[]";
  const label = typeLabel(registry, resolveSchema(registry, items), depth + 1);
  return label.includes(" | ") ? `(${label})[]` : `${label}[]`;
}

function rangeNote(resolved: ResolvedSchema, kind: "value" | "length" | "items"): string | undefined {
  const names = {
    value: ["minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum"],
    length: ["minLength", "", "maxLength", ""],
    items: ["minItems", "", "maxItems", ""],
  }[kind];
  const [min, exclusiveMin, max, exclusiveMax] = names.map((name) => (name ? keywordValue(resolved, name) : undefined));
  const lower =
    typeof min === "number" ? `≥ ${min}` : typeof exclusiveMin === "number" ? `> ${exclusiveMin}` : undefined;
  const upper =
    typeof max === "number" ? `≤ ${max}` : typeof exclusiveMax === "number" ? `< ${exclusiveMax}` : undefined;
  if (!lower && !upper) return undefined;
  const subject = { value: "Range", length: "Length", items: "Number of items" }[kind];
  return `${subject}: ${[lower, upper].filter(Boolean).join(" and ")}.`;
}

/** Description followed by every fact the schema states about the value. */
function describe(resolved: ResolvedSchema): string {
  const parts: string[] = [];
  const description = keywordValue(resolved, "description");
  if (typeof description === "string" && description.trim() !== "") {
    const text = description.trim();
    parts.push(/[.!?:)]$/.test(text) ? text : `${text}.`);
  }
  const enumValue = keywordValue(resolved, "enum");
  if (Array.isArray(enumValue)) parts.push(`Possible values: ${enumValue.map(literal).join(", ")}.`);
  const constValue = keyword(resolved, "const");
  if (constValue) parts.push(`Always ${literal(constValue.node)}.`);
  const defaultValue = keyword(resolved, "default");
  if (defaultValue) parts.push(`Default: ${literal(defaultValue.node)}.`);
  for (const kind of ["value", "length", "items"] as const) {
    const note = rangeNote(resolved, kind);
    if (note) parts.push(note);
  }
  const multipleOf = keywordValue(resolved, "multipleOf");
  if (typeof multipleOf === "number") parts.push(`Multiple of ${multipleOf}.`);
  const pattern = keywordValue(resolved, "pattern");
  if (typeof pattern === "string") parts.push(`Pattern: ${literal(pattern)}.`);
  const format = keywordValue(resolved, "format");
  if (typeof format === "string") parts.push(`Format: ${format}.`);
  const encoding = keywordValue(resolved, "contentEncoding");
  if (encoding === "base64") parts.push("Base64-encoded.");
  else if (encoding === "binary") parts.push("Raw bytes.");
  const mediaType = keywordValue(resolved, "contentMediaType");
  if (typeof mediaType === "string") parts.push(`Media type: ${mediaType}.`);
  if (keywordValue(resolved, "deprecated") === true) parts.push("Deprecated.");
  if (typeNames(resolved).includes("null") || keywordValue(resolved, "nullable") === true) parts.push("Can be null.");
  const choice = alternatives(resolved);
  if (choice && choice.options.length > 0) {
    parts.push(choice.keyword === "oneOf" ? "Exactly one of the forms below." : "One or more of the forms below.");
  }
  return parts.join(" ");
}

function addRow(context: WalkContext, location: SchemaLocation, name: string, depth: number, required: boolean): void {
  const { registry } = context;
  const resolved = resolveSchema(registry, location);
  const row: SpecRow = { name, depth, type: typeLabel(registry, resolved), required, description: describe(resolved) };
  context.rows.push(row);
  const recursiveVia = resolved.refKeys.find((key) => context.ancestors.has(key));
  if (resolved.loops) {
    row.description = [
      row.description,
      "Recursive: its `$ref` chain loops back on itself without defining a structure.",
    ]
      .filter(Boolean)
      .join(" ");
    return;
  }
  if (recursiveVia) {
    markRecursive(row, context.ancestors.get(recursiveVia) ?? name);
    return;
  }
  const added = resolved.refKeys.filter((key) => !context.ancestors.has(key));
  for (const key of added) context.ancestors.set(key, name);
  addChildren(context, resolved, depth + 1, row);
  for (const key of added) context.ancestors.delete(key);
}

function markRecursive(row: SpecRow, where: string): void {
  row.description = [row.description, `Recursive: has the same structure as \`${where}\` above.`]
    .filter(Boolean)
    .join(" ");
}

/** Rows for what is inside a value (its properties, map values, array items, alternatives), under `owner`'s row. */
function addChildren(context: WalkContext, resolved: ResolvedSchema, depth: number, owner: SpecRow | undefined): void {
  const { registry } = context;
  const required = requiredNames(resolved);
  for (const [name, location] of properties(resolved)) addRow(context, location, name, depth, required.has(name));

  const additional = keyword(resolved, "additionalProperties");
  if (additional && isJsonObject(additional.node) && Object.keys(additional.node).length > 0) {
    addRow(context, additional, "(any key)", depth, false);
  }

  const items = keyword(resolved, "items");
  if (items && isJsonObject(items.node)) {
    // Items are documented in place: their properties sit directly under the array's row.
    const itemResolved = resolveSchema(registry, items);
    const recursiveVia = itemResolved.refKeys.find((key) => context.ancestors.has(key));
    if (recursiveVia || itemResolved.loops) {
      if (owner) markRecursive(owner, (recursiveVia ? context.ancestors.get(recursiveVia) : undefined) ?? owner.name);
    } else {
      const added = itemResolved.refKeys.filter((key) => !context.ancestors.has(key));
      for (const key of added) context.ancestors.set(key, owner?.name ?? "(array)");
      addChildren(context, itemResolved, depth, owner);
      for (const key of added) context.ancestors.delete(key);
    }
  }

  const choice = alternatives(resolved);
  if (choice) {
    choice.options.forEach((option, index) => {
      const optionResolved = resolveSchema(registry, option);
      // A plain alternative (`{"type": "null"}`, a bare string) is already in the type label.
      const hasStructure =
        properties(optionResolved).size > 0 ||
        keyword(optionResolved, "items") !== undefined ||
        alternatives(optionResolved) !== undefined ||
        typeof keywordValue(optionResolved, "description") === "string" ||
        keyword(optionResolved, "const") !== undefined ||
        keyword(optionResolved, "enum") !== undefined;
      if (hasStructure) addRow(context, option, `(#${index + 1})`, depth, false);
    });
  }
}

/**
 * Rows for a whole schema. An object schema yields its properties at depth 0; any other root
 * (an array, a union, a scalar) yields one labelled row with its structure nested below.
 */
export function schemaRows(registry: SchemaRegistry, root: SchemaLocation): SpecRow[] {
  const context: WalkContext = { registry, rows: [], ancestors: new Map() };
  const resolved = resolveSchema(registry, root);
  const type = typeLabel(registry, resolved);
  if (type === "object" && properties(resolved).size > 0) {
    for (const key of resolved.refKeys) context.ancestors.set(key, "(root)");
    addChildren(context, resolved, 0, undefined);
  } else {
    const label = type.includes(" | ")
      ? "(value)"
      : type.endsWith("[]")
        ? "(array)"
        : type === "object"
          ? "(object)"
          : "(value)";
    addRow(context, root, label, 0, false);
  }
  return context.rows;
}
