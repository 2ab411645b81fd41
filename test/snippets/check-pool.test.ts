/**
 * The snippets checked on both cores (a worker thread of the bundle plus this thread) come back
 * the same, in the same order, as when checked on one thread; a source that does not parse is
 * reported the same way.
 */
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkSources, type SourceToCheck } from "../../snippets/check.ts";
import { checkSourcesOnAllCores } from "../../snippets/check-pool.ts";
import { PROJECT_ROOT } from "../helpers/cli.ts";

describe("checking snippets on both cores", () => {
  afterAll(() => {
    delete (globalThis as { snippetDocsBundle?: unknown }).snippetDocsBundle;
  });

  it("gives the results of a single thread", async () => {
    const launch = (await import(path.join(PROJECT_ROOT, "scripts/launch.mjs"))) as { currentBuild(): Promise<{ id: string; entries: Record<string, string> } | undefined> };
    const build = await launch.currentBuild();
    expect(build?.entries["snippets/check-worker.ts"]).toBeDefined();
    (globalThis as { snippetDocsBundle?: unknown }).snippetDocsBundle = { dir: path.join(PROJECT_ROOT, "dist", build?.id ?? ""), entries: build?.entries };
    const items: SourceToCheck[] = [];
    for (let index = 0; index < 40; index++) {
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
