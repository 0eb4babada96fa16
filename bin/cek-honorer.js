#!/usr/bin/env node
"use strict";
// Thin launcher: the command line is TypeScript compiled to dist-cli/ (npm run build:cli).
let cli;
try {
  cli = require("../dist-cli/src/cli/main.js");
} catch (error) {
  process.stderr.write("cek-honorer: belum dibangun; jalankan `npm run build:cli` (not built; run `npm run build:cli`).\n");
  process.exit(2);
}
cli.main();
