import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "dist/",
      "node_modules/",
      ".pulumi-cli/",
      "coverage/",
      "sdk/nodejs/",
      "sdk/python/",
      "sdk/go/",
      "sdk/dotnet/",
      "**/*.js",
      "**/*.mjs",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    rules: {
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-require-imports": "off",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
      eqeqeq: ["error", "smart"],
      "prefer-const": "error",
      "max-lines": ["warn", { max: 220, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    // Tests assert on values they just created; a failed assumption fails the test either way.
    files: ["test/**/*.ts"],
    rules: { "@typescript-eslint/no-non-null-assertion": "off" },
  },
);
