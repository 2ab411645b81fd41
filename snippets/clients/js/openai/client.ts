/**
 * js/openai: the OpenAI JavaScript SDK pointed at the router's (or the provider's own)
 * OpenAI-compatible base URL. Only for conversational tasks.
 */
import { jsLiteral, jsObject, jsString } from "../../../languages/js/literals.ts";
import { code } from "../../../literals/code.ts";
import type { SnippetRequest } from "../../../request.ts";
import { JsImports } from "../../../languages/js/imports.ts";
import { jsToken } from "../../../languages/js/token.ts";
import { type ClientDefinition, Refusal } from "../../types.ts";

/** Printing a chat completion, or each streamed chunk's text, shared by the JS chat clients. */
export function jsChatOutput(request: SnippetRequest, call: string): string {
  if (request.stream) {
    return `const stream = ${call};\n\nfor await (const chunk of stream) {\n  process.stdout.write(chunk.choices[0]?.delta?.content ?? "");\n}`;
  }
  return `const chatCompletion = ${call};\n\nconsole.log(chatCompletion.choices[0].message);`;
}

function render(request: SnippetRequest): string {
  const imports = new JsImports();
  const OpenAI = imports.named("openai", "OpenAI");
  const options: [string, ReturnType<typeof code> | string][] = [
    ["baseURL", request.chatBaseUrl ?? ""],
    ["apiKey", code(jsToken(request.token))],
  ];
  if (request.billTo) options.push(["defaultHeaders", code(`{ "X-HF-Bill-To": ${jsString(request.billTo)} }`)]);
  const client = `const client = new ${OpenAI}(${jsObject(options)});`;
  const output = jsChatOutput(request, `await client.chat.completions.create(${jsLiteral(request.payload)})`);
  return `${imports.render()}\n\n${client}\n\n${output}\n`;
}

export const client: ClientDefinition<SnippetRequest> = {
  order: 60,
  reference: { label: "the OpenAI JavaScript SDK", url: "https://github.com/openai/openai-node" },
  plan: (request) => (request.chat ? request : new Refusal("the OpenAI SDK only serves the chat completion route")),
  render,
};
