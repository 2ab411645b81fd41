/**
 * Setting a value deep inside a JSON-like document without changing it: the request model, the
 * fuzzer and the clients all place values (a file's base64, a hostile string, a code expression)
 * at a path in a body.
 */

/** A path into a document: object keys, and array indexes as numbers or digit strings (JSON pointer segments). */
export type ValuePath = readonly (string | number)[];

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  // Class instances (such as a piece of code standing for a value) are leaves, not containers.
  return prototype === Object.prototype || prototype === null;
}

/**
 * A copy of `document` with `value` at `path`; the containers on the way are copied, never
 * changed. A missing key is created; a path through an array index that does not exist or
 * through a leaf leaves the document as it is.
 */
export function withValueAt<T>(document: T, path: ValuePath, value: T): T {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  if (Array.isArray(document)) {
    return document.map((item: T, index) =>
      String(index) === String(head) ? withValueAt(item, rest, value) : item,
    ) as T;
  }
  if (isPlainObject(document)) {
    const key = String(head);
    return { ...document, [key]: withValueAt((document[key] ?? null) as T, rest, value) } as T;
  }
  return document;
}
