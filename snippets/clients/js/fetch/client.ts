/**
 * js/fetch: the platform's fetch (Node 20+ or a browser-like runtime). Files are read with
 * node:fs and sent as bytes (or as a Blob in a FormData for a multipart body); binary responses
 * are written to a file; server-sent events are parsed line by line, across chunk boundaries.
 */
import { code } from "../../../literals/code.ts";
import type { LiteralValue } from "../../../literals/code.ts";
import { jsLiteral, jsObject, jsString } from "../../../languages/js/literals.ts";
import type { JobHandling, SnippetRequest, UrlPart } from "../../../request.ts";
import { accessors, bodyWithFileCode, readsJson } from "../../flow.ts";
import { JsImports } from "../../../languages/js/imports.ts";
import { jsBearer } from "../../../languages/js/token.ts";
import { type ClientDefinition, Refusal } from "../../types.ts";

const EVENT_READER = `/** Yields the data of each server-sent event in the response body. */
async function* readEvents(body) {
  const decoder = new TextDecoder();
  let buffer = "";
  let data = [];
  for await (const chunk of body) {
    buffer += decoder.decode(chunk, { stream: true });
    // A lone "\\r" at the end may be the first half of "\\r\\n": keep it until more arrives.
    const lines = buffer.split(/\\r\\n|\\n|\\r(?=[^])/);
    buffer = lines.pop();
    for (const line of lines) {
      if (line === "") {
        if (data.length > 0) yield data.join("\\n");
        data = [];
      } else if (line.startsWith("data:")) {
        data.push(line.slice(line.startsWith("data: ") ? 6 : 5));
      }
    }
  }
  if (data.length > 0) yield data.join("\\n");
}`;

/** `variable["a"][0]`: the value at a JSON pointer. */
function jsAccess(variable: string, pointer: readonly string[]): string {
  return (
    variable +
    accessors(pointer)
      .map((key) => `[${typeof key === "number" ? key : jsString(key)}]`)
      .join("")
  );
}

function jsUrl(parts: readonly UrlPart[], variable: string): string {
  return parts
    .map((part) => {
      if (part.kind === "literal") return jsString(part.text);
      if (part.kind === "value") return `String(${jsAccess(variable, part.pointer)})`;
      return `new URL(${jsAccess(variable, part.pointer)}).pathname`;
    })
    .join(" + ");
}

function jsCheck(variable: string, what: string): string {
  return `if (!${variable}.ok) {\n  throw new Error(\`${what} failed: \${${variable}.status} \${await ${variable}.text()}\`);\n}`;
}

/** Polls the job named by `result` until it is done; leaves the result's JSON in `result`. */
function jsJob(job: JobHandling, authorization: string): string {
  const failed =
    job.failed.length > 0
      ? `\n  if (${JSON.stringify(job.failed)}.includes(state)) {\n    throw new Error(\`The job failed: \${JSON.stringify(result)}\`);\n  }`
      : "";
  const lines = [
    "const job = result;",
    `const statusUrl = ${jsUrl(job.statusUrl, "job")};`,
    `for (let attempt = 1; ; attempt++) {`,
    `  const status = await fetch(statusUrl, { headers: { Authorization: ${authorization} } });`,
    `  ${jsCheck("status", "Status request").replace(/\n/g, "\n  ")}`,
    "  result = await status.json();",
    `  const state = ${jsAccess("result", job.statusPointer)};`,
    `  if (${JSON.stringify(job.done)}.includes(state)) break;${failed}`,
    `  if (attempt === ${job.maxPolls}) {\n    throw new Error("The job did not finish after ${job.maxPolls} status checks");\n  }`,
    `  await new Promise((resolve) => setTimeout(resolve, ${job.pollSeconds * 1000}));`,
    "}",
  ];
  if (job.resultUrl) {
    lines.push(
      `const resultResponse = await fetch(${jsUrl(job.resultUrl, "job")}, { headers: { Authorization: ${authorization} } });`,
      jsCheck("resultResponse", "Result request"),
      "result = await resultResponse.json();",
    );
  }
  return lines.join("\n");
}

