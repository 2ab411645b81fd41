/**
 * python/httpx. The same flow as python/requests with httpx's calls: raw bodies go through
 * `content=`, streams through `httpx.stream(...)` and `iter_bytes()`, and the request under test
 * gets a generous timeout (httpx gives up after 5 seconds by default, shorter than many model
 * runs). Downloads follow redirects, which httpx does not do unless asked.
 */
import { renderPythonHttp, type PythonHttpDialect } from "../requests/client.ts";
import type { SnippetRequest } from "../../../request.ts";
import type { ClientDefinition } from "../../types.ts";

const HTTPX: PythonHttpDialect = {
  module: "httpx",
  rawBody: "content",
  sendOptions: ", timeout=300",
  downloadOptions: ", follow_redirects=True",
  streamCall: (module, args) => `${module}.stream("POST", ${args})`,
  chunks: "response.iter_bytes()",
};

export const client: ClientDefinition<SnippetRequest> = {
  order: 35,
  reference: { label: "the HTTPX documentation", url: "https://www.python-httpx.org/" },
  // Debian's python3-httpx is importable only from the system interpreter.
  interpreter: "/usr/bin/python3",
  plan: (request) => request,
  render: (request) => renderPythonHttp(request, HTTPX),
};
