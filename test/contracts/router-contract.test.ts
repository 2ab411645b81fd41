/**
 * The router contract: for every (task, provider, variant) the pages publish, the request our
 * model builds must equal the request the pinned @huggingface/inference sends for the same model
 * and inputs. The library is the oracle: it is called with a fetch that answers the Hub's mapping
 * lookups (built from the feed, shaped like the Hub's answer) and captures the first request to
 * the router, then aborts the call. For contracts with a job or a file inside JSON, the library is
 * then driven to the end by a provider playing our contract (library-flow.ts): it must poll, read
 * and download where our snippets do, and end with the bytes they save. Nothing reaches the network.
 */
import { describe, expect, it } from "vitest";
import type { JsonValue } from "../../scripts/lib/json-source.ts";
import type { Specs } from "../../scripts/model/types.ts";
import { buildRequest, type SnippetRequest } from "../../snippets/request.ts";
import { wireRequest, type FormPart, type WireRequest } from "../../snippets/wire.ts";
import { loadProjectSpecs } from "../helpers/specs.ts";
import { FILE_BYTES, hubAnswer, libraryArgs, libraryFunction, TOKEN, toWire, urlOf, type Pair } from "./library.ts";
import { libraryFlow, ourFlow } from "./library-flow.ts";

function publishedPairs(specs: Specs): Pair[] {
  const pairs: Pair[] = [];
  for (const task of specs.tasks) {
    for (const provider of specs.providers) {
      for (const mapping of provider.mappings) {
        if (mapping.task !== task.id || mapping.status !== "live") continue;
        for (const stream of task.response.stream ? [false, true] : [false])
          pairs.push({ task, provider, mapping, stream });
      }
    }
  }
  return pairs;
}

/** Every mapped pair whose contract has a job or a file inside JSON, staging included. */
function flowPairs(specs: Specs): Pair[] {
  return specs.providers.flatMap((provider) =>
    provider.mappings.flatMap((mapping) => {
      const task = specs.tasks.find((candidate) => candidate.id === mapping.task);
      const contract = mapping.contract;
      const fileInJson = contract?.response?.kind === "base64" || contract?.response?.kind === "url";
      return task && (contract?.job || fileInJson) ? [{ task, provider, mapping, stream: false }] : [];
    }),
  );
}

class Captured extends Error {}

/** Calls the library as a reader would for this pair and returns the request it sends to the router. */
async function libraryRequest(specs: Specs, pair: Pair, example: Record<string, JsonValue>): Promise<WireRequest> {
  let captured: Promise<WireRequest> | undefined;
  const fetch = async (input: string | URL | Request, init: RequestInit): Promise<Response> => {
    const url = urlOf(input);
    const hub = hubAnswer(specs, url);
    if (hub) return hub;
    captured ??= toWire(url, init);
    throw new Captured("captured");
  };
  try {
    const result = libraryFunction(pair)(libraryArgs(pair, example), { fetch, retry_on_error: false });
    if (pair.stream) for await (const _event of result as AsyncIterable<unknown>) break;
    else await result;
  } catch (error) {
    if (!(error instanceof Captured) && !captured) throw error;
  }
  if (!captured) throw new Error("the library sent no request");
  return captured;
}

function describePair(pair: Pair): string {
  return `${pair.task.id} / ${pair.provider.id}${pair.stream ? " (stream)" : ""}`;
}

/** The task's example, with the file the contract asks readers to send (fal-ai takes no FLAC). */
function readerExample(pair: Pair): Record<string, JsonValue> {
  const example: Record<string, JsonValue> = { ...pair.task.example };
  const field = pair.task.binaryInput?.field;
  const fileName = pair.mapping.contract?.file?.fileName;
  if (field && fileName && typeof example[field] === "string") example[field] = fileName;
  return example;
}

function comparable(request: WireRequest): object {
  const { body, ...rest } = request;
  if (body.kind === "form") return { ...rest, body: { kind: "form", parts: comparableParts(body.parts) } };
  return {
    ...rest,
    body: body.kind === "bytes" ? { kind: "bytes", base64: Buffer.from(body.bytes).toString("base64") } : body,
  };
}

