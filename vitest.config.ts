import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    // One fork per core (vitest's default leaves one idle), and each fork keeps the modules it has
    // loaded (prettier, ruff, remark, ajv) from file to file: loading them again per file was a third
    // of the suite's time. Tests share no module state that this could leak (commands take their io).
    maxWorkers: availableParallelism(),
    isolate: false,
  },
});
