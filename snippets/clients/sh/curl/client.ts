/**
 * sh/curl. Bodies are single-quoted JSON sent with --data-raw (a leading `@` is never read as a
 * file name); files are sent with --data-binary @file, or streamed into a JSON body from stdin
 * when they must be base64-encoded (a command-line argument could not hold a large image), or as
 * a multipart form (-F for the file, --form-string for the plain fields).
 * The steps after the first response (poll a job, decode, download) are exported for other shell
 * HTTP clients, which supply their own GET and download commands (`ShellHttpDialect`).
 */
import { withValueAt } from "../../../../scripts/lib/with-value-at.ts";
import { jsonText, shellQuote } from "../../../languages/sh/literals.ts";
import type { JobHandling, RequestBody, SnippetRequest, TokenSource, UrlPart } from "../../../request.ts";
import { accessors, readsJson } from "../../flow.ts";
import { shellBearerHeader } from "../../../languages/sh/token.ts";
import { type ClientDefinition, Refusal } from "../../types.ts";

/** The steps after the first response run these commands; the words they get are already quoted. */
export interface ShellHttpDialect {
  /** Prints the body of a GET sent with the token; fails, printing the body, on an error status. */
  get(url: string, token: TokenSource): string;
  /** Saves the body of a GET (result URLs need no token) to `file`. */
  download(url: string, file: string): string;
}

const CURL: ShellHttpDialect = {
  get: (url, token) => `curl -sS --fail-with-body ${url} -H ${shellBearerHeader(token)}`,
  download: (url, file) => `curl -sS --fail-with-body -o ${file} ${url}`,
};

export const CONTINUATION = " \\\n    ";
/** JSON for the command line: lines after the first are indented to sit under the command's options. */
export function indentedJson(value: unknown): string {
  return jsonText(value).replace(/\n/g, "\n    ");
}

function headerOptions(request: SnippetRequest): string[] {
  return [
    `-H ${shellBearerHeader(request.token)}`,
    ...request.headers.map((header) => `-H ${shellQuote(`${header.name}: ${header.value}`)}`),
  ];
}

function responseOptions(request: SnippetRequest): string[] {
  if (request.response.kind === "bytes") return [`-o ${shellQuote(request.response.fileName)}`];
  if (request.response.kind === "events") return ["-N"];
  return [];
}

/** A jq filter reading the value at a JSON pointer. */
function jqPath(pointer: readonly string[]): string {
  return (
    "." +
    accessors(pointer)
      .map((key) => `[${JSON.stringify(key)}]`)
      .join("")
  );
}

/** `"$(printf '%s' "$json" | jq -r '...')"`: a string read from a JSON document held in a variable. */
function jqRead(variable: string, pointer: readonly string[]): string {
  return `printf '%s' "$${variable}" | jq -r ${shellQuote(jqPath(pointer))}`;
}

function shellUrl(parts: readonly UrlPart[], variable: string): string {
  return parts
    .map((part) => {
      if (part.kind === "literal") return shellQuote(part.text);
      const read = jqRead(variable, part.pointer);
      // The path of a URL: without scheme, host, query and fragment.
      return part.kind === "value"
        ? `"$(${read})"`
        : `"$(${read} | sed -E 's|^[A-Za-z][A-Za-z0-9+.-]*://[^/]*||; s|[?#].*$||')"`;
    })
    .join("");
}

const FAIL = `|| { printf '%s\\n' "$response" >&2; exit 1; }`;

function shellJob(job: JobHandling, token: TokenSource, http: ShellHttpDialect): string {
  const failed =
    job.failed.length > 0
      ? [
          `    ${job.failed.map(shellQuote).join(" | ")})`,
          `      printf 'The job failed: %s\\n' "$response" >&2`,
          "      exit 1",
          "      ;;",
        ]
      : [];
  const lines = [
    "job=$response",
    `status_url=${shellUrl(job.statusUrl, "job")}`,
    `for attempt in $(seq 1 ${job.maxPolls}); do`,
    `  response=$(${http.get('"$status_url"', token)}) ${FAIL}`,
    `  state=$(${jqRead("response", job.statusPointer)})`,
    '  case "$state" in',
    `    ${job.done.map(shellQuote).join(" | ")}) break ;;`,
    ...failed,
    "  esac",
    `  if [ "$attempt" -eq ${job.maxPolls} ]; then`,
    `    echo 'The job did not finish after ${job.maxPolls} status checks' >&2`,
    "    exit 1",
    "  fi",
    `  sleep ${job.pollSeconds}`,
    "done",
  ];
  if (job.resultUrl) lines.push(`response=$(${http.get(shellUrl(job.resultUrl, "job"), token)}) ${FAIL}`);
  return lines.join("\n");
}