/**
 * Multipart bodies compared part by part (boundaries and part order carry no meaning): names, text
 * values, content types and file bytes. Of a file name only the extension is compared: the library
 * names every Blob `audio.<extension of its type>` (a Blob has no name), where a reader's snippet
 * sends the file's own name; the server reads the format from the extension.
 */
function comparableParts(parts: readonly FormPart[]): object[] {
  return parts
    .map((part) =>
      "value" in part
        ? { name: part.name, value: part.value }
        : {
            name: part.name,
            fileExtension: part.fileName.split(".").pop(),
            contentType: part.contentType,
            base64: Buffer.from(part.bytes).toString("base64"),
          },
    )
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function same(ours: unknown, theirs: unknown): boolean {
  return JSON.stringify(sortKeys(ours)) === JSON.stringify(sortKeys(theirs));
}

function difference(pair: Pair, ours: unknown, theirs: unknown): string {
  return `${describePair(pair)}\n  ours:    ${JSON.stringify(sortKeys(ours))}\n  library: ${JSON.stringify(sortKeys(theirs))}`;
}

function requestFor(specs: Specs, pair: Pair): SnippetRequest {
  return buildRequest(specs.router, pair.task, pair.provider, pair.mapping, {
    stream: pair.stream,
    accessToken: TOKEN,
  });
}

describe("router contract", () => {
  const specs = loadProjectSpecs();
  const pairs = publishedPairs(specs);

  it("every published request, job and response is the one @huggingface/inference sends and reads", async () => {
    const differences: string[] = [];
    const unchecked: string[] = [];
    let matched = 0;
    for (const pair of pairs) {
      const ours = comparable(wireRequest(requestFor(specs, pair), FILE_BYTES));
      let theirs: object;
      try {
        // The library gets the reader's inputs, not our request model's payload: a field the model
        // dropped or changed must show up as a difference.
        theirs = comparable(await libraryRequest(specs, pair, readerExample(pair)));
      } catch (error) {
        unchecked.push(`${describePair(pair)}: ${error instanceof Error ? error.message : String(error)}`);
        continue;
      }
      if (same(ours, theirs)) matched += 1;
      else differences.push(difference(pair, ours, theirs));
    }

    // After the first request: the status URL and method, the status field and its done value, the
    // result URL, where the file is, the download, and the bytes the call ends with.
    const counts = { jobs: 0, jobsMatched: 0, responses: 0, responsesMatched: 0, failedStops: 0 };
    for (const pair of flowPairs(specs)) {
      const request = requestFor(specs, pair);
      const ours = ourFlow(request);
      const theirs = await libraryFlow(specs, pair, readerExample(pair), request, "done");
      const matches = same(ours, theirs);
      if (!matches) differences.push(difference(pair, ours, theirs));
      const fileInJson = request.response.kind === "base64" || request.response.kind === "url";
      counts.responses += fileInJson ? 1 : 0;
      counts.responsesMatched += fileInJson && matches ? 1 : 0;
      if (!request.job) continue;
      counts.jobs += 1;
      counts.jobsMatched += matches ? 1 : 0;
      // A failed job must never end with a file. Some library versions keep polling on a failed
      // state they do not know (the snippets stop there); only the ones that stop are counted.
      const failed = await libraryFlow(specs, pair, readerExample(pair), request, "failed");
      if (failed.bytes !== undefined)
        differences.push(`${describePair(pair)}: the library returned a file for a failed job`);
      else if (
        failed.steps.length ===
        ours.steps.length - (request.job.resultUrl ? 1 : 0) - (request.response.kind === "url" ? 1 : 0)
      )
        counts.failedStops += 1;
    }
    console.log(
      `router contract: ${pairs.length} pairs, ${matched} match, ${differences.length} differ, ${unchecked.length} unchecked; ` +
        `jobs: ${counts.jobsMatched} of ${counts.jobs} match; responses: ${counts.responsesMatched} of ${counts.responses} match; ` +
        `failed states: the library stops at ${counts.failedStops} of ${counts.jobs}`,
    );
    expect(differences).toEqual([]);
    expect(unchecked).toEqual([]);
    expect(pairs.length).toBeGreaterThanOrEqual(90);
    expect(counts.jobs).toBeGreaterThanOrEqual(7);
    expect(counts.responses).toBeGreaterThanOrEqual(14);
  });
});

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([key, item]) => [key, sortKeys(item)]),
    );
  }
  return value;
}
