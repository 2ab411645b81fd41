/**
 * Which documents a set of schemas depends on through `$ref`s, transitively: the spec files a
 * page is built from.
 */
import { forEachRef, type SchemaDocument, type SchemaRegistry } from "./registry.ts";

export function referencedDocuments(registry: SchemaRegistry, roots: readonly SchemaDocument[]): SchemaDocument[] {
  const seen = new Map<string, SchemaDocument>();
  const queue = [...roots];
  while (queue.length > 0) {
    const document = queue.shift() as SchemaDocument;
    if (seen.has(document.fileUrl)) continue;
    seen.set(document.fileUrl, document);
    forEachRef(document.source.value, [], (ref) => {
      const target = registry.get(registry.refUri(ref, document));
      if (target && !seen.has(target.fileUrl)) queue.push(target);
    });
  }
  return [...seen.values()];
}
