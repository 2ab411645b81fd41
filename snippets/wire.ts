/**
 * The request as it goes on the wire once the example file is read: what every client sends
 * for a request model. Used by the tests that compare the model with other implementations.
 */
import type { JsonObject, JsonValue } from "../scripts/lib/json-source.ts";
import { withValueAt } from "../scripts/lib/with-value-at.ts";
import type { FileSlot } from "./contract-body.ts";
import type { SnippetRequest } from "./request.ts";

export interface WireRequest {
  method: string;
  url: string;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: { kind: "json"; value: JsonValue } | { kind: "bytes"; bytes: Uint8Array } | { kind: "form"; parts: FormPart[] };
}

/** One part of a multipart/form-data body, as a server reads it (the boundary is not part of the meaning). */
export type FormPart =
  { name: string; value: string } | { name: string; fileName: string; contentType: string; bytes: Uint8Array };

function encodeFile(slot: FileSlot, bytes: Uint8Array, contentType: string): string {
  const base64 = Buffer.from(bytes).toString("base64");
  return slot.encoding === "data-url" ? `data:${contentType};base64,${base64}` : base64;
}

/** The Authorization value; a token read from the environment shows as `$NAME`. */
function bearerValue(request: SnippetRequest): string {
  const { token } = request;
  return `Bearer ${token.kind === "inline" ? token.value : `$${token.variable}`}`;
}

export function wireRequest(request: SnippetRequest, fileBytes: Uint8Array = new Uint8Array()): WireRequest {
  const headers: Record<string, string> = { authorization: bearerValue(request) };
  for (const header of request.headers) headers[header.name.toLowerCase()] = header.value;
  const { body } = request;
  let wireBody: WireRequest["body"];
  if (body.kind === "file") wireBody = { kind: "bytes", bytes: fileBytes };
  else if (body.kind === "json") wireBody = { kind: "json", value: body.value };
  else if (body.kind === "multipart") {
    // Every client sends this media type with its own boundary.
    headers["content-type"] = "multipart/form-data";
    const file: FormPart = {
      name: body.fileField,
      fileName: body.fileName,
      contentType: body.contentType,
      bytes: fileBytes,
    };
    wireBody = { kind: "form", parts: [file, ...body.fields] };
  } else {
    let value: JsonValue = body.value;
    for (const slot of body.slots)
      value = withValueAt<JsonValue>(value, slot.pointer, encodeFile(slot, fileBytes, body.contentType));
    wireBody = { kind: "json", value: value as JsonObject };
  }
  return { method: request.method, url: request.url, headers, body: wireBody };
}
