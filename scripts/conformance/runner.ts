/**
 * Runs one published snippet against the local server and judges it: the snippet is rendered
 * exactly as the pages print it, with only the API origin pointed at the server (the base-URL
 * option), written into its own working directory with the example's input file, run with its
 * interpreter (bash, python3, node), and then checked:
 *   - the process exits 0 (within the time limit, without touching the network);
 *   - exactly one request arrived with the run's token, on the mapping's route;
 *   - its body equals the example request (plus what the route adds) and is valid against the
 *     task's input.json; its content type and Authorization header are right;
 *   - a binary response was saved with the bytes the server sent.
 * A client may name its own interpreter, and SDKs that cannot be installed here bring a stand-in
 * module in their folder (see SnippetClient).
 */
import { copyFile, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { JsonObject } from "../lib/json-source.ts";
import type { Specs } from "../model/types.ts";
import type { SnippetJob } from "../pipeline/snippet-matrix.ts";
import { renderSnippets } from "../../snippets/engine.ts";
import { buildRequest, type SnippetRequest } from "../../snippets/request.ts";
import { findClient } from "../../snippets/clients/index.ts";
import { Refusal, type SnippetClient } from "../../snippets/clients/types.ts";
import { LANGUAGES, languageOf } from "../../snippets/languages/index.ts";
import { expectedRequest, requestProblems } from "./expectations.ts";
import { hubModels } from "./hub-models.ts";
import { runProcess } from "./process.ts";
import type { ConformanceServer } from "./server.ts";

/** True for clients whose SDK cannot be installed here: they run against the stand-in in their folder. */
export function usesStandIn(clientId: string): boolean {
  return findClient(clientId)?.standInDir !== undefined;
}

const PROJECT_ROOT = path.resolve(import.meta.dirname, "../..");
/** Preloaded into JavaScript SDK snippets run with provider routing on (see the file). */
const ROUTER_REDIRECT = path.join(import.meta.dirname, "guard", "router-redirect.mjs");
export const DEFAULT_PATHS = {
  /** Inside the project, so `import "openai"` in a snippet resolves from the project's node_modules. */
  workRoot: path.join(PROJECT_ROOT, ".tmp", "conformance"),
  /** The example input files (FIXTURE_FILES) that snippets upload: part of the tool, shipped with it. */
  fixturesDir: path.join(import.meta.dirname, "fixtures"),
};

/** Example input files by media type; each run gets a copy under the name the example uses. */
const FIXTURE_FILES: Record<string, string> = { audio: "sample.flac", image: "sample.jpg", video: "sample.mp4" };

const GUARD_MESSAGE = "conformance network guard";

export type CaseKind = "matrix" | "fuzz";

export interface SnippetCase {
  job: SnippetJob;
  kind: CaseKind;
  /** Fields replacing the task's example fields (fuzz cases). */
  example?: JsonObject;
}

export interface CaseResult {
  id: string;
  clientId: string;
  kind: CaseKind;
  /** Checked against a stand-in module rather than the real SDK. */
  standIn: boolean;
  ok: boolean;
  problems: string[];
  durationMs: number;
  /** The snippet as run (when it could be rendered). */
  snippet?: string;
  /** Kept for failed runs, to look at. */
  workDir?: string;
}

export interface RunnerOptions {
  specs: Specs;
  server: ConformanceServer;
  timeoutMs?: number;
  workRoot?: string;
  fixturesDir?: string;
  /** Keep the working directories of passing runs too. */
  keep?: boolean;
}

function tail(text: string, characters = 1500): string {
  const trimmed = text.trimEnd();
  return trimmed.length > characters ? `...${trimmed.slice(-characters)}` : trimmed;
}

/** Numbers runs across runners, so tokens and working directories never collide in one process. */
let runCounter = 0;

export class SnippetRunner {
  private readonly timeoutMs: number;
  private readonly workRoot: string;
  private readonly fixturesDir: string;

  constructor(private readonly options: RunnerOptions) {
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.workRoot = options.workRoot ?? DEFAULT_PATHS.workRoot;
    this.fixturesDir = options.fixturesDir ?? DEFAULT_PATHS.fixturesDir;
  }

  private hubModelsMemo: string | undefined;

  /** The Hub's answers about the feed's models, for the stand-ins and the router redirect (computed once). */
  private get hubModelsJson(): string {
    this.hubModelsMemo ??= JSON.stringify(hubModels(this.options.specs));
    return this.hubModelsMemo;
  }

  private standInEnvironment(client: SnippetClient): NodeJS.ProcessEnv {
    if (client.standInDir === undefined) return {};
    // The stand-in builds router URLs as the real library does; only the origin goes to the server.
    return { HF_STANDIN_ROUTER_ORIGIN: this.options.server.origin, HF_STANDIN_HUB_MODELS: this.hubModelsJson };
  }

  /**
   * For snippets run as printed with provider routing on: node preloads the router redirect after
   * the network guard, and it learns the local origin and the Hub's answers from the environment.
   */
  private routerEnvironment(providerRouting: boolean, nodeOptions: string | undefined): NodeJS.ProcessEnv {
    if (!providerRouting) return {};
    return {
      NODE_OPTIONS: [nodeOptions, `--import=${pathToFileURL(ROUTER_REDIRECT).href}`].filter(Boolean).join(" "),
      HF_CONFORMANCE_ROUTER_ORIGIN: this.options.server.origin,
      HF_CONFORMANCE_HUB_MODELS: this.hubModelsJson,
    };
  }

  private environment(
    client: SnippetClient,
    providerRouting: boolean,
    token: string,
    tokenVariable: string | undefined,
  ): NodeJS.ProcessEnv {
    const modulePath = client.standInDir === undefined ? [] : [client.standInDir];
    const languages: NodeJS.ProcessEnv = Object.fromEntries(
      LANGUAGES.flatMap((language) => Object.entries(language.conformanceEnvironment(modulePath))),
    );
    return {
      ...languages,
      ...this.standInEnvironment(client),
      ...this.routerEnvironment(providerRouting, languages["NODE_OPTIONS"]),
      PATH: process.env["PATH"] ?? "/usr/local/bin:/usr/bin:/bin",
      HOME: process.env["HOME"] ?? "/tmp",
      LANG: "C.UTF-8",
      HF_TOKEN: token,
      ...(tokenVariable ? { [tokenVariable]: token } : {}),
      // Nothing may go through a proxy: the server is local.
      NO_PROXY: "*",
      no_proxy: "*",
    };
  }

  /**
   * The request as the pages print it when the client must run with provider routing (SDKs that
   * build the provider-native request themselves), else with the server as the base URL.
   */
  private requestFor(snippetCase: SnippetCase): { request: SnippetRequest; providerRouting: boolean } {
    const { job, example } = snippetCase;
    const { specs, server } = this.options;
    const build = (baseUrl?: string) =>
      buildRequest(specs.router, job.task, job.provider, job.mapping, {
        ...(baseUrl ? { baseUrl } : {}),
        stream: job.stream,
        ...(example ? { example } : {}),
      });
    const printed = build();
    if (job.client.runsWithProviderRouting?.(printed)) return { request: printed, providerRouting: true };
    return { request: build(server.origin), providerRouting: false };
  }

  /**
   * Renders many cases in one batch, so the runs that follow find their snippets in the engine's
   * cache: checking shell snippets starts `bash -n` once per batch instead of once per snippet,
   * and it blocks the server while it runs. Cases whose request cannot be built are left to `run`.
   */
  async prerender(cases: readonly SnippetCase[]): Promise<void> {
    const jobs = cases.flatMap((snippetCase) => {
      try {
        return [{ client: snippetCase.job.client, request: this.requestFor(snippetCase).request }];
      } catch {
        return [];
      }
    });
    await renderSnippets(jobs);
  }

  async run(snippetCase: SnippetCase): Promise<CaseResult> {
    const { job, kind, example } = snippetCase;
    const started = performance.now();
    const number = ++runCounter;
    const token = `hf_conformance_${number}`;
    const result: CaseResult = {
      id: job.id,
      clientId: job.client.id,
      kind,
      standIn: job.client.standInDir !== undefined,
      ok: false,
      problems: [],
      durationMs: 0,
    };
    const finish = () => {
      result.ok = result.problems.length === 0;
      result.durationMs = performance.now() - started;
      return result;
    };

    const { server } = this.options;
    let request: SnippetRequest;
    let providerRouting: boolean;
    try {
      ({ request, providerRouting } = this.requestFor(snippetCase));
    } catch (error) {
      result.problems.push(`the request cannot be built: ${error instanceof Error ? error.message : String(error)}`);
      return finish();
    }
    const rendered = await renderSnippets([{ client: job.client, request }]);
    result.problems.push(...rendered.problems.map((problem) => problem.reason));
    result.problems.push(
      ...rendered.skipped.map((skipped) => `${skipped.clientId} does not support this request: ${skipped.reason}`),
    );
    const snippet = rendered.snippets[0];
    if (!snippet) {
      // The engine publishes nothing it could not format or parse; show the raw rendering instead.
      const plan = job.client.plan(request);
      if (rendered.problems.length > 0 && !(plan instanceof Refusal)) result.snippet = job.client.render(plan);
      return finish();
    }
    result.snippet = snippet.content;

    const expected = expectedRequest(
      job.task,
      job.provider,
      job.mapping,
      job.stream,
      example,
      job.client.sendsTaskRequest === true && !job.task.conversational && !providerRouting,
    );
    const workDir = path.join(this.workRoot, String(number));
    await rm(workDir, { recursive: true, force: true });
    await mkdir(workDir, { recursive: true });
    const language = languageOf(job.client.language);
    const snippetFile = `snippet.${language.extension}`;
    await writeFile(path.join(workDir, snippetFile), snippet.content);

    let fileBytes: Buffer | undefined;
    const body = expected.body;
    if (body.kind !== "json") {
      if (path.basename(body.fileName) !== body.fileName) {
        result.problems.push(`the example file name ${JSON.stringify(body.fileName)} is not a plain file name`);
        return finish();
      }
      const media = (job.task.binaryInput?.contentType ?? "").split("/")[0] ?? "";
      const fixture = FIXTURE_FILES[media];
      if (!fixture) {
        result.problems.push(`no example file for ${job.task.binaryInput?.contentType}`);
        return finish();
      }
      await copyFile(path.join(this.fixturesDir, fixture), path.join(workDir, body.fileName));
      fileBytes = await readFile(path.join(workDir, body.fileName));
    }

    server.register(token);
    const tokenVariable = request.token.kind === "env" ? request.token.variable : undefined;
    const command = job.client.interpreter ?? language.interpreter;
    const outcome = await runProcess(command, [snippetFile], {
      cwd: workDir,
      env: this.environment(job.client, providerRouting, token, tokenVariable),
      timeoutMs: this.timeoutMs,
    });
    const requests = server.collect(token);

    if (outcome.spawnError) result.problems.push(`${command} could not be started: ${outcome.spawnError}`);
    if (outcome.timedOut)
      result.problems.push(`the snippet did not finish within ${this.timeoutMs / 1000} s and was killed`);
    else if (outcome.exitCode !== 0) {
      result.problems.push(
        `the snippet exited with ${outcome.exitCode ?? outcome.signal}${outcome.stderr.trim() ? `:\n${tail(outcome.stderr)}` : ""}`,
      );
    }
    if (outcome.stderr.includes(GUARD_MESSAGE))
      result.problems.push("the snippet tried to reach the network (see the network guard's message)");

    // One POST (the request under test); jobs and downloads add GETs the server handed out itself.
    const posts = requests.filter((recorded) => recorded.method !== "GET");
    if (posts.length !== 1) {
      result.problems.push(
        posts.length === 0
          ? `no request arrived with the token from the environment (${server.unattributed.length} unattributed so far)`
          : `${posts.length} requests arrived, expected exactly one: ${posts.map((recorded) => `${recorded.method} ${recorded.target}`).join(", ")}`,
      );
    }
    const recorded = posts[0];
    if (recorded)
      result.problems.push(...requestProblems(recorded, expected, token, fileBytes, this.options.specs.registry));
    for (const followUp of requests.filter((candidate) => candidate.method === "GET")) {
      result.problems.push(...followUp.problems.map((problem) => `server: GET ${followUp.target}: ${problem}`));
    }
    if (
      recorded?.route?.mapping.contract?.job &&
      !recorded.route.taskRoute &&
      !requests.some((candidate) => candidate.method === "GET")
    ) {
      result.problems.push("the snippet did not poll the job it started");
    }

    const served = requests.find((candidate) => candidate.responseBody !== undefined)?.responseBody;
    if (served && expected.savedFile && outcome.exitCode === 0) {
      const saved = await readFile(path.join(workDir, expected.savedFile)).catch(() => undefined);
      if (!saved) result.problems.push(`the response was not saved to ${expected.savedFile}`);
      else if (!saved.equals(served)) {
        result.problems.push(
          `${expected.savedFile} does not hold the bytes the server sent (${saved.length} bytes saved, ${served.length} sent)`,
        );
      }
    } else if (expected.savedFile && outcome.exitCode === 0 && !served) {
      result.problems.push(`the snippet did not fetch the file it should save to ${expected.savedFile}`);
    }

    finish();
    if (result.ok && !this.options.keep) await rm(workDir, { recursive: true, force: true });
    else result.workDir = workDir;
    return result;
  }
}
