/**
 * Formatting and verifying snippet sources: the slow part of the engine, kept apart so the engine
 * loads the formatters and parsers only when a snippet is not cached, and so a worker thread can
 * run it (check-pool.ts).
 */
import type { Language } from "./clients/types.ts";
import { formatJavaScriptBatch, formatSnippet } from "./format.ts";
import { verifySnippets } from "./verify.ts";

export interface SourceToCheck {
  language: Language;
  source: string;
}

/** A formatted snippet that parses, or why there is none. */
export type Checked = { content: string; problem?: undefined } | { content?: undefined; problem: string };

/** Formats every source, then verifies the formatted ones (shell in one batch). */
export async function checkSources(items: readonly SourceToCheck[]): Promise<Checked[]> {
  const checked: Checked[] = [];
  const javaScript = items.flatMap((item, index) => (item.language === "js" ? [index] : []));
  const batch = await formatJavaScriptBatch(javaScript.map((index) => (items[index] as SourceToCheck).source));
  const batched = new Map(javaScript.map((index, position) => [index, batch?.[position]]));
  for (const [index, item] of items.entries()) {
    const formatted = batched.get(index);
    if (formatted !== undefined) {
      checked.push({ content: formatted });
      continue;
    }
    try {
      checked.push({ content: await formatSnippet(item.language, item.source) });
    } catch (error) {
      checked.push({ problem: `could not be formatted: ${error instanceof Error ? error.message : String(error)}` });
    }
  }
  const formatted = items.flatMap((item, index) => {
    const content = checked[index]?.content;
    return content === undefined ? [] : [{ index, language: item.language, source: content }];
  });
  verifySnippets(formatted).forEach((verdict, position) => {
    const index = formatted[position]?.index;
    if (verdict !== undefined && index !== undefined) checked[index] = { problem: `does not parse: ${verdict}` };
  });
  return checked;
}
