/**
 * npm run snippet -- <task> [--provider P] [--client language/client] [--model M] [--example JSON]
 *   [--stream] [--access-token T] [--bill-to ORG] [--base-url URL] [--direct] [--format text|json]
 * Prints the snippets of one task (all live providers, or the one named), every client or one.
 */
import { parseArgs } from "node:util";
import { CLIENTS, CLIENT_IDS } from "../../snippets/clients/index.ts";
import { snippetsFor, type Snippet } from "../../snippets/engine.ts";
import { SnippetOptionError, exampleRequest, type SnippetOptions } from "../../snippets/request.ts";
import { loadConfig } from "../config/config.ts";
import { InputError } from "../lib/diagnostics.ts";
import { isJsonObject, type JsonValue } from "../lib/json-source.ts";
import { loadSpecs } from "../load/load-specs.ts";
import { findProvider, findTask, mappingsForTask } from "../model/types.ts";
import { EXIT, UsageError, runCli } from "./run.ts";

const USAGE = `usage: npm run snippet -- <task> [options]
  --provider <id>          one provider (default: every provider serving the task live)
  --client <lang/client>   one client: ${CLIENT_IDS.join(", ")}
  --model <id>             Hugging Face model id instead of the provider's mapped one
  --example <json>         JSON object whose fields replace the example request's fields
  --stream                 streamed response (server-sent events), for tasks that stream
  --access-token <token>   write this token into the snippet instead of reading HF_TOKEN
  --bill-to <org>          bill the requests to an organization (X-HF-Bill-To header)
  --base-url <url>         replace the API origin (self-hosted gateway, tests)
  --direct                 call the provider's own API (chat tasks, where the feed allows it)
  --format text|json       output format (default text)
  --config <file>          configuration file (default snippet-docs.config.json)`;

function parse() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        provider: { type: "string" },
        client: { type: "string" },
        model: { type: "string" },
        example: { type: "string" },
        stream: { type: "boolean" },
        "access-token": { type: "string" },
        "bill-to": { type: "string" },
        "base-url": { type: "string" },
        direct: { type: "boolean" },
        format: { type: "string", default: "text" },
        config: { type: "string" },
        help: { type: "boolean" },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

function parseExample(text: string): Record<string, JsonValue> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--example is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!isJsonObject(value)) throw new UsageError("--example must be a JSON object whose fields replace the example request's fields");
  return value;
}

function parseBaseUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`--base-url "${text}" is not a URL: give an origin such as http://127.0.0.1:8080`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new UsageError(`--base-url must be http or https, not ${url.protocol}`);
  if (url.search || url.hash) throw new UsageError("--base-url cannot have a query or a fragment");
  return url.href.replace(/\/+$/, "");
}

function printText(snippets: readonly Snippet[]): string {
  return snippets
    .map((snippet) => `# ${snippet.task} · ${snippet.provider} (${snippet.model}) · ${snippet.language}/${snippet.client}${snippet.stream ? " · streaming" : ""}\n${snippet.content}`)
    .join("\n");
}

runCli(async () => {
  const { values, positionals } = parse();
  if (values.help) {
    process.stdout.write(USAGE + "\n");
    return EXIT.ok;
  }
  if (positionals.length !== 1) throw new UsageError("give exactly one task id");
  if (values.format !== "text" && values.format !== "json") throw new UsageError(`--format must be text or json, not "${values.format}"`);
  const config = loadConfig(process.cwd(), values.config);
  const loaded = loadSpecs({ specsDir: config.specsDir, schemas: config.schemas });
  if (!loaded.ok) throw new InputError(loaded.diagnostics);
  const specs = loaded.specs;

  const taskId = positionals[0] as string;
  const task = findTask(specs, taskId);
  if (!task) throw new UsageError(`unknown task "${taskId}": choose one of ${specs.tasks.map((candidate) => candidate.id).join(", ")}`);
  const clients = values.client ? CLIENTS.filter((client) => client.id === values.client) : CLIENTS;
  if (clients.length === 0) throw new UsageError(`unknown client "${values.client}": choose one of ${CLIENT_IDS.join(", ")}`);

  let mappings = mappingsForTask(specs, task.id);
  if (values.provider) {
    if (!findProvider(specs, values.provider)) throw new UsageError(`unknown provider "${values.provider}": choose one of ${specs.providers.map((provider) => provider.id).join(", ")}`);
    mappings = mappings.filter((mapping) => mapping.provider === values.provider);
    if (mappings.length === 0) throw new UsageError(`provider "${values.provider}" does not serve "${task.id}"; providers that do: ${mappingsForTask(specs, task.id).map((mapping) => mapping.provider).join(", ") || "none"}`);
  } else {
    mappings = mappings.filter((mapping) => mapping.status === "live");
    if (mappings.length === 0) throw new UsageError(`no provider serves "${task.id}" live; name one with --provider to see a staging mapping`);
  }

  const options: SnippetOptions = {};
  if (values.example !== undefined) options.example = parseExample(values.example);
  if (values.model) options.model = values.model;
  if (values.stream) options.stream = true;
  if (values["access-token"]) options.accessToken = values["access-token"];
  if (values["bill-to"]) options.billTo = values["bill-to"];
  if (values["base-url"]) options.baseUrl = parseBaseUrl(values["base-url"]);
  if (values.direct) options.direct = true;

  const errors = specs.validator.validate(task.schemas.input, exampleRequest(task, options));
  if (errors.length > 0) {
    throw new UsageError(
      `the example request does not match ${task.files.input}:\n${errors.map((error) => `  ${error.instancePointer || "/"}: ${error.message}`).join("\n")}`,
    );
  }

  const snippets: Snippet[] = [];
  const notes: string[] = [];
  for (const mapping of mappings) {
    let batch;
    try {
      batch = await snippetsFor(specs, task, mapping, clients, options);
    } catch (error) {
      if (error instanceof SnippetOptionError) throw new UsageError(error.message);
      throw error;
    }
    if (batch.problems.length > 0) throw new InputError(batch.problems);
    snippets.push(...batch.snippets);
    if (values.client || values.provider) notes.push(...batch.skipped.map((skip) => `no ${skip.clientId} snippet for ${mapping.provider}: ${skip.reason}`));
  }
  for (const note of notes) process.stderr.write(note + "\n");
  if (values.format === "json") {
    const rows = snippets.map(({ task: id, provider, model, language, client, content }) => ({ task: id, provider, model, language, client, content }));
    process.stdout.write(JSON.stringify(rows, null, 2) + "\n");
  } else {
    process.stdout.write(printText(snippets));
  }
  return EXIT.ok;
}, USAGE);
