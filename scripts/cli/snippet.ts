/**
 * snippet-docs snippet <task> [--provider P] [--client language/client] [--model M] [--example JSON]
 *   [--stream] [--access-token T] [--bill-to ORG] [--base-url URL] [--direct] [--format text|json]
 * Prints the snippets of one task (all live providers, or the one named), every client or one.
 */
import type { Command, OptionValues } from "commander";
import { CLIENTS, CLIENT_IDS } from "../../snippets/clients/index.ts";
import { snippetsFor, type Snippet } from "../../snippets/engine.ts";
import { SnippetOptionError, exampleRequest, type SnippetOptions } from "../../snippets/request.ts";
import { loadConfig } from "../config/config.ts";
import { InputError } from "../lib/diagnostics.ts";
import { isJsonObject, type JsonValue } from "../lib/json-source.ts";
import { findProvider, findTask, mappingsForTask } from "../model/types.ts";
import type { CommandContext, CommandDefinition } from "./command.ts";
import { commandMain } from "./program.ts";
import { EXIT, UsageError } from "./run.ts";

function parseExample(text: string): Record<string, JsonValue> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--example is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!isJsonObject(value))
    throw new UsageError("--example must be a JSON object whose fields replace the example request's fields");
  return value;
}

function parseBaseUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`--base-url "${text}" is not a URL: give an origin such as http://127.0.0.1:8080`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new UsageError(`--base-url must be http or https, not ${url.protocol}`);
  if (url.search || url.hash) throw new UsageError("--base-url cannot have a query or a fragment");
  return url.href.replace(/\/+$/, "");
}

function printText(snippets: readonly Snippet[]): string {
  return snippets
    .map(
      (snippet) =>
        `# ${snippet.task} · ${snippet.provider} (${snippet.model}) · ${snippet.language}/${snippet.client}${snippet.stream ? " · streaming" : ""}\n${snippet.content}`,
    )
    .join("\n");
}

interface SnippetFlags {
  provider?: string;
  client?: string;
  model?: string;
  example?: string;
  stream?: boolean;
  accessToken?: string;
  billTo?: string;
  baseUrl?: string;
  direct?: boolean;
  format: string;
}

async function run(context: CommandContext, values: SnippetFlags, taskId: string): Promise<number> {
  if (values.format !== "text" && values.format !== "json")
    throw new UsageError(`--format must be text or json, not "${values.format}"`);
  const config = loadConfig(context.cwd, context.configFile);
  // Loaded on use: the CLI registers every command, and the loader brings the markdown parser along.
  const { loadSpecs } = await import("../load/load-specs.ts");
  const loaded = loadSpecs({ specsDir: config.specsDir, schemas: config.schemas });
  if (!loaded.ok) throw new InputError(loaded.diagnostics);
  const specs = loaded.specs;

  const task = findTask(specs, taskId);
  if (!task)
    throw new UsageError(
      `unknown task "${taskId}": choose one of ${specs.tasks.map((candidate) => candidate.id).join(", ")}`,
    );
  const clients = values.client ? CLIENTS.filter((client) => client.id === values.client) : CLIENTS;
  if (clients.length === 0)
    throw new UsageError(`unknown client "${values.client}": choose one of ${CLIENT_IDS.join(", ")}`);

  let mappings = mappingsForTask(specs, task.id);
  if (values.provider) {
    if (!findProvider(specs, values.provider))
      throw new UsageError(
        `unknown provider "${values.provider}": choose one of ${specs.providers.map((provider) => provider.id).join(", ")}`,
      );
    mappings = mappings.filter((mapping) => mapping.provider === values.provider);
    if (mappings.length === 0)
      throw new UsageError(
        `provider "${values.provider}" does not serve "${task.id}"; providers that do: ${
          mappingsForTask(specs, task.id)
            .map((mapping) => mapping.provider)
            .join(", ") || "none"
        }`,
      );
  } else {
    mappings = mappings.filter((mapping) => mapping.status === "live");
    if (mappings.length === 0)
      throw new UsageError(`no provider serves "${task.id}" live; name one with --provider to see a staging mapping`);
  }

  const options: SnippetOptions = {};
  if (values.example !== undefined) options.example = parseExample(values.example);
  if (values.model) options.model = values.model;
  if (values.stream) options.stream = true;
  if (values.accessToken) options.accessToken = values.accessToken;
  if (values.billTo) options.billTo = values.billTo;
  if (values.baseUrl) options.baseUrl = parseBaseUrl(values.baseUrl);
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
    if (values.client || values.provider)
      notes.push(...batch.skipped.map((skip) => `no ${skip.clientId} snippet for ${mapping.provider}: ${skip.reason}`));
  }
  for (const note of notes) context.io.stderr(note + "\n");
  if (values.format === "json") {
    const rows = snippets.map(({ task: id, provider, model, language, client, content }) => ({
      task: id,
      provider,
      model,
      language,
      client,
      content,
    }));
    context.io.stdout(JSON.stringify(rows, null, 2) + "\n");
  } else {
    context.io.stdout(printText(snippets));
  }
  return EXIT.ok;
}

export const snippetCommand: CommandDefinition = {
  name: "snippet",
  summary: "print the snippets of one task",
  description:
    "Prints the snippets of one task: every provider serving it live (or the one named), every client (or the one " +
    "named), with the example request or your own fields.",
  examples: [
    ["chat-completion --provider groq --client js/openai --stream", "one streamed snippet"],
    [`text-classification --example '{"inputs": "I love it"}'`, "your own example request"],
    ["text-to-image --format json", "machine-readable rows"],
  ],
  readsConfig: true,
  declare(command: Command) {
    command
      .argument("<task>", "task id, e.g. chat-completion")
      .option("--provider <id>", "one provider (default: every provider serving the task live)")
      .option("--client <language/client>", `one client: ${CLIENT_IDS.join(", ")}`)
      .option("--model <id>", "Hugging Face model id instead of the provider's mapped one")
      .option("--example <json>", "JSON object whose fields replace the example request's fields")
      .option("--stream", "streamed response (server-sent events), for tasks that stream")
      .option("--access-token <token>", "write this token into the snippet instead of reading HF_TOKEN")
      .option("--bill-to <org>", "bill the requests to an organization (X-HF-Bill-To header)")
      .option("--base-url <url>", "replace the API origin (self-hosted gateway, tests)")
      .option("--direct", "call the provider's own API (chat tasks, where the feed allows it)")
      .option("--format <format>", "text or json", "text");
  },
  run: (context, options: OptionValues, args) => run(context, options as SnippetFlags, args[0] as string),
};

export const main = commandMain(snippetCommand);
