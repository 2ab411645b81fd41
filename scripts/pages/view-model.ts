/**
 * model -> view: everything a template shows, already escaped for markdown and MDX, so templates
 * only arrange text and never decide how to quote it.
 */
import type { Snippet } from "../../snippets/engine.ts";
import { findClient } from "../../snippets/clients/index.ts";
import { languageOf, type Language } from "../../snippets/languages/index.ts";
import type { Mapping, Provider, Specs, Task } from "../model/types.ts";
import { hubPipelineTag } from "../model/pipeline-tag.ts";
import { renderSchemaTable } from "../spec-table/schema-table.ts";
import { specTable } from "../spec-table/markdown.ts";
import type { SpecRow } from "../spec-table/rows.ts";
import { proseParagraphs } from "../load/prose.ts";
import { attribute, codeFence, markdownProse, markdownText } from "./markdown-escape.ts";

export interface SnippetView {
  stream: boolean;
  /** The snippet as a fenced code block. */
  fence: string;
  /** The snippet's text as published (ends with a newline), and its fence's language: for the preview. */
  code: string;
  fenceLanguage: string;
  /** Attributes for the `<snippet>` tag, escaped. */
  provider: string;
  language: Language;
  client: string;
}

export interface ClientView {
  client: string;
  clientId: string;
  referenceLabel: string;
  referenceUrl: string;
  snippets: SnippetView[];
}

export interface LanguageView {
  language: Language;
  label: string;
  clients: ClientView[];
}

export interface ProviderSnippetsView {
  id: string;
  displayName: string;
  modelId: string;
  modelUrl: string;
  languages: LanguageView[];
}

/**
 * What one use of the snippet-block partial shows, provider -> language -> client -> snippets,
 * with only what the preview needs (it crosses to the preview's process with every build): the
 * preview builds its tabs from this, never from the page's text.
 */
export type SnippetGroupView = (Pick<ProviderSnippetsView, "id"> & {
  languages: (Pick<LanguageView, "language"> & {
    clients: (Pick<ClientView, "client" | "referenceUrl"> & {
      snippets: Pick<SnippetView, "stream" | "fenceLanguage" | "code">[];
    })[];
  })[];
})[];

/**
 * Each provider's part is made once and shared by every group showing it (its task page and its
 * provider page), so a structured clone of the pages sends its snippets once.
 */
const groupParts = new WeakMap<ProviderSnippetsView, SnippetGroupView[number]>();

export function snippetGroupView(providers: readonly ProviderSnippetsView[]): SnippetGroupView {
  return providers.map((provider) => {
    let part = groupParts.get(provider);
    if (!part) {
      part = {
        id: provider.id,
        languages: provider.languages.map(({ language, clients }) => ({
          language,
          clients: clients.map(({ client, referenceUrl, snippets }) => ({
            client,
            referenceUrl,
            snippets: snippets.map(({ stream, fenceLanguage, code }) => ({ stream, fenceLanguage, code })),
          })),
        })),
      };
      groupParts.set(provider, part);
    }
    return part;
  });
}

/** The partial that places one snippet group (`<inferencesnippet>`) on a page. */
export const SNIPPET_BLOCK_PARTIAL = "snippet-block";

export interface ApiSpecificationView {
  headersTable: string;
  payloadTable: string;
  bodyTable: string;
  streamTable?: string;
}

export interface TaskView {
  id: string;
  title: string;
  description: string;
  hubUrl: string;
  /** This task's page where the docs are published (absolute, from the configured docs base URL). */
  docsUrl: string;
  modelsUrl: string;
  recommendedModels: { id: string; url: string; description: string }[];
  conversational: boolean;
  streams: boolean;
  binaryInput?: { fileName: string; contentType: string };
  /** Live providers with their snippets, in feed order. */
  providers: ProviderSnippetsView[];
  hasLiveProviders: boolean;
  /** Providers that serve the task in staging only (named, no snippets). */
  stagingProviders: string[];
  /** The `<InferenceSnippet>` tag of the component style. */
  componentTag: string;
  pagePath: string;
  api: ApiSpecificationView;
}

/**
 * The component style's tag: the docs site renders the snippets from the mapping it carries, with
 * `getInferenceSnippets` of @huggingface/inference, which knows Hub pipeline tags (chat is
 * text-generation plus the `conversational` flag), not our task ids.
 */
