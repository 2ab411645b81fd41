/**
 * Every way the Hub can let a sync down: each fault exits with its documented code, says which URL
 * and why, and leaves every file of the project byte for byte as it was.
 */
import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { addFault, startFixtureHub, type FixtureHub, type FixtureHubData } from "./fixture-hub.ts";
import { fingerprint, runSync, syncProject, type SyncRun } from "./helpers.ts";
import { mirrorOfProject } from "./hub-data.ts";

const isListingOf = (tag: string) => (url: URL) =>
  url.pathname === "/api/models" && url.searchParams.get("pipeline_tag") === tag;
const isTasks = (url: URL) => url.pathname === "/api/tasks";

describe("sync faults", () => {
  let hub: FixtureHub;
  let project: string;
  let mirror: FixtureHubData;
  let before: Map<string, string>;

  beforeAll(async () => {
    project = syncProject();
    mirror = mirrorOfProject(project);
    before = fingerprint(project);
    hub = await startFixtureHub(structuredClone(mirror));
  });
  afterEach(() => {
    hub.faults = [];
    hub.requests = [];
    hub.data = structuredClone(mirror);
  });
  afterAll(async () => {
    await hub.close();
    rmSync(project, { recursive: true, force: true });
  });

  async function failingSync(argv: string[] = [], env: Record<string, string> = {}): Promise<SyncRun> {
    const run = await runSync(project, ["--endpoint", hub.origin, ...argv], env);
    expect(fingerprint(project)).toEqual(before);
    return run;
  }

  it("500: exit 1 after the retries, naming the URL", async () => {
    addFault(hub, isListingOf("text-to-image"), { kind: "status", status: 500 });
    const run = await failingSync();
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^http:\/\/127\.0\.0\.1:\d+\/api\/models\?inference_provider=all&pipeline_tag=text-to-image&\S+: error: HTTP 500: fixture fault \(gave up after 2 attempts\) \[sync-http\]\n1 error\nnothing was written\.\n$/,
    );
  });

  it("429 then success: retried, and the sync goes through", async () => {
    addFault(hub, isTasks, { kind: "status", status: 429, retryAfter: "0", times: 1 });
    const run = await runSync(project, ["--endpoint", hub.origin, "--dry-run"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(hub.requests.filter((request) => new URL(request.url).pathname === "/api/tasks")).toHaveLength(2);
    // The listings are read page by page (the tests use pages of 7 models), following the Link header.
    expect(hub.requests.some((request) => new URL(request.url).searchParams.has("cursor"))).toBe(true);
    expect(fingerprint(project)).toEqual(before);
  });

  it("a hang past the timeout: exit 1 with the timeout", async () => {
    addFault(hub, isListingOf("fill-mask"), { kind: "hang" });
    const run = await failingSync();
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^http:\/\/127\.0\.0\.1:\d+\/api\/models\?\S*pipeline_tag=fill-mask\S*: error: no response within 400 ms \(gave up after 2 attempts\)/,
    );
  });

  it("truncated JSON: exit 1, malformed JSON", async () => {
    addFault(hub, isTasks, { kind: "truncated" });
    const run = await failingSync();
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/tasks: error: malformed JSON \(/);
  });

  it("a schema-invalid body: exit 1 with the schema and the place", async () => {
    addFault(hub, isListingOf("summarization"), {
      kind: "body",
      body: [
        {
          id: "facebook/bart-large-cnn",
          inferenceProviderMapping: [
            { provider: "hf-inference", providerId: "facebook/bart-large-cnn", status: "warm", task: "summarization" },
          ],
        },
      ],
    });
    const run = await failingSync();
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("pipeline_tag=summarization");
    expect(run.stderr).toContain(
      'the response does not match scripts/sync/hub-schemas/models-list.schema.json (/0/inferenceProviderMapping/0/status: must be one of ["live","staging"])',
    );
  });

  it("a provider that disappears: exit 1, the provider is not dropped silently", async () => {
    for (const model of hub.data.models)
      model.mappings = model.mappings.filter((mapping) => mapping.provider !== "cohere");
    const run = await failingSync();
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      "  - cohere chat-completion: CohereLabs/c4ai-command-a-03-2025 as command-a-03-2025 (live)",
    );
    expect(run.stderr).toContain(
      "specs/providers.json: error: provider cohere would lose all its mappings (2 removed)",
    );
    expect(run.stderr).toContain("nothing was written.");
  });

  it("a redirect to another host: exit 1, not followed", async () => {
    addFault(hub, isTasks, { kind: "redirect", location: "http://localhost:9/api/tasks" });
    const run = await failingSync();
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^http:\/\/127\.0\.0\.1:\d+\/api\/tasks: error: redirected to another host \(http:\/\/localhost:9\)/,
    );
  });

  it("a redirect within the endpoint's host is followed", async () => {
    addFault(hub, (url) => isTasks(url) && !url.searchParams.has("moved"), {
      kind: "redirect",
      location: "/api/tasks?moved=1",
    });
    const run = await runSync(project, ["--endpoint", hub.origin, "--dry-run"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
  });

  it("a redirect loop: exit 1", async () => {
    addFault(hub, isTasks, { kind: "redirect", location: "/api/tasks?again=1" });
    const run = await failingSync();
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/tasks: error: more than 5 redirects \[sync-http\]\n/);
  });

  it("a drop larger than sync.maxDropShare: exit 1", async () => {
    const strict = syncProject({ maxDropShare: 0.01 });
    try {
      const strictBefore = fingerprint(strict);
      const bge = hub.data.models.find((model) => model.id === "BAAI/bge-en-icl");
      if (bge) bge.mappings = [];
      const run = await runSync(strict, ["--endpoint", hub.origin]);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(
        /specs\/providers\.json: error: the sync would remove 1 of \d+ followed mappings \(\d+%\), more than sync\.maxDropShare allows \(1%\)/,
      );
      expect(fingerprint(strict)).toEqual(strictBefore);
    } finally {
      rmSync(strict, { recursive: true, force: true });
    }
  });

  it("the token is sent as Authorization and never printed, even when a server echoes it", async () => {
    const token = "hf_fixtureSecret123";
    addFault(hub, isListingOf("translation"), {
      kind: "status",
      status: 503,
      body: JSON.stringify({ error: `token ${token} is not allowed` }),
    });
    const run = await failingSync([], { HF_TOKEN: token });
    expect(run.code).toBe(1);
    expect(hub.requests.length).toBeGreaterThan(0);
    expect(hub.requests.every((request) => request.authorization === `Bearer ${token}`)).toBe(true);
    expect(run.stderr).toContain("HTTP 503: token *** is not allowed");
    expect(run.stdout + run.stderr).not.toContain(token);
    const flag = await runSync(project, ["--endpoint", hub.origin, "--dry-run", "--token", "hf_fromTheFlag"]);
    expect(hub.requests.at(-1)?.authorization).toBe("Bearer hf_fromTheFlag");
    expect(flag.stdout + flag.stderr).not.toContain("hf_fromTheFlag");
  });

  it("bad arguments exit 2", async () => {
    for (const argv of [
      ["--endpoint", "ftp://example.org"],
      ["--dry-run", "--check"],
      ["--no-such-flag"],
      ["--endpoint", "http://127.0.0.1:1/api"],
    ]) {
      const run = await failingSync(argv);
      expect(run.code, argv.join(" ")).toBe(2);
      expect(run.stderr).toMatch(/^error: .*\nSee `.*sync --help`/);
    }
    expect(hub.requests).toHaveLength(0);
  });

  it("an unknown task in sync.tasks is invalid input: exit 2 with the place", async () => {
    const badConfig = syncProject({ tasks: ["text-classification", "no-such-task"] });
    try {
      const run = await runSync(badConfig, ["--endpoint", hub.origin]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(
        /snippet-docs\.config\.json:\d+:\d+ at \/sync\/tasks\/1: error: unknown task "no-such-task"/,
      );
    } finally {
      rmSync(badConfig, { recursive: true, force: true });
    }
  });

  it("an invalid sync section is invalid input: exit 2", async () => {
    const badConfig = syncProject();
    try {
      writeFileSync(path.join(badConfig, "snippet-docs.config.json"), JSON.stringify({ sync: { model: "newest" } }));
      const run = await runSync(badConfig, ["--endpoint", hub.origin]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('at /sync/model: error: must be one of ["keep-current","most-liked"]');
    } finally {
      rmSync(badConfig, { recursive: true, force: true });
    }
  });
});
