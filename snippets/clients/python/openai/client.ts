/**
 * python/openai: the OpenAI Python SDK pointed at the router's (or the provider's own)
 * OpenAI-compatible base URL. Only for conversational tasks.
 */
import { pythonString } from "../../../languages/python/literals.ts";
import type { SnippetRequest } from "../../../request.ts";
import { PythonImports } from "../../../languages/python/imports.ts";
import { chatCall } from "../chat.ts";
import { pythonToken } from "../../../languages/python/token.ts";
import { fileURLToPath } from "node:url";
import { type ClientDefinition, Refusal } from "../../types.ts";

/** Keyword arguments of `OpenAI().chat.completions.create` that map to request body fields. */
export const OPENAI_CHAT_ARGUMENTS = new Set([
  "messages",
  "model",
  "audio",
  "frequency_penalty",
  "function_call",
  "functions",
  "logit_bias",
  "logprobs",
  "max_completion_tokens",
  "max_tokens",
  "metadata",
  "modalities",
  "n",
  "parallel_tool_calls",
  "prediction",
  "presence_penalty",
  "prompt_cache_key",
  "reasoning_effort",
  "response_format",
  "safety_identifier",
  "seed",
  "service_tier",
  "stop",
  "store",
  "stream",
  "stream_options",
  "temperature",
  "tool_choice",
  "tools",
  "top_logprobs",
  "top_p",
  "user",
  "verbosity",
  "web_search_options",
]);

function render(request: SnippetRequest): string {
  const imports = new PythonImports();
  const OpenAI = imports.from("openai", "OpenAI");
  const constructorArgs = [
    `    base_url=${pythonString(request.chatBaseUrl ?? "")},`,
    `    api_key=${pythonToken(request.token, imports)},`,
  ];
  if (request.billTo) constructorArgs.push(`    default_headers={"X-HF-Bill-To": ${pythonString(request.billTo)}},`);
  const client = `client = ${OpenAI}(\n${constructorArgs.join("\n")}\n)`;
  const call = chatCall("client", request, OPENAI_CHAT_ARGUMENTS);
  return `${imports.render()}\n\n${client}\n\n${call}\n`;
}

export const client: ClientDefinition<SnippetRequest> = {
  order: 40,
  // The SDK cannot be installed here: conformance runs its snippets against a module written from its source.
  standInDir: fileURLToPath(new URL("./standin/", import.meta.url)),
  reference: { label: "the OpenAI Python SDK", url: "https://github.com/openai/openai-python" },
  plan: (request) => (request.chat ? request : new Refusal("the OpenAI SDK only serves the chat completion route")),
  render,
};
