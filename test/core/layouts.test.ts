/**
 * The corpus of realistic layouts (test/fixtures/layouts): each workbook through the
 * engine, every person and tally against the results worked by hand in the layout's file.
 */
import { checkWorkbook } from "../../src/core/engine";
import { DEFAULT_POLICY } from "../../src/core/policy";
import { type PersonRow, isPersonRow } from "../../src/core/results";
import type { PersonExpectation } from "../fixtures/layouts/build";
import { LAYOUTS } from "../fixtures/layouts";

const codes = (issues: readonly { code: string }[]): string[] => issues.map((i) => i.code).sort();

/** A result row in the shape of its expectation (optional fields only when the expectation has them). */
function asExpected(p: PersonRow, sheet: string, e: PersonExpectation): PersonExpectation {
  const loose = p as unknown as Record<string, unknown>;
  return {
    sheet,
    row: p.row,
    name: p.name ?? "",
    category: p.category,
    tenureMonths: p.tenure?.totalMonths ?? null,
    ageYears: p.ageYears,
    cutoff: loose["cutoff"] as PersonExpectation["cutoff"],
    issues: codes(p.issues) as PersonExpectation["issues"],
    ...("status" in e ? { status: p.status } : {}),
    ...("bknCode" in e ? { bknCode: (loose["bknCode"] as string | null | undefined) ?? null } : {}),
    ...("unit" in e ? { unit: p.unit } : {}),
  };
}

describe.each(LAYOUTS.map((l) => [l.id, l] as const))("layout %s", (_id, layout) => {
  const result = checkWorkbook(layout.sheets, DEFAULT_POLICY, `${layout.id}.xlsx`);

  test("each sheet: kind, the column of each role, sheet issues, number of rows", () => {
    const seen = result.sheets.map((s) => {
      const e = layout.expect.sheets.find((x) => x.name === s.name);
      return {
        name: s.name,
        kind: s.kind,
        rows: s.rows.length,
        ...(e?.columns !== undefined ? { columns: s.columns } : {}),
        ...(e?.issues !== undefined ? { issues: codes(s.issues) } : {}),
      };
    });
    expect(seen).toEqual(layout.expect.sheets);
  });

  test("every person as worked by hand", () => {
    const got: PersonExpectation[] = [];
    for (const s of result.sheets)
      for (const row of s.rows) {
        if (!isPersonRow(row)) continue;
        const e = layout.expect.people.find((x) => x.sheet === s.name && x.row === row.row);
        got.push(
          e === undefined ? asExpected(row, s.name, { ...row, sheet: s.name } as never) : asExpected(row, s.name, e),
        );
      }
    expect(got).toEqual(layout.expect.people);
  });

  test("JP tallies and workbook issues", () => {
    const tallies = result.training
      .map((t) => ({ who: t.name ?? t.person, year: t.year, jp: t.jp, verdict: t.verdict, status: t.status }))
      .sort((a, b) => (a.who < b.who ? -1 : a.who > b.who ? 1 : a.year - b.year));
    const expected = [...(layout.expect.tallies ?? [])].sort((a, b) =>
      a.who < b.who ? -1 : a.who > b.who ? 1 : a.year - b.year,
    );
    expect(tallies).toEqual(expected);
    expect(codes(result.issues)).toEqual(layout.expect.workbookIssues ?? []);
  });
});

test("the corpus holds at least twelve layouts", () => {
  expect(LAYOUTS.length).toBeGreaterThanOrEqual(12);
  expect(new Set(LAYOUTS.map((l) => l.id)).size).toBe(LAYOUTS.length);
});
