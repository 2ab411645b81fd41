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

/**
 * The large input costs 7-10 times the normal run here (remark parses the 1 MB twice and ajv
 * compiles the 10,000 properties, both linear): the bound leaves room for a busy machine. The
 * second ratio tells linear from quadratic: doubling the input must about double the extra cost
 * (a square would quadruple it).
 */
const MAX_RATIO = 20;
const MAX_GROWTH = 3;

async function timeBuild(root: string): Promise<number> {
  const started = performance.now();
  await buildSite(loadConfig(root));
  return performance.now() - started;
}

/** About 1 MB of prose in paragraphs of some 5,000 characters, dense with inline markdown and characters to escape. */
function largeDescription(bytes: number): string {
  const sentence =
    "Text classification assigns a label to a piece of text, with `code`, a [link](https://example.com/a) & *emphasis* <b>. ";
  const paragraph = sentence.repeat(Math.ceil(5_000 / sentence.length));
  return Array.from({ length: Math.ceil(bytes / paragraph.length) }, () => paragraph).join("\n\n");
}

/** A copy of `normal` with a description of `bytes` and `properties` more request parameters. */
function enlarged(normal: string, parent: string, bytes: number, properties: number): string {
  const large = mkdtempSync(path.join(parent, "large-"));
  cpSync(normal, large, { recursive: true });
  const taskFile = path.join(large, "specs/tasks/text-classification/task.json");
  const task = JSON.parse(readFileSync(taskFile, "utf8")) as Record<string, unknown>;
  task["description"] = largeDescription(bytes);
  writeFileSync(taskFile, JSON.stringify(task, null, 2));
  const inputFile = path.join(large, "specs/tasks/text-classification/input.json");
  const input = JSON.parse(readFileSync(inputFile, "utf8")) as {
    $defs: Record<string, { properties: Record<string, unknown> }>;
  };
  const parameters = input.$defs["TextClassificationParameters"] as { properties: Record<string, unknown> };
  for (let index = 0; index < properties; index++) {
    parameters.properties[`option_${index}`] = {
      type: "integer",
      minimum: 0,
      description: `Option ${index}, with a *little* \`markup\` & <escapes>.`,
    };
  }
  writeFileSync(inputFile, JSON.stringify(input, null, 2));
  return large;
}

describe("a large input", () => {
  const scratch = mkdtempSync(path.join(tmpdir(), "snippet-docs-large-"));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it(`(1 MB description, 10,000-property schema) costs less than ${MAX_RATIO} times the normal run, and grows linearly`, async () => {
    const normal = scratchProject({});
    const half = enlarged(normal, scratch, 500_000, 5_000);
    const full = enlarged(normal, scratch, 1_000_000, 10_000);
    await timeBuild(normal); // warm up the formatters and parsers
    const normalMs = Math.min(await timeBuild(normal), await timeBuild(normal));
    const halfMs = await timeBuild(half);
    const fullMs = await timeBuild(full);
    const ratio = fullMs / normalMs;
    const growth = (fullMs - normalMs) / (halfMs - normalMs);
    console.log(
      `normal ${Math.round(normalMs)} ms, half ${Math.round(halfMs)} ms, large ${Math.round(fullMs)} ms: ratio ${ratio.toFixed(2)}, growth ${growth.toFixed(2)}`,
    );
    expect(ratio).toBeLessThan(MAX_RATIO);
    expect(growth).toBeLessThan(MAX_GROWTH);
    rmSync(normal, { recursive: true, force: true });
  });
});
