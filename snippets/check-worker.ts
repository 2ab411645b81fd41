/**
 * A worker thread of check-pool.ts: formats and verifies the chunks of sources it is sent. Started
 * ahead (`warmUp`), it warms up the JavaScript tools until work arrives.
 */
import { parentPort, workerData } from "node:worker_threads";
import { serveChunks } from "../scripts/lib/share-work.ts";
import { checkSources, warmUpChecks, type SourceToCheck } from "./check.ts";

serveChunks((items: SourceToCheck[]) => checkSources(items));
if ((workerData as { warmUp?: boolean } | undefined)?.warmUp) {
  let workArrived = false;
  parentPort?.once("message", () => (workArrived = true));
  void warmUpChecks(() => workArrived);
}
