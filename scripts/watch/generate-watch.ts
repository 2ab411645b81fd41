/**
 * `npm run generate -- --watch`: generates once, then again whenever specs/, templates/,
 * snippets/ or the configuration change. Invalid input is printed and the watch goes on; it ends
 * when `stop` resolves (Ctrl-C in the CLI).
 */
import { formatDiagnostics } from "../lib/diagnostics.ts";
import type { GenerateOutcome } from "./build-protocol.ts";
import { SiteBuilder, type Cancelled } from "./builder.ts";
import { watchInputs } from "./input-watcher.ts";
import { RebuildQueue } from "./rebuild-queue.ts";

export interface GenerateWatchOptions {
  root: string;
  configFile?: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Resolves when watching should end. */
  stop: Promise<void>;
}

function stamp(): string {
  return `[${new Date().toLocaleTimeString()}]`;
}

export async function watchGenerate(options: GenerateWatchOptions): Promise<void> {
  const builder = new SiteBuilder({
    root: options.root,
    ...(options.configFile ? { configFile: options.configFile } : {}),
  });
  let first = true;
  const report = (outcome: GenerateOutcome | Cancelled) => {
    if (outcome.kind === "cancelled") return;
    if (outcome.kind === "generated") {
      if (outcome.warnings.length > 0) options.stderr(`${formatDiagnostics(outcome.warnings)}\n`);
      options.stdout(`${stamp()} ${outcome.summary}\n`);
    } else if (outcome.kind === "invalid")
      options.stderr(
        `${stamp()} invalid input; generated/ is left as it was:\n${formatDiagnostics(outcome.diagnostics)}\n`,
      );
    else options.stderr(`${stamp()} ${outcome.message}\n`);
    if (first) options.stdout("Watching specs/, templates/, snippets/ and the configuration; Ctrl-C stops.\n");
    first = false;
  };
  const queue = new RebuildQueue(() => builder.generate(), report);
  const watcher = watchInputs(options, (change) => {
    if (change.engineChanged) builder.restart();
    queue.request();
  });
  // Changes made once the first generation is reported are seen.
  await watcher.ready;
  queue.request();
  await options.stop;
  await watcher.close();
  await builder.close();
}
