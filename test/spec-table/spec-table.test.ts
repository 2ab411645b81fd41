import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { compile } from "@mdx-js/mdx";
import type { Root, RootContent, Table } from "mdast";
import { toString } from "mdast-util-to-string";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import { isInputError } from "../../scripts/lib/diagnostics.ts";
import { isJsonObject, type JsonValue } from "../../scripts/lib/json-source.ts";
import { readJsonFile } from "../../scripts/load/files.ts";
import { escapeCellText } from "../../scripts/spec-table/cells.ts";
import { specTableForFile } from "../../scripts/spec-table/schema-table.ts";
import { PROJECT_ROOT, runCommand } from "../helpers/cli.ts";

const FIXTURES = path.join(PROJECT_ROOT, "test/spec-table/fixtures");
const UPSTREAM = path.join(PROJECT_ROOT, "node_modules/@huggingface/tasks/src/tasks");
const parser = unified().use(remarkParse).use(remarkGfm);

function tables(markdown: string): Table[] {
  const found: Table[] = [];
  const walk = (node: Root | RootContent) => {
    if (node.type === "table") found.push(node);
    if ("children" in node) node.children.forEach(walk);
  };
  walk(parser.parse(markdown) as Root);
  return found;
}

function hasNodeOfType(markdown: string, type: string): boolean {
  let found = false;
  const walk = (node: Root | RootContent) => {
    if (node.type === type) found = true;
    if ("children" in node) node.children.forEach(walk);
  };
  walk(parser.parse(markdown) as Root);
  return found;
}

/** Rows as [name, type, description] plain text. */
function rows(markdown: string): string[][] {
  const [table] = tables(markdown);
  return (table?.children ?? [])
    .slice(1)
    .map((row) => row.children.map((cell) => toString(cell).replace(/\u00a0/g, " ")));
}

function expectWellFormed(markdown: string): void {
  const found = tables(markdown);
  expect(found).toHaveLength(1);
  for (const row of found[0]?.children ?? []) expect(row.children).toHaveLength(3);
  expect(hasNodeOfType(markdown, "html")).toBe(false);
}

function propertyNames(value: JsonValue, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((item) => propertyNames(item, out));
  else if (isJsonObject(value)) {
    for (const [key, child] of Object.entries(value)) {
      if (key === "properties" && isJsonObject(child)) Object.keys(child).forEach((name) => out.add(name));
      propertyNames(child, out);
    }
  }
  return out;
}

function upstreamSpecFiles(): string[] {
  return readdirSync(UPSTREAM)
    .filter((task) => statSync(path.join(UPSTREAM, task)).isDirectory())
    .flatMap((task) => {
      const dir = path.join(UPSTREAM, task, "spec");
      try {
        return readdirSync(dir)
          .filter((name) => name.endsWith(".json"))
          .map((name) => path.join(dir, name));
      } catch {
        return [];
      }
    })
    .sort();
}

describe("spec tables for every schema shipped in @huggingface/tasks", () => {
  const files = upstreamSpecFiles();
  const common = path.join(UPSTREAM, "common-definitions.json");

  it("finds the upstream spec files", () => {
    expect(files.length).toBeGreaterThan(60);
  });

  it.each(files.map((file) => [path.relative(UPSTREAM, file), file]))(
    "%s renders with every property",
    (_name, file) => {
      const markdown = specTableForFile(file, [common]);
      expectWellFormed(markdown);
      const source = readJsonFile(file);
      if (!source.ok) throw new Error("unreadable");
      const names = new Set(rows(markdown).map((row) => (row[0] ?? "").trim().replace(/\*$/, "")));
      for (const name of propertyNames(source.source.value)) expect(names, `${name} in ${file}`).toContain(name);
    },
  );

  it("prints the same table through the CLI", async () => {
    const file = path.join(UPSTREAM, "text-classification/spec/input.json");
    const result = await runCommand("spec-table", [file, "--defs", common], PROJECT_ROOT);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(specTableForFile(file, [common]) + "\n");
  });
});

