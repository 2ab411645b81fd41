/**
 * An unreadable template is exit 2 naming the file and what to do (issue 14: it crashed with EACCES).
 * Root reads any file, so as root the run drops to the `nobody` user (effective id only) meanwhile.
 */
import { chmodSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { generateInProcess, tinyProject, treeHash } from "./fixture.ts";

const NOBODY = 65534;
const dir = tinyProject();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("an unreadable template is exit 2 with the path and the fix", async () => {
  expect((await generateInProcess(dir)).code).toBe(0); // as the normal user, and warms every module
  chmodSync(dir, 0o755);
  const template = path.join(dir, "templates/partials/recommended-models.hbs");
  chmodSync(template, 0o000);
  const before = treeHash(dir);
  const asRoot = process.geteuid?.() === 0;
  if (asRoot) process.seteuid?.(NOBODY);
  let result;
  try {
    result = await generateInProcess(dir);
  } finally {
    if (asRoot) process.seteuid?.(0);
  }
  expect(result.code, result.output).toBe(2);
  expect(result.output).toMatch(
    /templates\/partials\/recommended-models\.hbs: error: permission denied: give this user access to it \(chmod\) \[EACCES\]/,
  );
  expect(treeHash(dir)).toBe(before);
});
