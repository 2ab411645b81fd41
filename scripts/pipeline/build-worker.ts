/**
 * The worker thread of build-pool.ts: does the chunks of build tasks it is sent. It loads a tool
 * (prettier, ruff, remark) only with the first chunk that needs it: a worker started ahead is often
 * not used at all (the snippets and pages were cached), and then it should cost next to nothing.
 */
import { serveChunks } from "../lib/share-work.ts";
import { runTasks } from "./build-pool.ts";

serveChunks(runTasks);
