/**
 * Provider-native flows on the conformance server: an asynchronous job is "in progress" at the
 * first status check and done at the second; its result names a download the server serves.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConformanceServer } from "../../scripts/conformance/server.ts";
import { loadProjectSpecs } from "../helpers/specs.ts";

const specs = loadProjectSpecs();
let server: ConformanceServer;

beforeAll(async () => {
  server = await new ConformanceServer(specs).start();
});
afterAll(async () => {
  await server.close();
});

async function call(target: string, token: string, body?: unknown): Promise<Response> {
  return fetch(`${server.origin}${target}`, {
    method: body === undefined ? "GET" : "POST",
    headers: {
      Authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { "Content-Type": "application/json" }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

describe("provider-native flows", () => {
  it("runs a fal queue job: submit, in progress, completed, result, download", async () => {
    server.register("hf_job");
    const submitted = (await (
      await call("/fal-ai/fal-ai/flux/dev?_subdomain=queue", "hf_job", { prompt: "a cat" })
    ).json()) as { response_url: string };
    const statusTarget = `/fal-ai${new URL(submitted.response_url).pathname}/status?_subdomain=queue`;
    const first = (await (await call(statusTarget, "hf_job")).json()) as { status: string };
    // Queued first: the job is not done at the first check.
    expect(first.status).toBe("IN_QUEUE");
    const second = (await (await call(statusTarget, "hf_job")).json()) as { status: string };
    expect(second.status).toBe("COMPLETED");
    const result = (await (
      await call(`/fal-ai${new URL(submitted.response_url).pathname}?_subdomain=queue`, "hf_job")
    ).json()) as { images: { url: string }[] };
    const download = await fetch(result.images[0]!.url);
    expect(download.status).toBe(200);
    const recorded = server.collect("hf_job");
    expect(recorded.map((request) => `${request.method} ${request.status}`)).toEqual([
      "POST 200",
      "GET 200",
      "GET 200",
      "GET 200",
      "GET 200",
    ]);
    expect(recorded[0]?.payload).toEqual({ inputs: "a cat" });
    expect(recorded.at(-1)?.responseBody?.equals(Buffer.from(await download.arrayBuffer()))).toBe(true);
  });

  it("refuses a native body that breaks its contract, naming the field", async () => {
    server.register("hf_bad");
    const response = await call("/together/v1/images/generations", "hf_bad", {
      prompt: "x",
      model: "black-forest-labs/FLUX.1-schnell",
      response_format: "url",
    });
    expect(response.status).toBe(400);
    expect(server.collect("hf_bad")[0]?.problems.join()).toMatch(/response_format/);
  });

  it("answers base64 at the contract's pointer", async () => {
    server.register("hf_b64");
    const body = { prompt: "x", model: "black-forest-labs/FLUX.1-schnell", response_format: "base64" };
    const answer = (await (await call("/together/v1/images/generations", "hf_b64", body)).json()) as {
      data: { b64_json: string }[];
    };
    const recorded = server.collect("hf_b64");
    expect(Buffer.from(answer.data[0]!.b64_json, "base64").equals(recorded[0]!.responseBody!)).toBe(true);
  });

  it("does not hand out a result before the job is done", async () => {
    server.register("hf_early");
    const submitted = (await (
      await call("/fal-ai/fal-ai/flux/dev?_subdomain=queue", "hf_early", { prompt: "a cat" })
    ).json()) as { response_url: string };
    const early = await call(`/fal-ai${new URL(submitted.response_url).pathname}?_subdomain=queue`, "hf_early");
    expect(early.status).toBe(409);
    server.collect("hf_early");
  });
});
