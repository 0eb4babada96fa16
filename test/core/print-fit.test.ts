/**
 * On paper nothing this tool writes is cut off: a text longer than its column either wraps
 * (styles "text" and "header": wrapped, with the row made tall enough) or has an empty cell
 * to its right to run into. Excel cuts a text at the column's edge when the next cell holds
 * something, which is how CH Jalur's settings labels ("Tanggal acuan (masa kerja & u…") and
 * CH Ringkasan's column list printed before. Checked over every OPD layout, in both
 * languages, for the summary, CH Jalur's head, CH Laporan and the JP tally.
 */
import { type OutCell, type OutGrid, reportGrid, summaryGrid, tallyGrid } from "../../src/core/annotations";
import type { SheetGrid } from "../../src/core/cells";
import { CheckSession, isOwnSheetName } from "../../src/core/engine";
import { pathsGrid } from "../../src/core/paths-sheet";
import { DEFAULT_POLICY } from "../../src/core/policy";
import type { WorkbookResult } from "../../src/core/results";
import type { Lang } from "../../src/core/vocabulary";
import { LAYOUTS } from "../fixtures/layouts";

function check(sheets: readonly SheetGrid[]): WorkbookResult {
  const session = new CheckSession(DEFAULT_POLICY);
  for (const sheet of sheets) if (!isOwnSheetName(sheet.name)) session.checkSheet(sheet, "x.xlsx");
  return session.finishWorkbook("x.xlsx");
}

const WRAPS = new Set(["text", "header", "title"]);
const shownText = (c: OutCell | undefined): string =>
  c === undefined || c.value === null || typeof c.value === "object" ? "" : String(c.value);

/** Texts cut at their column's edge: longer than the column, not wrapped, a filled cell next to them. */
function cutTexts(grid: OutGrid, rows: readonly (readonly OutCell[])[] = grid.rows): string[] {
  const cut: string[] = [];
  rows.forEach((row, r) =>
    row.forEach((c, j) => {
      const text = shownText(c);
      const width = grid.columnWidths[j] ?? 8.43;
      // Excel's width is in characters of the default font: a text up to that many fits.
      if (WRAPS.has(c.style ?? "") || text.length <= width) return;
      if (shownText(row[j + 1]) !== "") cut.push(`${grid.sheetName} row ${r + 1}, column ${j + 1}: "${text}"`);
    }),
  );
  return cut;
}

/** CH Jalur's rows above its list (settings, counts, the list's header): fixed texts, every workbook. */
function pathsHead(grid: OutGrid): readonly (readonly OutCell[])[] {
  const header = grid.layout?.freezeRows ?? grid.rows.length;
  return grid.rows.slice(0, header);
}

describe.each(["id", "en"] as Lang[])("%s", (lang) => {
  test.each(LAYOUTS.map((l) => [l.id, l.sheets] as const))("%s: no text cut off", (_id, sheets) => {
    const result = check(sheets);
    const paths = pathsGrid([result], lang);
    expect([
      ...cutTexts(summaryGrid([result], lang, { checkedAt: "x" })),
      ...cutTexts(paths, pathsHead(paths)),
      ...cutTexts(reportGrid([result], lang)),
      ...cutTexts(tallyGrid([result], lang)),
    ]).toEqual([]);
  });
});

test("the check itself: a long label beside a value is found", () => {
  const grid: OutGrid = {
    sheetName: "t",
    columnWidths: [10, 10],
    rows: [
      [{ value: "a label much longer than ten" }, { value: 5 }],
      [{ value: "wraps instead", style: "text" }, { value: 1 }],
    ],
  };
  expect(cutTexts(grid)).toEqual(['t row 1, column 1: "a label much longer than ten"']);
});
