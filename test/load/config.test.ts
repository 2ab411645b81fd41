import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DEFAULT_DOCS_BASE_URL, loadConfig } from "../../scripts/config/config.ts";
import { isInputError } from "../../scripts/lib/diagnostics.ts";
import { buildSite } from "../../scripts/pipeline/build-site.ts";
import { scratchProject } from "../helpers/cli.ts";

const scratch: string[] = [];
afterAll(() => scratch.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function projectWith(config: object | undefined): string {
  const dir = mkdtempSync(path.join(tmpdir(), "snippet-docs-config-"));
  scratch.push(dir);
  if (config) writeFileSync(path.join(dir, "snippet-docs.config.json"), JSON.stringify(config));
  return dir;
}

describe("docsBaseUrl", () => {
  it("defaults to the published inference-providers docs", () => {
    expect(DEFAULT_DOCS_BASE_URL).toBe("https://huggingface.co/docs/inference-providers");
    expect(loadConfig(projectWith(undefined)).docsBaseUrl).toBe(DEFAULT_DOCS_BASE_URL);
    expect(loadConfig(projectWith({ snippetStyle: "inline" })).docsBaseUrl).toBe(DEFAULT_DOCS_BASE_URL);
  });

  it("takes the configured address, without its trailing slash", () => {
    expect(loadConfig(projectWith({ docsBaseUrl: "https://docs.example.com/api/" })).docsBaseUrl).toBe(
      "https://docs.example.com/api",
    );
  });

  it.each([
    "docs.example.com/api",
    "ftp://docs.example.com",
    "https://docs.example.com/?lang=en",
    "https://docs.example.com/a b",
    42,
  ])("rejects %j with the place of the field", (docsBaseUrl) => {
    const dir = projectWith({ docsBaseUrl });
    try {
      loadConfig(dir);
      expect.unreachable();
    } catch (error) {
      expect(isInputError(error)).toBe(true);
      const diagnostics = isInputError(error) ? error.diagnostics : [];
      expect(diagnostics.map((diagnostic) => diagnostic.pointer)).toContain("/docsBaseUrl");
      expect(diagnostics[0]?.file).toMatch(/snippet-docs\.config\.json$/);
    }
  });
});

describe("pages for readers", () => {
  const project = scratchProject({
    docsBaseUrl: "https://docs.example.com/inference/",
    providers: ["groq", "cerebras", "hf-inference"],
  });
  scratch.push(project);
  const built = buildSite(loadConfig(project));

  it("link the chat completion API specification absolutely, from docsBaseUrl", async () => {
    const page = (await built).files.find((file) => file.path === "tasks/image-text-to-text.md")?.content ?? "";
    expect(page).toContain("(https://docs.example.com/inference/tasks/chat-completion#api-specification)");
  });

  it("open every task page with a Tip pointing to the task's Hub page", async () => {
    const taskPages = (await built).files.filter((file) => file.path.startsWith("tasks/"));
    expect(taskPages.length).toBe(20);
    for (const page of taskPages) {
      const id = path.basename(page.path, ".md");
      const tip = /\n<Tip>\n\n(.*)\n\n<\/Tip>\n/.exec(page.content);
      expect(tip?.[1], page.path).toContain(`(https://huggingface.co/tasks/${id})`);
      expect(page.content.indexOf("<Tip>"), page.path).toBeLessThan(page.content.indexOf("### "));
    }
  });

  it("never tell readers to run a command of this repository", async () => {
    for (const file of (await built).files.filter((candidate) => candidate.path.endsWith(".md"))) {
      // The header comment names the command that wrote the page, for maintainers.
      const body = file.content.replace(/^(<!--|\{\/\*)[\s\S]*?(-->|\*\/\})\n/, "");
      expect(body, file.path).not.toMatch(/npm run|npx |snippet-docs|tsx scripts/);
    }
    const groq = (await built).files.find((file) => file.path === "providers/groq.md")?.content ?? "";
    expect(groq).toContain("https://api.groq.com/openai/v1/chat/completions");
    expect(groq).toContain("`GROQ_API_KEY`");
  });
});
