/**
 * Shared by the conformance suites: the specs they run on, and a working directory per suite
 * (suites run in parallel, each with its own server and runner).
 */
import { rm } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll } from "vitest";
import { ConformanceServer } from "../../scripts/conformance/server.ts";
import { formatDiagnostics } from "../../scripts/lib/diagnostics.ts";
import { loadSpecs } from "../../scripts/load/load-specs.ts";
import type { Specs } from "../../scripts/model/types.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

function load(specsDir: string): Specs {
  const loaded = loadSpecs({ specsDir, schemas: { layout: "ours" } });
  if (!loaded.ok) throw new Error(formatDiagnostics(loaded.diagnostics));
  return loaded.specs;
}

/** A small feed with one task of each shape: chat (streaming), file body, file in JSON, binary output, plain JSON. */
export function fixtureSpecs(): Specs {
  return load(path.join(ROOT, "test/conformance/fixtures/specs"));
}

export function workRootFor(suite: string): string {
  return path.join(ROOT, ".tmp", `conformance-test-${suite}`);
}

/**
 * A conformance server on 127.0.0.1 for the suite calling this (started before its tests, closed
 * after them) and the suite's working directory, emptied first.
 */
export function serverForSuite(specs: Specs, suite: string): { server: ConformanceServer; workRoot: string } {
  const server = new ConformanceServer(specs);
  const workRoot = workRootFor(suite);
  beforeAll(async () => {
    await rm(workRoot, { recursive: true, force: true });
    await server.start();
  });
  afterAll(async () => {
    await server.close();
  });
  return { server, workRoot };
}
