/**
 * A worker thread of check-pool.ts: it formats and verifies the chunks of sources it is sent,
 * one message each, and answers each with the results in the same order.
 */
import { parentPort } from "node:worker_threads";
import { checkSources, type SourceToCheck } from "./check.ts";

parentPort?.on("message", (chunk: { id: number; items: SourceToCheck[] }) => {
  void checkSources(chunk.items).then((results) => parentPort?.postMessage({ id: chunk.id, results }));
});
