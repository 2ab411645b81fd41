/**
 * The whole pipeline up to (not including) writing: load & validate specs and templates, render
 * snippets, build views, render and validate every page. Returns the files generated/ must hold,
 * or every problem found. Deterministic: no clock, no absolute paths, everything sorted.
 */
import path from "node:path";
import type { SnippetClient } from "../../snippets/clients/types.ts";
import { planSnippets, type Snippet } from "../../snippets/engine.ts";
import { buildRequest, REQUEST_MODEL_SOURCE, type SnippetOptions } from "../../snippets/request.ts";
import { generateCommandOf } from "../config/command-name.ts";
import { contentKey, NO_CACHE, type ContentCache } from "../lib/content-cache.ts";
import { checkConfigAgainstSpecs, configuredClients, configuredProviders, type Config } from "../config/config.ts";
import { InputError, sortDiagnostics, type Diagnostic } from "../lib/diagnostics.ts";
import { loadSpecs } from "../load/load-specs.ts";
import type { Provider, Specs } from "../model/types.ts";
import { normalizeMarkdown } from "../pages/normalize.ts";
import { loadTemplates, TemplateRenderer, type LayoutName } from "../pages/templates.ts";
import {
  providerView,
  SNIPPET_BLOCK_PARTIAL,
  snippetGroupView,
  taskView,
  type ProviderSnippetsView,
  type SnippetGroupView,
  type TaskView,
} from "../pages/view-model.ts";
import { referencedDocuments } from "../schema/references.ts";
import type { PageExpectations, SkeletonReading } from "../pages/validate-page.ts";
import { droppedClientWarnings } from "./dropped-clients.ts";
import { snippetMatrix } from "./snippet-matrix.ts";
import { toctree } from "./toctree.ts";

export interface SiteFile {
  /** Path inside the output directory, with forward slashes. */
  path: string;
  content: string;
  /** A page's snippet groups in page order (inline style), as the preview shows them. */
  snippetGroups?: SnippetGroupView[];
}

export interface Site {
  specs: Specs;
  files: SiteFile[];
  /** Number of snippets placed on pages. */
  snippetCount: number;
  /** Problems that do not stop the run (a client that drops a pair it should serve), sorted. */
  warnings: Diagnostic[];
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
  /**
   * Where formatted snippets and passed page checks are kept between runs (scripts/cache/build-cache.ts); none by
   * default.
   */
  cache?: ContentCache;
  /** Told each phase and the work done in it, for a progress display. */
  progress?: BuildProgress;
}

export interface BuildProgress {
  phase(name: string, total?: number): void;
  advance(count?: number): void;
}

/** Kinds of persistent cache entries: a page that passed its checks, specs that passed theirs. */
const PAGE_CACHE_KIND = "page";
const LOAD_CACHE_KIND = "specs";

function relativeToRoot(config: Config, file: string): string {
  return path.relative(config.root, path.resolve(file)).split(path.sep).join("/");
}

function byTask(snippets: readonly Snippet[]): Map<string, Snippet[]> {
  const grouped = new Map<string, Snippet[]>();
  for (const snippet of snippets) {
    const group = grouped.get(snippet.task);
    if (group) group.push(snippet);
    else grouped.set(snippet.task, [snippet]);
  }
  return grouped;
}

/**
 * The snippets on the pages (see snippet-matrix.ts), rendered in one batch, grouped by task.
 * `skeletonsOf` gives the skeletons of the pages to check, made from draft snippets: they are read
 * while the new snippets are formatted (build-pool.ts).
 */
async function renderPageSnippets(
  specs: Specs,
  providers: readonly Provider[],
  clients: readonly SnippetClient[],
  config: Config,
  cache: ContentCache,
  progress?: BuildProgress,
  skeletonsOf?: (drafts: Snippet[]) => Promise<string[]>,
) {
  const options: SnippetOptions = config.token.kind === "inline" ? { accessToken: config.token.value } : {};
  const matrix = snippetMatrix(specs, clients, providers);
  const jobs = matrix.jobs.map((job) => ({
    client: job.client,
    request: buildRequest(specs.router, job.task, job.provider, job.mapping, { ...options, stream: job.stream }),
  }));
  progress?.phase("rendering snippets", jobs.length);
  const plan = planSnippets(jobs, cache);
  const skeletons = async () => (await skeletonsOf?.(plan.drafts)) ?? [];
  const work =
    plan.toCheck.length > 0 || skeletonsOf
      ? await (await import("./build-pool.ts")).checkAndRead(plan.toCheck, skeletons)
      : { checked: [], readings: new Map<string, SkeletonReading>() };
  const batch = plan.finish(work.checked);
  progress?.advance(jobs.length);
  const warnings = sortDiagnostics(droppedClientWarnings(matrix.gaps));
  return {
    byTask: byTask(batch.snippets),
    problems: batch.problems,
    warnings,
    count: batch.snippets.length,
    readings: work.readings,
    /** Whether any snippet was formatted here (else the drafts were the snippets themselves). */
    formatted: plan.toCheck.length > 0,
  };
}

