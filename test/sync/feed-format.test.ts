/**
 * The feed's layout is kept: formatting the parsed files gives back every byte of the hand-made
 * originals, and one-line JSON is JSON.
 */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatFeed, inlineJson, replaceRecommendedModels } from "../../scripts/sync/feed-format.ts";
import type { JsonObject, JsonValue } from "../../scripts/lib/json-source.ts";
import { PROJECT_ROOT } from "../helpers/cli.ts";

const specs = path.join(PROJECT_ROOT, "specs");

describe("feed layout", () => {
  it("formats the repository's specs/providers.json back to the same bytes", () => {
    const text = readFileSync(path.join(specs, "providers.json"), "utf8");
    expect(formatFeed(JSON.parse(text) as JsonObject)).toBe(text);
  });

  it("replaces recommendedModels in every task.json without touching any other byte", () => {
    for (const task of readdirSync(path.join(specs, "tasks"))) {
      const text = readFileSync(path.join(specs, "tasks", task, "task.json"), "utf8");
      const parsed = JSON.parse(text) as { recommendedModels: { id: string; description: string }[] };
      expect(replaceRecommendedModels(text, parsed.recommendedModels), task).toBe(text);
      const changed = replaceRecommendedModels(text, [{ id: "a/b", description: 'say "hi"' }]);
      expect(JSON.parse(changed)).toEqual({ ...parsed, recommendedModels: [{ id: "a/b", description: 'say "hi"' }] });
    }
  });

  it("writes one mapping per line, in task order", () => {
    const feed = {
      router: { origin: "https://r" },
      providers: { p: { displayName: "P", tasks: { b: { modelId: "x/y" }, a: { modelId: "z/w" } } } },
    };
    expect(formatFeed(feed)).toBe(
      [
        "{",
        '  "router": { "origin": "https://r" },',
        '  "providers": {',
        '    "p": {',
        '      "displayName": "P",',
        '      "tasks": {',
        '        "b": { "modelId": "x/y" },',
        '        "a": { "modelId": "z/w" }',
        "      }",
        "    }",
        "  }",
        "}",
        "",
      ].join("\n"),
    );
  });

  it("one-line JSON parses back to the same value", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const line = inlineJson(value as JsonValue);
        expect(line).not.toContain("\n");
        expect(JSON.parse(line)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });
});
