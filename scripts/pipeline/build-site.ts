/**
 * The whole pipeline up to (not including) writing: load & validate specs and templates, render
 * snippets, build views, render and validate every page. Returns the files generated/ must hold,
 * or every problem found. Deterministic: no clock, no absolute paths, everything sorted.
 */
import path from "node:path";
import type { SnippetClient } from "../../snippets/clients/types.ts";
import { renderSnippets, type Snippet } from "../../snippets/engine.ts";
import { buildRequest, REQUEST_MODEL_SOURCE, type SnippetOptions } from "../../snippets/request.ts";
import { checkConfigAgainstSpecs, configuredClients, configuredProviders, type Config } from "../config/config.ts";
import { InputError, sortDiagnostics, type Diagnostic } from "../lib/diagnostics.ts";
import { loadSpecs } from "../load/load-specs.ts";
import type { Provider, Specs } from "../model/types.ts";
import { normalizeMarkdown } from "../pages/normalize.ts";
import { loadTemplates, TemplateRenderer, type LayoutName } from "../pages/templates.ts";
import { validatePage } from "../pages/validate-page.ts";
import { providerView, taskView, type TaskView } from "../pages/view-model.ts";
import { referencedDocuments } from "../schema/references.ts";
import { snippetJobs } from "./snippet-matrix.ts";
import { toctree } from "./toctree.ts";

export const GENERATE_COMMAND = "npm run generate";

export interface SiteFile {
  /** Path inside the output directory, with forward slashes. */
  path: string;
  content: string;
}

export interface Site {
  specs: Specs;
  files: SiteFile[];
  /** Number of snippets placed on pages. */
  snippetCount: number;
  /**
   * With `deferPageChecks`: runs the page checks; the problems found, sorted (none when all pass).
   * With a signal, it yields to the event loop between pages and stops early once aborted.
   */
  checkPages?: (signal?: AbortSignal) => Promise<Diagnostic[]>;
}

export interface BuildOptions {
  /**
   * Return the pages before checking them (see validate-page.ts), leaving the checks to
   * `Site.checkPages`. The checks are most of a warm rebuild; the preview shows an edit first and
   * reports a failed check a moment later.
   */
  deferPageChecks?: boolean;
}

function relativeToRoot(config: Config, file: string): string {
  return path.relative(config.root, path.resolve(file)).split(path.sep).join("/");
}

/** The snippets on the pages (see snippet-matrix.ts), rendered in one batch, grouped by task. */
async function renderPageSnippets(specs: Specs, providers: readonly Provider[], clients: readonly SnippetClient[], config: Config) {
  const options: SnippetOptions = config.token.kind === "inline" ? { accessToken: config.token.value } : {};
  const jobs = snippetJobs(specs, clients, providers).map((job) => ({
    client: job.client,
    request: buildRequest(specs.router, job.task, job.provider, job.mapping, { ...options, stream: job.stream }),
  }));
  const batch = await renderSnippets(jobs);
  const byTask = new Map<string, Snippet[]>();
  for (const snippet of batch.snippets) byTask.set(snippet.task, [...(byTask.get(snippet.task) ?? []), snippet]);
  return { byTask, problems: batch.problems, count: batch.snippets.length };
}