/** A page's check passes or fails with its text, the snippets it may hold and the style. */
function pageCacheParts(config: Config, page: { file: string; markdown: string }, snippetsDigest: string): string[] {
  return [page.file, config.snippetStyle, snippetsDigest, page.markdown];
}

function digestOf(snippets: Iterable<Snippet>): string {
  return contentKey([...new Set([...snippets].map((snippet) => snippet.content))].sort());
}

/** The providers the snippet-block partial was given: the group it placed on the page. */
function groupOf(scope: unknown): SnippetGroupView {
  const providers = (scope as { providers?: unknown } | undefined)?.providers;
  return Array.isArray(providers) ? snippetGroupView(providers as ProviderSnippetsView[]) : [];
}

export async function buildSite(config: Config, options: BuildOptions = {}): Promise<Site> {
  const progress = options.progress;
  progress?.phase("loading specs");
  const cache = options.cache ?? NO_CACHE;
  const passedLoads = {
    has: (digest: string) => cache.get(LOAD_CACHE_KIND, [digest]) === true,
    add: (digest: string) => cache.set(LOAD_CACHE_KIND, [digest], true),
  };
  const loaded = loadSpecs({ specsDir: config.specsDir, schemas: config.schemas, passedLoads });
  if (!loaded.ok) throw new InputError(loaded.diagnostics);
  const specs = loaded.specs;
  checkConfigAgainstSpecs(config, specs);
  const templateResult = loadTemplates(config.templatesDir, new Set(specs.tasks.map((task) => task.id)));
  if (!templateResult.ok) throw new InputError(templateResult.diagnostics);
  const renderer = new TemplateRenderer(templateResult.templates);

  const providers = configuredProviders(config, specs);
  const clients = configuredClients(config);
  const isComponent = config.snippetStyle === "component";
  const tasksById = new Map(specs.tasks.map((task) => [task.id, task]));
  const clientSources = isComponent ? [] : [REQUEST_MODEL_SOURCE, ...clients.map((client) => client.source)];
  const command = generateCommandOf(config.root);
  // Template paths are shown from the working directory in messages; pages name them from the root.
  const templateSources = (layout: LayoutName, taskId?: string) => [
    relativeToRoot(config, renderer.layoutFile(layout).path),
    ...[...renderer.partialsFor(taskId).values()].map((file) => relativeToRoot(config, file.path)).sort(),
  ];

  /** Every page, with the snippets of each task. */
  const renderPages = (snippetsByTask: ReadonlyMap<string, Snippet[]>, pageProgress?: BuildProgress) => {
    const taskViews = new Map<string, TaskView>();
    for (const task of specs.tasks) {
      taskViews.set(
        task.id,
        taskView({
          specs,
          task,
          providers,
          snippets: snippetsByTask.get(task.id) ?? [],
          clientOrder: config.clients,
          docsBaseUrl: config.docsBaseUrl,
        }),
      );
    }
    const common = {
      style: config.snippetStyle,
      command,
      tokenNote:
        config.token.kind === "env"
          ? "Each snippet reads your access token from the `HF_TOKEN` environment variable."
          : "Replace the placeholder token in each snippet with your own access token.",
      tasks: Object.fromEntries(taskViews),
    };
    const files: SiteFile[] = [];
    const pages: { file: string; markdown: string }[] = [];
    pageProgress?.phase("rendering pages", specs.tasks.length + providers.length + 1);
    const emit = (file: string, layout: LayoutName, context: object, sources: string[], taskId?: string) => {
      const pageFile = path.join(relativeToRoot(config, config.outDir), file);
      const snippetGroups: SnippetGroupView[] = [];
      const page = normalizeMarkdown(
        renderer.render(
          layout,
          { ...common, ...context, sources: [...new Set(sources)] },
          taskId,
          pageFile,
          isComponent
            ? undefined
            : (name, scope) => void (name === SNIPPET_BLOCK_PARTIAL && snippetGroups.push(groupOf(scope))),
        ),
      );
      pages.push({ file: pageFile, markdown: page });
      files.push({ path: file, content: page, ...(snippetGroups.length > 0 ? { snippetGroups } : {}) });
      pageProgress?.advance();
    };

    for (const task of specs.tasks) {
      const view = taskViews.get(task.id) as TaskView;
      const schemaFiles = referencedDocuments(specs.registry, [
        task.schemas.input,
        task.schemas.output,
        ...(task.schemas.streamOutput ? [task.schemas.streamOutput] : []),
      ]).map((document) => relativeToRoot(config, document.source.file));
      emit(
        view.pagePath,
        "task",
        { task: view },
        [
          relativeToRoot(config, task.files.metadata),
          ...schemaFiles,
          relativeToRoot(config, specs.providersFile),
          ...templateSources("task", task.id),
          ...clientSources,
        ],
        task.id,
      );
    }
    const providerViews = providers.map((provider) => providerView(provider, tasksById, taskViews));
    for (const view of providerViews) {
      emit(view.pagePath, "provider", { provider: view }, [
        relativeToRoot(config, specs.providersFile),
        ...view.tasks.map((entry) => relativeToRoot(config, tasksById.get(entry.task.id)?.files.metadata ?? "")),
        ...templateSources("provider"),
        ...clientSources,
      ]);
    }
    emit("index.md", "index", { tasks: [...taskViews.values()], providers: providerViews }, [
      relativeToRoot(config, specs.providersFile),
      ...specs.tasks.map((task) => relativeToRoot(config, task.files.metadata)),
      ...templateSources("index"),
    ]);
    return { files, pages };
  };

  // Draft pages, made with the snippets as far as they are known, have the skeletons of the final
  // ones (unless formatting changes a fence): reading them ahead lets the pages be checked on both
  // cores at once with the snippets. A draft that cannot be rendered is left to the final rendering
  // to report, after the snippets' problems.
  let draft: ReturnType<typeof renderPages> | undefined;
  const draftSkeletons = async (drafts: Snippet[]): Promise<string[]> => {
    try {
      draft = renderPages(byTask(drafts));
    } catch {
      return [];
    }
    const digest = digestOf(drafts);
    const { shortSkeletonOf } = await import("../pages/validate-page.ts");
    return draft.pages
      .filter((page) => cache.get(PAGE_CACHE_KIND, pageCacheParts(config, page, digest)) !== true)
      .map((page) => shortSkeletonOf(page.markdown));
  };
  // In component style the docs site renders the snippets; the pages only carry the mapping.
  const rendered = await renderPageSnippets(
    specs,
    providers,
    isComponent ? [] : clients,
    config,
    cache,
    progress,
    options.deferPageChecks ? undefined : draftSkeletons,
  );
  if (rendered.problems.length > 0) throw new InputError(sortDiagnostics(rendered.problems));
  const snippetCount = rendered.count;
  const snippetContents = new Set([...rendered.byTask.values()].flat().map((snippet) => snippet.content));
  const snippetsDigest = digestOf([...rendered.byTask.values()].flat());
  // With nothing formatted, the drafts were the snippets themselves and their pages are the pages.
  const reused = rendered.formatted ? undefined : draft;
  if (reused) {
    progress?.phase("rendering pages", reused.pages.length);
    progress?.advance(reused.pages.length);
  }
  const { files, pages } = reused ?? renderPages(rendered.byTask, progress);
  const pageChecks = pages.map((page) => ({ ...page, cacheParts: pageCacheParts(config, page, snippetsDigest) }));
  // The skeletons read with the snippets (build-pool.ts) leave little to do here.
  const expected: PageExpectations = { snippets: snippetContents, mdx: isComponent, readings: rendered.readings };
  // Pages that passed before, unchanged and with the same snippets, are not checked again.
  const unchecked = () => pageChecks.filter((check) => cache.get(PAGE_CACHE_KIND, check.cacheParts) !== true);
  const remember = (check: (typeof pageChecks)[number], problems: readonly Diagnostic[]) => {
    if (problems.length === 0) cache.set(PAGE_CACHE_KIND, check.cacheParts, true);
  };
  const checkPages = async (signal?: AbortSignal) => {
    const problems: Diagnostic[] = [];
    const { validatePage } = await import("../pages/validate-page.ts");
    for (const check of unchecked()) {
      if (signal?.aborted) break;
      const found = await validatePage(check.file, check.markdown, expected);
      remember(check, found);
      problems.push(...found);
      if (signal) await new Promise((resolve) => setImmediate(resolve));
    }
    return sortDiagnostics(problems);
  };
  if (!options.deferPageChecks) {
    progress?.phase("checking pages", pageChecks.length);
    const problems = await checkPages();
    progress?.advance(pageChecks.length);
    if (problems.length > 0) throw new InputError(problems);
  }
  files.push({ path: "_toctree.yml", content: toctree(specs.tasks, providers, command) });
  files.sort((a, b) => a.path.localeCompare(b.path));
  const warnings = rendered.warnings;
  return { specs, files, snippetCount, warnings, ...(options.deferPageChecks ? { checkPages } : {}) };
}
