import { describe, expect, it } from "vitest";
import { unmapNativeBody } from "../../scripts/conformance/native.ts";
import type { JsonObject, JsonValue } from "../../scripts/lib/json-source.ts";
import type { Mapping, Task } from "../../scripts/model/types.ts";
import { pointerToPath } from "../../scripts/lib/json-source.ts";
import { resolveBodyTemplate, resolveFormFields } from "../../snippets/contract-body.ts";
import { parseUrlTemplate } from "../../snippets/url-template.ts";

const VARIABLES = { providerModelId: "vendor/model-v1", modelId: "org/Model" };

describe("contract body templates", () => {
  it("renames, wraps, spreads and adds fields", () => {
    const template: JsonValue = {
      input: { $spread: "/parameters", prompt: { $from: "/inputs" } },
      model: { $var: "providerModelId" },
      response_format: "b64_json",
    };
    const example: JsonObject = { inputs: "a cat", parameters: { seed: 3, width: 64 } };
    expect(resolveBodyTemplate(template, example, VARIABLES)).toEqual({
      value: { input: { seed: 3, width: 64, prompt: "a cat" }, model: "vendor/model-v1", response_format: "b64_json" },
      slots: [],
    });
  });

  it("writes form fields as text: strings as they are, numbers and booleans spelled out, the rest as JSON", () => {
    const template: JsonValue = { $spread: "/parameters", model: { $var: "providerModelId" } };
    const example: JsonObject = {
      inputs: "a.flac",
      parameters: { language: "it's \\ $(x)\n", beams: 4, return_timestamps: false, stop: ["."], none: null },
    };
    expect(resolveFormFields(template, example, VARIABLES)).toEqual([
      { name: "language", value: "it's \\ $(x)\n" },
      { name: "beams", value: "4" },
      { name: "return_timestamps", value: "false" },
      { name: "stop", value: '["."]' },
      { name: "model", value: "vendor/model-v1" },
    ]);
  });

  it("leaves out members whose example value is absent", () => {
    expect(
      resolveBodyTemplate(
        { max_tokens: { $from: "/parameters/max_new_tokens" }, prompt: { $from: "/inputs" } },
        { inputs: "x" },
        VARIABLES,
      ).value,
    ).toEqual({ prompt: "x" });
  });

  it("names every place the file goes, arrays included", () => {
    const resolved = resolveBodyTemplate(
      { image_url: { $file: "data-url" }, image_urls: [{ $file: "data-url" }] },
      { inputs: "cats.jpg" },
      VARIABLES,
      "cats.jpg",
    );
    expect(resolved.slots).toEqual([
      { pointer: ["image_url"], encoding: "data-url" },
      { pointer: ["image_urls", "0"], encoding: "data-url" },
    ]);
    expect(resolved.value).toEqual({ image_url: "cats.jpg", image_urls: ["cats.jpg"] });
  });

  it("reads RFC 6901 pointers", () => {
    expect(pointerToPath("")).toEqual([]);
    expect(pointerToPath("/a~1b/0/c~0d")).toEqual(["a/b", "0", "c~d"]);
  });
});

describe("job URL templates", () => {
  it("splits literals from values and URL paths of the first response", () => {
    expect(parseUrlTemplate("{origin}/fal-ai{path:/response_url}/status?x=1", "https://r.example")).toEqual([
      { kind: "literal", text: "https://r.example/fal-ai" },
      { kind: "path", pointer: ["response_url"] },
      { kind: "literal", text: "/status?x=1" },
    ]);
    expect(parseUrlTemplate("{origin}/t?id={value:/task_id}", "http://h")).toEqual([
      { kind: "literal", text: "http://h/t?id=" },
      { kind: "value", pointer: ["task_id"] },
    ]);
  });
});

describe("native bodies read back (the conformance server's inverse of the template)", () => {
  const task = { id: "text-to-image", binaryInput: undefined } as unknown as Task;
  const mapping = (body: JsonValue): Mapping =>
    ({
      task: "text-to-image",
      provider: "p",
      modelId: "org/Model",
      providerModelId: "vendor/model-v1",
      status: "live",
      contract: { path: "/x", body },
    }) as Mapping;
  const template: JsonValue = {
    $spread: "/parameters",
    prompt: { $from: "/inputs" },
    model: { $var: "providerModelId" },
    response_format: "b64_json",
  };

  it("gives back the task request a resolved template came from", () => {
    const example: JsonObject = { inputs: "a cat", parameters: { seed: 3 } };
    const native = resolveBodyTemplate(template, example, VARIABLES).value;
    expect(unmapNativeBody(task, mapping(template), native)).toEqual({ payload: example, problems: [] });
  });

  it("reports a wrong constant, a wrong model id and unknown fields", () => {
    const problems = unmapNativeBody(
      task,
      mapping({ prompt: { $from: "/inputs" }, model: { $var: "providerModelId" }, response_format: "b64_json" }),
      {
        prompt: "x",
        model: "org/Model",
        response_format: "url",
        extra: 1,
      },
    ).problems;
    expect(problems).toHaveLength(3);
  });

  it("carries the stream flag only where the template places it (no code adds it)", () => {
    const streaming: JsonObject = { inputs: "x", stream: true };
    const withStream = { prompt: { $from: "/inputs" }, stream: { $from: "/stream" } };
    expect(resolveBodyTemplate(withStream, streaming, VARIABLES).value).toEqual({ prompt: "x", stream: true });
    expect(resolveBodyTemplate(withStream, { inputs: "x" }, VARIABLES).value).toEqual({ prompt: "x" });
    expect(unmapNativeBody(task, mapping(withStream), { prompt: "x", stream: true })).toEqual({
      payload: streaming,
      problems: [],
    });
    // A template without it neither sends nor accepts the flag.
    const withoutStream = { prompt: { $from: "/inputs" } };
    expect(resolveBodyTemplate(withoutStream, streaming, VARIABLES).value).toEqual({ prompt: "x" });
    expect(unmapNativeBody(task, mapping(withoutStream), { prompt: "x", stream: true }).problems).toHaveLength(1);
  });

  it("checks the data URL's content type and keeps the base64", () => {
    const audioTask = {
      id: "automatic-speech-recognition",
      binaryInput: { field: "inputs", contentType: "audio/flac" },
    } as unknown as Task;
    const audio = {
      ...mapping({ audio_url: { $file: "data-url" } }),
      contract: { path: "/x", body: { audio_url: { $file: "data-url" } }, file: { contentType: "audio/mpeg" } },
    } as Mapping;
    expect(unmapNativeBody(audioTask, audio, { audio_url: "data:audio/mpeg;base64,AAEC" })).toEqual({
      payload: { inputs: "AAEC" },
      problems: [],
    });
    expect(unmapNativeBody(audioTask, audio, { audio_url: "data:audio/flac;base64,AAEC" }).problems).toHaveLength(1);
  });
});
