/**
 * Pages are a function of the project, not of where the command was started: generate from the
 * project root, then check from a subfolder (the configuration is found upwards) finds them current.
 */
import { rmSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCommand } from "../helpers/cli.ts";
import { tinyProject } from "../reliability/fixture.ts";

describe("the working directory", () => {
  const project = tinyProject({ clients: ["sh/curl"] });
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  it("does not change the pages", async () => {
    expect((await runCommand("generate", ["--no-cache"], project)).status).toBe(0);
    const fromSubfolder = await runCommand("check", ["--no-cache"], path.join(project, "specs", "tasks"));
    expect(fromSubfolder.stdout + fromSubfolder.stderr).toMatch(/is current/);
    expect(fromSubfolder.status).toBe(0);
  });
});
