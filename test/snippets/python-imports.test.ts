/**
 * Python import blocks as isort orders them: standard library first, then third-party packages,
 * a blank line between. ruff's isort rule is the judge, not our own list of modules.
 */
import { describe, expect, it } from "vitest";
import { verify } from "../../snippets/languages/python/check.ts";
import { PythonImports } from "../../snippets/languages/python/imports.ts";

describe("PythonImports", () => {
  it("puts standard-library modules, dotted ones included, before third-party packages", () => {
    const imports = new PythonImports();
    imports.module("requests");
    imports.module("time");
    imports.module("urllib.parse");
    imports.from("huggingface_hub", "InferenceClient");
    imports.module("os");
    const block = imports.render();
    expect(block).toBe(
      "import os\nimport time\nimport urllib.parse\n\nimport requests\nfrom huggingface_hub import InferenceClient",
    );
    const uses = "\nprint(os, time, urllib.parse, requests, InferenceClient)\n";
    expect(verify([block + "\n" + uses])).toEqual([undefined]);
  });

  it("is checked by ruff's isort rule, which rejects a block in the wrong order", () => {
    const [problem] = verify(["import requests\nimport time\n\nprint(requests, time)\n"]);
    expect(problem).toMatch(/I001/);
  });
});
