/**
 * The ExcelJS adapter's reading side: every kind of cell ExcelJS hands out becomes the
 * right core Cell, in memory and streaming; merges; the 1904 date system; the file
 * sniffer; and the reordered zip stream the streaming reader needs.
 */
import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import * as path from "path";
import type { Cell, CellRow } from "../../src/core/cells";
import { cellFromValue, dateToSerial, serialToDate } from "../../src/cli/excel-cell";
import { loadWorkbook, parseRange } from "../../src/cli/read-workbook";
import { STREAM_READ_OPTIONS, readerName, rowCells } from "../../src/cli/check-streaming";
import { fixStreamingColumnWidths } from "../../src/cli/exceljs-fixes";
import { sniffWorkbookFile } from "../../src/cli/sniff-file";
import { orderedXlsxStream } from "../../src/cli/zip-order";
import { type FixturePaths, serialOf, utcDate, writeFixtures } from "../fixtures/make-fixtures";
import { ROOT } from "./helpers";

const dir = path.join(ROOT, "test", ".out", "exceljs-reader");
let fx: FixturePaths;

beforeAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
  await fs.mkdir(dir, { recursive: true });
  fx = await writeFixtures(dir);
});

describe("cellFromValue: ExcelJS values to cells", () => {
  test.each<[string, ExcelJS.CellValue | unknown, string | undefined, Cell]>([
    ["empty", null, undefined, null],
    ["undefined", undefined, undefined, null],
    ["a number with its format", 2500000, "#,##0", { t: "n", v: 2500000, format: "#,##0" }],
    ["a number in a General cell", 45292, "General", { t: "n", v: 45292, format: "General" }],
    ["a number without format", 7, undefined, { t: "n", v: 7 }],
    ["text", "Andi", undefined, { t: "s", v: "Andi" }],
    ["an empty string", "", undefined, { t: "s", v: "" }],
    ["text with a text format", "6471011203900001", "@", { t: "s", v: "6471011203900001", format: "@" }],
    ["a boolean", true, undefined, { t: "b", v: true }],
    [
      "a date (UTC) becomes its 1900 serial",
      utcDate([2024, 1, 1]),
      "dd-mm-yyyy",
      { t: "d", v: 45292, format: "dd-mm-yyyy" },
    ],
    ["a date with a time", new Date(Date.UTC(2024, 0, 1, 12)), undefined, { t: "d", v: 45292.5 }],
    ["an error", { error: "#N/A" }, undefined, { t: "e", v: "#N/A" }],
    [
      "rich text is joined",
      { richText: [{ text: "Catatan: " }, { text: "data" }] },
      undefined,
      { t: "s", v: "Catatan: data" },
    ],
    ["a hyperlink is its text", { text: "Lihat", hyperlink: "https://example.org" }, undefined, { t: "s", v: "Lihat" }],
    [
      "a hyperlink with rich text",
      { text: { richText: [{ text: "A" }, { text: "B" }] }, hyperlink: "#A1" },
      undefined,
      { t: "s", v: "AB" },
    ],
    ["a formula with a number result", { formula: "SUM(A1:A3)", result: 6 }, "0", { t: "n", v: 6, format: "0" }],
    ["a formula with a text result", { formula: "A1&B1", result: "ab" }, undefined, { t: "s", v: "ab" }],
    [
      "a formula with a date result",
      { formula: "DATE(2021,1,4)", result: utcDate([2021, 1, 4]) },
      "dd-mm-yyyy",
      { t: "d", v: serialOf([2021, 1, 4]), format: "dd-mm-yyyy" },
    ],
    [
      "a streamed formula with a number result in a date format",
      { formula: "DATE(2021,1,4)", result: 44200 },
      "dd-mm-yyyy",
      { t: "d", v: 44200, format: "dd-mm-yyyy" },
    ],
    [
      "a formula with an error result",
      { formula: "VLOOKUP(1,A:B,2,0)", result: { error: "#N/A" } },
      undefined,
      { t: "e", v: "#N/A" },
    ],
    ["a formula never calculated", { formula: "A1*2" }, undefined, null],
    ["a shared formula", { sharedFormula: "B2", result: 4 }, undefined, { t: "n", v: 4 }],
    ["a streamed shared formula (empty text)", { formula: "", result: 8 }, undefined, { t: "n", v: 8 }],
    ["a non-finite number", Number.NaN, undefined, { t: "e", v: "#NUM!" }],
  ])("%s", (_, value, format, expected) => {
    expect(cellFromValue(value, format)).toEqual(expected);
  });

  test("serials and dates convert both ways", () => {
    expect(dateToSerial(utcDate([1990, 3, 12]))).toBe(serialOf([1990, 3, 12]));
    expect(serialToDate(45292).toISOString()).toBe("2024-01-01T00:00:00.000Z");
  });
});