function shellOutput(request: SnippetRequest, http: ShellHttpDialect): string {
  const { response } = request;
  if (response.kind === "base64")
    return `${jqRead("response", response.pointer)} | base64 --decode > ${shellQuote(response.fileName)}`;
  if (response.kind === "url") {
    return `file_url=$(${jqRead("response", response.pointer)})\n${http.download('"$file_url"', shellQuote(response.fileName))}`;
  }
  return `printf '%s\\n' "$response"`;
}

/** The body's data options, and a command writing the JSON with the file base64-encoded into it when there is one. */
function bodyParts(request: SnippetRequest): { producer?: string; data: string } {
  const { body } = request;
  if (body.kind === "json") return { data: `--data-raw ${shellQuote(indentedJson(body.value))}` };
  if (body.kind === "file") return { data: `--data-binary @${shellQuote(body.fileName)}` };
  if (body.kind === "multipart") return { data: formOptions(body).join(CONTINUATION) };
  return { producer: jsonWithFileProducer(body), data: "--data-binary @-" };
}

/**
 * -F for the file part (curl reads the file and names it); --form-string for the plain fields, which
 * curl takes literally (with -F, a value starting with @ or < would be read as a file, and ";type="
 * inside it as an option).
 */
function formOptions(body: Extract<RequestBody, { kind: "multipart" }>): string[] {
  return [
    `-F ${shellQuote(`${body.fileField}=@${body.fileName};type=${body.contentType}`)}`,
    ...body.fields.map((field) => `--form-string ${shellQuote(`${field.name}=${field.value}`)}`),
  ];
}

/** A command printing the JSON body with the file base64-encoded into its slots (too large for an argument). */
export function jsonWithFileProducer(body: Extract<RequestBody, { kind: "json-with-file" }>): string {
  // Sentinels stand in for the base64 text while the JSON around it is printed; JSON escapes the NULs.
  const sentinel = (index: number): string => `\u0000file${index}\u0000`;
  let withSentinels: unknown = body.value;
  body.slots.forEach((slot, index) => {
    withSentinels = withValueAt(withSentinels, slot.pointer, sentinel(index));
  });
  const json = jsonText(withSentinels);
  const places = body.slots
    .map((slot, index) => ({
      slot,
      marker: JSON.stringify(sentinel(index)),
      at: json.indexOf(JSON.stringify(sentinel(index))),
    }))
    .sort((a, b) => a.at - b.at);
  const lines = ["{"];
  let from = 0;
  for (const { slot, marker, at } of places) {
    const prefix = slot.encoding === "data-url" ? `data:${body.contentType};base64,` : "";
    lines.push(
      `    printf '%s' ${shellQuote(json.slice(from, at) + '"' + prefix)}`,
      `    base64 < ${shellQuote(body.fileName)} | tr -d '\\n'`,
    );
    from = at + marker.length - 1;
  }
  lines.push(`    printf '%s' ${shellQuote(json.slice(from))}`, "}");
  return lines.join("\n");
}

/** Form fields travel as command-line arguments, which cannot hold a NUL character. */
export function formFieldWithNul(request: SnippetRequest): Refusal | undefined {
  if (request.body.kind !== "multipart") return undefined;
  const field = request.body.fields.find((candidate) => candidate.value.includes("\u0000"));
  return field && new Refusal(`the form field ${field.name} holds a NUL character, which no shell argument can carry`);
}

function plan(request: SnippetRequest): SnippetRequest | Refusal {
  return formFieldWithNul(request) ?? request;
}

const NEEDS_JQ = "# Needs jq (https://jqlang.org) to read the JSON responses.";

function render(request: SnippetRequest): string {
  const { producer, data } = bodyParts(request);
  const pipe = producer ? `${producer} | ` : "";
  if (!readsJson(request)) {
    const options = [...headerOptions(request), ...responseOptions(request)];
    return pipe + ["curl " + shellQuote(request.url), ...options, data].join(CONTINUATION);
  }
  const call = ["curl -sS --fail-with-body " + shellQuote(request.url), ...headerOptions(request), data].join(
    CONTINUATION,
  );
  return stepsReadingJson(request, pipe + call, CURL);
}

/** The request under test (`call`, a command printing the JSON response), then polling, decoding and saving. */
export function stepsReadingJson(request: SnippetRequest, call: string, http: ShellHttpDialect): string {
  const steps = [`response=$(${call}) ${FAIL}`];
  if (request.job) steps.push(shellJob(request.job, request.token, http));
  steps.push(shellOutput(request, http));
  return `${NEEDS_JQ}\n${steps.join("\n")}`;
}

export const client: ClientDefinition<SnippetRequest> = {
  order: 10,
  fuzzWeight: 4,
  reference: { label: "curl's manual", url: "https://curl.se/docs/manpage.html" },
  plan,
  render,
};
