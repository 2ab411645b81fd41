/**
 * The parent's side of the build process: sends requests, matches replies, and replaces the
 * process on demand (when the snippet engine's code changed) or when it died.
 */
import { fork, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import type {
  BuildOutcome,
  BuildProcessMessage,
  BuildRequest,
  Failure,
  GenerateOutcome,
  PageChecks,
} from "./build-protocol.ts";

/** The answer to a request the builder gave up on because its process was replaced. */
export type Cancelled = { kind: "cancelled" };
const CANCELLED: Cancelled = { kind: "cancelled" };

export interface SiteBuild {
  outcome: BuildOutcome;
  /** The result of checking the pages, once they built; `undefined` when no check comes. */
  pageChecks: Promise<PageChecks | undefined>;
}

const BUILD_PROCESS = new URL("./build-process.ts", import.meta.url);
/** The process runs TypeScript through tsx's loader, found from here so any working directory works. */
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;

interface Pending {
  settle: (outcome: BuildOutcome | GenerateOutcome | Cancelled) => void;
  /** Site builds only. */
  settleChecks?: (checks: PageChecks | undefined) => void;
  /** The pages built; only their checks are still to come. */
  built?: boolean;
}

export class SiteBuilder {
  private child: ChildProcess | undefined;
  private nextId = 1;
  /** Requests waiting for their outcome, and then (site builds) for their page checks. */
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly options: { root: string; configFile?: string }) {}

  async build(): Promise<SiteBuild | Cancelled> {
    let settleChecks: (checks: PageChecks | undefined) => void = () => {};
    const pageChecks = new Promise<PageChecks | undefined>((resolve) => (settleChecks = resolve));
    const outcome = (await this.send("site", settleChecks)) as BuildOutcome | Cancelled;
    if (outcome.kind === "cancelled") return outcome;
    return { outcome, pageChecks };
  }

  async generate(): Promise<GenerateOutcome | Cancelled> {
    return (await this.send("generate")) as GenerateOutcome | Cancelled;
  }

  /** Stops the process (requests in flight answer Cancelled); the next request starts a new one. */
  restart(): void {
    const child = this.child;
    this.child = undefined;
    this.settleAll(CANCELLED);
    child?.kill();
  }

  close(): Promise<void> {
    const child = this.child;
    this.restart();
    if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => child.once("exit", () => resolve()));
  }

  private settleAll(outcome: Failure | Cancelled): void {
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const request of pending) {
      if (!request.built) request.settle(outcome);
      request.settleChecks?.(outcome.kind === "cancelled" || !request.built ? undefined : outcome);
    }
  }

  private receive(message: BuildProcessMessage): void {
    const request = this.pending.get(message.id);
    if (!request) return;
    if (message.type === "page-checks") {
      this.pending.delete(message.id);
      request.settleChecks?.(message.checks);
      return;
    }
    if (message.outcome.kind === "built" && request.settleChecks) {
      request.built = true;
    } else {
      this.pending.delete(message.id);
      request.settleChecks?.(undefined);
    }
    request.settle(message.outcome);
  }

  private process(): ChildProcess {
    if (this.child) return this.child;
    const child = fork(BUILD_PROCESS, [], {
      execArgv: ["--import", TSX_LOADER],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
      // The structured clone is several times faster than JSON for the pages, and sends a snippet
      // group shown on two pages once (see snippetGroupView).
      serialization: "advanced",
    });
    child.on("message", (message: BuildProcessMessage) => this.receive(message));
    child.on("exit", (code, signal) => {
      if (this.child !== child) return;
      this.child = undefined;
      this.settleAll({
        kind: "internal",
        message: `internal error: the build process stopped (${signal ?? `exit code ${code}`})`,
      });
    });
    this.child = child;
    return child;
  }

  private send(
    kind: BuildRequest["kind"],
    settleChecks?: (checks: PageChecks | undefined) => void,
  ): Promise<BuildOutcome | GenerateOutcome | Cancelled> {
    const request: BuildRequest = {
      id: this.nextId++,
      kind,
      root: this.options.root,
      ...(this.options.configFile ? { configFile: this.options.configFile } : {}),
    };
    return new Promise((settle) => {
      this.pending.set(request.id, { settle, ...(settleChecks ? { settleChecks } : {}) });
      this.process().send(request, (error) => {
        if (!error || !this.pending.has(request.id)) return;
        this.pending.delete(request.id);
        settle({ kind: "internal", message: `internal error: could not reach the build process: ${error.message}` });
        settleChecks?.(undefined);
      });
    });
  }
}