export async function buildSite(config: Config, options: BuildOptions = {}): Promise<Site> {
  const loaded = loadSpecs({ specsDir: config.specsDir, schemas: config.schemas });
  if (!loaded.ok) throw new InputError(loaded.diagnostics);
  const specs = loaded.specs;
  checkConfigAgainstSpecs(config, specs);
  const templateResult = loadTemplates(config.templatesDir, new Set(specs.tasks.map((task) => task.id)));
  if (!templateResult.ok) throw new InputError(templateResult.diagnostics);
  const renderer = new TemplateRenderer(templateResult.templates);

  const providers = configuredProviders(config, specs);
  const clients = configuredClients(config);
  const isComponent = config.snippetStyle === "component";
  // In component style the docs site renders the snippets; the pages only carry the mapping.
  const rendered = await renderPageSnippets(specs, providers, isComponent ? [] : clients, config);
  if (rendered.problems.length > 0) throw new InputError(sortDiagnostics(rendered.problems));
  const snippetCount = rendered.count;
  const snippetContents = new Set([...rendered.byTask.values()].flat().map((snippet) => snippet.content));
  const taskViews = new Map<string, TaskView>();
  for (const task of specs.tasks) {
    taskViews.set(task.id, taskView({ specs, task, providers, snippets: rendered.byTask.get(task.id) ?? [], clientOrder: config.clients }));
  }

  const tasksById = new Map(specs.tasks.map((task) => [task.id, task]));
  const tasks = Object.fromEntries(taskViews);
  const clientSources = isComponent ? [] : [REQUEST_MODEL_SOURCE, ...clients.map((client) => client.source)];
  const common = {
    style: config.snippetStyle,
    command: GENERATE_COMMAND,
    tokenNote:
      config.token.kind === "env"
        ? "Each snippet reads your access token from the `HF_TOKEN` environment variable."
        : "Replace the placeholder token in each snippet with your own access token.",
    tasks,
  };
  const files: SiteFile[] = [];
  const pageChecks: (() => Promise<Diagnostic[]>)[] = [];
  const templateSources = (layout: LayoutName, taskId?: string) => [
    renderer.layoutFile(layout).path,
    ...[...renderer.partialsFor(taskId).values()].map((file) => file.path).sort(),
  ];
  const emit = (file: string, layout: LayoutName, context: object, sources: string[], taskId?: string) => {
    const pageFile = path.join(relativeToRoot(config, config.outDir), file);
    const page = normalizeMarkdown(renderer.render(layout, { ...common, ...context, sources: [...new Set(sources)] }, taskId, pageFile));
    pageChecks.push(() => validatePage(pageFile, page, { snippets: snippetContents, mdx: isComponent }));
    files.push({ path: file, content: page });
  };

  for (const task of specs.tasks) {
    const view = taskViews.get(task.id) as TaskView;
    const schemaFiles = referencedDocuments(specs.registry, [task.schemas.input, task.schemas.output, ...(task.schemas.streamOutput ? [task.schemas.streamOutput] : [])]).map((document) =>
      relativeToRoot(config, document.source.file),
    );
    emit(
      view.pagePath,
      "task",
      { task: view },
      [relativeToRoot(config, task.files.metadata), ...schemaFiles, relativeToRoot(config, specs.providersFile), ...templateSources("task", task.id), ...clientSources],
      task.id,
    );
  }
  const providerViews = providers.map((provider) => providerView(provider, tasksById, taskViews));
  for (const view of providerViews) {
    emit(
      view.pagePath,
      "provider",
      { provider: view },
      [relativeToRoot(config, specs.providersFile), ...view.tasks.map((entry) => relativeToRoot(config, tasksById.get(entry.task.id)?.files.metadata ?? "")), ...templateSources("provider"), ...clientSources],
    );
  }
  emit(
    "index.md",
    "index",
    { tasks: [...taskViews.values()], providers: providerViews },
    [relativeToRoot(config, specs.providersFile), ...specs.tasks.map((task) => relativeToRoot(config, task.files.metadata)), ...templateSources("index")],
  );
  const checkPages = async (signal?: AbortSignal) => {
    const problems: Diagnostic[] = [];
    for (const check of pageChecks) {
      if (signal?.aborted) break;
      problems.push(...(await check()));
      if (signal) await new Promise((resolve) => setImmediate(resolve));
    }
    return sortDiagnostics(problems);
  };
  if (!options.deferPageChecks) {
    const problems = await checkPages();
    if (problems.length > 0) throw new InputError(problems);
  }
  files.push({ path: "_toctree.yml", content: toctree(specs.tasks, providers) });
  files.sort((a, b) => a.path.localeCompare(b.path));
  return { specs, files, snippetCount, ...(options.deferPageChecks ? { checkPages } : {}) };
}
