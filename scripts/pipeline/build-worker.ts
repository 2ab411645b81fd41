/**
 * The worker thread of build-pool.ts: does the chunks of build tasks it is sent. Started ahead, it
 * waits a while for its first chunk (the main thread loads the specs and renders draft pages): it
 * uses that time to load the JavaScript formatter, the first of its work, and format one line.
 */
import { languageOf } from "../../snippets/languages/index.ts";
import { serveChunks } from "../lib/share-work.ts";
import { runTasks, type BuildTask } from "./build-pool.ts";

serveChunks((tasks: BuildTask[]) => runTasks(tasks));
void languageOf("js")
  .checker()
  .then((checker) => checker.format("const ready = { formatter: [true] };\n"));
