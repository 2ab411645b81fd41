/**
 * sh/httpie. The JSON body goes in single quotes through `--raw` (never parsed as request items,
 * so hostile strings arrive byte for byte); a file body is the `@file` item; a multipart body is
 * `--multipart` with a `field@file;type=...` item and `name=value` form fields; a body with a file
 * base64-encoded into it is printed by a command and piped in (the only case that reads stdin,
 * hence `--ignore-stdin` everywhere else). `--check-status` makes an error status a failure, and
 * `--download --output` saves a file response. Polling a job and reading results reuse curl's
 * steps with httpie's GET.
 */
import { shellQuote } from "../../../languages/sh/literals.ts";
import type { SnippetRequest, TokenSource } from "../../../request.ts";
import { readsJson } from "../../flow.ts";
import { type ClientDefinition, Refusal } from "../../types.ts";
import {
  CONTINUATION,
  formFieldWithNul,
  indentedJson,
  jsonWithFileProducer,
  stepsReadingJson,
  type ShellHttpDialect,
} from "../curl/client.ts";

/** The Authorization request item; an environment variable is expanded, so it goes in double quotes. */
function authorizationItem(token: TokenSource): string {
  return token.kind === "inline"
    ? shellQuote(`Authorization:Bearer ${token.value}`)
    : `"Authorization:Bearer $${token.variable}"`;
}

const HTTPIE: ShellHttpDialect = {
  get: (url, token) => `http --check-status --ignore-stdin GET ${url} ${authorizationItem(token)}`,
  download: (url, file) => `http --check-status --ignore-stdin --download --output ${file} GET ${url}`,
};

function plan(request: SnippetRequest): SnippetRequest | Refusal {
  // In a request item, a backslash before a separator is read as an escape and dropped.
  const values = [...request.headers.map((header) => header.value)];
  if (request.token.kind === "inline") values.push(request.token.value);
  if (values.some((value) => value.includes("\\")))
    return new Refusal("httpie would read a backslash in a header value as an escape");
  const nul = formFieldWithNul(request);
  if (nul) return nul;
  if (request.body.kind === "multipart") {
    for (const field of request.body.fields) {
      // `name=value` is a form field only while the value neither starts a longer separator (`==`
      // a query parameter, `=@` a file to read) nor holds an escape, and the name holds no separator.
      if (!/^[A-Za-z0-9_.-]+$/.test(field.name))
        return new Refusal(`httpie would read separators in the form field name ${JSON.stringify(field.name)}`);
      if (/^[=@]/.test(field.value) || field.value.includes("\\"))
        return new Refusal(`httpie would not send the form field ${field.name} as it is written`);
    }
  }
  return request;
}

function render(request: SnippetRequest): string {
  const { body, response } = request;
  const fromStdin = body.kind === "json-with-file";
  const options = ["--check-status", ...(fromStdin ? [] : ["--ignore-stdin"])];
  if (body.kind === "multipart") options.push("--multipart");
  if (!readsJson(request)) {
    if (response.kind === "bytes") options.push(`--download --output ${shellQuote(response.fileName)}`);
    if (response.kind === "events") options.push("--stream");
  }
  const items = [
    authorizationItem(request.token),
    ...request.headers.map((header) => shellQuote(`${header.name}:${header.value}`)),
  ];
  if (body.kind === "json") items.push(`--raw ${shellQuote(indentedJson(body.value))}`);
  if (body.kind === "file") items.push(`@${shellQuote(body.fileName)}`);
  if (body.kind === "multipart") {
    items.push(shellQuote(`${body.fileField}@${body.fileName};type=${body.contentType}`));
    items.push(...body.fields.map((field) => shellQuote(`${field.name}=${field.value}`)));
  }
  const command = [`http ${options.join(" ")} POST ${shellQuote(request.url)}`, ...items].join(CONTINUATION);
  const call = body.kind === "json-with-file" ? `${jsonWithFileProducer(body)} | ${command}` : command;
  return readsJson(request) ? stepsReadingJson(request, call, HTTPIE) : call;
}

export const client: ClientDefinition<SnippetRequest> = {
  order: 15,
  reference: { label: "HTTPie's documentation", url: "https://httpie.io/docs/cli" },
  plan,
  render,
};
