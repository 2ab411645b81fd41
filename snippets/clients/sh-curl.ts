/**
 * sh/curl. Bodies are single-quoted JSON sent with --data-raw (a leading `@` is never read as a
 * file name); files are sent with --data-binary @file, or streamed into a JSON body from stdin
 * when they must be base64-encoded (a command-line argument could not hold a large image).
 */
import { jsonText, shellQuote } from "../literals/shell.ts";
import type { SnippetRequest } from "../request.ts";
import { shellBearerHeader } from "./tokens.ts";
import { toolSourcePath } from "../source-file.ts";
import type { SnippetClient } from "./types.ts";

const CONTINUATION = " \\\n    ";
/** JSON for the command line: lines after the first are indented to sit under the curl options. */
function indentedJson(value: unknown): string {
  return jsonText(value).replace(/\n/g, "\n    ");
}

/** Stands in for the base64 text while the JSON around it is printed; JSON escapes the NULs. */
const FILE_SENTINEL = "\u0000file\u0000";

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

function render(request: SnippetRequest): string {
  const options = [...headerOptions(request), ...responseOptions(request)];
  const { body } = request;
  if (body.kind === "json") {
    return ["curl " + shellQuote(request.url), ...options, `--data-raw ${shellQuote(indentedJson(body.value))}`].join(CONTINUATION);
  }
  if (body.kind === "file") {
    return ["curl " + shellQuote(request.url), ...options, `--data-binary @${shellQuote(body.fileName)}`].join(CONTINUATION);
  }
  const json = jsonText({ ...body.value, [body.field]: FILE_SENTINEL });
  const marker = JSON.stringify(FILE_SENTINEL);
  const [before, after] = [json.slice(0, json.indexOf(marker)), json.slice(json.indexOf(marker) + marker.length)];
  const producer = [
    "{",
    `    printf '%s' ${shellQuote(before + '"')}`,
    `    base64 < ${shellQuote(body.fileName)} | tr -d '\\n'`,
    `    printf '%s' ${shellQuote('"' + after)}`,
    "}",
  ].join("\n");
  return `${producer} | ` + ["curl " + shellQuote(request.url), ...options, "--data-binary @-"].join(CONTINUATION);
}

export const curl: SnippetClient = {
  id: "sh/curl",
  language: "sh",
  client: "curl",
  source: toolSourcePath(import.meta.url),
  reference: { label: "curl's manual", url: "https://curl.se/docs/manpage.html" },
  unsupported: () => undefined,
  render,
};