describe("loadWorkbook: whole sheets in memory", () => {
  async function roundTrip(
    build: (wb: ExcelJS.Workbook) => void,
    name: string,
  ): Promise<Awaited<ReturnType<typeof loadWorkbook>>> {
    const wb = new ExcelJS.Workbook();
    build(wb);
    const file = path.join(dir, name);
    await wb.xlsx.writeFile(file);
    return loadWorkbook(file);
  }

  test("rows start at Excel row 1, gaps are empty rows, merged covered cells are empty and merges are listed", async () => {
    const { grids } = await roundTrip((wb) => {
      const ws = wb.addWorksheet("Data");
      ws.getCell("A1").value = "DAFTAR";
      ws.mergeCells("A1:C1");
      ws.getCell("B4").value = 5;
      ws.getCell("D4").value = "x";
    }, "merges.xlsx");
    const grid = grids[0];
    expect(grid.name).toBe("Data");
    expect(grid.firstRow).toBe(1);
    expect(grid.rows[0]).toEqual([{ t: "s", v: "DAFTAR" }, null, null]);
    expect(grid.rows[1]).toEqual([]);
    expect(grid.rows[2]).toEqual([]);
    expect(grid.rows[3]).toEqual([null, { t: "n", v: 5 }, null, { t: "s", v: "x" }]);
    expect(grid.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 3 }]);
  });

  test("shared formulas give each cell its own cached result", async () => {
    const { grids } = await roundTrip((wb) => {
      const ws = wb.addWorksheet("F");
      ws.getCell("A1").value = 1;
      ws.getCell("A2").value = 2;
      ws.getCell("A3").value = 3;
      ws.fillFormula("B1:B3", "A1*2", [2, 4, 6]);
    }, "shared.xlsx");
    expect(grids[0].rows.map((r) => r[1])).toEqual([
      { t: "n", v: 2 },
      { t: "n", v: 4 },
      { t: "n", v: 6 },
    ]);
  });

  test("a workbook in the 1904 date system gives the same 1900 serials", async () => {
    const { grids } = await roundTrip((wb) => {
      wb.properties.date1904 = true;
      const ws = wb.addWorksheet("D");
      ws.getCell("A1").value = utcDate([2024, 1, 1]);
      ws.getCell("A1").numFmt = "dd-mm-yyyy";
    }, "date1904.xlsx");
    expect(grids[0].rows[0][0]).toEqual({ t: "d", v: 45292, format: "dd-mm-yyyy" });
  });

  test("the sheets Cek Honorer adds are not read as data", async () => {
    const { grids } = await roundTrip((wb) => {
      wb.addWorksheet("Data").getCell("A1").value = "NAMA";
      wb.addWorksheet("CH Laporan").getCell("A1").value = "Laporan";
      wb.addWorksheet("CH Summary").getCell("A1").value = "Summary";
    }, "own-sheets.xlsx");
    expect(grids.map((g) => g.name)).toEqual(["Data"]);
  });

  test("parseRange reads merge ranges", () => {
    expect(parseRange("B4:B5")).toEqual({ top: 4, left: 2, bottom: 5, right: 2 });
    expect(parseRange("$AA$10:$AB$12")).toEqual({ top: 10, left: 27, bottom: 12, right: 28 });
    expect(parseRange("C3")).toEqual({ top: 3, left: 3, bottom: 3, right: 3 });
    expect(parseRange("not a range")).toBeNull();
  });
});

describe("the streaming reader", () => {
  /** Every sheet read row by row from the reordered stream, as grids. */
  async function streamGrids(file: string): Promise<{ name: string; rows: CellRow[] }[]> {
    fixStreamingColumnWidths();
    const ordered = await orderedXlsxStream(file);
    expect(ordered).not.toBeNull();
    const out: { name: string; rows: CellRow[] }[] = [];
    try {
      const reader = new ExcelJS.stream.xlsx.WorkbookReader(ordered?.stream ?? file, STREAM_READ_OPTIONS);
      for await (const sheet of reader) {
        const rows: CellRow[] = [];
        for await (const row of sheet) {
          while (rows.length < row.number - 1) rows.push([]);
          rows.push(rowCells(row));
        }
        out.push({ name: readerName(sheet), rows });
      }
    } finally {
      ordered?.close();
    }
    return out;
  }

  test("reads every sheet of a file whose workbook.xml comes last, cell for cell as the in-memory reader", async () => {
    const [streamed, { grids }] = await Promise.all([streamGrids(fx.dinkes), loadWorkbook(fx.dinkes)]);
    expect(streamed.map((s) => s.name)).toEqual(grids.map((g) => g.name));
    streamed.forEach((sheet, i) => {
      const memory = grids[i].rows;
      expect(sheet.rows).toHaveLength(memory.length);
      sheet.rows.forEach((row, r) => {
        const width = Math.max(row.length, memory[r].length);
        for (let c = 0; c < width; c++) {
          const a = row[c] ?? null;
          const b = memory[r][c] ?? null;
          // The streaming reader reads an empty text as an empty cell.
          if (a === null && b !== null && b.t === "s" && b.v === "") continue;
          expect({ at: `${sheet.name}!${r + 1}:${c + 1}`, cell: a }).toEqual({
            at: `${sheet.name}!${r + 1}:${c + 1}`,
            cell: b,
          });
        }
      });
    });
  });
});

describe("sniffWorkbookFile: what a file is before ExcelJS sees it", () => {
  test.each<[string, (f: FixturePaths) => string, string, string | undefined]>([
    ["a workbook", (f) => f.dinkes, "ok", undefined],
    ["an encrypted workbook", (f) => f.broken.encrypted, "fileEncrypted", undefined],
    ["an old .xls", (f) => f.broken.oldXls, "fileOldXls", undefined],
    ["a truncated zip", (f) => f.broken.corrupt, "fileCorrupt", "zipNoEndRecord"],
    ["text", (f) => f.broken.text, "fileNotXlsx", undefined],
    ["an empty file", (f) => f.broken.empty, "fileEmpty", undefined],
    ["a missing file", (f) => f.broken.missing, "fileMissing", undefined],
  ])("%s", async (_, file, reason, detail) => {
    const result = await sniffWorkbookFile(file(fx));
    if (reason === "ok") expect(result.ok).toBe(true);
    else expect(result).toEqual({ ok: false, reason, ...(detail !== undefined ? { detail } : {}) });
  });
});
