#!/usr/bin/env node
"use strict";
/**
 * The pictures of the user guide (docs/img/), made from the real build: the task pane in
 * headless Chromium at 350 x 700 (Excel on the web's default pane) over the fake Excel host,
 * in each state the guide describes; and, when LibreOffice is installed, the printed
 * CH Ringkasan and CH Laporan of the sample's annotated copy (`npm run check-example` first).
 *
 *   npm run docs:pictures
 */
const fs = require("fs");
const os = require("os");
const path = require("path");
const { execFileSync } = require("child_process");
const { buildAddin, launchBrowser, startServer, ROOT } = require("../test/browser/harness");
const { CLERK_WORKBOOK } = require("../test/browser/clerk-seed");

const OUT = path.join(ROOT, "docs", "img");
const SIZE = { width: 350, height: 700 };

async function idle(page) {
  await page.waitForFunction(
    () => document.getElementById("progress").hidden && !document.getElementById("act-check").disabled,
    undefined,
    { timeout: 30000 },
  );
}

/** Clicks each button in turn, waiting for the run it starts. */
const run =
  (...buttons) =>
  async (page) => {
    for (const button of buttons) {
      await page.click(button);
      await idle(page);
    }
  };

/** Then some clicks that start no run. */
const then =
  (first, ...clicks) =>
  async (page) => {
    await first(page);
    for (const target of clicks) await page.click(target);
  };

const PROTECTED = { sheets: [{ ...CLERK_WORKBOOK.sheets[0], protected: true }, CLERK_WORKBOOK.sheets[1]] };

/** Each picture: a name, the workbook, and what the clerk does before it is taken. */
const SHOTS = [
  ["panel-mulai", CLERK_WORKBOOK, async () => {}],
  ["panel-hasil", CLERK_WORKBOOK, run("#act-check")],
  [
    "panel-masalah-terbuka",
    CLERK_WORKBOOK,
    then(run("#act-check"), ".group-header >> nth=1", ".group-body:not([hidden]) .problem >> nth=0"),
  ],
  ["panel-per-jenis", CLERK_WORKBOOK, then(run("#act-check"), "#errors-only", "#group-kind", ".group-header >> nth=0")],
  [
    "panel-pengaturan-salah",
    CLERK_WORKBOOK,
    async (page) => {
      await page.click("#settings-toggle");
      await page.fill("#policy-cutoffDate", "31-06-2025");
      await page.click("#act-check");
      await page.evaluate(() => document.getElementById("policy-cutoffDate").scrollIntoView({ block: "center" }));
    },
  ],
  ["panel-kontrak", CLERK_WORKBOOK, run("#act-cutoff")],
  ["panel-rekap-jp", CLERK_WORKBOOK, run("#act-training")],
  ["panel-dihapus", CLERK_WORKBOOK, run("#act-check", "#act-clear")],
  ["panel-diproteksi", PROTECTED, run("#act-check")],
  ["panel-english", CLERK_WORKBOOK, then(run("#act-check"), ".switch", ".group-header >> nth=0")],
];

async function panePictures() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cek-honorer-docs-"));
  await buildAddin(dir);
  const server = await startServer(dir);
  const browser = await launchBrowser();
  try {
    for (const [name, seed, act] of SHOTS) {
      const page = await browser.context.newPage();
      await page.setViewportSize(SIZE);
      await page.addInitScript((s) => {
        window.__cekHonorerSeed = s;
      }, seed);
      await page.goto(`${server.origin}/taskpane.html`);
      await page.waitForSelector('body[data-ready="true"]', { state: "attached", timeout: 15000 });
      await act(page);
      await page.screenshot({ path: path.join(OUT, `${name}.png`) });
      console.log(`wrote docs/img/${name}.png`);
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** One own sheet of the sample's annotated copy, printed by LibreOffice, as page images. */
async function printedSheet(sheetName, picture) {
  const ExcelJS = require("exceljs");
  const copy = path.join(ROOT, "examples", "hasil", "contoh-dinas-cek.xlsx");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cek-honorer-print-"));
  try {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(copy);
    for (const ws of [...workbook.worksheets]) if (ws.name !== sheetName) workbook.removeWorksheet(ws.id);
    const single = path.join(dir, "sheet.xlsx");
    await workbook.xlsx.writeFile(single);
    execFileSync("soffice", ["--headless", "--convert-to", "pdf", "--outdir", dir, single], { stdio: "ignore" });
    const pdf = path.join(dir, "sheet.pdf");
    const pages = /Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))[1];
    execFileSync("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", pdf, path.join(OUT, picture)]);
    console.log(`wrote docs/img/${picture}.png (${sheetName}: ${pages} printed page(s))`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function hasCommand(name) {
  try {
    execFileSync("which", [name], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

async function main() {
  fs.mkdirSync(OUT, { recursive: true });
  // --print-only: just the printed sheets (after a change to the report sheets).
  if (!process.argv.includes("--print-only")) await panePictures();
  if (!hasCommand("soffice") || !hasCommand("pdftoppm")) {
    console.log(
      "LibreOffice or poppler missing: the printed sheets were not drawn (apt-get install -y libreoffice-calc-nogui poppler-utils).",
    );
    return;
  }
  if (!fs.existsSync(path.join(ROOT, "examples", "hasil", "contoh-dinas-cek.xlsx"))) {
    console.log("Run `npm run check-example` first for the printed sheets.");
    return;
  }
  await printedSheet("CH Ringkasan", "ringkasan-cetak");
  await printedSheet("CH Laporan", "laporan-cetak");
}

main().catch((error) => {
  console.error(`docs-pictures: ${error.message}`);
  process.exit(1);
});
