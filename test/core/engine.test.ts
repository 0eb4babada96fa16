import { type Cell, type CellRow, type MergeArea, num, text } from "../../src/core/cells";
import { dayToSerial, ymdToDay } from "../../src/core/days";
import { CheckSession, checkWorkbook, isComputedHeader } from "../../src/core/engine";
import { allIssues, computedColumns, cellMarks, reportGrid, summaryGrid, tallyGrid } from "../../src/core/annotations";
import { renderIssue } from "../../src/core/issues";
import { DEFAULT_POLICY } from "../../src/core/policy";
import { type PersonRow, type TrainingRow, isPersonRow } from "../../src/core/results";
import { LABELS } from "../../src/core/vocabulary";

const s = (v: string): Cell => text(v);
const serial = (y: number, m: number, d: number): Cell => ({ t: "d", v: dayToSerial(ymdToDay(y, m, d)) });

const HEADER: CellRow = [
  "NO",
  "NAMA",
  "NIK",
  "TEMPAT LAHIR",
  "TANGGAL LAHIR",
  "L/P",
  "JABATAN",
  "UNIT KERJA",
  "TMT",
  "TANGGAL AKHIR KERJA",
].map(s);

/** A messy personnel sheet: title rows, blank row, header in row 4, signature block. */
function personnelRows(people: CellRow[]): CellRow[] {
  return [
    [s("DAFTAR TENAGA NON ASN DINAS KESEHATAN KOTA BALIKPAPAN")],
    [s("TAHUN 2025")],
    [],
    HEADER,
    ...people,
    [],
    [null, null, null, null, null, null, null, s("Balikpapan, 1 Desember 2025")],
    [null, null, null, null, null, null, null, s("Kepala Dinas")],
    [null, null, null, null, null, null, null, s("NIP. 19700101 199003 1 002")],
  ];
}

// NIK 6471 05 120390 0001: Balikpapan, born 12-03-1990, male.
const nikMale = "6471051203900001";
// Female: day + 40 -> 52.
const nikFemale = "6471055203900002";

const person = (
  i: number,
  nik: Cell,
  birth: Cell,
  gender: string,
  tmt: Cell,
  end: Cell = null,
  unit = "Puskesmas A",
): CellRow => [num(i), s(`Pegawai ${i}`), nik, s("Balikpapan"), birth, s(gender), s("Perawat"), s(unit), tmt, end];

function rowsOf(sheetRows: readonly (PersonRow | TrainingRow)[]): PersonRow[] {
  return sheetRows.filter(isPersonRow);
}

