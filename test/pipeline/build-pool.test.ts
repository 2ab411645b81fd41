/**
 * Work on both cores (a worker thread of the bundle plus this thread) comes back the same, in the
 * same order, as on one thread: snippets checked (a source that does not parse is reported the
 * same way) and page skeletons read (a broken table on one page is seen on that page).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readSkeleton, shortSkeletonOf } from "../../scripts/pages/validate-page.ts";
import { checkAndRead } from "../../scripts/pipeline/build-pool.ts";
import { checkSources, type SourceToCheck } from "../../snippets/check.ts";
import { PROJECT_ROOT } from "../helpers/cli.ts";

type Launcher = { currentBuild(): Promise<{ id: string; entries: Record<string, string> } | undefined> };

// Workers start only from the bundle: build it (when stale) and say so, as scripts/launch.mjs does.
beforeAll(async () => {
  const launch = (await import(path.join(PROJECT_ROOT, "scripts/launch.mjs"))) as Launcher;
  const build = await launch.currentBuild();
  expect(build?.entries["scripts/pipeline/build-worker.ts"]).toBeDefined();
  (globalThis as { snippetDocsBundle?: unknown }).snippetDocsBundle = {
    dir: path.join(PROJECT_ROOT, "dist", build?.id ?? ""),
    entries: build?.entries,
  };
});
afterAll(() => {
  delete (globalThis as { snippetDocsBundle?: unknown }).snippetDocsBundle;
});

describe("the build's slow work on both cores", () => {
  it("checks snippets and reads skeletons as a single thread does", async () => {
    const sources: SourceToCheck[] = [];
    // Above the size from which a worker is used.
    for (let index = 0; index < 21; index++) {
      sources.push({ language: "js", source: `const   value${index} = {a:${index}}\nconsole.log( value${index} )` });
      sources.push({ language: "python", source: `import os\nprint(os.environ['X${index}'] , ${index})` });
      sources.push({ language: "sh", source: `echo ${index}` });
    }
    sources.push({ language: "js", source: "const = ;" }, { language: "python", source: "print(undefined_name)" });
    const dir = path.join(PROJECT_ROOT, "generated/tasks");
    const pages = ["text-generation.md", "fill-mask.md", "text-classification.md"].map((name) =>
      readFileSync(path.join(dir, name), "utf8"),
    );
    pages.push((pages[1] ?? "").replace(/^\| :--- \| :--- \| :--- \|$/m, "| :--- | :--- | :--- |\n| a | b | c | d |"));
    const skeletons = pages.map(shortSkeletonOf);

    const done = await checkAndRead(sources, async () => skeletons);
    expect(done.checked).toEqual(await checkSources(sources));
    expect(done.checked.filter((checked) => checked.problem !== undefined)).toHaveLength(2);
    expect([...done.readings.keys()].sort()).toEqual([...skeletons].sort());
    for (const skeleton of skeletons) expect(done.readings.get(skeleton)).toEqual(readSkeleton(skeleton));
    expect(skeletons.map((skeleton) => done.readings.get(skeleton)?.sound)).toEqual([true, true, true, false]);
  });
});
