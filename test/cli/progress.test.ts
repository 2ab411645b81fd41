/**
 * Progress: redrawn in place in a terminal, one line per phase on a pipe or in CI, colour only
 * in a terminal without NO_COLOR. A fake clock makes the elapsed times exact.
 */
import { describe, expect, it } from "vitest";
import { bufferIo } from "../../scripts/cli/io.ts";
import { createProgress } from "../../scripts/cli/progress.ts";

function run(env: Record<string, string>, isTTY: boolean): string {
  const io = { ...bufferIo("/", env), isTTY };
  let clock = 0;
  const progress = createProgress(io, "generate", () => clock);
  progress.phase("rendering snippets", 4);
  clock = 500;
  progress.advance(4);
  progress.phase("checking pages", 2);
  clock = 650;
  progress.advance();
  clock = 700;
  progress.advance();
  clock = 1_250;
  progress.finish();
  return io.err();
}

const DIM = "\u001b[2m";
const CLEAR = "\r\u001b[2K";

describe("progress", () => {
  it("prints one line per finished phase on a pipe", () => {
    expect(run({}, false)).toBe("generate: rendering snippets 4/4 in 0.5s\ngenerate: checking pages 2/2 in 0.8s\n");
  });

  it("prints one line per phase in CI, even on a terminal", () => {
    expect(run({ CI: "true" }, true)).toBe(run({}, false));
  });

  it("redraws one line in a terminal, at most every 100 ms, and clears it at the end", () => {
    const output = run({ NO_COLOR: "1" }, true);
    expect(output.split(CLEAR)).toEqual([
      "",
      "generate: rendering snippets 0/4 0.0s",
      "generate: rendering snippets 4/4 0.5s",
      "generate: checking pages 0/2 0.5s",
      "generate: checking pages 1/2 0.7s",
      "",
    ]);
    expect(output).not.toContain(DIM);
  });

  it("dims the elapsed time in a terminal unless NO_COLOR is set", () => {
    expect(run({}, true)).toContain(`generate: rendering snippets 4/4 ${DIM}0.5s`);
  });
});
