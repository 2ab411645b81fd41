/**
 * Work on both cores (a worker thread of the bundle plus this thread) comes back the same, in the
 * same order, as on one thread: snippets checked (a source that does not parse is reported the
 * same way) and pages validated (a broken table on one page is found on that page).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validatePages, validatePagesOnAllCores } from "../../scripts/pages/validate-pool.ts";
import { checkSources, type SourceToCheck } from "../../snippets/check.ts";
import { checkSourcesOnAllCores } from "../../snippets/check-pool.ts";
import { PROJECT_ROOT } from "../helpers/cli.ts";

type Launcher = { currentBuild(): Promise<{ id: string; entries: Record<string, string> } | undefined> };

// Workers start only from the bundle: build it (when stale) and say so, as scripts/launch.mjs does.
beforeAll(async () => {
  const launch = (await import(path.join(PROJECT_ROOT, "scripts/launch.mjs"))) as Launcher;
  const build = await launch.currentBuild();
  expect(build?.entries["snippets/check-worker.ts"]).toBeDefined();
  (globalThis as { snippetDocsBundle?: unknown }).snippetDocsBundle = {
    dir: path.join(PROJECT_ROOT, "dist", build?.id ?? ""),
    entries: build?.entries,
  };
});
afterAll(() => {
  delete (globalThis as { snippetDocsBundle?: unknown }).snippetDocsBundle;
});

describe("checking snippets on both cores", () => {
  it("gives the results of a single thread", async () => {
    const items: SourceToCheck[] = [];
    // Just above the size from which a worker is used.
    for (let index = 0; index < 21; index++) {
      items.push({ language: "js", source: `const   value${index} = {a:${index}}\nconsole.log( value${index} )` });
      items.push({ language: "python", source: `import os\nprint(os.environ['X${index}'] , ${index})` });
      items.push({ language: "sh", source: `echo ${index}` });
    }
    items.push({ language: "js", source: "const = ;" }, { language: "python", source: "print(undefined_name)" });
    const parallel = await checkSourcesOnAllCores(items);
    expect(parallel).toEqual(await checkSources(items));
    expect(parallel.filter((checked) => checked.problem !== undefined)).toHaveLength(2);
  });
});

describe("validating pages on both cores", () => {
  it("finds the problems a single thread finds, on the same pages", async () => {
    const dir = path.join(PROJECT_ROOT, "generated/tasks");
    // Enough text for the pool to start a worker (200k characters), few pages so the test stays short.
    const names = ["image-text-to-text.md", "text-generation.md", "fill-mask.md", "text-classification.md"];
    const pages = names.map((name) => ({ file: name, markdown: readFileSync(path.join(dir, name), "utf8") }));
    const broken = pages.findIndex((page) => page.file === "fill-mask.md");
    pages[broken] = {
      file: "fill-mask.md",
      markdown: (pages[broken]?.markdown ?? "").replace(
        /^\| :--- \| :--- \| :--- \|$/m,
        "| :--- | :--- | :--- |\n| a | b | c | d |",
      ),
    };
    const expected = { snippets: new Set<string>(), mdx: false };
    const parallel = await validatePagesOnAllCores(pages, expected);
    expect(parallel).toEqual(await validatePages(pages, expected));
    expect(parallel[broken]?.map((problem) => problem.ruleId)).toContain("page-table");
  });
});
