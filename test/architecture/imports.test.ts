/**
 * Imports point down: the layers in layers.ts, lowest first, and no cycles. The first test checks
 * our code; the others show that the check finds each kind of problem in a made-up graph.
 */
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readImportGraph, specifiersOf, type ImportGraph } from "./import-graph.ts";
import { layerIndexOf, layerProblems } from "./layer-rules.ts";
import { LAYERS, SOURCE_ROOTS, type Layer } from "./layers.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

describe("our imports", () => {
  const graph = readImportGraph(ROOT, SOURCE_ROOTS);

  it("keep to the layers and form no cycle", () => {
    expect(layerProblems(graph, LAYERS)).toEqual([]);
  });

  it("are read from the code (the graph is not empty)", () => {
    expect(graph.files).toContain("scripts/cli/main.ts");
    expect(graph.edges).toContainEqual(expect.objectContaining({ from: "scripts/cli/main.ts" }));
    expect(graph.edges.length).toBeGreaterThan(graph.files.length);
  });
});

describe("the import reader", () => {
  it("finds static, type-only, dynamic and re-exported imports and started files, with their lines", () => {
    const text = [
      'import { a } from "./a.ts";',
      'import type { B } from "../b.ts";',
      'export { c } from "./c.ts";',
      'const d = await import("./d.ts");',
      'const worker = new URL("./worker.ts", import.meta.url);',
      'import { readFileSync } from "node:fs";',
    ].join("\n");
    const found = specifiersOf(text).map(({ specifier }) => specifier);
    expect(found.sort()).toEqual(["../b.ts", "./a.ts", "./c.ts", "./d.ts", "./worker.ts"]);
  });
});

describe("the layer check", () => {
  const layers: Layer[] = [
    { name: "core", holds: "the bottom", paths: ["core/"] },
    { name: "app", holds: "the top", paths: ["app/", "core/special.ts"] },
  ];
  const edge = (from: string, to: string, line = 1) => ({ from, to, line });

  it("places a file by the longest path that holds it", () => {
    expect(layerIndexOf("core/x.ts", layers)).toBe(0);
    expect(layerIndexOf("core/special.ts", layers)).toBe(1);
    expect(layerIndexOf("elsewhere/x.ts", layers)).toBeUndefined();
  });

  it("accepts imports that point down or stay in their layer", () => {
    const graph: ImportGraph = {
      files: ["app/main.ts", "core/a.ts", "core/b.ts"],
      edges: [edge("app/main.ts", "core/a.ts"), edge("core/a.ts", "core/b.ts")],
    };
    expect(layerProblems(graph, layers)).toEqual([]);
  });

  it("reports an upward import with its file, line and the two layers", () => {
    const graph: ImportGraph = { files: ["app/main.ts", "core/a.ts"], edges: [edge("core/a.ts", "app/main.ts", 7)] };
    const [problem, ...others] = layerProblems(graph, layers);
    expect(others).toEqual([]);
    expect(problem).toMatch(/^core\/a\.ts:7 imports app\/main\.ts: layer "core" must not import layer "app" above it/);
  });

  it("reports a cycle with every file on it", () => {
    const graph: ImportGraph = {
      files: ["core/a.ts", "core/b.ts", "core/c.ts", "core/d.ts"],
      edges: [edge("core/a.ts", "core/b.ts", 2), edge("core/b.ts", "core/c.ts", 3), edge("core/c.ts", "core/a.ts", 4)],
    };
    expect(layerProblems(graph, layers)).toEqual([
      "import cycle through 3 file(s): core/a.ts:2 -> core/b.ts:3 -> core/c.ts:4 -> core/a.ts",
    ]);
  });

  it("reports two folders of one layer that import each other, though no file cycle does", () => {
    const graph: ImportGraph = {
      files: ["app/a.ts", "app/b.ts", "lib/c.ts", "lib/d.ts"],
      edges: [edge("app/a.ts", "lib/c.ts", 4), edge("lib/d.ts", "app/b.ts", 9)],
    };
    expect(layerProblems(graph, [{ name: "one", holds: "both", paths: ["app/", "lib/"] }])).toEqual([
      "folders import each other: app/ (app/a.ts:4 imports lib/c.ts) -> lib/ (lib/d.ts:9 imports app/b.ts) -> app/",
    ]);
  });

  it("reports a file that imports itself", () => {
    const graph: ImportGraph = { files: ["core/a.ts"], edges: [edge("core/a.ts", "core/a.ts", 5)] };
    expect(layerProblems(graph, layers)).toEqual(["import cycle through 1 file(s): core/a.ts:5 -> core/a.ts"]);
  });

  it("fails a file in no layer and says where it could go", () => {
    const [problem, ...others] = layerProblems({ files: ["misc/x.ts"], edges: [] }, layers);
    expect(others).toEqual([]);
    expect(problem).toContain("misc/x.ts is in no layer");
    expect(problem).toContain("core: the bottom (core/)");
    expect(problem).toContain("app: the top (app/, core/special.ts)");
  });
});
