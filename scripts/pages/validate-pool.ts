/**
 * Page checks on both cores (scripts/lib/share-work.ts), one page per chunk, the largest first
 * from the worker's end, so the two threads finish close together. Only from the bundle (see
 * snippets/check-pool.ts); otherwise on this thread.
 */
import { availableParallelism } from "node:os";
import type { Diagnostic } from "../lib/diagnostics.ts";
import { bundledEntry } from "../lib/bundle.ts";
import { prestartWorker, shareWork } from "../lib/share-work.ts";
import { validatePage, type PageExpectations } from "./validate-page.ts";

export interface PageToValidate {
  file: string;
  markdown: string;
}

/** Below this many characters of pages a worker does not pay for its start. */
const WORKER_THRESHOLD = 200_000;

export async function validatePages(
  pages: readonly PageToValidate[],
  expected: PageExpectations,
): Promise<Diagnostic[][]> {
  const results: Diagnostic[][] = [];
  for (const page of pages) results.push(await validatePage(page.file, page.markdown, expected));
  return results;
}

/**
 * Starts the page-checking worker now, while this thread still renders the pages, so its start
 * and the markdown parser's loading is out of the way when the checks begin.
 */
export function prestartPageWorker(): void {
  const workerUrl = bundledEntry("scripts/pages/validate-worker.ts");
  if (workerUrl && availableParallelism() >= 2) prestartWorker(workerUrl);
}

/** The problems of each page, in the order given. */
export async function validatePagesOnAllCores(
  pages: readonly PageToValidate[],
  expected: PageExpectations,
): Promise<Diagnostic[][]> {
  const workerUrl = bundledEntry("scripts/pages/validate-worker.ts");
  const size = pages.reduce((sum, page) => sum + page.markdown.length, 0);
  if (!workerUrl || size < WORKER_THRESHOLD || availableParallelism() < 2) return validatePages(pages, expected);
  const order = pages
    .map((_, index) => index)
    .sort((a, b) => (pages[b] as PageToValidate).markdown.length - (pages[a] as PageToValidate).markdown.length);
  const checked = await shareWork(
    workerUrl,
    order.map((index) => [pages[index] as PageToValidate]),
    (chunk) => validatePages(chunk, expected),
    expected,
  );
  const results = new Array<Diagnostic[]>(pages.length);
  order.forEach((index, position) => (results[index] = checked[position]?.[0] ?? []));
  return results;
}
