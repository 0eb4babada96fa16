/**
 * SessionOptions.keepPersonRow: a session told to keep only some person rows (the add-in's
 * check at full height keeps the rows with issues) gives the same counts, report, summary
 * and marks as one that keeps every row, over the whole layout corpus and a workbook whose
 * units and categories interleave across two sheets (their order of first appearance counts).
 */
import { cellMarks, reportGrid, summaryGrid } from "../../src/core/annotations";
import type { SheetGrid } from "../../src/core/cells";
import { CheckSession, isOwnSheetName } from "../../src/core/engine";
import { DEFAULT_POLICY } from "../../src/core/policy";
import { type PersonRow, type WorkbookResult, isPersonRow } from "../../src/core/results";
import { LAYOUTS } from "../fixtures/layouts";

function check(sheets: readonly SheetGrid[], keep?: (row: PersonRow) => boolean): WorkbookResult {
  const session = new CheckSession(DEFAULT_POLICY, keep === undefined ? {} : { keepPersonRow: keep });
  for (const sheet of sheets) if (!isOwnSheetName(sheet.name)) session.checkSheet(sheet, "x.xlsx");
  return session.finishWorkbook("x.xlsx");
}

const withIssues = (row: PersonRow): boolean => row.issues.length > 0;

/** Two sheets (no NIK column: a sheet issue, not one per row); units A, B, C with people of several categories, in a different order on each sheet. */
const INTERLEAVED: SheetGrid[] = ["Satu", "Dua"].map((name, s) => ({
  name,
  rows: [
    ["NO", "NAMA", "TANGGAL LAHIR", "L/P", "STATUS", "UNIT KERJA", "TMT", "TANGGAL AKHIR KERJA"].map((v) => ({
      t: "s" as const,
      v,
    })),
    ...Array.from({ length: 12 }, (_, i) => {
      const unit = ["Unit C", "Unit A", "Unit B"][(i + s) % 3] as string;
      const status = i % 4 === 0 ? "PNS" : "Non ASN";
      // Serials: born 1990-1995; TMT 2010-2023 (some under two years); some contracts end 2025-12-31 (46022).
      return [
        { t: "n" as const, v: i + 1 },
        { t: "s" as const, v: `Orang ${s}-${i}` },
        { t: "n" as const, v: 32874 + i * 300 },
        { t: "s" as const, v: i % 2 === 0 ? "L" : "P" },
        { t: "s" as const, v: status },
        { t: "s" as const, v: unit },
        { t: "n" as const, v: 40179 + i * 400 },
        i % 3 === 0 ? { t: "n" as const, v: 46022 } : null,
      ];
    }),
  ],
}));

const cases: [string, readonly SheetGrid[]][] = [
  ...LAYOUTS.map((l): [string, readonly SheetGrid[]] => [l.id, l.sheets]),
  ["interleaved units", INTERLEAVED],
];

describe.each(cases)("%s", (_id, sheets) => {
  const all = check(sheets);
  const kept = check(sheets, withIssues);

  test("the same counts, report, summary and marks", () => {
    expect(kept.summary).toEqual(all.summary);
    // Key order too: the summary sheet lists units and categories in their order of first appearance.
    expect(JSON.stringify(kept.summary)).toBe(JSON.stringify(all.summary));
    expect(reportGrid([kept], "id")).toEqual(reportGrid([all], "id"));
    expect(summaryGrid([kept], "en", { checkedAt: "x" })).toEqual(summaryGrid([all], "en", { checkedAt: "x" }));
    expect(cellMarks(kept, "id")).toEqual(cellMarks(all, "id"));
    expect(kept.issues).toEqual(all.issues);
  });

  test("only the person rows asked for are kept; training rows all are", () => {
    kept.sheets.forEach((sheet, i) => {
      const full = all.sheets[i]?.rows ?? [];
      expect(sheet.rows).toEqual(full.filter((r) => !isPersonRow(r) || withIssues(r)));
    });
  });
});

test("the comparison means something: person rows without issues were let go", () => {
  const dropped = cases.map(([id, sheets]) => {
    const count = (r: WorkbookResult): number => r.sheets.reduce((n, s) => n + s.rows.length, 0);
    return [id, count(check(sheets)) - count(check(sheets, withIssues))] as const;
  });
  expect(dropped.filter(([, n]) => n > 0).length).toBeGreaterThanOrEqual(cases.length / 2);
  expect(Object.fromEntries(dropped)["interleaved units"]).toBeGreaterThan(0);
});