describe("engine on a personnel sheet", () => {
  const grid = personnelRows([
    person(1, s(nikMale), s("12-03-1990"), "L", s("01-01-2024")), // exactly 24 months -> eligible
    person(2, s(nikFemale), serial(1990, 3, 12), "P", s("02/01/2024")), // 23 months -> not eligible tenure
    person(3, num(6471051203900001), s("12 Maret 1990"), "L", num(45292)), // NIK stored as a number
    person(4, s("6471 0512 0390 0001"), s("12-03-1990"), "L", s("Agustus 2021")), // duplicate of row 5 (spaces)
    person(5, s("6471051203900003"), s("13-03-1990"), "P", s("31-02-2020")), // invalid TMT, gender and birth mismatch
  ]);
  const result = checkWorkbook([{ name: "Data Honorer", rows: grid }], DEFAULT_POLICY, "dinkes.xlsx");
  const sheet = result.sheets[0];
  const people = rowsOf(sheet.rows);

  test("finds the header after the title rows and maps roles", () => {
    expect(sheet.kind).toBe("personnel");
    expect(sheet.headerRow).toBe(4);
    expect(sheet.columns).toMatchObject({
      name: "B",
      nik: "C",
      birthPlace: "D",
      birthDate: "E",
      gender: "F",
      unit: "H",
      startDate: "I",
      endDate: "J",
    });
  });

  test("data ends before the signature block", () => {
    expect(people.map((p) => p.row)).toEqual([5, 6, 7, 8, 9]);
  });

  test("24 months exactly is eligible, 23 is not", () => {
    expect(people[0].tenure).toEqual({ years: 2, months: 0, totalMonths: 24 });
    expect(people[0].category).toBe("eligible-pppk");
    expect(people[0].meetsMinTenure).toBe(true);
    expect(people[1].tenure?.totalMonths).toBe(23);
    expect(people[1].category).toBe("not-eligible-tenure");
  });

  test("a NIK held as a number is reported as damaged, naming the cell", () => {
    const issue = people[2].issues.find((i) => i.code === "nik-precision-lost");
    expect(issue).toBeDefined();
    expect(issue?.column).toBe("C");
    expect(renderIssue(issue!, "id").message).toContain("C7");
    // The serial TMT 45292 is 2024-01-01.
    expect(people[2].startDate).toBe("2024-01-01");
  });

  test("the same NIK written with spaces is a duplicate naming the first row", () => {
    const dup = people[3].issues.find((i) => i.code === "duplicate-nik");
    expect(dup?.severity).toBe("error");
    expect(renderIssue(dup!, "id").message).toContain("baris 5");
    expect(renderIssue(dup!, "en").message).toContain("row 5");
    expect(people[0].issues.some((i) => i.code === "duplicate-nik")).toBe(false);
  });

  test("a month-only TMT counts from the first of the month", () => {
    expect(people[3].startDate).toBe("2021-08-01");
  });

  test("an impossible date is invalid and leaves the row for review", () => {
    const codes = people[4].issues.map((i) => i.code);
    expect(codes).toContain("invalid-date");
    expect(people[4].category).toBe("needs-review");
    expect(people[4].reviewFields).toContain("startDate");
  });

  test("NIK cross-checks are warnings", () => {
    // Row 9: NIK says male born 12-03-90, sheet says female born 13-03-1990.
    const codes = people[4].issues.map((i) => `${i.code}:${i.severity}`);
    expect(codes).toContain("nik-birthdate-mismatch:warning");
    expect(codes).toContain("nik-gender-mismatch:warning");
  });

  test("every non-ASN contract without an end date ends at the cut-off", () => {
    expect(people.every((p) => p.endsAtCutoff)).toBe(true);
    expect(people[0].daysToCutoff).toBe(0);
  });

  test("summary counts agree with the rows", () => {
    expect(result.summary.people).toBe(5);
    const errors = allIssues(result).filter((i) => i.severity === "error").length;
    expect(result.summary.bySeverity.error).toBe(errors);
    const eligible = people.filter((p) => p.category === "eligible-pppk").length;
    expect(eligible).toBeGreaterThan(0);
    expect(result.summary.byUnit["Puskesmas A"]?.["eligible-pppk"]).toBe(eligible);
    expect(result.summary.eligiblePppk).toBe(eligible);
  });

  test("annotations lay out computed columns beside the table and marks on faulty cells", () => {
    const computed = computedColumns(sheet, "id");
    expect(computed?.startColumnIndex).toBe(10);
    expect(computed?.headerRow).toBe(4);
    expect(computed?.rows[0].cells[0].value).toEqual({ date: "2024-01-01" });
    expect(computed?.rows[0].cells[2].value).toBe(24);
    const marks = cellMarks(result, "id");
    expect(marks.find((m) => m.address === "C7")?.severity).toBe("error");
    const report = reportGrid([result], "en");
    const linkRows = report.rows.filter((r) => r.some((c) => c.link !== undefined));
    expect(linkRows.length).toBe(allIssues(result).filter((i) => i.row !== null).length);
    expect(summaryGrid([result], "id").sheetName).toBe(LABELS.sheetSummary.id);
  });
});

