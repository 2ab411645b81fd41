/**
 * js/fetch: the platform's fetch (Node 18+ or a browser-like runtime). Files are read with
 * node:fs and sent as bytes; binary responses are written to a file; server-sent events are
 * parsed line by line, across chunk boundaries.
 */
import { code } from "../literals/code.ts";
import type { LiteralValue } from "../literals/code.ts";
import { jsLiteral, jsObject, jsString } from "../literals/javascript.ts";
import type { SnippetRequest } from "../request.ts";
import { JsImports } from "./imports.ts";
import { jsBearer } from "./tokens.ts";
import { toolSourcePath } from "../source-file.ts";
import type { SnippetClient } from "./types.ts";

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

function render(request: SnippetRequest): string {
  const imports = new JsImports();
  const { body, response } = request;
  const headers: [string, LiteralValue][] = [["Authorization", code(jsBearer(request.token))]];
  for (const header of request.headers) headers.push([header.name, header.value]);

  let bodyExpression: string;
  if (body.kind === "file") {
    bodyExpression = `await ${imports.named("node:fs/promises", "readFile")}(${jsString(body.fileName)})`;
  } else if (body.kind === "json-with-file") {
    const readFile = imports.named("node:fs/promises", "readFile");
    const value = { ...body.value, [body.field]: code(`(await ${readFile}(${jsString(body.fileName)})).toString("base64")`) };
    bodyExpression = `JSON.stringify(${jsLiteral(value, "  ")})`;
  } else {
    bodyExpression = `JSON.stringify(${jsLiteral(body.value, "  ")})`;
  }
  const requestCode = `const response = await fetch(${jsString(request.url)}, ${jsObject([
    ["method", request.method],
    ["headers", code(jsObject(headers, "  "))],
    ["body", code(bodyExpression)],
  ])});\nif (!response.ok) {\n  throw new Error(\`Request failed: \${response.status} \${await response.text()}\`);\n}`;

  let output: string;
  if (response.kind === "events") {
    const print = request.chat ? `process.stdout.write(event.choices?.[0]?.delta?.content ?? "");` : "console.log(event);";
    output = `for await (const data of readEvents(response.body)) {\n  if (data === "[DONE]") break;\n  const event = JSON.parse(data);\n  ${print}\n}`;
  } else if (response.kind === "bytes") {
    const writeFile = imports.named("node:fs/promises", "writeFile");
    output = `await ${writeFile}(${jsString(response.fileName)}, Buffer.from(await response.arrayBuffer()));`;
  } else {
    output = "const result = await response.json();\nconsole.log(result);";
  }
  const parts = [imports.render(), response.kind === "events" ? EVENT_READER : "", requestCode, output].filter(Boolean);
  return parts.join("\n\n") + "\n";
}

export const jsFetch: SnippetClient = {
  id: "js/fetch",
  language: "js",
  client: "fetch",
  source: toolSourcePath(import.meta.url),
  reference: { label: "the Fetch API on MDN", url: "https://developer.mozilla.org/en-US/docs/Web/API/Fetch_API" },
  unsupported: () => undefined,
  render,
};
