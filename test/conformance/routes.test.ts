import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RouteTable } from "../../scripts/conformance/routes.ts";
import { ConformanceServer } from "../../scripts/conformance/server.ts";
import { snippetJobs } from "../../scripts/pipeline/snippet-matrix.ts";
import { CLIENTS } from "../../snippets/clients/index.ts";
import { buildRequest } from "../../snippets/request.ts";
import { loadProjectSpecs } from "../helpers/specs.ts";
import { fixtureSpecs } from "./helpers.ts";

const specs = fixtureSpecs();

function routeOf(table: RouteTable, target: string, body?: unknown) {
  const match = table.match("POST", target, body as never);
  return match.ok ? `${match.route.task.id} by ${match.route.provider.id}` : `${match.status}: ${match.reason}`;
}

describe("route table", () => {
  const table = new RouteTable(specs);

  it("fills {modelId} in the provider's task path", () => {
    expect(routeOf(table, "/hf-inference/models/example-org/text-model", { inputs: "x" })).toBe(
      "text-classification by hf-inference",
    );
  });

  it("uses a mapping's own path over the provider's, with {providerModelId}", () => {
    expect(routeOf(table, "/quick-ai/images/quick/image-model", { inputs: "x" })).toBe("text-to-image by quick-ai");
  });

  it("fills {task} and keeps staging mappings routable", () => {
    expect(routeOf(table, "/quick-ai/v1/text-classification/quick/text", { inputs: "x" })).toBe(
      "text-classification by quick-ai",
    );
  });

  it("tells conversational mappings apart by the body's model", () => {
    expect(routeOf(table, "/v1/chat/completions", { model: "example-org/chat-model:hf-inference" })).toBe(
      "chat-completion by hf-inference",
    );
    expect(routeOf(table, "/v1/chat/completions", { model: "example-org/chat-model:quick-ai" })).toBe(
      "chat-completion by quick-ai",
    );
    expect(routeOf(table, "/v1/chat/completions", { model: "example-org/chat-model" })).toMatch(
      /^404: the chat route serves models/,
    );
    expect(routeOf(table, "/v1/chat/completions")).toMatch(/^404/);
  });

  it("refuses unknown paths, queries and other methods", () => {
    expect(routeOf(table, "/hf-inference/models/example-org/unknown")).toMatch(
      /^404: no route for \/hf-inference\/models\/example-org\/unknown: known paths under \/hf-inference\//,
    );
    expect(routeOf(table, "/hf-inference/models/example-org/text-model?wait=1")).toMatch(
      /^404: unexpected request target/,
    );
    const get = table.match("GET", "/hf-inference/models/example-org/text-model", undefined);
    expect(get.ok ? "ok" : get.status).toBe(405);
  });

  it("agrees with the request model on every published snippet of the project's specs", () => {
    const project = loadProjectSpecs();
    const projectTable = new RouteTable(project);
    const seen = new Set<string>();
    for (const job of snippetJobs(project, CLIENTS)) {
      const key = `${job.task.id}/${job.provider.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const request = buildRequest(project.router, job.task, job.provider, job.mapping, {
        baseUrl: "http://127.0.0.1:1",
      });
      const url = new URL(request.url);
      const target = url.pathname + url.search;
      const match = projectTable.match("POST", target, "value" in request.body ? request.body.value : undefined);
      expect(match.ok ? `${match.route.task.id}/${match.route.provider.id}` : match.reason, key).toBe(key);
    }
    expect(seen.size).toBeGreaterThan(20);
  });
});

describe("conformance server", () => {
  const server = new ConformanceServer(specs);
  beforeAll(async () => {
    await server.start();
  });
  afterAll(async () => {
    await server.close();
  });

  const post = (path: string, token: string, body: string, contentType = "application/json") =>
    fetch(server.origin + path, {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": contentType },
      body,
    });

  it("listens on 127.0.0.1", () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it("refuses unknown tokens with 401 and keeps the request aside", async () => {
    const response = await post("/hf-inference/models/example-org/text-model", "hf_nobody", '{"inputs":"x"}');
    expect(response.status).toBe(401);
    expect(server.unattributed.at(-1)?.target).toBe("/hf-inference/models/example-org/text-model");
  });

  it("records requests under their token and answers with a schema-valid body", async () => {
    server.register("hf_a");
    server.register("hf_b");
    const response = await post("/hf-inference/models/example-org/text-model", "hf_a", '{"inputs":"x"}');
    expect(response.status).toBe(200);
    const body = (await response.json()) as unknown;
    expect(
      specs.validator.validate(
        specs.tasks.find((task) => task.id === "text-classification")!.schemas.output,
        body as never,
      ),
    ).toEqual([]);
    expect(server.collect("hf_b")).toEqual([]);
    const [recorded, ...rest] = server.collect("hf_a");
    expect(rest).toEqual([]);
    expect(recorded?.route?.task.id).toBe("text-classification");
    expect(recorded?.json).toEqual({ inputs: "x" });
    // A collected token is no longer accepted.
    expect((await post("/hf-inference/models/example-org/text-model", "hf_a", '{"inputs":"x"}')).status).toBe(401);
  });

  it("checks the body against the input schema and the content type against the task", async () => {
    server.register("hf_c");
    const invalid = await post("/hf-inference/models/example-org/text-model", "hf_c", '{"inputs":1}');
    expect(invalid.status).toBe(400);
    const wrongType = await post("/hf-inference/models/example-org/text-model", "hf_c", "text", "text/plain");
    expect(wrongType.status).toBe(415);
    const problems = server.collect("hf_c").flatMap((recorded) => recorded.problems);
    expect(problems[0]).toMatch(/does not match .*input\.json: \/inputs must be string/);
    expect(problems[1]).toMatch(/Content-Type "text\/plain"/);
  });

  it("streams server-sent events ending with [DONE], each valid against stream_output.json", async () => {
    server.register("hf_d");
    const response = await post(
      "/v1/chat/completions",
      "hf_d",
      JSON.stringify({
        model: "example-org/chat-model:quick-ai",
        messages: [{ role: "user", content: "hi" }],
        stream: true,
      }),
    );
    expect(response.headers.get("content-type")).toBe("text/event-stream");
    const events = (await response.text()).split("\n\n").filter(Boolean);
    expect(events.at(-1)).toBe("data: [DONE]");
    const schema = specs.tasks.find((task) => task.id === "chat-completion")!.schemas.streamOutput!;
    for (const event of events.slice(0, -1))
      expect(specs.validator.validate(schema, JSON.parse(event.slice("data: ".length)))).toEqual([]);
    expect(server.collect("hf_d")).toHaveLength(1);
  });

  it("takes a file body with the file's content type and answers binary tasks with bytes", async () => {
    server.register("hf_e");
    const audio = await post("/hf-inference/models/example-org/asr-model", "hf_e", "fLaC....", "audio/flac");
    expect(audio.status).toBe(200);
    const image = await post("/hf-inference/models/example-org/image-model", "hf_e", '{"inputs":"a horse"}');
    expect(image.headers.get("content-type")).toBe("image/png");
    const bytes = Buffer.from(await image.arrayBuffer());
    const recorded = server.collect("hf_e");
    expect(recorded.map((request) => request.bodyKind)).toEqual(["file", "json"]);
    expect(recorded[1]?.responseBody?.equals(bytes)).toBe(true);
  });
});