describe("engine details", () => {
  test("re-running over computed columns does not map them as user data", () => {
    const header = [...HEADER, s(LABELS.colCategory.id), s(LABELS.colTenure.en)];
    expect(isComputedHeader(LABELS.colCategory.id)).toBe(true);
    const result = checkWorkbook(
      [{ name: "S", rows: [header, person(1, s(nikMale), s("12-03-1990"), "L", s("01-01-2024"))] }],
      DEFAULT_POLICY,
    );
    expect(result.sheets[0].lastColumnIndex).toBe(HEADER.length - 1);
    expect(result.sheets[0].columns.category).toBeUndefined();
  });

  test("duplicates are found across sheets and across files of one session", () => {
    const session = new CheckSession(DEFAULT_POLICY);
    session.checkSheet(
      { name: "A", rows: personnelRows([person(1, s(nikMale), s("12-03-1990"), "L", s("01-01-2024"))]) },
      "a.xlsx",
    );
    session.finishWorkbook("a.xlsx");
    session.checkSheet(
      { name: "B", rows: personnelRows([person(1, s(nikMale), s("12-03-1990"), "L", s("01-01-2024"))]) },
      "b.xlsx",
    );
    const b = session.finishWorkbook("b.xlsx");
    const dup = rowsOf(b.sheets[0].rows)[0].issues.find((i) => i.code === "duplicate-nik");
    expect(renderIssue(dup!, "id").message).toContain("a.xlsx");
    expect(session.combinedSummary().people).toBe(2);
  });

  test("a closed session keeps its workbooks' summaries and refuses another sheet", () => {
    const session = new CheckSession(DEFAULT_POLICY);
    session.checkSheet(
      { name: "A", rows: personnelRows([person(1, s(nikMale), s("12-03-1990"), "L", s("01-01-2024"))]) },
      "a.xlsx",
    );
    session.finishWorkbook("a.xlsx");
    // The command line closes it after its last workbook: the NIKs seen are let go, not the results.
    session.close();
    expect(session.combinedSummary().people).toBe(1);
    expect(() => session.openSheet("B", "b.xlsx")).toThrow(/closed/);
  });

  test("a gap between two periods of one person is flagged for review", () => {
    const rows = personnelRows([
      person(1, s(nikMale), s("12-03-1990"), "L", s("01-01-2019"), s("31-12-2020")),
      person(2, s(nikMale), s("12-03-1990"), "L", s("01-06-2021")),
    ]);
    const result = checkWorkbook([{ name: "S", rows }], DEFAULT_POLICY);
    const second = rowsOf(result.sheets[0].rows)[1];
    // Issue 7, case 8: one person's history, not a duplicate.
    expect(second.issues.map((i) => i.code)).toEqual(["service-gap"]);
    expect(second.category).toBe("needs-review");
  });

  test("a contract past the cut-off and an age out of range are warnings", () => {
    const rows = personnelRows([person(1, s(nikMale), s("12-03-1960"), "L", s("01-01-2010"), s("30-06-2026"))]);
    const p = rowsOf(checkWorkbook([{ name: "S", rows }], DEFAULT_POLICY).sheets[0].rows)[0];
    expect(p.issues.map((i) => i.code)).toEqual(expect.arrayContaining(["contract-past-cutoff", "age-out-of-range"]));
    expect(p.endsAtCutoff).toBe(true);
    expect(p.category).toBe("not-eligible-age");
  });

  test("a sheet without a header gets header-not-found; an empty sheet gets nothing", () => {
    const result = checkWorkbook(
      [
        { name: "Catatan", rows: [[s("hanya catatan")], [s("tanpa tabel")]] },
        { name: "Kosong", rows: [] },
      ],
      DEFAULT_POLICY,
    );
    expect(result.sheets[0].issues.map((i) => i.code)).toEqual(["header-not-found"]);
    expect(result.sheets[1].issues).toEqual([]);
    // Issue 7, case 10: nothing recognised anywhere is an error naming the headers looked for.
    expect(result.issues.map((i) => [i.code, i.severity])).toEqual([["no-table-found", "error"]]);
    expect(renderIssue(result.issues[0], "id").message).toContain("NAMA, NIK, NIP, TMT");
    expect(result.summary.bySeverity.error).toBe(1);
  });

  test("a personnel sheet without a TMT column gets missing-column", () => {
    const rows: CellRow[] = [
      ["NAMA", "NIK", "JABATAN", "UNIT KERJA"].map(s),
      [s("A"), s(nikMale), s("Staf"), s("Dinas")],
    ];
    const result = checkWorkbook([{ name: "S", rows }], DEFAULT_POLICY);
    expect(result.sheets[0].issues.map((i) => i.code)).toContain("missing-column");
  });

  test("the streaming form gives the same rows as the whole-sheet form", () => {
    const many: CellRow[] = [];
    for (let i = 0; i < 60; i++)
      many.push(person(i + 1, s(`647105120390${String(10000 + i).slice(1)}`), s("12-03-1990"), "L", s("01-01-2023")));
    const grid = personnelRows(many);
    const whole = checkWorkbook([{ name: "S", rows: grid }], DEFAULT_POLICY).sheets[0].rows;
    const session = new CheckSession(DEFAULT_POLICY);
    const stream = session.openSheet("S");
    const streamed: (PersonRow | TrainingRow)[] = [];
    grid.forEach((cells, i) => streamed.push(...stream.push(i + 1, cells)));
    // Rows past the header scan come back as they are pushed; all rows come back at the end.
    expect(streamed.length).toBe(whole.length);
    expect(stream.end().rows).toEqual(whole);
    expect(streamed).toEqual(whole);
  });
});

