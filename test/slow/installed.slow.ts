/**
 * From another repository, as a docs team uses it: `npm pack` this tool, install the tarball as a
 * devDependency of a fresh docs repository (its own configuration, one task of its own, one
 * overridden partial), then run `npx snippet-docs` generate, check and preview there.
 *
 * The install is offline from the shared npm cache. The cache holds the tarballs of our
 * dependencies but not the registry's metadata, so the docs repository gets a lockfile: our own
 * lockfile's production entries (exactly what the tarball depends on) plus the tarball itself.
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { plainEnv, PROJECT_ROOT } from "../helpers/cli.ts";

interface LockEntry {
  dev?: boolean;
  devOptional?: boolean;
  [field: string]: unknown;
}

function writeJson(file: string, value: unknown): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(value, null, 2) + "\n");
}

function pack(destination: string): { tarball: string; integrity: string } {
  const output = execFileSync("npm", ["pack", "--json", "--pack-destination", destination], {
    cwd: PROJECT_ROOT,
    env: plainEnv(),
    encoding: "utf8",
  });
  const [packed] = JSON.parse(output) as { filename: string; integrity: string }[];
  if (!packed) throw new Error(`npm pack printed nothing: ${output}`);
  return { tarball: path.join(destination, packed.filename), integrity: packed.integrity };
}

/**
 * Where the registry keeps a package's tarball. Some entries of our lockfile lack `resolved`, and
 * without it npm asks the registry for metadata the offline cache does not have.
 */
function registryTarball(key: string, entry: LockEntry): string {
  const name = key.slice(key.lastIndexOf("node_modules/") + "node_modules/".length);
  return `https://registry.npmjs.org/${name}/-/${name.split("/").pop()}-${String(entry["version"])}.tgz`;
}

/** The docs repository's lockfile: the tarball and the production part of ours, all devDependencies there. */
function docsLockfile(tarball: string, integrity: string): object {
  const ours = JSON.parse(readFileSync(path.join(PROJECT_ROOT, "package-lock.json"), "utf8")) as {
    packages: Record<string, LockEntry>;
  };
  const manifest = JSON.parse(readFileSync(path.join(PROJECT_ROOT, "package.json"), "utf8")) as {
    version: string;
    dependencies: object;
    bin: object;
    engines: object;
  };
  const packages: Record<string, object> = {
    "": { name: "acme-docs", devDependencies: { "snippet-docs": `file:${tarball}` } },
    "node_modules/snippet-docs": {
      version: manifest.version,
      resolved: `file:${tarball}`,
      integrity,
      dev: true,
      dependencies: manifest.dependencies,
      bin: manifest.bin,
      engines: manifest.engines,
    },
  };
  for (const [key, entry] of Object.entries(ours.packages)) {
    if (key === "" || entry.dev === true) continue;
    const { devOptional, ...rest } = entry;
    packages[key] = {
      ...rest,
      resolved: entry["resolved"] ?? registryTarball(key, entry),
      dev: true,
      ...(devOptional ? { optional: true } : {}),
    };
  }
  return { name: "acme-docs", lockfileVersion: 3, requires: true, packages };
}

function docsRepository(dir: string, tarball: string, integrity: string): void {
  writeJson(path.join(dir, "package.json"), {
    name: "acme-docs",
    private: true,
    scripts: { docs: "snippet-docs generate" },
    devDependencies: { "snippet-docs": `file:${tarball}` },
  });
  writeJson(path.join(dir, "package-lock.json"), docsLockfile(tarball, integrity));
  writeJson(path.join(dir, "snippet-docs.config.json"), {
    $schema: "./node_modules/snippet-docs/schemas/config.schema.json",
    specsDir: "api",
    templatesDir: "doc-templates",
    outDir: "docs",
    providers: ["hf-inference"],
  });
  const ours = JSON.parse(readFileSync(path.join(PROJECT_ROOT, "specs/providers.json"), "utf8")) as {
    router: object;
    providers: Record<string, { tasks: Record<string, unknown> }>;
  };
  const hfInference = ours.providers["hf-inference"];
  writeJson(path.join(dir, "api/providers.json"), {
    router: ours.router,
    providers: {
      "hf-inference": { ...hfInference, tasks: { "text-classification": hfInference?.tasks["text-classification"] } },
    },
  });
  cpSync(path.join(PROJECT_ROOT, "specs/common-definitions.json"), path.join(dir, "api/common-definitions.json"));
  for (const schema of ["input.json", "output.json"]) {
    cpSync(
      path.join(PROJECT_ROOT, "specs/tasks/text-classification", schema),
      path.join(dir, "api/tasks/text-classification", schema),
    );
  }
  writeJson(path.join(dir, "api/tasks/text-classification/task.json"), {
    title: "Ticket Sentiment",
    description: "Tells whether a support ticket sounds happy or upset, so the angry ones are answered first.",
    recommendedModels: [
      {
        id: "distilbert/distilbert-base-uncased-finetuned-sst-2-english",
        description: "The model our support team uses.",
      },
    ],
    example: { inputs: "My order arrived broken and nobody answers." },
    conversational: false,
    response: { kind: "json" },
  });
  mkdirSync(path.join(dir, "doc-templates/partials"), { recursive: true });
  writeFileSync(
    path.join(dir, "doc-templates/partials/recommended-models.hbs"),
    "### Models the Acme team recommends\n\n{{#each task.recommendedModels}}\n- [{{id}}]({{url}}): {{description}}\n{{/each}}\n",
  );
}

