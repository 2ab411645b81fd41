/**
 * The Python stand-ins for `openai` and `huggingface_hub` (used by the conformance run where the
 * real packages cannot be installed) carry their own self-test, written in plain Python so it
 * runs without pytest; this suite runs it and expects it to pass. The stand-ins are written from
 * the libraries' source, so they also check the snippet renderer's table of huggingface_hub
 * signatures, which the stand-ins never read.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import signatures from "../../snippets/clients/python/huggingface_hub/methods.json" with { type: "json" };

const hubStandIn = fileURLToPath(new URL("../../snippets/clients/python/huggingface_hub/standin/", import.meta.url));
const openaiStandIn = fileURLToPath(new URL("../../snippets/clients/python/openai/standin/", import.meta.url));
const standInPath = [hubStandIn, openaiStandIn].join(path.delimiter);
const selftest = fileURLToPath(new URL("./standins-selftest.py", import.meta.url));

/** Parameter names of the stand-in's InferenceClient methods, from Python's own `inspect`. */
function standInParameters(methods: readonly string[]): Record<string, string[]> {
  const script = [
    "import inspect, json, sys",
    "from huggingface_hub import InferenceClient",
    "names = json.loads(sys.argv[1])",
    "print(json.dumps({name: [p for p in inspect.signature(getattr(InferenceClient, name)).parameters",
    "                         if p not in ('self', 'kwargs')] for name in names}))",
  ].join("\n");
  const result = spawnSync("python3", ["-c", script, JSON.stringify(methods)], {
    encoding: "utf8",
    timeout: 30_000,
    env: { ...process.env, PYTHONPATH: standInPath, PYTHONDONTWRITEBYTECODE: "1" },
  });
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout) as Record<string, string[]>;
}

describe("conformance stand-ins for the Python SDKs", () => {
  it("pass their self-test (signatures, requests sent, provider routing, errors on misuse)", () => {
    // Without the caller's tokens, so the self-test sees only the ones it sets.
    const { OPENAI_API_KEY: _openai, HF_TOKEN: _hf, ...env } = process.env;
    const result = spawnSync("python3", [selftest], {
      encoding: "utf8",
      timeout: 60_000,
      env: { ...env, PYTHONPATH: standInPath, PYTHONDONTWRITEBYTECODE: "1" },
    });
    if (result.error) throw result.error;
    expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
  });

  it("never read the snippet renderer's tables", () => {
    for (const file of ["__init__.py", "_client.py", "_providers.py", "_hub.py", "_transport.py"]) {
      const source = readFileSync(`${hubStandIn}huggingface_hub/${file}`, "utf8");
      expect(source, file).not.toMatch(/snippets\/|huggingface_hub\.json|methods\.json|\.\.\/\.\.\//);
    }
  });

  it("agree with the renderer's table of huggingface_hub signatures", () => {
    const table: Record<string, readonly string[]> = {
      ...signatures.methods,
      chat_completion: signatures.chat_completion,
      __init__: signatures.constructor,
    };
    expect(standInParameters(Object.keys(table))).toEqual(table);
  });
});
