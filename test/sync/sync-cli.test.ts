/**
 * Smoke test of the runner behind `npm run sync`: the command starts, and its exit codes reach
 * the shell.
 */
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT, runCommand } from "../helpers/cli.ts";

describe("npm run sync", () => {
  it("prints its usage, and exits 2 on a bad argument", () => {
    const help = runCommand("sync", ["--help"], PROJECT_ROOT);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("usage: npm run sync");
    const bad = runCommand("sync", ["--endpoint", "not a url"], PROJECT_ROOT);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("--endpoint must be an http(s) origin");
  });
});
