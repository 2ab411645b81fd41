/** A worker thread of check-pool.ts: formats and verifies the chunks of sources it is sent. */
import { serveChunks } from "../scripts/lib/share-work.ts";
import { checkSources, type SourceToCheck } from "./check.ts";

serveChunks((items: SourceToCheck[]) => checkSources(items));
