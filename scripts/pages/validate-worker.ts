/** A worker thread of validate-pool.ts: checks the chunks of pages it is sent. */
import { serveChunks } from "../lib/share-work.ts";
import { validatePages, type PageToValidate } from "./validate-pool.ts";
import type { PageExpectations } from "./validate-page.ts";

serveChunks((pages: PageToValidate[], expected) => validatePages(pages, expected as PageExpectations));
