/**
 * Formatting and verifying snippet sources: the slow part of the engine, kept apart so the engine
 * loads the formatters and parsers only when a snippet is not cached, and so a worker thread can
 * run it (scripts/pipeline/build-pool.ts).
 */
import { languageOf, type Language } from "./languages/index.ts";

export interface SourceToCheck {
  language: Language;
  source: string;
}

/** A formatted snippet that parses, or why there is none. */
export type Checked = { content: string; problem?: undefined } | { content?: undefined; problem: string };

/**
 * Formats every source with its language's formatter, then verifies the formatted ones, each
 * language's in one call (a language may check a batch at once, as shell does).
 */
export async function checkSources(items: readonly SourceToCheck[]): Promise<Checked[]> {
  const checked: Checked[] = [];
  for (const item of items) {
    try {
      const checker = await languageOf(item.language).checker();
      checked.push({ content: await checker.format(item.source) });
    } catch (error) {
      checked.push({ problem: `could not be formatted: ${error instanceof Error ? error.message : String(error)}` });
    }
  }
  for (const language of new Set(items.map((item) => item.language))) {
    const formatted = items.flatMap((item, index) => {
      const content = checked[index]?.content;
      return item.language === language && content !== undefined ? [{ index, source: content }] : [];
    });
    if (formatted.length === 0) continue;
    const checker = await languageOf(language).checker();
    checker.verify(formatted.map((item) => item.source)).forEach((verdict, position) => {
      const index = formatted[position]?.index;
      if (verdict !== undefined && index !== undefined) checked[index] = { problem: `does not parse: ${verdict}` };
    });
  }
  return checked;
}