function componentTag(task: Task, mapping: Record<string, { modelId: string; providerModelId: string }>): string {
  const attributes = [`pipeline="${attribute(hubPipelineTag(task))}"`, `providersMapping={${JSON.stringify(mapping)}}`];
  if (task.conversational) attributes.push("conversational");
  return `<InferenceSnippet ${attributes.join(" ")} />`;
}

/**
 * Whether the component can show this pair: it renders with the pinned getInferenceSnippets, which
 * builds the request from the example's file name, and a multipart contract needs the file itself
 * there (the library throws). Such pairs are left out of the tags; the inline style shows them.
 */
function componentRenders(mapping: Mapping): boolean {
  return mapping.contract?.form === undefined;
}

export function taskPagePath(taskId: string): string {
  return `tasks/${taskId}.md`;
}

export function providerPagePath(providerId: string): string {
  return `providers/${providerId}.md`;
}

function hubModelUrl(id: string): string {
  return `https://huggingface.co/${id}`;
}

function groupSnippets(
  provider: Provider,
  mapping: Mapping,
  snippets: readonly Snippet[],
  clientOrder: readonly string[],
): ProviderSnippetsView {
  const languages: LanguageView[] = [];
  for (const clientId of clientOrder) {
    const forClient = snippets.filter((snippet) => snippet.clientId === clientId);
    const client = findClient(clientId);
    if (forClient.length === 0 || !client) continue;
    let language = languages.find((group) => group.language === client.language);
    if (!language) {
      language = { language: client.language, label: languageOf(client.language).label, clients: [] };
      languages.push(language);
    }
    language.clients.push({
      client: client.client,
      clientId,
      referenceLabel: markdownText(client.reference.label),
      referenceUrl: client.reference.url,
      snippets: [...forClient]
        .sort((a, b) => Number(a.stream) - Number(b.stream))
        .map((snippet) => ({
          stream: snippet.stream,
          fence: codeFence(languageOf(snippet.language).fence, snippet.content),
          code: snippet.content,
          fenceLanguage: languageOf(snippet.language).fence,
          provider: attribute(provider.id),
          language: snippet.language,
          client: attribute(snippet.client),
        })),
    });
  }
  return {
    id: provider.id,
    displayName: markdownText(provider.displayName),
    modelId: markdownText(mapping.modelId),
    modelUrl: hubModelUrl(mapping.modelId),
    languages,
  };
}

function headerRows(task: Task): SpecRow[] {
  const contentType = task.binaryInput
    ? `\`application/json\`, or the file's media type (such as \`${task.binaryInput.contentType}\`) when the body is the raw file.`
    : "`application/json`.";
  return [
    {
      name: "authorization",
      depth: 0,
      type: "string",
      required: true,
      description:
        "`Bearer <token>`, where the token is a Hugging Face user access token with permission to call Inference Providers. Create one in your account settings at https://huggingface.co/settings/tokens.",
    },
    {
      name: "content-type",
      depth: 0,
      type: "string",
      required: true,
      description: `Media type of the body: ${contentType}`,
    },
    {
      name: "x-hf-bill-to",
      depth: 0,
      type: "string",
      required: false,
      description:
        "Name of an organization you belong to that should pay for the request instead of your personal account.",
    },
  ];
}

function apiSpecification(specs: Specs, task: Task): ApiSpecificationView {
  const view: ApiSpecificationView = {
    headersTable: specTable("Headers", headerRows(task)),
    payloadTable: renderSchemaTable(specs.registry, task.schemas.input, "Payload"),
    bodyTable: renderSchemaTable(specs.registry, task.schemas.output, "Body"),
  };
  if (task.schemas.streamOutput)
    view.streamTable = renderSchemaTable(specs.registry, task.schemas.streamOutput, "Body (one event)");
  return view;
}

export interface TaskViewInput {
  specs: Specs;
  task: Task;
  /** Providers shown on pages, in feed order. */
  providers: readonly Provider[];
  /** Snippets of this task, all providers and clients. */
  snippets: readonly Snippet[];
  clientOrder: readonly string[];
  /** Where the pages are published, without a trailing slash. */
  docsBaseUrl: string;
}

