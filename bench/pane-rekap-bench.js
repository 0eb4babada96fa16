#!/usr/bin/env node
/**
 * The task pane's Rekap OPD (`npm run bench:rekap`, after the command line's figures): the
 * same 40 OPD files of 1,000 people that bench/rekap-bench.ts writes into
 * bench/.out/rekap-<files>x<people>/, given to the pane's file picker in headless Chromium
 * (production build, office.js served locally, the fake Excel host of the browser tests).
 * Prints the time from the click on Buat Rekap to the done message (reading every file in
 * the pane, the rekap, and writing its sheets into the host), and the peak JS heap of the
 * page, sampled every 50 ms through the DevTools protocol (it includes the fake host's
 * model of the written sheets, which Excel would hold outside the pane).
 *
 *   node bench/pane-rekap-bench.js [--files 40] [--people 1000]
 */
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const { buildAddin, launchBrowser, startServer } = require("../test/browser/harness");

function option(name, fallback) {
  const at = process.argv.indexOf(name);
  return at === -1 ? fallback : Number(process.argv[at + 1]);
}

async function main() {
  const files = option("--files", 40);
  const people = option("--people", 1000);
  const folder = path.join(__dirname, ".out", `rekap-${files}x${people}`);
  const picked = fs.existsSync(folder)
    ? fs
        .readdirSync(folder)
        .filter((f) => f.endsWith(".xlsx"))
        .map((f) => path.join(folder, f))
    : [];
  if (picked.length < files) {
    console.error(`No ${files} files in ${folder}: run \`npm run bench:rekap\` (it writes them first).`);
    process.exit(1);
  }
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "cek-honorer-bench-"));
  await buildAddin(outDir);
  const server = await startServer(outDir);
  const browser = await launchBrowser();
  try {
    const page = await browser.context.newPage();
    page.setDefaultTimeout(600_000);
    await page.addInitScript(() => {
      window.__cekHonorerSeed = { sheets: [{ name: "Sheet1", rows: [] }] };
    });
    await page.goto(`${server.origin}/taskpane.html`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
    await page.click("#open-rekap");
    await page.waitForSelector("#rekap-view:not([hidden])");
    await page.setInputFiles("#rekap-files", picked);

    const cdp = await browser.context.newCDPSession(page);
    await cdp.send("HeapProfiler.collectGarbage");
    await cdp.send("Performance.enable");
    const heap = async () =>
      (await cdp.send("Performance.getMetrics")).metrics.find((m) => m.name === "JSHeapUsedSize").value;
    const before = await heap();
    let peak = before;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        peak = Math.max(peak, await heap());
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    const started = Date.now();
    await page.click("#rekap-run");
    await page.waitForFunction(() => {
      const status = document.getElementById("rekap-status");
      return status !== null && status.textContent !== "" && document.getElementById("rekap-progress").hidden;
    });
    const seconds = (Date.now() - started) / 1000;
    sampling = false;
    await sampler;
    const status = await page.textContent("#rekap-status");
    const rows = await page.evaluate(() => {
      const sheet = window.__cekHonorerTest.sheet("Semua Pegawai");
      return sheet === null ? 0 : Object.keys(sheet.cells).filter((a) => /^A\d+$/.test(a)).length - 1;
    });
    const mb = (n) => (n / 1048576).toFixed(0);
    console.log(`pane rekap of ${files} files x ${people} people (headless Chromium, fake Excel host):`);
    console.log(
      `  pane: ${seconds.toFixed(2)} s from Buat Rekap to done, peak JS heap ${mb(peak)} MB ` +
        `(${mb(before)} MB before), ${rows} rows in Semua Pegawai (load average ${os.loadavg()[0].toFixed(1)})`,
    );
    console.log(`  pane says: ${status}`);
  } finally {
    await browser.close();
    await server.close();
    fs.rmSync(outDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
