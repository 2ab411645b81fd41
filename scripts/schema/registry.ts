/**
 * Holds every loaded JSON Schema document and resolves `$ref`s between them.
 *
 * A document is known by its file URL and, when its root has an `$id`, by that `$id` resolved
 * against the file URL. A `$ref` is resolved against its document's base URI (the `$id` if any,
 * else the file URL), so all three forms work: "#/$defs/X" within the file, "../x.json#/..." to a
 * sibling file by relative path, and "/inference/schemas/common-definitions.json#/..." by `$id`
 * (the upstream @huggingface/tasks layout).
 */
import type { Diagnostic } from "../lib/diagnostics.ts";
import {
  diagnosticAt,
  isJsonObject,
  pathToPointer,
  pointerToPath,
  valueAtPath,
  type JsonSource,
  type JsonValue,
} from "../lib/json-source.ts";

export interface SchemaDocument {
  /** file:// URL of the document on disk. */
  fileUrl: string;
  /** URI that relative `$ref`s in this document resolve against. */
  baseUri: string;
  source: JsonSource;
}

/** A schema node together with where it lives, so problems and back-references can name it. */
export interface SchemaLocation {
  document: SchemaDocument;
  pointer: string;
  node: JsonValue;
}

export type RefResolution = { ok: true; target: SchemaLocation } | { ok: false; reason: string };

function withoutFragment(uri: string): string {
  const hash = uri.indexOf("#");
  return hash === -1 ? uri : uri.slice(0, hash);
}

export function valueAtPointer(root: JsonValue, pointer: string): JsonValue | undefined {
  return valueAtPath(root, pointerToPath(pointer));
}

export class SchemaRegistry {
  private readonly byUri = new Map<string, SchemaDocument>();
  private readonly documents: SchemaDocument[] = [];

  /** Registers a parsed document; returns a diagnostic when its `$id` is already taken. */
  add(source: JsonSource, fileUrl: string): Diagnostic | undefined {
    const root = source.value;
    const id = isJsonObject(root) && typeof root["$id"] === "string" ? root["$id"] : undefined;
    const baseUri = withoutFragment(id ? new URL(id, fileUrl).href : fileUrl);
    const document: SchemaDocument = { fileUrl, baseUri, source };
    const clash = this.byUri.get(baseUri);
    if (clash && clash.fileUrl !== fileUrl) {
      return diagnosticAt(
        source,
        "/$id",
        `$id "${id}" is also used by ${clash.source.file}: give each schema a unique $id`,
        "schema-duplicate-id",
      );
    }
    if (this.byUri.get(fileUrl)) return undefined;
    this.documents.push(document);
    this.byUri.set(fileUrl, document);
    this.byUri.set(baseUri, document);
    return undefined;
  }

  has(uri: string): boolean {
    return this.byUri.has(withoutFragment(uri));
  }

  get(uri: string): SchemaDocument | undefined {
    return this.byUri.get(withoutFragment(uri));
  }

  all(): readonly SchemaDocument[] {
    return this.documents;
  }

  root(document: SchemaDocument): SchemaLocation {
    return { document, pointer: "", node: document.source.value };
  }

  /** The absolute URI a `$ref` found in `document` points to. */
  refUri(ref: string, document: SchemaDocument): string {
    return new URL(ref, document.baseUri).href;
  }

  resolve(ref: string, from: SchemaDocument): RefResolution {
    let uri: string;
    try {
      uri = this.refUri(ref, from);
    } catch {
      return { ok: false, reason: `"${ref}" is not a valid URI reference` };
    }
    const target = this.get(uri);
    if (!target) {
      return { ok: false, reason: `no loaded schema has the URI ${withoutFragment(uri)}` };
    }
    const hash = uri.indexOf("#");
    const fragment = hash === -1 ? "" : decodeURIComponent(uri.slice(hash + 1));
    if (fragment !== "" && !fragment.startsWith("/")) {
      return { ok: false, reason: `fragment "#${fragment}" is not a JSON pointer (anchors are not supported)` };
    }
    const node = valueAtPointer(target.source.value, fragment);
    if (node === undefined) {
      return { ok: false, reason: `${target.source.file} has nothing at ${fragment || "/"}` };
    }
    return { ok: true, target: { document: target, pointer: fragment, node } };
  }

  /** Every `$ref` in every document that does not resolve, named with where it is used. */
  unresolvedRefs(): Diagnostic[] {
    const diagnostics: Diagnostic[] = [];
    for (const document of this.documents) {
      forEachRef(document.source.value, [], (ref, path) => {
        const resolution = this.resolve(ref, document);
        if (!resolution.ok) {
          diagnostics.push(
            diagnosticAt(
              document.source,
              pathToPointer([...path, "$ref"]),
              `cannot resolve $ref "${ref}": ${resolution.reason}. Point it at a $defs entry in this file, a sibling file by relative path, or a loaded schema's $id`,
              "schema-ref",
            ),
          );
        }
      });
    }
    return diagnostics;
  }
}

/** Calls `visit` for each `$ref` string in a schema tree, with the path of the object holding it. */
export function forEachRef(
  node: JsonValue,
  path: (string | number)[],
  visit: (ref: string, path: (string | number)[]) => void,
): void {
  if (Array.isArray(node)) {
    node.forEach((item, index) => forEachRef(item, [...path, index], visit));
  } else if (isJsonObject(node)) {
    for (const [key, value] of Object.entries(node)) {
      // Inside "properties", "$defs", etc. keys are names, not keywords; a property named "$ref" is not a reference.
      if (key === "$ref" && typeof value === "string" && !isNameMap(path)) visit(value, path);
      else forEachRef(value, [...path, key], visit);
    }
  }
}

const NAME_MAP_KEYWORDS = new Set(["properties", "$defs", "definitions", "patternProperties", "dependentSchemas"]);

function isNameMap(path: readonly (string | number)[]): boolean {
  const last = path[path.length - 1];
  return typeof last === "string" && NAME_MAP_KEYWORDS.has(last) && !isNameMap(path.slice(0, -1));
}
