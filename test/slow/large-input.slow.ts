/**
 * Cost grows with the input, not faster: the repository's project with a 1 MB task description
 * and a 10,000-property request schema stays within a small multiple of the same project as it is,
 * measured in the same run (a ratio, not a time). Before the fix a 1 MB description took minutes:
 * micromark merges a paragraph's text tokens with one array splice per inline construct, so the
 * description, collapsed into one paragraph, cost the square of its size (see scripts/load/prose.ts).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../scripts/config/config.ts";
import { buildSite } from "../../scripts/pipeline/build-site.ts";
import { scratchProject } from "../helpers/cli.ts";

// Measured 6.8 on a machine shared by six test runs; before the fix the description alone cost 24 times the normal run.
const MAX_RATIO = 10;

async function timeBuild(root: string): Promise<number> {
  const started = performance.now();
  await buildSite(loadConfig(root));
  return performance.now() - started;
}

/** About 1 MB of prose in paragraphs of some 5,000 characters, dense with inline markdown and characters to escape. */
function largeDescription(): string {
  const sentence = "Text classification assigns a label to a piece of text, with `code`, a [link](https://example.com/a) & *emphasis* <b>. ";
  const paragraph = sentence.repeat(Math.ceil(5_000 / sentence.length));
  return Array.from({ length: Math.ceil(1_000_000 / paragraph.length) }, () => paragraph).join("\n\n");
}

describe("a large input", () => {
  const scratch = mkdtempSync(path.join(tmpdir(), "snippet-docs-large-"));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it(`(1 MB description, 10,000-property schema) costs less than ${MAX_RATIO} times the normal run`, async () => {
    const normal = scratchProject({});
    const large = mkdtempSync(path.join(scratch, "large-"));
    cpSync(normal, large, { recursive: true });
    const taskFile = path.join(large, "specs/tasks/text-classification/task.json");
    const task = JSON.parse(readFileSync(taskFile, "utf8")) as Record<string, unknown>;
    task["description"] = largeDescription();
    writeFileSync(taskFile, JSON.stringify(task, null, 2));
    const inputFile = path.join(large, "specs/tasks/text-classification/input.json");
    const input = JSON.parse(readFileSync(inputFile, "utf8")) as { $defs: Record<string, { properties: Record<string, unknown> }> };
    const parameters = input.$defs["TextClassificationParameters"] as { properties: Record<string, unknown> };
    for (let index = 0; index < 10_000; index++) {
      parameters.properties[`option_${index}`] = { type: "integer", minimum: 0, description: `Option ${index}, with a *little* \`markup\` & <escapes>.` };
    }
    writeFileSync(inputFile, JSON.stringify(input, null, 2));

    await timeBuild(normal); // warm up the formatters and parsers
    const normalMs = Math.min(await timeBuild(normal), await timeBuild(normal));
    const largeMs = await timeBuild(large);
    const ratio = largeMs / normalMs;
    console.log(`normal run ${Math.round(normalMs)} ms, large input ${Math.round(largeMs)} ms, ratio ${ratio.toFixed(2)}`);
    expect(ratio).toBeLessThan(MAX_RATIO);
    rmSync(normal, { recursive: true, force: true });
  });
});
