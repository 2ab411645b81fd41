/**
 * Smoke test of `snippet-docs sync` as a real process: the command is registered, and its exit
 * codes and wording reach the shell.
 */
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT, spawnCli } from "../helpers/cli.ts";

describe("snippet-docs sync as a process", () => {
  it("prints its help, and exits 2 on a bad argument", () => {
    const help = spawnCli(["sync", "--help"], PROJECT_ROOT);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("snippet-docs sync [options]");
    expect(help.stdout).toContain("--dry-run");
    const bad = spawnCli(["sync", "--endpoint", "not a url"], PROJECT_ROOT);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("--endpoint must be an http(s) origin");
  });
});
