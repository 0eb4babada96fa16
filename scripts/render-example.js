#!/usr/bin/env node
"use strict";
// Draws the annotated sample (examples/hasil/contoh-dinas-cek.xlsx, made by
// `npm run check-example`) as a picture for the user guide: an HTML table with the
// copy's values and fills, photographed by headless Chromium. Documentation only.
const path = require("node:path");
const fs = require("node:fs");
const os = require("node:os");
const ExcelJS = require("exceljs");
const { chromium } = require("playwright-core");

const root = path.join(__dirname, "..");
const input = path.join(root, "examples", "hasil", "contoh-dinas-cek.xlsx");
const output = path.join(root, "docs", "img", "salinan-beranotasi.png");

const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);

function shown(cell) {
  const v = cell.value;
  if (v === null || v === undefined) return "";
  if (v instanceof Date)
    return `${String(v.getUTCDate()).padStart(2, "0")}-${String(v.getUTCMonth() + 1).padStart(2, "0")}-${v.getUTCFullYear()}`;
  if (typeof v === "object")
    return v.result !== undefined
      ? shown({ value: v.result })
      : (v.text ?? (v.richText ? v.richText.map((r) => r.text).join("") : ""));
  if (typeof v === "number" && Math.abs(v) >= 1e15) return v.toExponential(5).replace("e+", "E+");
  return String(v);
}

async function main() {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(input);
  const ws = wb.worksheets[0];
  const firstRow = 4,
    lastRow = 20,
    lastCol = Math.min(ws.columnCount, 20);
  let html = "<table><tr><th></th>";
  for (let c = 1; c <= lastCol; c++) html += `<th>${esc(ws.getColumn(c).letter)}</th>`;
  html += "</tr>";
  for (let r = firstRow; r <= lastRow; r++) {
    html += `<tr><th>${r}</th>`;
    for (let c = 1; c <= lastCol; c++) {
      const cell = ws.getCell(r, c);
      const argb = cell.fill && cell.fill.fgColor && cell.fill.fgColor.argb;
      const bg = argb ? `background:#${argb.slice(2)};` : "";
      const bold = cell.font && cell.font.bold ? "font-weight:600;" : "";
      const slave = cell.isMerged && cell.master !== cell; // a merged area shows its value once
      html += `<td style="${bg}${bold}">${slave ? "" : esc(shown(cell))}</td>`;
    }
    html += "</tr>";
  }
  html += "</table>";
  const page = `<!doctype html><meta charset="utf-8"><style>
    body{font:12px Calibri,Carlito,Arial,sans-serif;margin:8px;background:#fff}
    table{border-collapse:collapse} td,th{border:1px solid #d4d4d4;padding:2px 5px;white-space:nowrap;max-width:190px;overflow:hidden;text-overflow:ellipsis}
    th{background:#f3f3f3;color:#555;font-weight:normal}</style>
    <p style="font-size:14px;margin:4px 0 8px"><b>${esc(ws.name)}</b>: salinan beranotasi (kolom hasil Cek Honorer di kanan; sel bermasalah berwarna)</p>${html}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ch-render-"));
  const file = path.join(dir, "sheet.html");
  fs.writeFileSync(file, page);
  const browser = await chromium.launchPersistentContext(path.join(dir, "profile"), {
    executablePath: "/usr/bin/chromium",
    viewport: { width: 1600, height: 600 },
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  try {
    const tab = await browser.newPage();
    await tab.goto(`file://${file}`);
    await tab.screenshot({ path: output, fullPage: true });
  } finally {
    await browser.close();
  }
  console.log(`wrote ${path.relative(root, output)}`);
}

main().catch((error) => {
  console.error(`render-example: ${error.message}`);
  process.exit(1);
});
