/**
 * Loading and rendering the Handlebars templates: layouts (one per page kind), partials shared by
 * all pages, and per-task overrides of single partials (templates/tasks/<task>/<partial>.hbs).
 * The templates shipped with the tool are the base; a project's templates directory replaces
 * single files of it (a layout, a partial, a task's override) and may add partials.
 * Templates only arrange text: every value they receive is already escaped (see view-model.ts),
 * so they are compiled without HTML escaping.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Handlebars from "handlebars";
import type { Diagnostic } from "../lib/diagnostics.ts";
import { displayPath } from "../load/files.ts";

export const LAYOUTS = ["task", "provider", "index"] as const;

/** The templates shipped with the tool. */
export const BUILT_IN_TEMPLATES_DIR = fileURLToPath(new URL("../../templates/", import.meta.url));
export type LayoutName = (typeof LAYOUTS)[number];

export interface TemplateFile {
  /** Path relative to the project root, for page headers and messages. */
  path: string;
  source: string;
}

export interface TemplateSet {
  layouts: Map<LayoutName, TemplateFile>;
  partials: Map<string, TemplateFile>;
  /** task id -> partial name -> override. */
  overrides: Map<string, Map<string, TemplateFile>>;
}

export type TemplateLoadResult = { ok: true; templates: TemplateSet } | { ok: false; diagnostics: Diagnostic[] };

function listTemplates(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith(".hbs") && statSync(path.join(dir, name)).isFile())
    .sort();
}

/** Handlebars reports "Parse error on line N:"; turn that into a place. */
function syntaxProblem(file: string, error: unknown): Diagnostic {
  const message = error instanceof Error ? error.message : String(error);
  const line = Number(/line (\d+)/.exec(message)?.[1] ?? 0);
  const diagnostic: Diagnostic = { file, reason: `invalid Handlebars template: ${message.split("\n").filter(Boolean).join(" ")}`, ruleId: "template-syntax" };
  if (line > 0) diagnostic.position = { line, column: 1 };
  return diagnostic;
}

function readTemplate(absolutePath: string, diagnostics: Diagnostic[]): TemplateFile | undefined {
  const file = displayPath(absolutePath);
  const source = readFileSync(absolutePath, "utf8");
  try {
    Handlebars.parse(source);
  } catch (error) {
    diagnostics.push(syntaxProblem(file, error));
    return undefined;
  }
  return { path: file, source };
}

function loadLayer(dir: string, layer: TemplateSet, diagnostics: Diagnostic[]): void {
  for (const name of LAYOUTS) {
    const file = path.join(dir, "layouts", `${name}.hbs`);
    if (!existsSync(file)) continue;
    const template = readTemplate(file, diagnostics);
    if (template) layer.layouts.set(name, template);
  }
  for (const name of listTemplates(path.join(dir, "partials"))) {
    const template = readTemplate(path.join(dir, "partials", name), diagnostics);
    if (template) layer.partials.set(name.replace(/\.hbs$/, ""), template);
  }
}

/**
 * Per-task overrides of one layer. The project's overrides must name a task and a partial; the
 * built-in ones (`builtIn`) apply where the project has that task and are skipped elsewhere.
 */
function loadOverrides(dir: string, templates: TemplateSet, taskIds: ReadonlySet<string>, builtIn: boolean, diagnostics: Diagnostic[]): void {
  const tasksDir = path.join(dir, "tasks");
  if (!existsSync(tasksDir)) return;
  for (const taskId of readdirSync(tasksDir).sort()) {
    const taskDir = path.join(tasksDir, taskId);
    if (!statSync(taskDir).isDirectory()) continue;
    if (!taskIds.has(taskId)) {
      if (builtIn) continue;
      diagnostics.push({ file: displayPath(taskDir), reason: `overrides for unknown task "${taskId}": rename the directory to a task id or remove it`, ruleId: "template-override" });
      continue;
    }
    const overrides = templates.overrides.get(taskId) ?? new Map<string, TemplateFile>();
    for (const name of listTemplates(taskDir)) {
      const partial = name.replace(/\.hbs$/, "");
      const file = path.join(taskDir, name);
      if (!templates.partials.has(partial)) {
        diagnostics.push({
          file: displayPath(file),
          reason: `overrides no partial: a task override must have the name of a file in partials/ (${[...templates.partials.keys()].join(", ")})`,
          ruleId: "template-override",
        });
        continue;
      }
      const template = readTemplate(file, diagnostics);
      if (template) overrides.set(partial, template);
    }
    templates.overrides.set(taskId, overrides);
  }
}

/** The built-in templates with the project's `dir` laid over them (just `dir` when it is the built-in one). */
export function loadTemplates(dir: string, taskIds: ReadonlySet<string>, builtInDir: string = BUILT_IN_TEMPLATES_DIR): TemplateLoadResult {
  const diagnostics: Diagnostic[] = [];
  const templates: TemplateSet = { layouts: new Map(), partials: new Map(), overrides: new Map() };
  const layers = path.resolve(dir) === path.resolve(builtInDir) ? [dir] : [builtInDir, dir];
  for (const layer of layers) loadLayer(layer, templates, diagnostics);
  for (const name of LAYOUTS) {
    if (!layers.some((layer) => existsSync(path.join(layer, "layouts", `${name}.hbs`)))) {
      diagnostics.push({ file: displayPath(path.join(dir, "layouts", `${name}.hbs`)), reason: `the ${name} layout is missing: every page kind needs layouts/${name}.hbs`, ruleId: "template-missing" });
    }
  }
  layers.forEach((layer, index) => loadOverrides(layer, templates, taskIds, layers.length > 1 && index === 0, diagnostics));
  return diagnostics.length > 0 ? { ok: false, diagnostics } : { ok: true, templates };
}

type Compiled = HandlebarsTemplateDelegate<unknown>;

/** Compiles once, renders many pages. */
export class TemplateRenderer {
  private readonly env = Handlebars.create();
  private readonly compiled = new Map<string, Compiled>();

  constructor(private readonly templates: TemplateSet) {
    this.env.registerHelper("eq", (a: unknown, b: unknown) => a === b);
  }

  private compile(file: TemplateFile): Compiled {
    let template = this.compiled.get(file.path);
    if (!template) {
      template = this.env.compile(file.source, { noEscape: true, preventIndent: true });
      this.compiled.set(file.path, template);
    }
    return template;
  }

  /** The partials in effect for a page (with the task's overrides), name -> file. */
  partialsFor(taskId?: string): Map<string, TemplateFile> {
    const effective = new Map(this.templates.partials);
    for (const [name, file] of (taskId ? this.templates.overrides.get(taskId) : undefined) ?? []) effective.set(name, file);
    return effective;
  }

  layoutFile(layout: LayoutName): TemplateFile {
    const file = this.templates.layouts.get(layout);
    if (!file) throw new Error(`layout ${layout} is not loaded`);
    return file;
  }

  render(layout: LayoutName, context: object, taskId?: string): string {
    const partials: Record<string, Compiled> = {};
    for (const [name, file] of this.partialsFor(taskId)) partials[name] = this.compile(file);
    return this.compile(this.layoutFile(layout))(context, { partials });
  }
}
