/**
 * python/huggingface_hub: `InferenceClient`. Chat tasks use `client.chat.completions.create`;
 * other tasks call the task method with `inputs` as its first argument (or spread into keyword
 * arguments) and each parameter as a keyword argument. Offered only where the SDK sends the
 * documented request: conversational tasks, and providers the SDK reaches on the task route.
 */
import type { JsonValue } from "../../../../scripts/lib/json-source.ts";
import { isJsonObject } from "../../../../scripts/lib/json-source.ts";
import {
  isPythonIdentifier,
  pythonKeywordArguments,
  pythonLiteral,
  pythonString,
} from "../../../languages/python/literals.ts";
import type { SnippetRequest } from "../../../request.ts";
import signatures from "./methods.json" with { type: "json" };
import { PythonImports } from "../../../languages/python/imports.ts";
import { chatCall } from "../chat.ts";
import { pythonToken } from "../../../languages/python/token.ts";
import { fileURLToPath } from "node:url";
import { TASK_METHODS, type TaskMethod } from "./tasks.ts";
import { type ClientDefinition, Refusal } from "../../types.ts";

const METHODS: Record<string, readonly string[] | undefined> = signatures.methods;
const CHAT_ARGUMENTS = new Set(signatures.chat_completion);
const PROVIDER_ROUTING_ONLY = new Set(signatures.providerRoutingOnly.methods);
const NOT_SERVED: Record<string, readonly string[] | undefined> = signatures.notServed.providers;
const OWN_ROUTES: Record<string, Record<string, string> | undefined> = signatures.ownRoutes.providers;

/** A chat completion, or a task method called with a positional value and keyword arguments. */
type Plan =
  | { kind: "chat"; request: SnippetRequest }
  | { kind: "task"; request: SnippetRequest; method: string; positional?: JsonValue; keywords: [string, JsonValue][] };

/** The task method call's arguments, or why the method cannot send this payload. */
function taskPlan(request: SnippetRequest, sdk: TaskMethod): Plan | Refusal {
  const signature = METHODS[sdk.method];
  if (!signature) return new Refusal(`the signature of InferenceClient.${sdk.method} is not known`, true);
  const keywords: [string, JsonValue][] = [];
  let positional: JsonValue | undefined;
  for (const [name, value] of Object.entries(request.payload)) {
    // The file field holds the file name, which the SDK reads itself.
    if (name === "inputs" || name === request.fileField) {
      if (sdk.inputsSpread && isJsonObject(value)) keywords.push(...Object.entries(value));
      else positional = value;
    } else if (name === "parameters" && isJsonObject(value)) {
      keywords.push(...Object.entries(value));
    } else if (name === "stream" && value === true) {
      keywords.push(["stream", true]);
    } else {
      return new Refusal(`huggingface_hub cannot send the top-level field "${name}"`, true);
    }
  }
  for (const [name] of keywords) {
    if (!isPythonIdentifier(name) || !signature.includes(name))
      return new Refusal(`InferenceClient.${sdk.method} has no argument "${name}"`, true);
  }
  const plan: Plan = { kind: "task", request, method: sdk.method, keywords };
  return positional === undefined ? plan : { ...plan, positional };
}

function plan(request: SnippetRequest): Plan | Refusal {
  if (request.direct) return new Refusal("huggingface_hub routes through the router, not to the provider's own API");
  const sdk = TASK_METHODS[request.taskId];
  // A task missing from the table is most likely a table not yet brought up to date: said as a warning.
  if (!sdk)
    return new Refusal(`huggingface_hub has no method for ${request.taskId} in its table (tasks.ts): add it`, true);
  if (request.chat) return { kind: "chat", request };
  if (!request.providerRouting)
    return new Refusal(`huggingface_hub is not documented here for ${request.providerId} on this task`);
  if (PROVIDER_ROUTING_ONLY.has(sdk.method) && request.customBaseUrl)
    return new Refusal(`huggingface_hub sends ${sdk.method} only through provider routing, which a base URL turns off`);
  if (NOT_SERVED[request.providerId]?.includes(request.taskId))
    return new Refusal(`huggingface_hub has no ${request.taskId} helper for ${request.providerId}`);
  const ownRoute = OWN_ROUTES[request.providerId]?.[request.taskId];
  if (ownRoute) return new Refusal(`huggingface_hub ${ownRoute}`);
  return taskPlan(request, sdk);
}

function resultHandling(request: SnippetRequest, variable: string): string {
  const { response } = request;
  if (response.kind === "events") return `for token in ${variable}:\n    print(token, end="", flush=True)`;
  // The SDK fetches the file itself, whether the provider returns bytes, base64 or a URL.
  if ("media" in response && response.media === "image")
    return `# The SDK returns a PIL.Image.\n${variable}.save(${pythonString(response.fileName)})`;
  if ("media" in response) return `with open(${pythonString(response.fileName)}, "wb") as f:\n    f.write(${variable})`;
  return `print(${variable})`;
}

function render(plan: Plan): string {
  const { request } = plan;
  const imports = new PythonImports();
  const InferenceClient = imports.from("huggingface_hub", "InferenceClient");
  const constructorArgs: string[] = [];
  if (request.customBaseUrl)
    constructorArgs.push(
      `    base_url=${pythonString(plan.kind === "chat" ? (request.chatBaseUrl ?? "") : request.taskRouteUrl)},`,
    );
  else if (plan.kind === "task") constructorArgs.push(`    provider=${pythonString(request.providerId)},`);
  constructorArgs.push(`    api_key=${pythonToken(request.token, imports)},`);
  if (request.billTo) constructorArgs.push(`    bill_to=${pythonString(request.billTo)},`);
  const client = `client = ${InferenceClient}(\n${constructorArgs.join("\n")}\n)`;

  let call: string;
  if (plan.kind === "chat") {
    call = chatCall("client", request, CHAT_ARGUMENTS);
  } else {
    // With a custom base URL the client already targets the model's URL.
    const keywords: [string, JsonValue][] = request.customBaseUrl
      ? plan.keywords
      : [["model", request.model], ...plan.keywords];
    const positional = plan.positional === undefined ? [] : [`    ${pythonLiteral(plan.positional, "    ")},`];
    const variable = "media" in request.response ? request.response.media : request.stream ? "stream" : "result";
    call = `${variable} = client.${plan.method}(\n${[...positional, pythonKeywordArguments(keywords, "    ")].filter(Boolean).join("\n")}\n)\n\n${resultHandling(request, variable)}`;
  }
  return `${imports.render()}\n\n${client}\n\n${call}\n`;
}

export const client: ClientDefinition<Plan> = {
  order: 20,
  // The SDK cannot be installed here: conformance runs its snippets against a module written from its source.
  standInDir: fileURLToPath(new URL("./standin/", import.meta.url)),
  reference: {
    label: "the huggingface_hub InferenceClient reference",
    url: "https://huggingface.co/docs/huggingface_hub/package_reference/inference_client",
  },
  sendsTaskRequest: true,
  // The stand-in carries out provider routing with the router's origin redirected.
  runsWithProviderRouting: (request) =>
    !request.chat && !request.customBaseUrl && PROVIDER_ROUTING_ONLY.has(TASK_METHODS[request.taskId]?.method ?? ""),
  plan,
  render,
};
