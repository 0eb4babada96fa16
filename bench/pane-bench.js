#!/usr/bin/env node
/**
 * Task pane figures (`npm run bench:pane`, part of `npm run bench`):
 *  - the pane's own JavaScript, minified (office.js excluded); target under 250 KB;
 *  - time to ready in headless Chromium, from navigation start to the pane's ready mark
 *    (office.js loaded, Office.onReady, settings read from the workbook, pane drawn);
 *    target under 1 s. Median of several cold loads, each in a fresh page.
 *
 *   node bench/pane-bench.js [--runs 7] [--strict]   (--strict: exit 1 when over a target)
 */
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const { buildAddin, launchBrowser, paneScriptSize, startServer } = require("../test/browser/harness");

const SIZE_TARGET = 250 * 1024;
const READY_TARGET_MS = 1000;

function option(name, fallback) {
  const at = process.argv.indexOf(name);
  return at === -1 ? fallback : Number(process.argv[at + 1]);
}

const SEED = {
  sheets: [
    {
      name: "Data Pegawai",
      rows: [
        ["NO", "NIK", "Nama Lengkap", "Tanggal Lahir", "Jenis Kelamin", "TMT", "Tanggal Akhir Kerja"],
        [1, "3171015203900001", "Pegawai Satu", "12-03-1990", "P", "01-01-2020", "31-12-2025"],
      ],
    },
  ],
};

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
  const runs = option("--runs", 7);
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "cek-honorer-bench-"));
  const started = Date.now();
  await buildAddin(outDir);
  const buildMs = Date.now() - started;
  const size = paneScriptSize(outDir);
  const server = await startServer(outDir);
  const browser = await launchBrowser();
  const times = [];
  try {
    for (let i = 0; i < runs; i++) {
      const page = await browser.context.newPage();
      await page.addInitScript((seed) => {
        window.__cekHonorerSeed = seed;
      }, SEED);
      await page.goto(`${server.origin}/taskpane.html`);
      await page.waitForSelector('body[data-ready="true"]', { timeout: 15000 });
      times.push(await page.evaluate(() => performance.getEntriesByName("cek-honorer-ready")[0].startTime));
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
    fs.rmSync(outDir, { recursive: true, force: true });
  }
  const ready = median(times);
  const sizeOk = size.bytes < SIZE_TARGET;
  const readyOk = ready < READY_TARGET_MS;
  console.log("Task pane (headless Chromium, office.js served locally, fake Excel host)");
  console.log(
    `  taskpane.js            ${(size.bytes / 1024).toFixed(1)} KB minified, ${(size.gzipBytes / 1024).toFixed(1)} KB gzip` +
      `   target < 250 KB   ${sizeOk ? "OK" : "OVER"}`,
  );
  console.log(
    `  time to ready (median) ${ready.toFixed(0)} ms of ${runs} cold loads (min ${Math.min(...times).toFixed(0)}, ` +
      `max ${Math.max(...times).toFixed(0)})   target < 1000 ms   ${readyOk ? "OK" : "OVER"}`,
  );
  console.log(`  (production build took ${(buildMs / 1000).toFixed(1)} s)`);
  if (process.argv.includes("--strict") && !(sizeOk && readyOk)) process.exit(1);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
