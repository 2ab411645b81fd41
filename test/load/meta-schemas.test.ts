/**
 * The meta-schemas belong to the tool: they are read from its package, never from the project, so a
 * project's own specs/schema/ (where older versions kept them) neither breaks nor changes validation.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../scripts/lib/diagnostics.ts";
import { loadSpecs } from "../../scripts/load/load-specs.ts";
import { scratchProject } from "../helpers/cli.ts";

describe("the meta-schemas", () => {
  const project = scratchProject();
  const specsDir = path.join(project, "specs");
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  const problems = (): string[] => {
    const loaded = loadSpecs({ specsDir, schemas: { layout: "ours" } });
    return loaded.ok ? [] : loaded.diagnostics.map(formatDiagnostic);
  };

  it("are not part of a project's data", () => {
    expect(existsSync(path.join(specsDir, "schema"))).toBe(false);
    expect(readFileSync(path.join(specsDir, "providers.json"), "utf8")).toContain('"$schema": "../schemas/');
    expect(problems()).toEqual([]);
  });

  it("ignore a project's own specs/schema/ left by an older version, however broken", () => {
    mkdirSync(path.join(specsDir, "schema"), { recursive: true });
    for (const name of ["task", "providers", "contracts", "config"]) {
      // `false` rejects every document; a validator that read these would fail every file.
      writeFileSync(path.join(specsDir, "schema", `${name}.schema.json`), "false");
    }
    writeFileSync(path.join(specsDir, "schema", "extra.json"), "{ not json");
    expect(problems()).toEqual([]);
  });

  it("name the package's meta-schema when a task.json breaks its format", () => {
    const taskFile = path.join(specsDir, "tasks/fill-mask/task.json");
    const task = JSON.parse(readFileSync(taskFile, "utf8")) as Record<string, unknown>;
    writeFileSync(taskFile, JSON.stringify({ ...task, title: 42 }, null, 2));
    const [problem] = problems();
    expect(problem).toMatch(/fill-mask\/task\.json:\d+:\d+ at \/title: error: must be string/);
    expect(problem).toContain(`(the format is defined in ${path.join("schemas", "task.schema.json")})`);
    expect(problem).not.toContain(path.join("specs", "schema"));
  });
});