function npx(dir: string, args: string[]) {
  const result = spawnSync("npx", ["--no-install", "snippet-docs", ...args], {
    cwd: dir,
    env: plainEnv(),
    encoding: "utf8",
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("snippet-docs installed in a docs repository", () => {
  let work: string;
  let docs: string;
  const page = () => readFileSync(path.join(docs, "docs/tasks/text-classification.md"), "utf8");

  beforeAll(() => {
    work = mkdtempSync(path.join(tmpdir(), "snippet-docs-package-"));
    docs = path.join(work, "acme-docs");
    const { tarball, integrity } = pack(work);
    docsRepository(docs, tarball, integrity);
    execFileSync("npm", ["ci", "--offline", "--no-audit", "--no-fund", "--ignore-scripts"], {
      cwd: docs,
      env: plainEnv(),
      stdio: "pipe",
    });
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("ships the meta-schemas the configuration's $schema names", () => {
    expect(existsSync(path.join(docs, "node_modules/snippet-docs/schemas/config.schema.json"))).toBe(true);
  });

  it("generate writes the pages from the repository's own specs and partial", () => {
    const result = npx(docs, ["generate"]);
    expect(result.stderr).toMatch(/^(generate: [a-z ]+[\d/ ]* in \d+\.\ds\n)+$/);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^docs\/: \d+ written, 0 unchanged, 0 removed/);
    expect(page()).toContain("# Ticket Sentiment");
    expect(page()).toContain("### Models the Acme team recommends");
    expect(page()).toContain("This file is generated by `npm run docs`.");
  });

  it("check passes, then fails after an edit and names the command to run", () => {
    expect(npx(docs, ["check"])).toMatchObject({ status: 0, stdout: expect.stringMatching(/^docs\/ is current/) });
    appendFileSync(path.join(docs, "docs/tasks/text-classification.md"), "hand edit\n");
    const stale = npx(docs, ["check"]);
    expect(stale.status).toBe(1);
    expect(stale.stdout).toContain("Run `npm run docs` and commit the result.");
  });

  it("names the installed meta-schema in a configuration error", () => {
    const configFile = path.join(docs, "snippet-docs.config.json");
    const config = readFileSync(configFile, "utf8");
    writeFileSync(configFile, config.replace('"outDir"', '"outDirectory"'));
    try {
      const result = npx(docs, ["check"]);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain(
        "(the format is defined in node_modules/snippet-docs/schemas/config.schema.json)",
      );
    } finally {
      writeFileSync(configFile, config);
    }
  });

  it("preview serves the repository's page", async () => {
    // Its own process group, so SIGINT reaches every process as Ctrl-C in a terminal does (npx does not pass it on).
    const child = spawn("npx", ["--no-install", "snippet-docs", "preview", "--port", "0"], {
      cwd: docs,
      env: plainEnv(),
      detached: true,
    });
    let stdout = "";
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
        stdout += chunk;
        const found = /Preview: (http:\/\/127\.0\.0\.1:\d+\/)[\s\S]*\] built \d+ files/.exec(stdout);
        if (found) resolve(found[1] as string);
      });
      child.once("exit", (code) => reject(new Error(`preview exited with ${code}: ${stdout}${stderr}`)));
    });
    expect(stderr).toBe("");
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    try {
      const response = await fetch(`${url}tasks/text-classification.html`);
      expect(response.status).toBe(200);
      const html = await response.text();
      expect(html).toContain("Ticket Sentiment");
      expect(html).toContain("Models the Acme team recommends");
    } finally {
      process.kill(-(child.pid as number), "SIGINT");
      await exited;
    }
    // Three processes start (npx, the CLI, the build process): on a busy machine that takes long.
  }, 180_000);
});
