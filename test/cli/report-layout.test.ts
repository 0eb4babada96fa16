/**
 * The annotated copy's own sheets as they open and print: CH Laporan with a frozen, filtered
 * header, landscape, one page wide, header row on every page; CH Ringkasan on one portrait
 * page naming the office from the title rows. (The page count itself is checked by hand with
 * LibreOffice: see docs/panduan.md's pictures, made by `npm run docs:pictures`.)
 */
import ExcelJS from "exceljs";
import * as path from "path";
import { LABELS } from "../../src/core/vocabulary";
import { runCli, suiteFixtures } from "./helpers";

jest.setTimeout(60_000);

test("the report and summary sheets carry their view and print set-up", async () => {
  const fx = await suiteFixtures("report-layout");
  const out = path.join(fx.dir, "layout.xlsx");
  const run = await runCli(["check", fx.dinkes, "--out", out]);
  expect(run.stderr).toBe("");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);

  const report = wb.getWorksheet(LABELS.sheetReport.id)!;
  expect(report.views[0]).toMatchObject({ state: "frozen", ySplit: 3 });
  expect(report.autoFilter).toBeDefined();
  expect(report.pageSetup).toMatchObject({ orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
  expect(report.pageSetup.printTitlesRow).toBe("3:3");
  expect(report.getCell("F4").alignment).toMatchObject({ wrapText: true });

  const summary = wb.getWorksheet(LABELS.sheetSummary.id)!;
  expect(summary.pageSetup).toMatchObject({ orientation: "portrait", fitToPage: true, fitToWidth: 1, fitToHeight: 1 });
  expect(String(summary.getCell("A2").value)).toMatch(/^Perangkat daerah: DINAS KESEHATAN/);
  expect(String(summary.getCell("A3").value)).toMatch(/^Diperiksa: \d{2}-\d{2}-\d{4} pukul \d{2}:\d{2}$/);
});
