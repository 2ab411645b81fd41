/**
 * js/huggingface.js: `InferenceClient` from @huggingface/inference. Offered where the SDK sends
 * the documented request: conversational tasks (the chat route, model named "<id>:<provider>"),
 * and providers the SDK reaches on the task route with the task payload.
 */
import { code } from "../../../literals/code.ts";
import type { LiteralValue } from "../../../literals/code.ts";
import { jsObject, jsString } from "../../../languages/js/literals.ts";
import type { SnippetRequest } from "../../../request.ts";
import { JsImports } from "../../../languages/js/imports.ts";
import { jsChatOutput } from "../openai/client.ts";
import { formFieldChangedByFormData } from "../fetch/client.ts";
import { jsToken } from "../../../languages/js/token.ts";
import { TASK_METHODS } from "./tasks.ts";
import { type ClientDefinition, Refusal } from "../../types.ts";

/** The method to call and where it sends the request, decided once. */
interface Plan {
  request: SnippetRequest;
  method: string;
  /** A custom endpoint, which replaces provider routing (the SDK refuses both at once). */
  endpoint?: string;
  /** Task methods name the provider and model; chat names them in the payload's `model`. */
  routing?: { provider?: string; model: string };
}

function plan(request: SnippetRequest): Plan | Refusal {
  const sdk = TASK_METHODS[request.taskId];
  // A task missing from the table is most likely a table not yet brought up to date: said as a warning.
  if (!sdk)
    return new Refusal(`huggingface.js has no method for ${request.taskId} in its table (tasks.ts): add it`, true);
  if (request.direct) return new Refusal("huggingface.js routes through the router, not to the provider's own API");
  const method = request.stream ? sdk.streamMethod : sdk.method;
  if (method === undefined) return new Refusal("huggingface.js has no streaming method for this task");
  if (!request.chat && !request.providerRouting)
    return new Refusal(`the pinned huggingface.js does not serve ${request.providerId} for this task`);
  // The SDK sends a multipart body as a FormData too.
  const changed = formFieldChangedByFormData(request);
  if (changed) return changed;
  const endpoint = request.customBaseUrl ? (request.chat ? request.chatBaseUrl : request.taskRouteUrl) : undefined;
  const plan: Plan = { request, method, ...(endpoint === undefined ? {} : { endpoint }) };
  if (request.chat) return plan;
  return { ...plan, routing: { ...(endpoint ? {} : { provider: request.providerId }), model: request.model } };
}

function render(plan: Plan): string {
  const { request, method, endpoint, routing } = plan;
  const imports = new JsImports();
  const InferenceClient = imports.named("@huggingface/inference", "InferenceClient");
  const { body, response } = request;

  const clientOptions = endpoint ? `, ${jsObject([["endpointUrl", endpoint]])}` : "";
  const client = `const client = new ${InferenceClient}(${jsToken(request.token)}${clientOptions});`;

  const args: [string, LiteralValue][] = [];
  if (routing?.provider) args.push(["provider", routing.provider]);
  if (routing) args.push(["model", routing.model]);
  for (const [name, value] of Object.entries(request.payload)) {
    // Streaming is chosen by the method, not by a field.
    if (name === "stream") continue;
    if (body.kind !== "json" && name === request.fileField) {
      const readFile = imports.named("node:fs/promises", "readFile");
      args.push([
        name,
        code(`new Blob([await ${readFile}(${jsString(body.fileName)})], { type: ${jsString(body.contentType)} })`),
      ]);
    } else {
      args.push([name, value]);
    }
  }
  const options = request.billTo ? `, ${jsObject([["billTo", request.billTo]])}` : "";
  const call = `client.${method}(${jsObject(args)}${options})`;

  let output: string;
  if (!routing) {
    output = jsChatOutput(request, request.stream ? call : `await ${call}`);
  } else if (request.stream) {
    output = `for await (const output of ${call}) {\n  console.log(output);\n}`;
  } else if ("media" in response) {
    // The SDK fetches the file itself, whether the provider returns bytes, base64 or a URL.
    const writeFile = imports.named("node:fs/promises", "writeFile");
    const result = `const ${response.media} = await ${call};`;
    output = `${request.job && !endpoint ? keptAlive(result) : result}\n\nawait ${writeFile}(${jsString(response.fileName)}, Buffer.from(await ${response.media}.arrayBuffer()));`;
  } else {
    output = `const output = await ${call};\n\nconsole.log(output);`;
  }
  return `${imports.render()}\n\n${client}\n\n${output}\n`;
}

/**
 * The SDK waits between a job's status checks on a timer that does not hold Node's event loop
 * open, so a script with nothing else to do would end before the job is done (exit code 13,
 * "unsettled top-level await"): an interval holds it open until the call returns.
 */
function keptAlive(statement: string): string {
  return [
    "// Keeps Node running while the SDK polls the job (its wait between status checks does not).",
    "const keepAlive = setInterval(() => {}, 1000);",
    statement,
    "clearInterval(keepAlive);",
  ].join("\n");
}

export const client: ClientDefinition<Plan> = {
  order: 50,
  reference: {
    label: "the huggingface.js InferenceClient reference",
    url: "https://huggingface.co/docs/huggingface.js/inference/README",
  },
  // With a base URL the SDK turns provider routing off: the snippet is run as printed.
  runsWithProviderRouting: () => true,
  plan,
  render,
};
