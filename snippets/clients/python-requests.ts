/**
 * python/requests. JSON bodies go through `json=` (requests serialises them); files are read in
 * binary mode; server-sent events are parsed by a small reader that handles every line ending,
 * multi-line data and UTF-8 split across chunks.
 */
import { code } from "../literals/code.ts";
import type { LiteralValue } from "../literals/code.ts";
import { pythonLiteral, pythonString } from "../literals/python.ts";
import type { SnippetRequest } from "../request.ts";
import { PythonImports } from "./imports.ts";
import { pythonBearer } from "./tokens.ts";
import { toolSourcePath } from "../source-file.ts";
import type { SnippetClient } from "./types.ts";

function eventReader(imports: PythonImports): string {
  const codecs = imports.module("codecs");
  const re = imports.module("re");
  return `def read_events(response):
    """Yields the data of each server-sent event in the response."""
    decoder = ${codecs}.getincrementaldecoder("utf-8")()
    buffer = ""
    data = []
    for chunk in response.iter_content(chunk_size=None):
        buffer += decoder.decode(chunk)
        # A lone "\\r" at the end may be the first half of "\\r\\n": keep it until more arrives.
        *lines, buffer = ${re}.split(r"\\r\\n|\\n|\\r(?=.)", buffer, flags=${re}.DOTALL)
        for line in lines:
            if line == "":
                if data:
                    yield "\\n".join(data)
                data = []
            elif line.startswith("data:"):
                data.append(line[6:] if line.startswith("data: ") else line[5:])
    if data:
        yield "\\n".join(data)`;
}

function render(request: SnippetRequest): string {
  const imports = new PythonImports();
  const requests = imports.module("requests");
  const { body, response } = request;
  const headerEntries: [string, string][] = [["Authorization", pythonBearer(request.token, imports)]];
  for (const header of request.headers) {
    // requests sets Content-Type itself for json=; state it only for raw file bodies.
    if (header.name === "Content-Type" && body.kind !== "file") continue;
    headerEntries.push([header.name, pythonString(header.value)]);
  }
  const lines: string[] = [];
  lines.push(`API_URL = ${pythonString(request.url)}`);
  lines.push(`headers = {\n${headerEntries.map(([name, value]) => `    ${pythonString(name)}: ${value},`).join("\n")}\n}`);

  let sendArgument: string;
  if (body.kind === "file") {
    lines.push(`with open(${pythonString(body.fileName)}, "rb") as f:\n    data = f.read()`);
    sendArgument = "data=data";
  } else {
    let value: LiteralValue = body.value;
    if (body.kind === "json-with-file") {
      const base64 = imports.module("base64");
      lines.push(`with open(${pythonString(body.fileName)}, "rb") as f:\n    file_base64 = ${base64}.b64encode(f.read()).decode("ascii")`);
      value = { ...body.value, [body.field]: code("file_base64") };
    }
    lines.push(`payload = ${pythonLiteral(value)}`);
    sendArgument = "json=payload";
  }

  const streamArgument = response.kind === "events" ? ", stream=True" : "";
  const call = `${requests}.post(API_URL, headers=headers, ${sendArgument}${streamArgument})`;
  if (response.kind === "events") {
    const json = imports.module("json");
    const printEvent = request.chat
      ? `    for choice in event.get("choices", []):\n        print(choice["delta"].get("content") or "", end="", flush=True)`
      : "    print(event)";
    const program = [
      eventReader(imports),
      lines.join("\n\n"),
      `with ${call} as response:\n    response.raise_for_status()\n    for data in read_events(response):\n        if data == "[DONE]":\n            break\n        event = ${json}.loads(data)\n    ${printEvent.replace(/\n/g, "\n    ")}`,
    ];
    return `${imports.render()}\n\n\n${program.join("\n\n\n")}\n`;
  }
  lines.push(`response = ${call}\nresponse.raise_for_status()`);
  if (response.kind === "bytes") {
    lines.push(`with open(${pythonString(response.fileName)}, "wb") as f:\n    f.write(response.content)`);
  } else {
    lines.push("print(response.json())");
  }
  return `${imports.render()}\n\n${lines.join("\n\n")}\n`;
}

export const pythonRequests: SnippetClient = {
  id: "python/requests",
  language: "python",
  client: "requests",
  source: toolSourcePath(import.meta.url),
  reference: { label: "the requests documentation", url: "https://requests.readthedocs.io/en/latest/" },
  unsupported: () => undefined,
  render,
};
