#!/usr/bin/env node
"use strict";
// Quick start: checks the sample workbook into examples/hasil/. The sample holds errors on
// purpose, so the checker's exit code 1 ("errors found") is the expected outcome here.
const { spawnSync } = require("node:child_process");
const path = require("node:path");
const root = path.join(__dirname, "..");
const out = path.join(root, "examples", "hasil");
require("node:fs").mkdirSync(out, { recursive: true });
const result = spawnSync(
  process.execPath,
  [
    path.join(root, "bin", "cek-honorer.js"),
    "check",
    path.join("examples", "contoh-dinas.xlsx"),
    "--out",
    path.join(out, "contoh-dinas-cek.xlsx"),
    "--json",
    path.join(out, "contoh-dinas.json"),
  ],
  { cwd: root, stdio: "inherit" },
);
if (result.status === 0 || result.status === 1) {
  console.log(
    "\nSelesai. Buka examples/hasil/contoh-dinas-cek.xlsx (exit code " +
      result.status +
      ": 1 = ada kesalahan di data contoh, memang disengaja).",
  );
  process.exit(0);
}
process.exit(result.status ?? 2);