describe("engine on a training sheet", () => {
  const personnel: CellRow[] = [
    ["NAMA", "NIP", "STATUS", "TMT", "NIK"].map(s),
    [s("Budi"), s("19810509 199912 1 001"), s("PNS"), s("01-12-1999"), null],
    [s("Sari"), s("19900913 2025 24 2 014"), s("PPPK"), s("01-03-2025"), null],
  ];
  const training: CellRow[] = [
    [s("REKAP DIKLAT 2025")],
    ["NO", "NIP", "NAMA", "NAMA PELATIHAN", "TANGGAL", "JP"].map(s),
    [num(1), s("198105091999121001"), s("Budi"), s("Orientasi"), s("10-02-2025"), num(8)],
    [num(2), s("198105091999121001"), s("Budi"), s("Orientasi"), s("10-02-2025"), num(8)], // duplicate
    [num(3), s("199009132025242014"), s("Sari"), s("Latsar"), s("01-04-2025"), num(20)],
    [num(4), s("199009132025242014"), s("Sari"), s("Teknis"), s("01-05-2025"), s("6")],
    [num(5), null, s("Orang Lain"), s("Teknis"), s("01-05-2025"), num(2)],
  ];
  const result = checkWorkbook(
    [
      { name: "Diklat", rows: training },
      { name: "Pegawai", rows: personnel },
    ],
    DEFAULT_POLICY,
  );
  const sheet = result.sheets[0];

  test("is recognised as training and lists its rows", () => {
    expect(sheet.kind).toBe("training");
    expect(sheet.rows.map((r) => r.row)).toEqual([3, 4, 5, 6, 7]);
  });

  test("a duplicate entry is flagged and counted once", () => {
    const dup = sheet.rows[1].issues.find((i) => i.code === "training-duplicate");
    expect(dup?.params["firstRow"]).toBe(3);
    const budi = result.training.find((t) => t.person === "198105091999121001");
    expect(budi?.jp).toBe(8);
    expect(budi?.verdict).toBe("below-minimum");
    expect(budi?.status).toBe("pns"); // status taken from the personnel sheet
  });

  test("PPPK above 24 JP is flagged; verdict issues land on the training sheet", () => {
    const sari = result.training.find((t) => t.person === "199009132025242014");
    expect(sari?.jp).toBe(26);
    expect(sari?.verdict).toBe("above-maximum");
    expect(result.issues.map((i) => i.code).sort()).toEqual(["jp-above-maximum", "jp-below-minimum"]);
    expect(result.issues.every((i) => i.sheet === "Diklat" && i.column === "F")).toBe(true);
  });

  // Issue 7, case 5: the "unknown participant" warning fell on rows whose NIP and name were filled.
  test("a participant with a name but not in the personnel data is tallied without a warning; an empty one is warned", () => {
    expect(sheet.rows[4].issues.map((i) => i.code)).toEqual([]);
    expect(result.training.find((t) => t.person === "ORANG LAIN")?.verdict).toBe("unknown-status");
    expect(tallyGrid([result], "id").rows.length).toBeGreaterThan(3);
    const empty = checkWorkbook(
      [{ name: "Diklat", rows: [training[1], [num(1), null, null, s("Teknis"), s("01-05-2025"), num(2)]] }],
      DEFAULT_POLICY,
    );
    expect(empty.sheets[0].rows[0].issues.map((i) => i.code)).toEqual(["training-unknown-person"]);
  });
});

