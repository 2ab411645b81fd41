/**
 * The tool's fingerprint changes with its sources and its libraries' versions, and only with what
 * can change a result: golden snippets (expected test outputs, not shipped) do not count.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fingerprintOf } from "../../scripts/cache/tool-fingerprint.ts";

describe("the tool fingerprint", () => {
  const root = mkdtempSync(path.join(tmpdir(), "fingerprint-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  };
  const fingerprint = () => fingerprintOf([], ["snippets"], /./, root);

  it("follows the sources and the version, not the golden snippets", () => {
    write("package.json", JSON.stringify({ version: "1.0.0" }));
    write("snippets/clients/sh/curl/client.ts", "export const a = 1;\n");
    write("snippets/clients/sh/curl/__golden__/chat.sh", "curl one\n");
    const first = fingerprint();
    write("snippets/clients/sh/curl/__golden__/chat.sh", "curl two\n");
    expect(fingerprint()).toBe(first);
    write("snippets/clients/sh/curl/client.ts", "export const a = 2;\n");
    const second = fingerprint();
    expect(second).not.toBe(first);
    write("package.json", JSON.stringify({ version: "1.0.1" }));
    expect(fingerprint()).not.toBe(second);
  });
});
