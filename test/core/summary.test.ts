import { makeIssue } from "../../src/core/issues";
import type { PersonRow, SheetResult, TrainingRow } from "../../src/core/results";
import { addSummaries, countWorkbook, summarize } from "../../src/core/summary";

const where = { sheet: "Data", row: 5, column: "C" };

const PATH_OF: Partial<Record<PersonRow["category"], PersonRow["path"]>> = {
  "eligible-pppk": "usul-pppk",
  "not-eligible-tenure": "pjlp-belum-siap",
  "needs-review": "perlu-diperiksa",
};

function person(row: number, category: PersonRow["category"], unit: string | null, endsAtCutoff: boolean): PersonRow {
  return {
    row,
    name: `P${row}`,
    nik: null,
    nip: null,
    status: null,
    bknCode: null,
    unit,
    birthDate: null,
    startDate: null,
    endDate: null,
    tenure: null,
    meetsMinTenure: null,
    ageYears: null,
    endsAtCutoff,
    daysToCutoff: null,
    cutoff: endsAtCutoff ? "no-end-date" : null,
    category,
    reviewFields: [],
    // A path to count: eligible people are proposed for PPPK, short service goes to PJLP.
    path: PATH_OF[category] ?? null,
    pathMissing: [],
    pathReview: [],
    pathNpwpFromNik: false,
    issues: [],
  };
}

const trainingRow: TrainingRow = {
  row: 3,
  person: "X",
  status: null,
  training: "T",
  date: null,
  jp: 2,
  counted: true,
  issues: [makeIssue("training-unknown-person", { ...where, row: 3, column: null })],
};

function sheet(name: string, rows: (PersonRow | TrainingRow)[]): SheetResult {
  return {
    name,
    kind: "personnel",
    headerRow: 1,
    headerTopRow: 1,
    columns: {},
    lastColumnIndex: 5,
    dataRange: null,
    rows,
    issues: [makeIssue("missing-column", { ...where, row: null, column: null }, { role: "nik", sheet: name })],
  };
}

// Workbook A: 3 people (2 eligible in Puskesmas A, 1 tenure-short without unit), 1 training row;
// issues: one missing-column (error) on the sheet, one unknown person (warning) on the training row.
const a = {
  sheets: [
    sheet("A", [
      {
        ...person(2, "eligible-pppk", "Puskesmas A", true),
        issues: [makeIssue("duplicate-nik", where, { value: "1", firstPlace: { id: "x", en: "x" } })],
      },
      person(3, "not-eligible-tenure", null, true),
      person(4, "eligible-pppk", "Puskesmas A", false),
      trainingRow,
    ]),
  ],
  issues: [],
};
// Workbook B: 1 person needing review in Puskesmas A; one workbook-level JP warning.
const b = {
  sheets: [sheet("B", [person(2, "needs-review", "Puskesmas A", true)])],
  issues: [makeIssue("jp-below-minimum", { ...where, column: "E" }, { person: "X", jp: 10, year: 2025, limit: 20 })],
};

describe("summary", () => {
  test("one workbook, counted by hand", () => {
    expect(countWorkbook(a)).toEqual({
      people: 3,
      trainingRows: 1,
      bySeverity: { error: 2, warning: 1 }, // missing-column, duplicate-nik; training-unknown-person
      byCode: { "missing-column": 1, "duplicate-nik": 1, "training-unknown-person": 1 },
      byCategory: { "eligible-pppk": 2, "not-eligible-tenure": 1 },
      byUnit: { "Puskesmas A": { "eligible-pppk": 2 }, "": { "not-eligible-tenure": 1 } },
      endsAtCutoff: 2,
      eligiblePppk: 2,
      byPath: { "usul-pppk": 2, "pjlp-belum-siap": 1 },
      byUnitPath: { "Puskesmas A": { "usul-pppk": 2 }, "": { "pjlp-belum-siap": 1 } },
    });
  });

  test("codes come in the vocabulary's order, not in the order they were met", () => {
    // B's workbook-level jp-below-minimum is counted before its sheet's missing-column.
    expect(Object.keys(countWorkbook(b).byCode)).toEqual(["missing-column", "jp-below-minimum"]);
  });

  test("two workbooks add up, and summarize gives the same as adding their counts", () => {
    const both = addSummaries([countWorkbook(a), countWorkbook(b)]);
    expect(both).toMatchObject({
      people: 4,
      trainingRows: 1,
      bySeverity: { error: 3, warning: 2 },
      byCode: { "missing-column": 2, "duplicate-nik": 1, "jp-below-minimum": 1, "training-unknown-person": 1 },
      byUnit: { "Puskesmas A": { "eligible-pppk": 2, "needs-review": 1 }, "": { "not-eligible-tenure": 1 } },
      endsAtCutoff: 3,
      eligiblePppk: 2,
      byPath: { "usul-pppk": 2, "pjlp-belum-siap": 1, "perlu-diperiksa": 1 },
      byUnitPath: { "Puskesmas A": { "usul-pppk": 2, "perlu-diperiksa": 1 }, "": { "pjlp-belum-siap": 1 } },
    });
    expect(summarize([a, b])).toEqual(both);
  });

  test("nothing checked: all zero", () => {
    expect(summarize([])).toEqual({
      people: 0,
      trainingRows: 0,
      bySeverity: { error: 0, warning: 0 },
      byCode: {},
      byCategory: {},
      byUnit: {},
      endsAtCutoff: 0,
      eligiblePppk: 0,
      byPath: {},
      byUnitPath: {},
    });
  });
});
