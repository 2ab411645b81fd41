/**
 * The steps after the first request, with the pinned library as the judge: a scripted provider
 * answers the library from our contract's description (the job's id and status fields, the
 * status values, where the result is), records every request the library makes after the first,
 * and hands back the file. When our description is wrong the library shows it: it polls another
 * URL, never sees the job done, reads the result from elsewhere, or returns other bytes.
 */
import { documentWith, mergedDocument } from "../../scripts/conformance/native.ts";
import { pathToPointer, type JsonValue } from "../../scripts/lib/json-source.ts";
import type { JobHandling, ResponseHandling, SnippetRequest, UrlPart } from "../../snippets/request.ts";
import { hubAnswer, libraryArgs, libraryFunction, urlOf, type Pair } from "./library.ts";
import type { Specs } from "../../scripts/model/types.ts";

const JOB_ID = "job-0042";
const JOB_URL = `https://queue.example.com/jobs/${JOB_ID}`;
const DOWNLOAD_URL = "https://files.example.com/outputs/result.bin";
const OUTPUT_BYTES = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0x10, 0x20, 0x7f]);
/** A library that never sees the job end stops here. */
const MAX_STEPS = 8;

export interface FlowStep {
  method: string;
  url: string;
}

export interface Flow {
  /** Every request after the Hub lookups, the first (submit) included. */
  steps: FlowStep[];
  /** The file the call ends with, base64. */
  bytes?: string;
  /** Why the call rejected, if it did. */
  error?: string;
}

/** A first answer naming a job: the job's id where the contract says, and every value its URL templates read. */
export function submitAnswer(job: JobHandling, idPointer: string | undefined): JsonValue {
  let answer: JsonValue = idPointer ? documentWith(idPointer, JOB_ID) : {};
  for (const part of [...job.statusUrl, ...(job.resultUrl ?? [])]) {
    if (part.kind === "literal") continue;
    answer = mergedDocument(answer, pathToPointer(part.pointer), part.kind === "value" ? JOB_ID : JOB_URL);
  }
  return answer;
}

/** Our URL for a job's URL template, given that first answer. */
export function ourJobUrl(parts: readonly UrlPart[]): string {
  return parts
    .map((part) => (part.kind === "literal" ? part.text : part.kind === "value" ? JOB_ID : new URL(JOB_URL).pathname))
    .join("");
}

/** The document holding the result where our contract says it is (the file base64, or a URL to it). */
function resultDocument(response: ResponseHandling): JsonValue {
  if (response.kind === "base64")
    return documentWith(pathToPointer(response.pointer), Buffer.from(OUTPUT_BYTES).toString("base64"));
  if (response.kind === "url") return documentWith(pathToPointer(response.pointer), DOWNLOAD_URL);
  throw new Error(`no file in a ${response.kind} response`);
}

/** What our snippets do after the first request: poll, read the result, download; and the bytes they save. */
export function ourFlow(request: SnippetRequest): Flow {
  const steps: FlowStep[] = [{ method: request.method, url: request.url }];
  const job = request.job;
  if (job) {
    // The first status check finds the job in progress, the second finds it done.
    const statusUrl = ourJobUrl(job.statusUrl);
    steps.push({ method: "GET", url: statusUrl }, { method: "GET", url: statusUrl });
    if (job.resultUrl) steps.push({ method: "GET", url: ourJobUrl(job.resultUrl) });
  }
  if (request.response.kind === "url") steps.push({ method: "GET", url: DOWNLOAD_URL });
  return { steps, bytes: Buffer.from(OUTPUT_BYTES).toString("base64") };
}

class StopCall extends Error {}

/**
 * Calls the library for the pair and plays the provider: the first request gets the job (or the
 * result), status checks get "in progress" once and then `ending` (done, with the result, or
 * failed), the download URL gets the file.
 */
export async function libraryFlow(
  specs: Specs,
  pair: Pair,
  example: Record<string, JsonValue>,
  request: SnippetRequest,
  ending: "done" | "failed",
): Promise<Flow> {
  const job = request.job;
  const result = resultDocument(request.response);
  const steps: FlowStep[] = [];
  let statusChecks = 0;
  const realFetch = globalThis.fetch;
  const provider = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = urlOf(input);
    const hub = hubAnswer(specs, url);
    if (hub) return hub;
    // The library decodes base64 results by fetching a data: URL.
    if (url.startsWith("data:")) return realFetch(input, init);
    steps.push({ method: init?.method ?? (input instanceof Request ? input.method : "GET"), url });
    if (steps.length > MAX_STEPS) throw new StopCall(`the library was still polling after ${MAX_STEPS} requests`);
    if (url === DOWNLOAD_URL) return new Response(OUTPUT_BYTES);
    if (steps.length === 1)
      return Response.json(job ? submitAnswer(job, pair.mapping.contract?.job?.idPointer) : result);
    if (!job) throw new StopCall(`unexpected request ${url}`);
    statusChecks += 1;
    if (statusChecks === 1) {
      const pending = pair.mapping.contract?.job?.pending?.[0] ?? "IN_PROGRESS";
      return Response.json(documentWith(pathToPointer(job.statusPointer), pending));
    }
    const state = ending === "done" ? job.done[0] : job.failed[0];
    return Response.json(
      mergedDocument(ending === "done" ? result : {}, pathToPointer(job.statusPointer), state ?? ""),
    );
  };
  // The library polls and downloads with the global fetch, and waits between polls: no waiting here.
  const realSetTimeout = globalThis.setTimeout;
  globalThis.fetch = provider as typeof fetch;
  globalThis.setTimeout = ((handler: () => void) => realSetTimeout(handler, 0)) as typeof setTimeout;
  try {
    const output = await libraryFunction(pair)(libraryArgs(pair, example), { fetch: provider, retry_on_error: false });
    if (!(output instanceof Blob)) return { steps, error: `the library returned ${typeof output}, not a file` };
    return { steps, bytes: Buffer.from(await output.arrayBuffer()).toString("base64") };
  } catch (error) {
    return { steps, error: error instanceof Error ? error.message : String(error) };
  } finally {
    globalThis.fetch = realFetch;
    globalThis.setTimeout = realSetTimeout;
  }
}
