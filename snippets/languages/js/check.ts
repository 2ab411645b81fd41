/**
 * JavaScript snippets are formatted by prettier (its defaults) and must parse with acorn as an ES
 * module with top-level await.
 */
import { parse } from "acorn";
import * as babel from "prettier/plugins/babel";
import * as estree from "prettier/plugins/estree";
import { format as prettierFormat } from "prettier/standalone";

/**
 * prettier's standalone build with the two plugins JavaScript needs: the same formatter as its
 * Node entry, without the plugin search and option handling for files, which cost about a tenth
 * of each call (a snippet takes a few milliseconds).
 */
export function format(source: string): Promise<string> {
  return prettierFormat(source, { parser: "babel", plugins: [babel, estree] });
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