export function taskView({ specs, task, providers, snippets, clientOrder, docsBaseUrl }: TaskViewInput): TaskView {
  const live: ProviderSnippetsView[] = [];
  const staging: string[] = [];
  const componentMapping: Record<string, { modelId: string; providerModelId: string }> = {};
  for (const provider of providers) {
    const mapping = provider.mappings.find((candidate) => candidate.task === task.id);
    if (!mapping) continue;
    if (mapping.status !== "live") {
      staging.push(markdownText(provider.displayName));
      continue;
    }
    if (componentRenders(mapping))
      componentMapping[provider.id] = { modelId: mapping.modelId, providerModelId: mapping.providerModelId };
    const mine = snippets.filter((snippet) => snippet.provider === provider.id);
    live.push(groupSnippets(provider, mapping, mine, clientOrder));
  }
  const binaryFile = task.binaryInput ? task.example[task.binaryInput.field] : undefined;
  const view: TaskView = {
    id: task.id,
    title: markdownText(task.title),
    // Paragraph by paragraph: one line each (see prose.ts for why paragraphs stay short).
    description: proseParagraphs(task.description).map(markdownProse).join("\n\n"),
    hubUrl: `https://huggingface.co/tasks/${task.id}`,
    docsUrl: `${docsBaseUrl}/tasks/${task.id}`,
    modelsUrl: `https://huggingface.co/models?inference_provider=all&pipeline_tag=${hubPipelineTag(task)}&sort=trending`,
    recommendedModels: task.recommendedModels.map((model) => ({
      id: markdownText(model.id),
      url: hubModelUrl(model.id),
      description: markdownProse(model.description),
    })),
    conversational: task.conversational,
    streams: task.response.stream === "server-sent-events",
    providers: live,
    hasLiveProviders: live.length > 0,
    stagingProviders: staging,
    componentTag: componentTag(task, componentMapping),
    pagePath: taskPagePath(task.id),
    api: apiSpecification(specs, task),
  };
  if (task.binaryInput && typeof binaryFile === "string") {
    view.binaryInput = { fileName: markdownText(binaryFile), contentType: markdownText(task.binaryInput.contentType) };
  }
  return view;
}

export interface ProviderTaskView {
  task: TaskView;
  /** The component style's tag for this provider only; empty when the component cannot show the pair. */
  componentTag: string;
  status: string;
  modelId: string;
  modelUrl: string;
  providerModelId: string;
  /**
   * This provider's snippets for the task: one entry for a live mapping, none otherwise (the shape of
   * TaskView.providers, so the snippet-block partial serves both).
   */
  providers: ProviderSnippetsView[];
}

export interface ProviderView {
  id: string;
  displayName: string;
  website: string;
  pagePath: string;
  tasks: ProviderTaskView[];
  liveTasks: ProviderTaskView[];
  /** The provider's own OpenAI-compatible chat API, for readers with a key from the provider. */
  directAccess?: { chatUrl: string; tokenEnv: string };
}

export function providerView(
  provider: Provider,
  tasksById: ReadonlyMap<string, Task>,
  taskViews: ReadonlyMap<string, TaskView>,
): ProviderView {
  const tasks: ProviderTaskView[] = [];
  for (const mapping of provider.mappings) {
    const task = taskViews.get(mapping.task);
    const model = tasksById.get(mapping.task);
    if (!task || !model) continue;
    const entry: ProviderTaskView = {
      task,
      componentTag: componentRenders(mapping)
        ? componentTag(model, { [provider.id]: { modelId: mapping.modelId, providerModelId: mapping.providerModelId } })
        : "",
      status: mapping.status,
      modelId: markdownText(mapping.modelId),
      modelUrl: hubModelUrl(mapping.modelId),
      providerModelId: markdownText(mapping.providerModelId),
      providers: task.providers.filter((candidate) => candidate.id === provider.id),
    };
    tasks.push(entry);
  }
  const view: ProviderView = {
    id: provider.id,
    displayName: markdownText(provider.displayName),
    website: provider.website,
    pagePath: providerPagePath(provider.id),
    tasks,
    liveTasks: tasks.filter((entry) => entry.providers.length > 0),
  };
  if (provider.direct) {
    view.directAccess = {
      chatUrl: markdownText(provider.direct.origin + provider.direct.chatPath),
      tokenEnv: markdownText(provider.direct.tokenEnv),
    };
  }
  return view;
}
