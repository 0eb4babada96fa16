/**
 * Compares the CLI's JSON for one workbook with what the fixture tables say it must
 * hold. Every expected value comes from test/fixtures/make-fixtures.ts.
 */
import {
  type BookSpec,
  type IssueAt,
  type SheetSpec,
  type TrainingExpect,
  isPersonExpect,
  layoutOf,
} from "../fixtures/make-fixtures";
import type { JsonIssue, JsonSheet, JsonWorkbook } from "./helpers";

const issueKey = (code: string, column: string | null): string => `${code}@${column ?? "-"}`;

function expectedIssues(sheet: SheetSpec, issues: readonly IssueAt[], withOthers: boolean): string[] {
  const layout = layoutOf(sheet);
  return issues
    .filter((i) => i[2] !== "with-others" || withOthers)
    .map(([code, role]) => issueKey(code, role === null ? null : (layout.columns[role] ?? null)))
    .sort();
}

const actualIssues = (issues: readonly JsonIssue[]): string[] => issues.map((i) => issueKey(i.code, i.column)).sort();

export function expectSheetMatches(spec: SheetSpec, sheet: JsonSheet, withOthers: boolean): void {
  const layout = layoutOf(spec);
  const where = `sheet "${spec.name}"`;
  expect({ where, kind: sheet.kind }).toEqual({ where, kind: spec.kind });
  expect({ where, headerRow: sheet.headerRow }).toEqual({
    where,
    headerRow: spec.kind === "other" ? null : layout.headerRow,
  });
  expect({ where, columns: sheet.columns }).toEqual({ where, columns: layout.columns });
  expect({ where, sheetIssues: actualIssues(sheet.issues) }).toEqual({
    where,
    sheetIssues: expectedIssues(spec, spec.sheetIssues ?? [], withOthers),
  });
  expect({ where, rows: sheet.rows.map((r) => r.row) }).toEqual({
    where,
    rows: spec.rows.map((_, i) => layout.rowOf(i)),
  });

  spec.rows.forEach((row, i) => {
    const got = sheet.rows[i];
    const at = `${spec.name}!${layout.rowOf(i)}`;
    const e = row.expect;
    if (e === undefined) return;
    if (isPersonExpect(e)) {
      expect({
        at,
        category: got.category,
        tenureMonths: got.tenure?.totalMonths ?? null,
        meetsMinTenure: got.meetsMinTenure,
        ageYears: got.ageYears,
        endsAtCutoff: got.endsAtCutoff,
        issues: actualIssues(got.issues),
      }).toEqual({
        at,
        category: e.category,
        tenureMonths: e.tenureMonths,
        meetsMinTenure: e.tenureMonths === null ? null : e.tenureMonths >= 24,
        ageYears: e.ageYears,
        endsAtCutoff: e.endsAtCutoff,
        issues: expectedIssues(spec, e.issues, withOthers),
      });
    } else {
      const t = e as TrainingExpect;
      expect({ at, counted: got.counted, jp: got.jp, issues: actualIssues(got.issues) }).toEqual({
        at,
        counted: t.counted,
        jp: t.jp,
        issues: expectedIssues(spec, t.issues, withOthers),
      });
    }
  });
}

/** The row number of a fixture row by its id. */
function rowById(book: BookSpec, sheetName: string, id: string): number {
  const sheet = book.sheets.find((s) => s.name === sheetName);
  const index = sheet?.rows.findIndex((r) => r.id === id) ?? -1;
  if (sheet === undefined || index === -1) throw new Error(`fixture has no row ${sheetName}/${id}`);
  return layoutOf(sheet).rowOf(index);
}

export function expectBookMatches(book: BookSpec, json: JsonWorkbook, withOthers: boolean): void {
  expect(json.sheets.map((s) => s.name)).toEqual(book.sheets.map((s) => s.name));
  book.sheets.forEach((spec, i) => expectSheetMatches(spec, json.sheets[i], withOthers));

  const byKey = (t: { person: string; year: number }): string => `${t.person}/${t.year}`;
  const tallies = json.training
    .map((t) => ({ person: t.person, year: t.year, jp: t.jp, verdict: t.verdict, sheet: t.sheet, rows: t.rows }))
    .sort((a, b) => byKey(a).localeCompare(byKey(b)));
  const expected = book.tallies
    .map((t) => ({
      person: t.person,
      year: t.year,
      jp: t.jp,
      verdict: t.verdict,
      sheet: t.sheet,
      rows: t.rows.map((id) => rowById(book, t.sheet, id)),
    }))
    .sort((a, b) => byKey(a).localeCompare(byKey(b)));
  expect(tallies).toEqual(expected);

  // Each JP verdict is one workbook-level issue on the tally's first row, in its JP (or minutes) column.
  const verdictCode = { "below-minimum": "jp-below-minimum", "above-maximum": "jp-above-maximum" } as const;
  const expectedVerdicts = expected
    .filter((t) => t.verdict === "below-minimum" || t.verdict === "above-maximum")
    .map((t) => {
      const sheet = book.sheets.find((s) => s.name === t.sheet) as SheetSpec;
      const columns = layoutOf(sheet).columns;
      const code = verdictCode[t.verdict as keyof typeof verdictCode];
      return `${code}@${t.sheet}!${columns.jp ?? columns.minutes ?? columns.hours}${Math.min(...t.rows)}`;
    })
    .sort();
  expect(json.issues.map((i) => `${i.code}@${i.sheet}!${i.column}${i.row}`).sort()).toEqual(expectedVerdicts);
}
