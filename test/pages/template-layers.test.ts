/**
 * A project's templates directory is laid over the built-in templates: one partial or one layout
 * is enough, and the rest comes from the tool.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BUILT_IN_TEMPLATES_DIR, LAYOUTS, loadTemplates, TemplateRenderer } from "../../scripts/pages/templates.ts";
import { PROJECT_ROOT } from "../helpers/cli.ts";

const TASKS = new Set(["text-classification", "chat-completion"]);

function write(dir: string, relative: string, text: string): void {
  mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
  writeFileSync(path.join(dir, relative), text);
}

describe("layered templates", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), "snippet-docs-templates-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("are the tool's own in this repository", () => {
    expect(path.resolve(BUILT_IN_TEMPLATES_DIR)).toBe(path.join(PROJECT_ROOT, "templates"));
  });

  it("take every layout and partial from the tool when the project has none", () => {
    const result = loadTemplates(path.join(dir, "templates"), TASKS);
    if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
    expect([...result.templates.layouts.keys()].sort()).toEqual([...LAYOUTS].sort());
    const builtInPartial = readFileSync(path.join(BUILT_IN_TEMPLATES_DIR, "partials/recommended-models.hbs"), "utf8");
    expect(result.templates.partials.get("recommended-models")?.source).toBe(builtInPartial);
  });

  it("replace one partial and one layout, and add a partial", () => {
    write(dir, "templates/partials/recommended-models.hbs", "Our own models.\n");
    write(dir, "templates/partials/footer.hbs", "Our footer.\n");
    write(dir, "templates/layouts/index.hbs", "# Our index\n{{> footer}}");
    const result = loadTemplates(path.join(dir, "templates"), TASKS);
    if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
    const renderer = new TemplateRenderer(result.templates);
    expect(renderer.partialsFor().get("recommended-models")?.source).toBe("Our own models.\n");
    expect(renderer.render("index", {})).toBe("# Our index\nOur footer.\n");
    expect(renderer.layoutFile("task").source).toBe(
      readFileSync(path.join(BUILT_IN_TEMPLATES_DIR, "layouts/task.hbs"), "utf8"),
    );
  });

  it("keep the tool's per-task overrides for tasks the project has, and check the project's own", () => {
    write(dir, "templates/tasks/text-classification/recommended-models.hbs", "Task models.\n");
    const result = loadTemplates(path.join(dir, "templates"), TASKS);
    if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
    expect(result.templates.overrides.get("text-classification")?.get("recommended-models")?.source).toBe(
      "Task models.\n",
    );
    expect(result.templates.overrides.has("chat-completion")).toBe(true);
    // The tool's image-text-to-text override is skipped: this project has no such task.
    expect(result.templates.overrides.has("image-text-to-text")).toBe(false);

    write(dir, "templates/tasks/text-to-poem/recommended-models.hbs", "x");
    write(dir, "templates/tasks/chat-completion/no-such-partial.hbs", "x");
    const broken = loadTemplates(path.join(dir, "templates"), TASKS);
    expect(broken.ok).toBe(false);
    const rules = broken.ok
      ? []
      : broken.diagnostics.map((diagnostic) => `${path.basename(diagnostic.file)} ${diagnostic.ruleId}`);
    expect(rules.sort()).toEqual(["no-such-partial.hbs template-override", "text-to-poem template-override"]);
  });

  it("still report a layout missing everywhere", () => {
    const result = loadTemplates(path.join(dir, "templates"), TASKS, path.join(dir, "empty-tool"));
    expect(result.ok ? [] : result.diagnostics.map((diagnostic) => diagnostic.ruleId)).toEqual([
      "template-missing",
      "template-missing",
      "template-missing",
    ]);
  });
});
