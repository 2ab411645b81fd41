// Lint for the project's own code; the data folders and built output are not code we write.
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "generated/",
      "scripts/load/meta-validators.generated.ts",
      "dist/",
      "test-results/",
      ".tmp/",
      "node_modules/",
      "examples/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { languageOptions: { globals: globals.node } },
  // The preview's client script runs in the browser, not in Node.
  { files: ["scripts/preview/assets/**/*.js"], languageOptions: { globals: globals.browser } },
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      // Prettier wraps code at 120; long messages and URLs stay whole on one line so they can be searched for.
      "max-len": [
        "error",
        { code: 120, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreUrls: true, ignoreRegExpLiterals: true },
      ],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
);
