/**
 * ESLint flat config for `office-addin-lint check` (it uses ./eslint.config.mjs when
 * present): the recommended rules of eslint-plugin-office-addins, i.e. eslint's
 * recommended set, typescript-eslint's no-unused-vars and the Office.js load/sync rules.
 */
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";

export default [
  ...officeAddins.configs.recommended,
  {
    // The plugin's recommended config names its parser through an ES-module default
    // import that resolves to undefined under CommonJS, so ESLint would fall back to
    // espree and fail on every type annotation; office-addin-lint's own default config
    // sets the parser the same way.
    languageOptions: { parser: tsParser, ecmaVersion: "latest" },
  },
  {
    files: ["**/*.ts"],
    rules: {
      // TypeScript itself reports undefined names (and knows DOM, Node and Office.js
      // types); no-undef does not read type declarations, so it flags Buffer, NodeJS...
      "no-undef": "off",
      // Formatting is not a lint finding here: the project has not adopted Prettier's
      // layout, and reformatting every other module to it is not this check's job.
      "prettier/prettier": "off",
    },
  },
  {
    // The command line reads workbooks with ExcelJS, whose cells look like Office.js
    // proxies to these rules (header.value, column.width) but are plain objects: there
    // is no load() or sync() to call. The Office.js rules stay on for the add-in code.
    files: ["src/cli/**/*.ts", "src/core/**/*.ts", "src/package/**/*.ts"],
    rules: Object.fromEntries(Object.keys(officeAddins.rules).map((rule) => [`office-addins/${rule}`, "off"])),
  },
];
