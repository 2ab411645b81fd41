/**
 * Provider differences live in specs/contracts.json, not in code: no client and no part of the
 * request model names a provider of the feed.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../helpers/cli.ts";
import { loadProjectSpecs } from "../helpers/specs.ts";

describe("the snippet engine has no provider-specific code", () => {
  it("names no provider of the feed in the request model or any client", () => {
    const providers = loadProjectSpecs().providers.map((provider) => provider.id);
    const dirs = [path.join(PROJECT_ROOT, "snippets"), path.join(PROJECT_ROOT, "snippets", "clients")];
    const files = dirs.flatMap((dir) =>
      readdirSync(dir)
        .filter((name) => name.endsWith(".ts"))
        .map((name) => path.join(dir, name)),
    );
    expect(files.length).toBeGreaterThan(10);
    const mentions = files.flatMap((file) => {
      const source = readFileSync(file, "utf8");
      return providers
        .filter((id) => new RegExp(`["'\`]${id.replace(/[-.]/g, "\\$&")}["'\`/]`).test(source))
        .map((id) => `${path.relative(PROJECT_ROOT, file)}: ${id}`);
    });
    expect(mentions).toEqual([]);
  });
});