// Issue 7: the user corrects a wrong guess, per sheet; every report says which column each role was read from.
describe("column corrections", () => {
  const rows: CellRow[] = [
    ["NO", "NAMA", "NIK", "TMT", "HABIS KONTRAK", "CATATAN AKHIR"].map(s),
    [num(1), s("Budi"), s(nikMale), s("01-01-2020"), s("31-12-2025"), s("30-06-2026")],
  ];

  test("the detected columns and the roles not found are reported", () => {
    const sheet = checkWorkbook([{ name: "Data", rows }], DEFAULT_POLICY).sheets[0];
    expect(sheet.columns).toEqual({ name: "B", nik: "C", startDate: "D", endDate: "E" });
    expect(sheet.rolesNotFound).toEqual(["nip", "birthDate", "gender", "status", "position", "unit"]);
    expect(sheet.rolesCorrected).toEqual([]);
  });

  test("a correction for the sheet moves a role; other sheets are untouched", () => {
    const session = new CheckSession(DEFAULT_POLICY, { columns: { Data: { endDate: "F" }, Lain: { nik: "-" } } });
    const sheet = session.checkSheet({ name: "Data", rows });
    expect(sheet.columns).toEqual({ name: "B", nik: "C", startDate: "D", endDate: "F" });
    expect(sheet.rolesCorrected).toEqual(["endDate"]);
    const p = rowsOf(sheet.rows)[0];
    expect([p.endDate, p.cutoff]).toEqual(["2026-06-30", "runs-past-cutoff"]);
  });

  test("the summary sheet shows each role's column, the corrections and the roles not found", () => {
    const session = new CheckSession(DEFAULT_POLICY, { columns: { Data: { endDate: "F" } } });
    session.checkSheet({ name: "Data", rows });
    const grid = summaryGrid([session.finishWorkbook("a.xlsx")], "id");
    const values = grid.rows.map((r) => r.map((c) => c.value));
    const at = values.findIndex((r) => r[0] === "Lembar: Data");
    // In the first column only, wrapped to the page's width (continuation lines indented).
    const block = values.slice(at, at + 5).map((r) => {
      expect(r.length).toBe(1);
      return String(r[0]);
    });
    expect(block).toEqual([
      "Lembar: Data",
      // 84 characters with "F": over the page's 82 (58 + 12 + 12), so "F" goes down.
      "Peran: kolom — Nama: B; NIK: C; TMT (Tanggal Mulai Kerja): D; Tanggal Akhir Kerja:",
      "   F (dikoreksi)",
      "Tidak ditemukan — NIP, Tanggal Lahir, Jenis Kelamin, Status Pegawai, Jabatan, Unit",
      "   Kerja",
    ]);
    expect(grid.rows[at + 3]?.[0]?.style).toBe("warning");
  });
});

