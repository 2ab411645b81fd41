/**
 * Loading and rendering the Handlebars templates: layouts (one per page kind), partials shared by
 * all pages, and per-task overrides of single partials (templates/tasks/<task>/<partial>.hbs).
 * The templates shipped with the tool are the base; a project's templates directory replaces
 * single files of it (a layout, a partial, a task's override) and may add partials.
 * Templates only arrange text: every value they receive is already escaped (see view-model.ts),
 * so they are compiled without HTML escaping.
 */
import { existsSync, lstatSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Handlebars from "handlebars";
import { BoundedMemo } from "../lib/bounded-memo.ts";
import { InputError, type Diagnostic } from "../lib/diagnostics.ts";
import { displayPath, entryKind, listDirectory, readTextFile } from "../load/files.ts";

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

/** A link counts as present even when it leads nowhere (or in a loop), so that it is reported. */
function isSymbolicLink(file: string): boolean {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

function listTemplates(dir: string, diagnostics: Diagnostic[]): string[] {
  if (!existsSync(dir)) return [];
  const names = listDirectory(dir);
  if (!Array.isArray(names)) {
    diagnostics.push(names);
    return [];
  }
  return names.filter((name) => {
    if (!name.endsWith(".hbs")) return false;
    const kind = entryKind(path.join(dir, name));
    if (typeof kind === "object") diagnostics.push(kind);
    return kind === "file";
  });
}

/** Where Handlebars' parser stopped: its errors say the line; its lexer knows the column. */
function syntaxProblem(file: string, error: unknown): Diagnostic {
  const message = error instanceof Error ? error.message : String(error);
  const located = error as { lineNumber?: number; column?: number };
  const parser = (
    Handlebars as unknown as { Parser?: { lexer?: { yylloc?: { first_line: number; first_column: number } } } }
  ).Parser;
  const lexer = parser?.lexer?.yylloc;
  const diagnostic: Diagnostic = {
    file,
    reason: `invalid Handlebars template: ${message.split("\n")[0]}`,
    ruleId: "template-syntax",
  };
  if (typeof located.lineNumber === "number")
    diagnostic.position = { line: located.lineNumber, column: (located.column ?? 0) + 1 };
  else if (/^(Parse|Lexical) error/.test(message) && lexer)
    diagnostic.position = { line: lexer.first_line, column: lexer.first_column + 1 };
  return diagnostic;
}

/** Helpers the renderer knows: Handlebars' own and the ones registered below. */
const KNOWN_HELPERS = new Set(["if", "unless", "each", "with", "lookup", "log", "eq"]);

interface TemplateNode {
  type?: string;
  loc?: { start: { line: number; column: number } };
  name?: TemplateNode;
  path?: TemplateNode & { parts?: string[]; data?: boolean; original?: unknown };
  original?: unknown;
  params?: unknown[];
  hash?: unknown;
}

/** Partials a template includes by a fixed name and helpers it calls, with their places. */
function templateReferences(ast: unknown): {
  partials: { name: string; node: TemplateNode }[];
  helpers: { name: string; node: TemplateNode }[];
} {
  const found = {
    partials: [] as { name: string; node: TemplateNode }[],
    helpers: [] as { name: string; node: TemplateNode }[],
  };
  const visit = (value: unknown) => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    if (typeof value !== "object" || value === null) return;
    const node = value as TemplateNode;
    if (
      (node.type === "PartialStatement" || node.type === "PartialBlockStatement") &&
      node.name?.type === "PathExpression"
    ) {
      found.partials.push({ name: String(node.name.original), node });
    }
    const isCall = node.type === "MustacheStatement" || node.type === "BlockStatement" || node.type === "SubExpression";
    const path = node.path;
    if (
      isCall &&
      path?.type === "PathExpression" &&
      !path.data &&
      path.parts?.length === 1 &&
      ((node.params?.length ?? 0) > 0 || node.hash)
    ) {
      found.helpers.push({ name: String(path.original), node });
    }
    for (const [key, child] of Object.entries(node)) if (key !== "loc") visit(child);
  };
  visit(ast);
  return found;
}

function placeOf(node: TemplateNode): Diagnostic["position"] {
  return node.loc ? { line: node.loc.start.line, column: node.loc.start.column + 1 } : undefined;
}

/**
 * Parsed and compiled templates by their text, kept for the life of the process: the preview's
 * builder loads the templates on every save, and parsing (twice: syntax, then references) and
 * compiling them again was a large part of a rebuild. Bounded; a process that sees more texts
 * than this starts over.
 */
const parsedTemplates = new BoundedMemo<string, hbs.AST.Program>(500);
const compiledTemplates = new BoundedMemo<string, Compiled>(500);

function parseTemplate(source: string): hbs.AST.Program {
  return parsedTemplates.getOrMake(source, (text) => Handlebars.parse(text));
}

function readTemplate(absolutePath: string, diagnostics: Diagnostic[]): TemplateFile | undefined {
  const file = displayPath(absolutePath);
  const read = readTextFile(absolutePath);
  if (!read.ok) {
    diagnostics.push(...read.diagnostics);
    return undefined;
  }
  try {
    parseTemplate(read.text);
  } catch (error) {
    diagnostics.push(syntaxProblem(file, error));
    return undefined;
  }
  return { path: file, source: read.text };
}

/** Every fixed partial name must exist and every helper must be known, or rendering would fail. */
function checkReferences(templates: TemplateSet, diagnostics: Diagnostic[]): void {
  const all = [
    ...templates.layouts.values(),
    ...templates.partials.values(),
    ...[...templates.overrides.values()].flatMap((map) => [...map.values()]),
  ];
  for (const template of all) {
    const references = templateReferences(parseTemplate(template.source));
    for (const { name, node } of references.partials) {
      if (templates.partials.has(name)) continue;
      const position = placeOf(node);
      diagnostics.push({
        file: template.path,
        ...(position ? { position } : {}),
        reason: `the partial "${name}" does not exist: add partials/${name}.hbs or correct the name (partials: ${[...templates.partials.keys()].join(", ")})`,
        ruleId: "template-partial",
      });
    }
    for (const { name, node } of references.helpers) {
      if (KNOWN_HELPERS.has(name)) continue;
      const position = placeOf(node);
      diagnostics.push({
        file: template.path,
        ...(position ? { position } : {}),
        reason: `unknown helper "${name}": the templates can use ${[...KNOWN_HELPERS].join(", ")}`,
        ruleId: "template-helper",
      });
    }
  }
}

function loadLayer(dir: string, layer: TemplateSet, diagnostics: Diagnostic[]): void {
  for (const name of LAYOUTS) {
    const file = path.join(dir, "layouts", `${name}.hbs`);
    // A layer may leave a layout to the one below it; a layout that is there must be a readable file.
    if (!existsSync(file) && !isSymbolicLink(file)) continue;
    const kind = entryKind(file);
    if (kind !== "file") {
      diagnostics.push(
        typeof kind === "object"
          ? kind
          : {
              file: displayPath(file),
              reason: `the ${name} layout is not a file: replace it with a Handlebars file`,
              ruleId: "template-missing",
            },
      );
      continue;
    }
    const template = readTemplate(file, diagnostics);
    if (template) layer.layouts.set(name, template);
  }
  for (const name of listTemplates(path.join(dir, "partials"), diagnostics)) {
    const template = readTemplate(path.join(dir, "partials", name), diagnostics);
    if (template) layer.partials.set(name.replace(/\.hbs$/, ""), template);
  }
}

/**
 * Per-task overrides of one layer. The project's overrides must name a task and a partial; the
 * built-in ones (`builtIn`) apply where the project has that task and are skipped elsewhere.
 */
function loadOverrides(
  dir: string,
  templates: TemplateSet,
  taskIds: ReadonlySet<string>,
  builtIn: boolean,
  diagnostics: Diagnostic[],
): void {
  const tasksDir = path.join(dir, "tasks");
  if (!existsSync(tasksDir)) return;
  const taskNames = listDirectory(tasksDir);
  if (!Array.isArray(taskNames)) {
    diagnostics.push(taskNames);
    return;
  }
  for (const taskId of taskNames) {
    const taskDir = path.join(tasksDir, taskId);
    const kind = entryKind(taskDir);
    if (typeof kind === "object") diagnostics.push(kind);
    if (kind !== "directory") continue;
    if (!taskIds.has(taskId)) {
      if (builtIn) continue;
      const reason = `overrides for unknown task "${taskId}": rename the directory to a task id or remove it`;
      diagnostics.push({ file: displayPath(taskDir), reason, ruleId: "template-override" });
      continue;
    }
    const overrides = templates.overrides.get(taskId) ?? new Map<string, TemplateFile>();
    for (const name of listTemplates(taskDir, diagnostics)) {
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
export function loadTemplates(
  dir: string,
  taskIds: ReadonlySet<string>,
  builtInDir: string = BUILT_IN_TEMPLATES_DIR,
): TemplateLoadResult {
  const diagnostics: Diagnostic[] = [];
  const templates: TemplateSet = { layouts: new Map(), partials: new Map(), overrides: new Map() };
  const layers = path.resolve(dir) === path.resolve(builtInDir) ? [dir] : [builtInDir, dir];
  for (const layer of layers) loadLayer(layer, templates, diagnostics);
  for (const name of LAYOUTS) {
    if (!layers.some((layer) => existsSync(path.join(layer, "layouts", `${name}.hbs`)))) {
      diagnostics.push({
        file: displayPath(path.join(dir, "layouts", `${name}.hbs`)),
        reason: `the ${name} layout is missing: every page kind needs layouts/${name}.hbs`,
        ruleId: "template-missing",
      });
    }
  }
  layers.forEach((layer, index) =>
    loadOverrides(layer, templates, taskIds, layers.length > 1 && index === 0, diagnostics),
  );
  if (diagnostics.length === 0) checkReferences(templates, diagnostics);
  return diagnostics.length > 0 ? { ok: false, diagnostics } : { ok: true, templates };
}

type Compiled = HandlebarsTemplateDelegate<unknown>;

/** The one Handlebars environment: templates get partials when rendered, so compiled ones can be shared. */
const environment = Handlebars.create();
environment.registerHelper("eq", (a: unknown, b: unknown) => a === b);

/** Compiles once per template text, renders many pages. */
export class TemplateRenderer {
  constructor(private readonly templates: TemplateSet) {}

  private compile(file: TemplateFile): Compiled {
    return compiledTemplates.getOrMake(file.source, (source) =>
      environment.compile(source, { noEscape: true, preventIndent: true }),
    );
  }

  /** The partials in effect for a page (with the task's overrides), name -> file. */
  partialsFor(taskId?: string): Map<string, TemplateFile> {
    const effective = new Map(this.templates.partials);
    for (const [name, file] of (taskId ? this.templates.overrides.get(taskId) : undefined) ?? [])
      effective.set(name, file);
    return effective;
  }

  layoutFile(layout: LayoutName): TemplateFile {
    const file = this.templates.layouts.get(layout);
    if (!file) throw new Error(`layout ${layout} is not loaded`);
    return file;
  }

  /**
   * Renders one page, telling `onPartial` each partial it uses and the context it gets. A template
   * that fails while rendering (a helper given the wrong values, a partial named at run time that
   * does not exist) is an input error naming the innermost template, its place when Handlebars
   * knows it, and the page.
   */
  render(
    layout: LayoutName,
    context: object,
    taskId?: string,
    page: string = layout,
    onPartial?: (name: string, context: unknown) => void,
  ): string {
    const partials: Record<string, Compiled> = {};
    for (const [name, file] of this.partialsFor(taskId)) {
      const partial = this.blaming(file, this.compile(file));
      // Handlebars renders in order, so the calls come in the order their output has on the page.
      partials[name] = onPartial ? (scope, options) => (onPartial(name, scope), partial(scope, options)) : partial;
    }
    const layoutFile = this.layoutFile(layout);
    try {
      return this.blaming(layoutFile, this.compile(layoutFile))(context, { partials });
    } catch (error) {
      const blamed = error as { templateFile?: string; lineNumber?: number; column?: number };
      if (!blamed.templateFile) throw error;
      const message = error instanceof Error ? error.message : String(error);
      const position =
        typeof blamed.lineNumber === "number"
          ? { line: blamed.lineNumber, column: (blamed.column ?? 0) + 1 }
          : undefined;
      throw new InputError([
        {
          file: blamed.templateFile,
          ...(position ? { position } : {}),
          reason: `rendering ${page} failed: ${message.split("\n")[0]}`,
          ruleId: "template-render",
        },
      ]);
    }
  }

  /** Marks an error with the innermost template it came from. */
  private blaming(file: TemplateFile, template: Compiled): Compiled {
    return (context, options) => {
      try {
        return template(context, options);
      } catch (error) {
        if (typeof error === "object" && error !== null && !("templateFile" in error))
          Object.assign(error, { templateFile: file.path });
        throw error;
      }
    };
  }
}
