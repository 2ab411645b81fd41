/**
 * What the two Python chat SDK clients (openai and huggingface_hub) share: keyword arguments
 * split into the ones the method declares and an `extra_body` for the rest, and the printing of
 * a completion or a stream.
 */
import type { JsonObject, JsonValue } from "../../../scripts/lib/json-source.ts";
import { isPythonIdentifier, pythonKeywordArguments } from "../../languages/python/literals.ts";
import type { SnippetRequest } from "../../request.ts";

/** Splits a chat payload into declared keyword arguments and the rest (sent with extra_body). */
export function chatArguments(payload: JsonObject, declared: ReadonlySet<string>): [string, JsonValue][] {
  const args: [string, JsonValue][] = [];
  const extra: JsonObject = {};
  for (const [name, value] of Object.entries(payload)) {
    if (declared.has(name) && isPythonIdentifier(name)) args.push([name, value]);
    else extra[name] = value;
  }
  if (Object.keys(extra).length > 0) args.push(["extra_body", extra]);
  return args;
}

export function chatCall(client: string, request: SnippetRequest, declared: ReadonlySet<string>): string {
  const args = pythonKeywordArguments(chatArguments(request.payload, declared), "    ");
  if (request.stream) {
    return `stream = ${client}.chat.completions.create(\n${args}\n)\n\nfor chunk in stream:\n    if chunk.choices:\n        print(chunk.choices[0].delta.content or "", end="", flush=True)`;
  }
  return `completion = ${client}.chat.completions.create(\n${args}\n)\n\nprint(completion.choices[0].message)`;
}
