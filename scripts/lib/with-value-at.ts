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
 * changed. A missing key is created. Where the path leads through an array index that does not
 * exist, or through a leaf, the document is left as it is; with `create`, the missing containers
 * are made instead (an array for an index, padded with null; an object for a key).
 */
export function withValueAt<T>(document: T, path: ValuePath, value: T, options: { create?: boolean } = {}): T {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  const index = typeof head === "number" ? head : /^(0|[1-9]\d*)$/.test(head) ? Number(head) : undefined;
  let container: unknown = document;
  if (options.create) {
    if (!Array.isArray(container) && !isPlainObject(container)) container = index === undefined ? {} : [];
    if (Array.isArray(container) && index !== undefined && index >= container.length)
      container = [...container, ...new Array<null>(index + 1 - container.length).fill(null)];
  }
  if (Array.isArray(container)) {
    return container.map((item: T, position) =>
      position === index ? withValueAt(item, rest, value, options) : item,
    ) as T;
  }
  if (isPlainObject(container)) {
    const key = String(head);
    return { ...container, [key]: withValueAt((container[key] ?? null) as T, rest, value, options) } as T;
  }
  return document;
}
