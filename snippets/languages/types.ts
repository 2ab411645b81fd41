/**
 * What a language is: one folder `snippets/languages/<language>/` whose `language.ts` exports
 * `language`, holding every fact about it that pages, checks and conformance need. The registry
 * (registry.generated.ts) lists the folders, and the `Language` union derives from it.
 */

/** Formats and parse-checks snippet sources; loaded only when a snippet is not cached. */
export interface LanguageChecker {
  /** The source as the language's formatter prints it (throws when it cannot be formatted). */
  format(source: string): Promise<string> | string;
  /** For each source, why it is not a valid program, or undefined when it is. */
  verify(sources: readonly string[]): (string | undefined)[];
}

export interface LanguageDefinition<Id extends string = string> {
  id: Id;
  /** Tab label on pages and in the preview. */
  label: string;
  /** The info string of markdown code fences. */
  fence: string;
  /** The grammar id the preview's highlighter (shiki) loads. */
  highlight: string;
  /** File extension of a snippet saved to run, e.g. `py`. */
  extension: string;
  /** The program that runs snippets in conformance (a client may name its own). */
  interpreter: string;
  /**
   * For conformance runs: environment variables that load this language's network guard (a
   * connection to anything but the local server fails loudly) and put `modulePath` (a client's
   * stand-in) where the language looks for modules. Every run gets every language's variables:
   * a shell snippet may start Python (httpie) or node.
   */
  conformanceEnvironment(modulePath: readonly string[]): Record<string, string>;
  /** The formatter and parse check, imported on first use (they are slow to load). */
  checker(): Promise<LanguageChecker>;
}
