/**
 * python/requests. JSON bodies go through `json=` (requests serialises them); files are read in
 * binary mode; server-sent events are parsed by a small reader that handles every line ending,
 * multi-line data and UTF-8 split across chunks. Other Python HTTP libraries with the same shape
 * (httpx) render through `renderPythonHttp` with their own dialect.
 */
import { code } from "../../../literals/code.ts";
import type { LiteralValue } from "../../../literals/code.ts";
import { pythonLiteral, pythonString } from "../../../languages/python/literals.ts";
import type { JobHandling, SnippetRequest, UrlPart } from "../../../request.ts";
import { accessors, bodyWithFileCode } from "../../flow.ts";
import { PythonImports } from "../../../languages/python/imports.ts";
import { pythonBearer } from "../../../languages/python/token.ts";
import type { ClientDefinition } from "../../types.ts";

/** What differs between Python HTTP libraries whose calls otherwise look alike. */
export interface PythonHttpDialect {
  module: string;
  /** The keyword argument for a raw bytes body. */
  rawBody: string;
  /** Keyword arguments added to the request under test, each starting with ", ". */
  sendOptions: string;
  /** Keyword arguments added when downloading a result file, each starting with ", ". */
  downloadOptions: string;
  /** The call that streams the response, given the module and the call's arguments. */
  streamCall(module: string, args: string): string;
  /** Iterates over the response's bytes as they arrive. */
  chunks: string;
}

const REQUESTS: PythonHttpDialect = {
  module: "requests",
  rawBody: "data",
  sendOptions: "",
  downloadOptions: "",
  streamCall: (module, args) => `${module}.post(${args}, stream=True)`,
  chunks: "response.iter_content(chunk_size=None)",
};

