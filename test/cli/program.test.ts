/**
 * The `snippet-docs` command line in-process: help, version, argument errors in our own words,
 * the configuration file found from a subdirectory, and messages naming the command the user ran.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMMANDS } from "../../scripts/cli/commands.ts";
import { invocationOf } from "../../scripts/cli/invocation.ts";
import { generateCommandOf } from "../../scripts/config/command-name.ts";
import { PROJECT_ROOT, runCommand, scratchProject } from "../helpers/cli.ts";
import { main } from "../../scripts/cli/main.ts";
import { bufferIo } from "../../scripts/cli/io.ts";

const NAMES = ["generate", "check", "preview", "snippet", "spec-table", "conformance", "bench", "sync", "explain"];

async function cli(argv: string[], env: Record<string, string> = {}, cwd = PROJECT_ROOT) {
  const io = bufferIo(cwd, env);
  const status = await main(argv, io);
  return { status, stdout: io.out(), stderr: io.err() };
}

describe("snippet-docs --help and --version", () => {
  it("lists every command", async () => {
    const result = await cli(["--help"]);
    expect(result.status).toBe(0);
    for (const name of NAMES) expect(result.stdout).toMatch(new RegExp(`^  ${name} `, "m"));
    expect(COMMANDS.map((command) => command.name)).toEqual(NAMES);
  });

  it("prints the package's version", async () => {
    const version = (JSON.parse(readFileSync(path.join(PROJECT_ROOT, "package.json"), "utf8")) as { version: string })
      .version;
    for (const flag of ["--version", "-V"])
      expect(await cli([flag])).toEqual({ status: 0, stdout: `${version}\n`, stderr: "" });
  });

  it.each(NAMES)("%s --help has a description, its options and examples", async (name) => {
    for (const flag of ["--help", "-h"]) {
      const result = await cli([name, flag]);
      expect(result.status).toBe(0);
      expect(result.stderr).toBe("");
      expect(result.stdout).toMatch(new RegExp(`^Usage: snippet-docs ${name} `));
      expect(result.stdout).toContain("--cwd <dir>");
      expect(result.stdout).toMatch(new RegExp(`Examples:\\n  # .+\\n  snippet-docs ${name}`));
    }
  });

  it("without a command, prints the help on stderr and exits 2", async () => {
    const result = await cli([]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("Usage: snippet-docs <command> [options]");
  });
});

describe("snippet-docs explain", () => {
  it("prints what a rule in a message means", async () => {
    const result = await cli(["explain", "json-duplicate-key"]);
    expect(result).toMatchObject({ status: 0, stderr: "" });
    expect(result.stdout).toMatch(/^json-duplicate-key: .*twice.*\n$/);
  });

  it("answers to --explain <rule> and --explain=<rule> as well", async () => {
    const byCommand = await cli(["explain", "json-duplicate-key"]);
    for (const argv of [["--explain", "json-duplicate-key"], ["--explain=json-duplicate-key"]]) {
      expect(await cli(argv)).toEqual(byCommand);
    }
    expect((await cli(["--explain", "template-partials"])).status).toBe(2);
  });

  it("names the rules close to an unknown one and exits 2", async () => {
    const result = await cli(["explain", "template-partials"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^error: unknown rule "template-partials": did you mean .*template-partial\b/);
  });

  it("lists every rule without an argument", async () => {
    const result = await cli(["explain"]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^json-syntax: /m);
    expect(result.stdout).toMatch(/^output-locked: /m);
  });
});

describe("argument errors", () => {
  it.each([
    [
      ["bogus"],
      'error: unknown command "bogus": the commands are generate, check, preview, snippet, spec-table, conformance, bench, sync, explain\nSee `snippet-docs --help`.\n',
    ],
    [["generate", "--bogus"], "error: unknown option --bogus\nSee `snippet-docs generate --help`.\n"],
    [
      ["check", "--confg", "x"],
      "error: unknown option --confg (did you mean --config?)\nSee `snippet-docs check --help`.\n",
    ],
    [["generate", "extra"], "error: too many arguments: it takes none, got 1\nSee `snippet-docs generate --help`.\n"],
    [["snippet"], "error: missing the <task> argument\nSee `snippet-docs snippet --help`.\n"],
    [["preview", "--port"], "error: --port needs a value\nSee `snippet-docs preview --help`.\n"],
    [
      ["preview", "--port", "http"],
      'error: --port takes a whole number from 0 to 65535, not "http"\nSee `snippet-docs preview --help`.\n',
    ],
    [
      ["bench", "--runs", "0"],
      'error: --runs takes a whole number from 1 to 50, not "0"\nSee `snippet-docs bench --help`.\n',
    ],
    [
      ["check", "--cwd", "no/such/dir"],
      "error: --cwd no/such/dir: no such directory\nSee `snippet-docs check --help`.\n",
    ],
  ])("%j exits 2 with our own message", async (argv, message) => {
    expect(await cli(argv)).toEqual({ status: 2, stdout: "", stderr: message });
  });

  it("names the npm script when run through one", async () => {
    const env = { npm_lifecycle_event: "snippet", npm_lifecycle_script: "node bin/snippet-docs.js snippet" };
    const result = await cli(["snippet", "--bogus"], env);
    expect(result.stderr).toBe("error: unknown option --bogus\nSee `npm run snippet -- --help`.\n");
    const help = await cli(["snippet", "--help"], env);
    expect(help.stdout).toMatch(/^Usage: npm run snippet -- \[options\] <task>/);
    expect(help.stdout).toContain("  npm run snippet -- chat-completion --provider groq");
  });
});

describe("how a command is named", () => {
  it.each([
    [{ npm_lifecycle_event: "check", npm_lifecycle_script: "snippet-docs check" }, "npm run check"],
    [
      { npm_lifecycle_event: "docs:check", npm_lifecycle_script: "snippet-docs check --cwd docs" },
      "npm run docs:check",
    ],
    [{ npm_command: "exec" }, "npx snippet-docs check"],
    [{}, "snippet-docs check"],
  ])("%j -> %s", (env, expected) => {
    expect(invocationOf("check", env).prefix).toBe(expected);
  });

  it("page headers name the project's generate script, or npx", () => {
    const project = scratchProject();
    try {
      expect(generateCommandOf(project)).toBe("npx snippet-docs generate");
      writeFileSync(
        path.join(project, "package.json"),
        JSON.stringify({ scripts: { "docs:watch": "snippet-docs generate --watch", docs: "snippet-docs generate" } }),
      );
      expect(generateCommandOf(project)).toBe("npm run docs");
      expect(generateCommandOf(PROJECT_ROOT)).toBe("npm run generate");
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });
});

describe("the configuration file", () => {
  let project: string;
  beforeAll(() => {
    project = scratchProject({ providers: ["groq"], outDir: "out" });
    mkdirSync(path.join(project, "specs/deeper"), { recursive: true });
  });
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  it("is found by walking up from the working directory", async () => {
    const configFile = path.join(project, "snippet-docs.config.json");
    const valid = readFileSync(configFile, "utf8");
    writeFileSync(configFile, JSON.stringify({ clients: ["sh/curl", "sh/wget"] }));
    try {
      const result = await runCommand("snippet", ["text-classification"], path.join(project, "specs/deeper"));
      expect(result.status).toBe(2);
      // Outside the working directory, a file is named by its absolute path.
      expect(result.stderr).toMatch(
        /^(.*)snippet-docs\.config\.json:1:\d+ at \/clients\/1: error: unknown client "sh\/wget": use one of sh\/curl/m,
      );
      expect(result.stderr.startsWith(`${configFile}:1:`)).toBe(true);
    } finally {
      writeFileSync(configFile, valid);
    }
    const fixed = await runCommand(
      "snippet",
      ["text-classification", "--client", "sh/curl"],
      path.join(project, "specs/deeper"),
    );
    expect(fixed.status).toBe(0);
  });

  it("--cwd and --config name another project; a config error names the file", async () => {
    writeFileSync(path.join(project, "broken.config.json"), JSON.stringify({ snippetStyle: "fancy" }));
    const result = await runCommand("check", ["--cwd", project, "--config", "broken.config.json"], PROJECT_ROOT);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^broken\.config\.json:1:\d+ at \/snippetStyle: error: must be one of/m);
  });
});
