/**
 * The Python stand-ins for `openai` and `huggingface_hub` (used by the conformance run where the
 * real packages cannot be installed) carry their own self-test, written in plain Python so it
 * runs without pytest; this suite runs it and expects it to pass.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const selftest = fileURLToPath(new URL("./standins/selftest.py", import.meta.url));

describe("conformance stand-ins for the Python SDKs", () => {
  it("pass their self-test (signatures, requests sent, errors on misuse)", () => {
    // Without the caller's tokens, so the self-test sees only the ones it sets.
    const { OPENAI_API_KEY: _openai, HF_TOKEN: _hf, ...env } = process.env;
    const result = spawnSync("python3", [selftest], { encoding: "utf8", timeout: 60_000, env });
    if (result.error) throw result.error;
    expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
  });
});
