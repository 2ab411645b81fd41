/**
 * JavaScript snippets are formatted by prettier (its defaults) and must parse with acorn as an ES
 * module with top-level await.
 */
import { parse } from "acorn";
import * as prettier from "prettier";

export function format(source: string): Promise<string> {
  return prettier.format(source, { parser: "babel" });
}

function verifyOne(source: string): string | undefined {
  try {
    parse(source, { ecmaVersion: "latest", sourceType: "module" });
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

export function verify(sources: readonly string[]): (string | undefined)[] {
  return sources.map(verifyOne);
}
