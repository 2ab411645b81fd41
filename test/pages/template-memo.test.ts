/**
 * Templates, prose and schema tables are remembered by their text for the life of the process
 * (the preview's builder loads them on every save): an edit at the same path is always seen, a
 * fixed mistake is no longer reported, and a mistake is reported as often as it is loaded.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { proseProblems } from "../../scripts/load/prose.ts";
import { loadTemplates, TemplateRenderer } from "../../scripts/pages/templates.ts";
import { specTableForFile } from "../../scripts/spec-table/schema-table.ts";

const dir = mkdtempSync(path.join(tmpdir(), "snippet-docs-template-memo-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function renderIndexWith(layout: string): string | undefined {
  mkdirSync(path.join(dir, "templates/layouts"), { recursive: true });
  writeFileSync(path.join(dir, "templates/layouts/index.hbs"), layout);
  const result = loadTemplates(path.join(dir, "templates"), new Set());
  if (!result.ok) return undefined;
  return new TemplateRenderer(result.templates).render("index", { tasks: [], providers: [] });
}

describe("remembered templates and prose", () => {
  it("render the text the layout holds now, at the same path", () => {
    expect(renderIndexWith("First {{#each tasks}}x{{else}}none{{/each}}\n")).toBe("First none\n");
    expect(renderIndexWith("Second\n")).toBe("Second\n");
    expect(renderIndexWith("First {{#each tasks}}x{{else}}none{{/each}}\n")).toBe("First none\n");
  });

  it("report a syntax error every time it is loaded, and not once it is fixed", () => {
    expect(renderIndexWith("{{#if tasks}}\n")).toBeUndefined();
    expect(renderIndexWith("{{#if tasks}}\n")).toBeUndefined();
    expect(renderIndexWith("Fixed\n")).toBe("Fixed\n");
  });

  it("give the same prose problems on every call, each a copy of its own", () => {
    const prose = "Fine text.\n\nSee [this](javascript:alert(1)).";
    const first = proseProblems(prose);
    expect(first).toHaveLength(1);
    first.splice(0);
    expect(proseProblems(prose)).toHaveLength(1);
    expect(proseProblems("Fine text.")).toEqual([]);
  });

  it("render a schema table from the schema as it is now, at the same path", () => {
    const schema = path.join(dir, "input.json");
    const withField = (name: string) =>
      JSON.stringify({ type: "object", properties: { [name]: { type: "string", description: `The ${name}.` } } });
    writeFileSync(schema, withField("first"));
    expect(specTableForFile(schema, [])).toContain("first");
    writeFileSync(schema, withField("second"));
    const second = specTableForFile(schema, []);
    expect(second).toContain("second");
    expect(second).not.toContain("first");
  });
});
