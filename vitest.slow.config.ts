import { defineConfig } from "vitest/config";

/** Tests that spawn many processes or time large inputs: `npm run test:slow`, called by .ci/run. */
export default defineConfig({
  test: {
    include: ["test/slow/**/*.slow.ts"],
    testTimeout: 600_000,
    hookTimeout: 300_000,
    pool: "forks",
    fileParallelism: false,
  },
});
