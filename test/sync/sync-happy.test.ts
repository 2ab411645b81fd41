/**
 * The happy path, end to end in-process: sync against the fixture Hub in a scratch copy of the
 * project rewrites the feed and the recommended models exactly as the Hub changed, in the feed's
 * own layout, and the result generates and checks.
 */
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../scripts/config/config.ts";
import { buildSite } from "../../scripts/pipeline/build-site.ts";
import { compareOutput, writeOutput } from "../../scripts/pipeline/output-dir.ts";
import { isCurrent } from "../../scripts/pipeline/report-stale.ts";
import { startFixtureHub, type FixtureHub } from "./fixture-hub.ts";
import { fingerprint, runSync, syncProject } from "./helpers.ts";
import { mirrorOfProject, modelOf } from "./hub-data.ts";

/** Lines of `after` not in `before`, and of `before` not in `after` (as multisets). */
function lineChanges(before: string, after: string): { removed: string[]; added: string[] } {
  const count = (text: string) => {
    const counts = new Map<string, number>();
    for (const line of text.split("\n")) counts.set(line, (counts.get(line) ?? 0) + 1);
    return counts;
  };
  const a = count(before);
  const b = count(after);
  const diff = (x: Map<string, number>, y: Map<string, number>) =>
    [...x].flatMap(([line, n]) => Array<string>(Math.max(0, n - (y.get(line) ?? 0))).fill(line)).sort();
  return { removed: diff(a, b), added: diff(b, a) };
}

