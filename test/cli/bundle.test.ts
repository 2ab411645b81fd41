/**
 * The bundle scripts/launch.mjs builds: the parsers and template engine made of many small modules
 * are inside it (Node's loader would resolve and read each file on every start), and a start-up
 * knows when to rebuild: a source file, the launcher, or a bundled package changed.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../helpers/cli.ts";

type Build = { id: string; inputs: Record<string, [number, number]> };
type Launcher = { currentBuild(): Promise<Build | undefined> };

/** Every import of a package (not a relative file, not node:) in the bundle's files. */
function packageImports(dir: string): Set<string> {
  const found = new Set<string>();
  for (const file of readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((name) => name.endsWith(".mjs"))) {
    const text = readFileSync(path.join(dir, file), "utf8");
    for (const [, specifier] of text.matchAll(/(?:from |import\()"([^".][^"]*)"/g)) {
      if (specifier && !specifier.startsWith("node:")) found.add(specifier);
    }
  }
  return found;
}

describe("the bundle", () => {
  it("holds the many-module packages and records each by its package.json, with the launcher", async () => {
    const launch = (await import(path.join(PROJECT_ROOT, "scripts/launch.mjs"))) as Launcher;
    const build = await launch.currentBuild();
    if (!build) throw new Error("no bundle could be built");
    const imports = packageImports(path.join(PROJECT_ROOT, "dist", build.id));
    for (const bundled of ["unified", "remark-parse", "remark-gfm", "micromark-extension-gfm", "handlebars", "acorn"]) {
      expect(imports, bundled).not.toContain(bundled);
    }
    // Kept outside: ruff loads its WebAssembly from beside its module.
    expect(imports).toContain("@astral-sh/ruff-wasm-nodejs");
    const inputs = Object.keys(build.inputs);
    expect(inputs).toContain("scripts/launch.mjs");
    const packageFiles = inputs.filter((file) => file.split(/[\\/]/).includes("node_modules"));
    expect(packageFiles).toContain(path.join("node_modules", "micromark", "package.json"));
    expect(packageFiles.filter((file) => !file.endsWith("package.json"))).toEqual([]);
  });
});
