/**
 * The language registry, derived from the folders snippets/languages/<language>/ (see
 * registry.generated.ts): a new language is one new folder.
 */
import { LANGUAGES, type Language } from "./registry.generated.ts";
import type { LanguageDefinition } from "./types.ts";

export { LANGUAGES, type Language } from "./registry.generated.ts";

/** The definition of a registered language (every `Language` has one). */
export function languageOf(id: Language): LanguageDefinition<Language> {
  const found = LANGUAGES.find((language) => language.id === id);
  if (!found) throw new Error(`no language folder snippets/languages/${id}/`);
  return found;
}