describe("sync against the fixture Hub", () => {
  let hub: FixtureHub;
  let project: string;
  let feedBefore: string;

  beforeAll(async () => {
    // The pages of one provider and two clients are enough to show the synced feed generates.
    project = syncProject({}, { providers: ["zai-org"], clients: ["sh/curl", "js/fetch"] });
    feedBefore = readFileSync(path.join(project, "specs/providers.json"), "utf8");
    const data = mirrorOfProject(project);
    // What changed on the Hub since the feed was written:
    // groq stopped serving Llama 3.3 70B and serves gpt-oss-120b instead,
    const llama = modelOf(data, "meta-llama/Llama-3.3-70B-Instruct");
    llama.mappings = llama.mappings.filter((mapping) => mapping.provider !== "groq");
    modelOf(data, "openai/gpt-oss-120b").mappings.push({
      provider: "groq",
      providerId: "openai/gpt-oss-120b",
      status: "live",
      task: "conversational",
    });
    // zai-org now serves GLM-4.5V as a chat model,
    modelOf(data, "zai-org/GLM-4.5V").mappings.push({
      provider: "zai-org",
      providerId: "glm-4.5v",
      status: "live",
      task: "conversational",
    });
    // nebius dropped its staging embedding model,
    const bge = modelOf(data, "BAAI/bge-en-icl");
    bge.mappings = bge.mappings.filter((mapping) => mapping.provider !== "nebius");
    // together renamed FLUX.1-schnell on its side,
    const schnell = modelOf(data, "black-forest-labs/FLUX.1-schnell");
    schnell.mappings = schnell.mappings.map((mapping) =>
      mapping.provider === "together" ? { ...mapping, providerId: "black-forest-labs/FLUX.1-schnell-Free" } : mapping,
    );
    // a provider the feed does not know, and a known one on a task it has no route for,
    llama.mappings.push({
      provider: "acme-cloud",
      providerId: "meta-llama/Llama-3.3-70B-Instruct",
      status: "live",
      task: "conversational",
    });
    data.models.push({
      id: "stabilityai/stable-diffusion-3.5-large",
      pipelineTag: "text-to-image",
      likes: 5,
      mappings: [{ provider: "cerebras", providerId: "sd35", status: "live", task: "text-to-image" }],
    });
    // and text classification recommends a language detector instead of two sentiment models.
    data.models.push({
      id: "papluca/xlm-roberta-base-language-detection",
      pipelineTag: "text-classification",
      likes: 3,
      mappings: [
        {
          provider: "hf-inference",
          providerId: "papluca/xlm-roberta-base-language-detection",
          status: "live",
          task: "text-classification",
        },
      ],
    });
    data.tasks["text-classification"] = [
      { id: "distilbert/distilbert-base-uncased-finetuned-sst-2-english", description: "The Hub's sentiment model." },
      { id: "papluca/xlm-roberta-base-language-detection", description: "Tells which of\n20 languages a text is in." },
    ];
    hub = await startFixtureHub(data);
  });
  afterAll(async () => {
    await hub.close();
    rmSync(project, { recursive: true, force: true });
  });

  it("--dry-run prints the changes and writes nothing", async () => {
    const before = fingerprint(project);
    const run = await runSync(project, ["--endpoint", hub.origin, "--dry-run"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/mappings: 1 added, 1 removed, 2 changed, \d+ unchanged/);
    expect(run.stdout).toContain("  + zai-org image-text-to-text: zai-org/GLM-4.5V as glm-4.5v (live)");
    expect(run.stdout).toContain("  - nebius feature-extraction: BAAI/bge-en-icl as BAAI/bge-en-icl (staging)");
    expect(run.stdout).toContain(
      "  ~ groq chat-completion: meta-llama/Llama-3.3-70B-Instruct as llama-3.3-70b-versatile (live) -> openai/gpt-oss-120b as openai/gpt-oss-120b (live)",
    );
    // featherless-ai serves the recommended text-generation model Qwen2.5-7B-Instruct as a chat model.
    expect(run.stdout).toContain("  chat-completion: + Qwen/Qwen2.5-7B-Instruct\n");
    expect(run.stdout).toContain(
      "  text-classification: + papluca/xlm-roberta-base-language-detection, - cardiffnlp/twitter-roberta-base-sentiment-latest, - ProsusAI/finbert",
    );
    expect(run.stdout).toContain("  acme-cloud chat-completion: 1 model (unknown provider)");
    expect(run.stdout).toContain("  cerebras text-to-image: 1 model (no request contract for this task)");
    expect(run.stdout).toContain(
      "dry run: would write specs/providers.json, specs/tasks/chat-completion/task.json, specs/tasks/text-classification/task.json",
    );
    expect(fingerprint(project)).toEqual(before);
  });

  it("--check exits 1 while the feed is out of date, and writes nothing", async () => {
    const before = fingerprint(project);
    const run = await runSync(project, ["--endpoint", hub.origin, "--check"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("out of date: specs/providers.json");
    expect(fingerprint(project)).toEqual(before);
  });

  it("rewrites the changed mapping lines and the recommended models in the files' own layout", async () => {
    const run = await runSync(project, ["--endpoint", hub.origin]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const feedAfter = readFileSync(path.join(project, "specs/providers.json"), "utf8");
    expect(lineChanges(feedBefore, feedAfter)).toEqual({
      removed: [
        '        "chat-completion": { "modelId": "meta-llama/Llama-3.3-70B-Instruct", "providerModelId": "llama-3.3-70b-versatile", "status": "live" },',
        '        "chat-completion": { "modelId": "zai-org/GLM-4.5", "providerModelId": "glm-4.5", "status": "live" }',
        '        "feature-extraction": { "modelId": "BAAI/bge-en-icl", "providerModelId": "BAAI/bge-en-icl", "status": "staging" },',
        '        "text-to-image": { "modelId": "black-forest-labs/FLUX.1-schnell", "providerModelId": "black-forest-labs/FLUX.1-schnell", "status": "live" }',
      ].sort(),
      added: [
        '        "chat-completion": { "modelId": "openai/gpt-oss-120b", "providerModelId": "openai/gpt-oss-120b", "status": "live" },',
        '        "chat-completion": { "modelId": "zai-org/GLM-4.5", "providerModelId": "glm-4.5", "status": "live" },',
        '        "image-text-to-text": { "modelId": "zai-org/GLM-4.5V", "providerModelId": "glm-4.5v", "status": "live" }',
        '        "text-to-image": { "modelId": "black-forest-labs/FLUX.1-schnell", "providerModelId": "black-forest-labs/FLUX.1-schnell-Free", "status": "live" }',
      ].sort(),
    });
    const classification = JSON.parse(
      readFileSync(path.join(project, "specs/tasks/text-classification/task.json"), "utf8"),
    ) as { recommendedModels: unknown };
    expect(classification.recommendedModels).toEqual([
      {
        id: "distilbert/distilbert-base-uncased-finetuned-sst-2-english",
        description: "Small and fast English sentiment model (positive or negative).",
      },
      { id: "papluca/xlm-roberta-base-language-detection", description: "Tells which of 20 languages a text is in." },
    ]);
    const text = readFileSync(path.join(project, "specs/tasks/text-classification/task.json"), "utf8");
    expect(text).toContain(
      '    { "id": "papluca/xlm-roberta-base-language-detection", "description": "Tells which of 20 languages a text is in." }\n  ],',
    );
  });

  it("a second sync against the same Hub finds nothing to change", async () => {
    const run = await runSync(project, ["--endpoint", hub.origin, "--check"]);
    expect(run.stdout).toContain("the feed and the recommended models are up to date.");
    expect(run.code).toBe(0);
  });

  it("generate and check pass on the synced project", async () => {
    const config = loadConfig(project);
    const site = await buildSite(config);
    writeOutput(config.outDir, site.files);
    expect(isCurrent(compareOutput(config.outDir, (await buildSite(config)).files))).toBe(true);
    const zai = readFileSync(path.join(config.outDir, "providers/zai-org.md"), "utf8");
    expect(zai).toContain("zai-org/GLM-4.5V");
  });
});