describe("hostile schemas", () => {
  const markdown = specTableForFile(path.join(FIXTURES, "hostile.json"));

  it("terminates on $ref cycles with a visible back-reference", () => {
    const table = rows(markdown);
    const children = table.find((row) => row[0]?.trim() === "children");
    expect(children?.[2]).toBe("Recursive: has the same structure as tree above.");
    const ping = table.filter((row) => row[0]?.trim() === "ping");
    expect(ping).toHaveLength(2);
    expect(ping[1]?.[2]).toBe("Recursive: has the same structure as ping above.");
    const loop = table.find((row) => row[0]?.trim() === "loop");
    expect(loop?.[1]).toBe("unknown");
    expect(loop?.[2]).toBe("Recursive: its $ref chain loops back on itself without defining a structure.");
  });

  it("keeps pipes, newlines, HTML and braces inert, one row per line and three cells per row", async () => {
    expectWellFormed(markdown);
    const table = rows(markdown);
    const pipe = table.find((row) => row[0]?.startsWith("a|b"));
    expect(pipe?.[2]).toContain(
      "Line one line two | piped <img src=x onerror=alert(1)> {process.exit(1)} code | with pipe",
    );
    expect(pipe?.[2]).toContain('Possible values: "x|y", "</td>", "{z}".');
    expect(pipe?.[2]).toContain('Default: "</script><script>alert(1)</script>".');
    expect(table.some((row) => row[0] === "<b>bold</b>")).toBe(true);
    await expect(compile(markdown, { remarkPlugins: [remarkGfm] })).resolves.toBeDefined();
  });
});

describe("what the tables show", () => {
  const table = rows(specTableForFile(path.join(FIXTURES, "features.json")));
  const row = (name: string) => table.find((candidate) => candidate[0]?.trim().replace(/\*$/, "") === name);

  it("lets a description next to a $ref win, and shows enum values too", () => {
    expect(row("mode")?.[2]).toBe('Use-site description wins. Possible values: "fast", "slow".');
    expect(row("mode")?.[0]).toMatch(/mode\*$/);
  });

  it("shows nullability, ranges, defaults and const", () => {
    expect(row("temperature")?.[1]).toBe("number | null");
    expect(row("temperature")?.[2]).toBe("Default: 1. Range: ≥ 0 and < 2. Can be null.");
    expect(row("kind")?.[1]).toBe("string");
    expect(row("kind")?.[2]).toBe('Always "chat".');
  });

  it("merges allOf and lists oneOf alternatives", () => {
    const names = table.map((candidate) => candidate[0]?.trim());
    const merged = names.indexOf("merged");
    expect(names.slice(merged + 1, merged + 3)).toEqual(["left*", "right"]);
    expect(row("content")?.[1]).toBe("string | object[]");
    expect(row("content")?.[2]).toBe("Exactly one of the forms below.");
    expect(names).toContain("(#1)");
    expect(names).toContain("(#2)");
  });

  it("shows arrays as T[] with item properties nested, maps by their values, and sibling-file refs", () => {
    expect(row("parts")?.[1]).toBe("object[]");
    const parts = table.findIndex((candidate) => candidate[0]?.trim() === "parts");
    expect(table[parts + 1]?.[0]).toBe("    text");
    expect(row("labels")?.[1]).toBe("object");
    expect(row("(any key)")?.[1]).toBe("string[]");
    expect(row("sibling")?.[2]).toBe("From a sibling file.");
    expect(row("shared_field")?.[1]).toBe("string");
  });

  it("escapes names for display without mangling ordinary identifiers", () => {
    expect(escapeCellText("function_to_apply")).toBe("function_to_apply");
    expect(escapeCellText("_private")).toBe("&#95;private");
    expect(escapeCellText("string[]")).toBe("string[]");
  });
});

describe("spec-table errors", () => {
  it("names the file, line and column of malformed JSON and exits 2", async () => {
    const result = await runCommand("spec-table", ["test/spec-table/fixtures/malformed.json"], PROJECT_ROOT);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(
      /^test\/spec-table\/fixtures\/malformed\.json:4:31: error: invalid JSON: expected a property name in double quotes \[json-syntax\]/m,
    );
  });

  it("names each unresolvable $ref and where it is used", () => {
    try {
      specTableForFile(path.join(FIXTURES, "dangling.json"));
      expect.unreachable();
    } catch (error) {
      expect(isInputError(error)).toBe(true);
      const messages = isInputError(error)
        ? error.diagnostics.map(
            (diagnostic) => `${diagnostic.position?.line}:${diagnostic.pointer} ${diagnostic.reason}`,
          )
        : [];
      expect(messages[0]).toMatch(
        /^4:\/properties\/x\/\$ref cannot resolve \$ref "#\/\$defs\/Nowhere": .* has nothing at \/\$defs\/Nowhere/,
      );
      expect(messages[1]).toMatch(
        /^5:\/properties\/y\/\$ref cannot resolve \$ref "\.\/no-such-file\.json#\/\$defs\/Y": no loaded schema has the URI file:\/\/.*no-such-file\.json/,
      );
    }
  });

  it("reports a missing file and bad arguments with exit 2", async () => {
    const missing = await runCommand("spec-table", ["nope.json"], PROJECT_ROOT);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("nope.json: error: file not found [file-read]");
    const usage = await runCommand("spec-table", [], PROJECT_ROOT);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toBe("error: missing the <schema> argument\nSee `snippet-docs spec-table --help`.\n");
  });
});
