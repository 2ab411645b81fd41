/** BoundedMemo keeps at most its limit, dropping the oldest entry, and makes a value once per key. */
import { describe, expect, it } from "vitest";
import { BoundedMemo } from "../../scripts/lib/bounded-memo.ts";

describe("BoundedMemo", () => {
  it("makes a value once per key and drops the oldest entry when full", () => {
    const memo = new BoundedMemo<string, string>(2);
    const made: string[] = [];
    const make = (key: string) => (made.push(key), key.toUpperCase());
    expect(memo.getOrMake("a", make)).toBe("A");
    expect(memo.getOrMake("a", make)).toBe("A");
    memo.getOrMake("b", make);
    memo.getOrMake("c", make);
    expect(made).toEqual(["a", "b", "c"]);
    expect([memo.get("a"), memo.get("b"), memo.get("c")]).toEqual([undefined, "B", "C"]);
    // Setting a key it holds replaces the value and drops nothing.
    memo.set("b", "b2");
    expect([memo.get("b"), memo.get("c")]).toEqual(["b2", "C"]);
    memo.clear();
    expect(memo.get("c")).toBeUndefined();
  });
});