function jsOutput(request: SnippetRequest, imports: JsImports): string {
  const { response } = request;
  const fromResult = readsJson(request);
  const parts: string[] = [];
  if (fromResult) parts.push(`${request.job ? "let" : "const"} result = await response.json();`);
  if (request.job) parts.push(jsJob(request.job, jsBearer(request.token)));
  if (response.kind === "base64") {
    const writeFile = imports.named("node:fs/promises", "writeFile");
    parts.push(
      `await ${writeFile}(${jsString(response.fileName)}, Buffer.from(${jsAccess("result", response.pointer)}, "base64"));`,
    );
  } else if (response.kind === "url") {
    const writeFile = imports.named("node:fs/promises", "writeFile");
    parts.push(
      `const download = await fetch(${jsAccess("result", response.pointer)});`,
      jsCheck("download", "Download"),
      `await ${writeFile}(${jsString(response.fileName)}, Buffer.from(await download.arrayBuffer()));`,
    );
  } else if (fromResult) {
    parts.push("console.log(result);");
  }
  return parts.join("\n");
}

function render(request: SnippetRequest): string {
  const imports = new JsImports();
  const { body, response } = request;
  const headers: [string, LiteralValue][] = [["Authorization", code(jsBearer(request.token))]];
  for (const header of request.headers) headers.push([header.name, header.value]);

  let bodyExpression: string;
  let prelude = "";
  if (body.kind === "file") {
    bodyExpression = `await ${imports.named("node:fs/promises", "readFile")}(${jsString(body.fileName)})`;
  } else if (body.kind === "multipart") {
    // fetch writes the multipart body and its Content-Type (with the boundary) from the FormData.
    const openAsBlob = imports.named("node:fs", "openAsBlob");
    const blob = `await ${openAsBlob}(${jsString(body.fileName)}, { type: ${jsString(body.contentType)} })`;
    prelude = [
      "const form = new FormData();",
      `form.append(${jsString(body.fileField)}, ${blob}, ${jsString(body.fileName)});`,
      ...body.fields.map((field) => `form.append(${jsString(field.name)}, ${jsString(field.value)});`),
    ].join("\n");
    prelude += "\n";
    bodyExpression = "form";
  } else if (body.kind === "json-with-file") {
    const readFile = imports.named("node:fs/promises", "readFile");
    prelude = `const fileBase64 = (await ${readFile}(${jsString(body.fileName)})).toString("base64");\n`;
    const value = bodyWithFileCode(body.value, body.slots, (slot) =>
      code(
        slot.encoding === "data-url" ? `${jsString(`data:${body.contentType};base64,`)} + fileBase64` : "fileBase64",
      ),
    );
    bodyExpression = `JSON.stringify(${jsLiteral(value, "  ")})`;
  } else {
    bodyExpression = `JSON.stringify(${jsLiteral(body.value, "  ")})`;
  }
  const requestCode = `${prelude}const response = await fetch(${jsString(request.url)}, ${jsObject([
    ["method", request.method],
    ["headers", code(jsObject(headers, "  "))],
    ["body", code(bodyExpression)],
  ])});\nif (!response.ok) {\n  throw new Error(\`Request failed: \${response.status} \${await response.text()}\`);\n}`;

  let output: string;
  if (response.kind === "events") {
    const print = request.chat
      ? `process.stdout.write(event.choices?.[0]?.delta?.content ?? "");`
      : "console.log(event);";
    output = `for await (const data of readEvents(response.body)) {\n  if (data === "[DONE]") break;\n  const event = JSON.parse(data);\n  ${print}\n}`;
  } else if (response.kind === "bytes") {
    const writeFile = imports.named("node:fs/promises", "writeFile");
    output = `await ${writeFile}(${jsString(response.fileName)}, Buffer.from(await response.arrayBuffer()));`;
  } else if (response.kind === "json" && !request.job) {
    output = "const result = await response.json();\nconsole.log(result);";
  } else {
    output = jsOutput(request, imports);
  }
  const parts = [imports.render(), response.kind === "events" ? EVENT_READER : "", requestCode, output].filter(Boolean);
  return parts.join("\n\n") + "\n";
}

/**
 * FormData turns every lone line feed or carriage return in a field's value into CR LF when fetch
 * sends it (the HTML form encoding), so such a value would not arrive as written.
 */
export function formFieldChangedByFormData(request: SnippetRequest): Refusal | undefined {
  if (request.body.kind !== "multipart") return undefined;
  const field = request.body.fields.find((candidate) => /\r(?!\n)|(?<!\r)\n/.test(candidate.value));
  return field && new Refusal(`FormData would turn the line breaks of the form field ${field.name} into CR LF`);
}

export const client: ClientDefinition<SnippetRequest> = {
  order: 70,
  fuzzWeight: 2,
  reference: { label: "the Fetch API on MDN", url: "https://developer.mozilla.org/en-US/docs/Web/API/Fetch_API" },
  plan: (request) => formFieldChangedByFormData(request) ?? request,
  render,
};
