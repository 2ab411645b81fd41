/**
 * A set of files is replaced all together or not at all.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { nodeFileOperations, writeFilesAtomically, type FileOperations } from "../../scripts/sync/atomic-files.ts";

describe("writeFilesAtomically", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), "sync-atomic-"));
    for (const name of ["a.json", "b.json", "c.json"]) writeFileSync(path.join(dir, name), `old ${name}`);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const changes = () =>
    ["a.json", "b.json", "c.json"].map((name) => ({ file: path.join(dir, name), content: `new ${name}` }));
  const contents = () =>
    readdirSync(dir)
      .sort()
      .map((name) => `${name}: ${readFileSync(path.join(dir, name), "utf8")}`);

  it("replaces every file", () => {
    writeFilesAtomically(changes());
    expect(contents()).toEqual(["a.json: new a.json", "b.json: new b.json", "c.json: new c.json"]);
  });

  /** The real file operations, except that the nth call of `operation` throws. */
  function failingOn(operation: "rename" | "write", nth: number, message: string): FileOperations {
    let calls = 0;
    const real = nodeFileOperations[operation];
    return {
      ...nodeFileOperations,
      [operation]: (first: string, second: string) => {
        if (++calls === nth) throw new Error(message);
        real(first, second);
      },
    };
  }

  it("puts the old contents back when a rename fails half-way, and leaves no temporary file", () => {
    expect(() => writeFilesAtomically(changes(), failingOn("rename", 3, "disk full"))).toThrow("disk full");
    expect(contents()).toEqual(["a.json: old a.json", "b.json: old b.json", "c.json: old c.json"]);
  });

  it("touches no target when writing a temporary file fails", () => {
    expect(() => writeFilesAtomically(changes(), failingOn("write", 2, "read-only"))).toThrow("read-only");
    expect(contents()).toEqual(["a.json: old a.json", "b.json: old b.json", "c.json: old c.json"]);
  });
});