function eventReader(imports: PythonImports, chunks: string): string {
  const codecs = imports.module("codecs");
  const re = imports.module("re");
  return `def read_events(response):
    """Yields the data of each server-sent event in the response."""
    decoder = ${codecs}.getincrementaldecoder("utf-8")()
    buffer = ""
    data = []
    for chunk in ${chunks}:
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

/** `variable["a"][0]`: the value at a JSON pointer. */
function pythonAccess(variable: string, pointer: readonly string[]): string {
  return (
    variable +
    accessors(pointer)
      .map((key) => `[${typeof key === "number" ? key : pythonString(key)}]`)
      .join("")
  );
}

function pythonUrl(parts: readonly UrlPart[], variable: string, imports: PythonImports): string {
  return parts
    .map((part) => {
      if (part.kind === "literal") return pythonString(part.text);
      if (part.kind === "value") return `str(${pythonAccess(variable, part.pointer)})`;
      return `${imports.from("urllib.parse", "urlparse")}(${pythonAccess(variable, part.pointer)}).path`;
    })
    .join(" + ");
}

/** Polls the job named by `response` until it is done; leaves the result's response in `response`. */
function pythonJob(job: JobHandling, requests: string, imports: PythonImports): string {
  const time = imports.module("time");
  const lines = [
    "job = response.json()",
    `status_url = ${pythonUrl(job.statusUrl, "job", imports)}`,
    `for attempt in range(${job.maxPolls}):`,
    `    response = ${requests}.get(status_url, headers=headers)`,
    "    response.raise_for_status()",
    `    state = ${pythonAccess("response.json()", job.statusPointer)}`,
    `    if state in (${job.done.map(pythonString).join(", ")},):`,
    "        break",
  ];
  if (job.failed.length > 0) {
    lines.push(
      `    if state in (${job.failed.map(pythonString).join(", ")},):`,
      '        raise RuntimeError(f"The job failed: {response.text}")',
    );
  }
  lines.push(
    `    ${time}.sleep(${job.pollSeconds})`,
    "else:",
    `    raise TimeoutError("The job did not finish after ${job.maxPolls} status checks")`,
  );
  if (job.resultUrl) {
    lines.push(
      `response = ${requests}.get(${pythonUrl(job.resultUrl, "job", imports)}, headers=headers)`,
      "response.raise_for_status()",
    );
  }
  return lines.join("\n");
}

function pythonOutput(
  request: SnippetRequest,
  requests: string,
  imports: PythonImports,
  downloadOptions: string,
): string {
  const { response } = request;
  if (response.kind === "bytes")
    return `with open(${pythonString(response.fileName)}, "wb") as f:\n    f.write(response.content)`;
  if (response.kind === "base64") {
    const base64 = imports.module("base64");
    return `with open(${pythonString(response.fileName)}, "wb") as f:\n    f.write(${base64}.b64decode(${pythonAccess("response.json()", response.pointer)}))`;
  }
  if (response.kind === "url") {
    return [
      `download = ${requests}.get(${pythonAccess("response.json()", response.pointer)}${downloadOptions})`,
      "download.raise_for_status()",
      `with open(${pythonString(response.fileName)}, "wb") as f:\n    f.write(download.content)`,
    ].join("\n");
  }
  return "print(response.json())";
}

export function renderPythonHttp(request: SnippetRequest, dialect: PythonHttpDialect): string {
  const imports = new PythonImports();
  const requests = imports.module(dialect.module);
  const { body, response } = request;
  const headerEntries: [string, string][] = [["Authorization", pythonBearer(request.token, imports)]];
  for (const header of request.headers) {
    // The library sets Content-Type itself for json=; state it only for raw file bodies.
    if (header.name === "Content-Type" && body.kind !== "file") continue;
    headerEntries.push([header.name, pythonString(header.value)]);
  }
  const lines: string[] = [];
  lines.push(`API_URL = ${pythonString(request.url)}`);
  lines.push(
    `headers = {\n${headerEntries.map(([name, value]) => `    ${pythonString(name)}: ${value},`).join("\n")}\n}`,
  );

  let sendArgument: string;
  if (body.kind === "multipart") {
    // The library writes the multipart body and its Content-Type (with the boundary) from files= and data=.
    lines.push(`with open(${pythonString(body.fileName)}, "rb") as f:\n    file_content = f.read()`);
    const file = `(${pythonString(body.fileName)}, file_content, ${pythonString(body.contentType)})`;
    lines.push(`files = {${pythonString(body.fileField)}: ${file}}`);
    const fields = body.fields.map((field) => `    ${pythonString(field.name)}: ${pythonString(field.value)},`);
    lines.push(`data = {\n${fields.join("\n")}\n}`);
    sendArgument = "files=files, data=data";
  } else if (body.kind === "file") {
    lines.push(`with open(${pythonString(body.fileName)}, "rb") as f:\n    data = f.read()`);
    sendArgument = `${dialect.rawBody}=data`;
  } else {
    let value: LiteralValue = body.value;
    if (body.kind === "json-with-file") {
      const base64 = imports.module("base64");
      lines.push(
        `with open(${pythonString(body.fileName)}, "rb") as f:\n    file_base64 = ${base64}.b64encode(f.read()).decode("ascii")`,
      );
      const dataUrl = `f"data:${body.contentType};base64,{file_base64}"`;
      value = bodyWithFileCode(body.value, body.slots, (slot) =>
        code(slot.encoding === "data-url" ? dataUrl : "file_base64"),
      );
    }
    lines.push(`payload = ${pythonLiteral(value)}`);
    sendArgument = "json=payload";
  }

  const args = `API_URL, headers=headers, ${sendArgument}${dialect.sendOptions}`;
  if (response.kind === "events") {
    const call = dialect.streamCall(requests, args);
    const json = imports.module("json");
    const printEvent = request.chat
      ? `    for choice in event.get("choices", []):\n        print(choice["delta"].get("content") or "", end="", flush=True)`
      : "    print(event)";
    const program = [
      eventReader(imports, dialect.chunks),
      lines.join("\n\n"),
      `with ${call} as response:\n    response.raise_for_status()\n    for data in read_events(response):\n        if data == "[DONE]":\n            break\n        event = ${json}.loads(data)\n    ${printEvent.replace(/\n/g, "\n    ")}`,
    ];
    return `${imports.render()}\n\n\n${program.join("\n\n\n")}\n`;
  }
  lines.push(`response = ${requests}.post(${args})\nresponse.raise_for_status()`);
  if (request.job) lines.push(pythonJob(request.job, requests, imports));
  lines.push(pythonOutput(request, requests, imports, dialect.downloadOptions));
  return `${imports.render()}\n\n${lines.join("\n\n")}\n`;
}

export const client: ClientDefinition<SnippetRequest> = {
  order: 30,
  fuzzWeight: 2,
  reference: { label: "the requests documentation", url: "https://requests.readthedocs.io/en/latest/" },
  plan: (request) => request,
  render: (request) => renderPythonHttp(request, REQUESTS),
};
