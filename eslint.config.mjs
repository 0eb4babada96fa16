/**
 * ESLint flat config for `office-addin-lint check` (it uses ./eslint.config.mjs when
 * present): the recommended rules of eslint-plugin-office-addins, i.e. eslint's
 * recommended set, typescript-eslint's no-unused-vars and the Office.js load/sync rules.
 */
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";
import compat from "eslint-plugin-compat";

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
    // Promises nobody awaits lose their errors: an Excel.run or a file write that fails
    // silently. This rule needs type information (the TypeScript program of tsconfig.json).
    files: ["src/**/*.ts"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-non-null-assertion": "error",
    },
  },
  {
    // actions.ts reads back, with `own.get(name)!`, the map loadOwnSheets has just filled
    // for every name it was given; the add-in's owner is rewriting that code (issue 6),
    // so the assertion is allowed there and nowhere else.
    files: ["src/addin/actions.ts"],
    rules: { "@typescript-eslint/no-non-null-assertion": "off" },
  },
  {
    // The core is pure TypeScript: no workbook library, no Office.js, no Node built-ins
    // (the adapters do the I/O), so it runs unchanged in the task pane and the CLI.
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            "exceljs",
            "fs",
            "fs/promises",
            "path",
            "os",
            "stream",
            "zlib",
            "child_process",
            "util",
            "crypto",
            "events",
            "buffer",
            "worker_threads",
            "readline",
            "url",
          ].map((name) => ({
            name,
            message: "src/core does no I/O and uses no workbook library: do this in src/cli or src/addin.",
          })),
          patterns: [
            { group: ["node:*"], message: "src/core uses no Node built-ins." },
            {
              group: ["exceljs/*", "@microsoft/office-js*", "office-addin-*"],
              message: "src/core uses no workbook or Office library.",
            },
            {
              group: ["**/cli/*", "**/addin/*", "**/taskpane/*", "**/commands/*"],
              message: "src/core does not depend on an adapter or the UI.",
            },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        ...["Office", "Excel", "OfficeExtension", "OfficeRuntime"].map((name) => ({
          name,
          message: "Office.js belongs in src/addin.",
        })),
        ...["process", "Buffer", "require", "__dirname", "__filename"].map((name) => ({
          name,
          message: "src/core does not touch Node: do this in src/cli.",
        })),
      ],
    },
  },
  {
    // The command line, the package code and the core work on plain objects that look like
    // Office.js proxies to these rules (header.value, column.width): there is no load() or
    // sync() to call. The Office.js rules stay on for the add-in code.
    files: ["src/cli/**/*.ts", "src/core/**/*.ts", "src/package/**/*.ts"],
    rules: Object.fromEntries(Object.keys(officeAddins.rules).map((rule) => [`office-addins/${rule}`, "off"])),
  },
  {
    // The web pages run in the webviews offices have: Internet Explorer 11 and EdgeHTML
    // included (package.json "browserslist"). Every API they lack must be one that the
    // build polyfills (core-js through babel, webpack.config.js) or one guarded at run time.
    files: ["src/core/**/*.ts", "src/addin/**/*.ts", "src/commands/**/*.ts", "src/taskpane/**/*.ts"],
    plugins: { compat },
    rules: { "compat/compat": "error" },
    settings: {
      polyfills: [
        "Promise",
        "Map",
        "Set",
        "WeakMap",
        "Symbol",
        "Array.from",
        "Object.assign",
        "Object.entries",
        "Object.values",
        "Number.isFinite",
        "Number.isInteger",
        "Number.EPSILON",
        "String.raw",
        "String.padStart",
        "Array.flatMap",
        "Array.fill",
        "Object.fromEntries",
        "Number.MAX_SAFE_INTEGER",
      ],
    },
  },
];