describe("merged areas known after the first rows (SheetStream.settleMerges)", () => {
  // The header (row 4) merged down over an empty row 5: with the areas the header ends in row 5.
  const downOverRow5 = HEADER.map((_, j) => ({ top: 4, bottom: 5, left: j + 1, right: j + 1 }));
  const people = Array.from({ length: 40 }, (_, i) =>
    person(i + 1, s(`647105120390${String(10000 + i).slice(1)}`), s("12-03-1990"), "L", s("01-01-2023")),
  );
  const grid = personnelRows([[], ...people]);

  /** Pushes the grid's rows into a stream opened without the areas; `settle` is called after row `at`. */
  function pushWithLateMerges(settleAt: number, merges: readonly MergeArea[]) {
    const stream = new CheckSession(DEFAULT_POLICY).openSheet("S");
    let settled: boolean | null = null;
    grid.forEach((cells, i) => {
      stream.push(i + 1, cells);
      if (i + 1 === settleAt) settled = stream.settleMerges(merges);
    });
    return { settled, result: stream.end() };
  }

  const withMerges = checkWorkbook([{ name: "S", rows: grid, merges: downOverRow5 }], DEFAULT_POLICY).sheets[0];

  test("given before the table is found, they are used to find it", () => {
    const { settled, result } = pushWithLateMerges(10, downOverRow5);
    expect(settled).toBe(true);
    expect(result.headerRow).toBe(5);
    expect(result).toEqual(withMerges);
  });

  test("given after, areas that find another table answer false (the rows must be read again)", () => {
    const { settled, result } = pushWithLateMerges(40, downOverRow5);
    expect(withMerges?.headerRow).toBe(5);
    expect(result.headerRow).toBe(4);
    expect(settled).toBe(false);
  });

  test("given after, areas that leave the table as found answer true", () => {
    // A title merged across, and cells merged below the header scan: the same table.
    const title = { top: 1, bottom: 1, left: 1, right: 10 };
    const low = { top: 40, bottom: 41, left: 2, right: 3 };
    const { settled, result } = pushWithLateMerges(40, [title, low]);
    expect(settled).toBe(true);
    expect(result).toEqual(checkWorkbook([{ name: "S", rows: grid, merges: [title, low] }], DEFAULT_POLICY).sheets[0]);
  });

  test("only a workbook begun before anything else was checked can be started again", () => {
    const session = new CheckSession(DEFAULT_POLICY);
    expect(session.canRestartWorkbook).toBe(true);
    const first = session.openSheet("S", "a.xlsx");
    grid.forEach((cells, i) => first.push(i + 1, cells));
    session.restartWorkbook();
    // Started again: the same rows give the same people, not duplicates of the first reading.
    const again = session.openSheet("S", "a.xlsx");
    grid.forEach((cells, i) => again.push(i + 1, cells));
    again.end();
    const result = session.finishWorkbook("a.xlsx");
    expect(result.sheets).toHaveLength(1);
    expect(result.sheets[0]?.rows.flatMap((r) => r.issues).map((i) => i.code)).not.toContain("duplicate-nik");
    expect(session.canRestartWorkbook).toBe(false);
    expect(() => session.restartWorkbook()).toThrow(/begun before anything else/);
  });

  test("a workbook begun after another was left unfinished (a file that failed part way) cannot be started again", () => {
    const session = new CheckSession(DEFAULT_POLICY);
    const failed = session.openSheet("S", "a.xlsx");
    failed.push(1, grid[0] ?? []);
    // The next file's check asks before it begins: something was checked already.
    expect(session.canRestartWorkbook).toBe(false);
  });
});
