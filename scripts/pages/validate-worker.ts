/**
 * A worker thread of validate-pool.ts: checks the chunks of pages it is sent. Started ahead
 * (`warmUp`), it checks a small sample page until the first message arrives, so the markdown
 * parser is compiled by then.
 */
import { parentPort, workerData } from "node:worker_threads";
import { serveChunks } from "../lib/share-work.ts";
import { validatePage, type PageExpectations } from "./validate-page.ts";
import { validatePages, type PageToValidate } from "./validate-pool.ts";

const WARM_UP_PAGE = [
  "## Sample",
  "",
  "Text with a [link](https://example.invalid) and `code`.",
  "",
  "| name | type | description |",
  "| :--- | :--- | :--- |",
  "| **inputs** | _string_ | The text. |",
  "",
  '<snippet provider="p" language="sh" client="curl">',
  "",
  "```sh",
  "echo sample",
  "```",
  "",
  "</snippet>",
  "",
].join("\n");
const WARM_UP_ROUNDS = 300;

serveChunks((pages: PageToValidate[], expected) => validatePages(pages, expected as PageExpectations));
if ((workerData as { warmUp?: boolean } | undefined)?.warmUp) {
  let workArrived = false;
  parentPort?.once("message", () => (workArrived = true));
  void (async () => {
    const expected = { snippets: new Set(["echo sample\n"]), mdx: false };
    for (let round = 0; round < WARM_UP_ROUNDS && !workArrived; round++) {
      await validatePage("warm-up.md", WARM_UP_PAGE, expected);
      await new Promise((resolve) => setImmediate(resolve));
    }
  })().catch(() => undefined);
}
