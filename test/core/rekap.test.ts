/**
 * The rekap core on small workbooks built as grids: OPD names, repeated files (which one
 * is counted and why, chains of revisions), NIKs across files (overlap or history), the
 * three cut-off answers and the verdicts. Every expectation is worked in its comment.
 */
import type { Cell, SheetGrid } from "../../src/core/cells";
import { checkWorkbook } from "../../src/core/engine";
import { DEFAULT_POLICY } from "../../src/core/policy";
import { type RekapFileInput, buildRekap, chooseKept, persons, repeatsEachOther } from "../../src/core/rekap/build";
import { rekapJson } from "../../src/core/rekap/json";
import { opdFromFileName, opdFromTitle, opdOf, titleTexts } from "../../src/core/rekap/opd";
import { rekapSheets } from "../../src/core/rekap/sheets";

const s = (v: string): Cell => ({ t: "s", v });

/** Person rows: [name, NIK, TMT, end] with dates as dd-mm-yyyy text (the engine reads them). */
function grid(title: string | null, rows: readonly (readonly [string, string, string, string])[]): SheetGrid {
  const head = [s("NAMA"), s("NIK"), s("TMT"), s("TANGGAL AKHIR KERJA"), s("STATUS")];
  const body = rows.map(([name, nik, start, end]) => [
    s(name),
    s(nik),
    s(start),
    end === "" ? null : s(end),
    s("Honorer"),
  ]);
  const top = title === null ? [] : [[s(title)], []];
  return { name: "Data", rows: [...top, head, ...body], firstRow: 1 };
}

function input(path: string, g: SheetGrid, modified: string | null = null): RekapFileInput {
  const result = checkWorkbook([g], DEFAULT_POLICY);
  return { path, modified, outcome: { kind: "checked", result, titles: titleTexts([g], result) } };
}

// NIKs: region 647101, birth 12-03-90 (+40 for women), sequence. Valid and distinct.
const NIK = (seq: number): string => `6471015203900${String(seq).padStart(3, "0")}`;

describe("OPD names", () => {
  test("from a title: the body's name, without the region or the year", () => {
    expect(opdFromTitle("DAFTAR TENAGA NON ASN DINAS LINGKUNGAN HIDUP KOTA BALIKPAPAN")).toBe("DINAS LINGKUNGAN HIDUP");
    expect(opdFromTitle("Data Honorer Badan Kepegawaian dan Pengembangan SDM Tahun 2025")).toBe(
      "Badan Kepegawaian dan Pengembangan SDM",
    );
    expect(opdFromTitle("PEMERINTAH KOTA BALIKPAPAN")).toBeNull();
  });

  test("from a file name: numbering, revision marks, underscores and the tool's suffix dropped", () => {
    expect(opdFromFileName("opd/03_Dinas Sosial (revisi 2).xlsx")).toBe("Dinas Sosial");
    expect(opdFromFileName("~$07. DPMPTSP.xlsx")).toBe("DPMPTSP");
    expect(opdFromFileName("Kecamatan_Balikpapan_Barat-cek.xlsx")).toBe("Kecamatan Balikpapan Barat");
  });

  test("a unit column names the OPD only when most people share the unit", () => {
    const result = checkWorkbook([grid(null, [["A", NIK(1), "01-01-2020", "31-12-2025"]])], DEFAULT_POLICY);
    const p = persons(result)[0];
    const withUnit = (unit: string | null) => ({ ...p, unit });
    // 2 of 3 share "Dinas Sosial": more than half.
    expect(opdOf([], [withUnit("Dinas Sosial"), withUnit("Dinas Sosial"), withUnit("UPTD")], "x.xlsx")).toEqual({
      name: "Dinas Sosial",
      source: "unit",
    });
    // 1 of 2: not more than half, so the file name.
    expect(opdOf([], [withUnit("Dinas Sosial"), withUnit("UPTD")], "05_BPBD.xlsx")).toEqual({
      name: "BPBD",
      source: "file",
    });
  });
});

describe("repeated files", () => {
  test("more than half of the smaller file's NIKs, and at least two, make a repeat", () => {
    const set = (...n: number[]): Set<string> => new Set(n.map(NIK));
    expect(repeatsEachOther(set(1, 2, 3), set(1, 2, 3, 4))).toBe(3);
    // 2 of 4 is not more than half.
    expect(repeatsEachOther(set(1, 2, 5, 6), set(1, 2, 3, 4))).toBeNull();
    // One shared NIK is a duplicate, not a repeat.
    expect(repeatsEachOther(set(1), set(1, 2))).toBeNull();
  });

  test("the file counted: a revision by name, else the newer, else fewer errors, else the later name", () => {
    const c = (path: string, modified: string | null, errors: number) => ({ index: 0, path, modified, errors });
    expect(chooseKept(c("a/DLH (revisi).xlsx", "2025-01-01", 5), c("a/DLH.xlsx", "2025-02-01", 0)).why).toBe(
      "name-revision",
    );
    const newer = chooseKept(c("DLH.xlsx", "2025-01-01", 0), c("DLH lagi.xlsx", "2025-02-01", 0));
    expect([newer.kept.path, newer.why]).toEqual(["DLH lagi.xlsx", "newer"]);
    const fewer = chooseKept(c("x.xlsx", null, 3), c("y.xlsx", null, 1));
    expect([fewer.kept.path, fewer.why]).toEqual(["y.xlsx", "fewer-errors"]);
    expect(chooseKept(c("x.xlsx", null, 0), c("y.xlsx", null, 0)).why).toBe("later-name");
  });

  test("a chain of revisions: both earlier files point at the one counted, whose people count once", () => {
    const people = (n: number) =>
      Array.from({ length: n }, (_, i) => [`P${i}`, NIK(i + 1), "01-01-2020", "31-12-2025"] as const);
    // Modification times decide between "(revisi)" and "(revisi 2)" (both names mark a revision).
    const rekap = buildRekap(
      [
        input("DLH.xlsx", grid(null, people(4)), "2025-01-01T00:00:00Z"),
        input("DLH (revisi).xlsx", grid(null, people(4)), "2025-02-01T00:00:00Z"),
        input("DLH (revisi 2).xlsx", grid(null, people(5)), "2025-03-01T00:00:00Z"),
      ],
      DEFAULT_POLICY,
      "2025-12-01",
    );
    expect(rekap.files.map((f) => [f.path, f.verdict, f.repeatOf])).toEqual([
      ["DLH.xlsx", "repeat", "DLH (revisi 2).xlsx"],
      ["DLH (revisi).xlsx", "repeat", "DLH (revisi 2).xlsx"],
      ["DLH (revisi 2).xlsx", "ready", null],
    ]);
    // Only the 5 people of the file counted; no NIK is reported across files.
    expect(rekap.totals.counts.persons).toBe(5);
    expect(rekap.duplicates).toEqual([]);
    expect(rekapJson(rekap).summary).toMatchObject({ files: 3, checked: 3, repeats: 2, persons: 5, errors: 0 });
  });
});

describe("NIKs across files", () => {
  test("overlapping periods: an error told to every file; a move between OPDs: history, no error", () => {
    const rekap = buildRekap(
      [
        // NIK 1: 2020-2025 here and 2021-2025 there: overlap. NIK 2: 2015-2018 here, 2019-2025 there:
        // history. Two shared NIKs of four in each file: not more than half, so not a repeat.
        input(
          "a.xlsx",
          grid("DAFTAR HONORER DINAS SOSIAL", [
            ["Ani", NIK(1), "01-01-2020", "31-12-2025"],
            ["Budi", NIK(2), "01-01-2015", "31-12-2018"],
            ["Dodi", NIK(4), "01-01-2019", "31-12-2025"],
            ["Eko", NIK(5), "01-01-2019", "31-12-2025"],
          ]),
        ),
        input(
          "b.xlsx",
          grid("DAFTAR HONORER DINAS PERHUBUNGAN", [
            ["Ani", NIK(1), "01-01-2021", "31-12-2025"],
            ["Budi", NIK(2), "01-01-2019", "31-12-2025"],
            ["Cici", NIK(3), "01-01-2019", ""],
            ["Fani", NIK(6), "01-01-2019", "30-06-2025"],
          ]),
        ),
      ],
      DEFAULT_POLICY,
      "2025-12-01",
    );
    expect(rekap.duplicates.map((d) => [d.nik, d.kind, d.places.map((p) => `${p.opd}:${p.row}`)])).toEqual([
      [NIK(1), "overlap", ["DINAS SOSIAL:4", "DINAS PERHUBUNGAN:4"]],
      [NIK(2), "history", ["DINAS SOSIAL:5", "DINAS PERHUBUNGAN:5"]],
    ]);
    for (const f of rekap.files) {
      expect(f.verdict).toBe("send-back");
      expect(f.counts.crossDuplicates).toBe(1);
      expect(f.issues.filter((i) => i.code === "duplicate-nik-across-files").map((i) => i.row)).toEqual([4]);
    }
    // Cut-off answers in b.xlsx: Ani, Budi (31-12-2025) and Fani (30-06-2025) end by it; Cici has no end date.
    expect(rekap.files[1].counts.cutoff).toEqual({ "ends-by-cutoff": 3, "runs-past-cutoff": 0, "no-end-date": 1 });
  });

  test("a NIK cut by Excel is never matched across files", () => {
    const cut = "647101520390000"; // 15 digits: nik-invalid in both files
    const rekap = buildRekap(
      [
        input("a.xlsx", grid(null, [["A", cut, "01-01-2020", ""]])),
        input("b.xlsx", grid(null, [["A", cut, "01-01-2020", ""]])),
      ],
      DEFAULT_POLICY,
      "2025-12-01",
    );
    expect(rekap.duplicates).toEqual([]);
  });
});

test("cut-off answers are the engine's: a contract to 30-06-2026 runs past, an empty end date is unknown", () => {
  const result = checkWorkbook(
    [
      grid(null, [
        ["A", NIK(1), "01-01-2020", "30-06-2026"],
        ["B", NIK(2), "01-01-2020", ""],
      ]),
    ],
    DEFAULT_POLICY,
  );
  expect(persons(result).map((p) => p.cutoff)).toEqual(["runs-past-cutoff", "no-end-date"]);
});

test("a workbook in which no person is found goes back to its OPD", () => {
  const notes: SheetGrid = { name: "Catatan", rows: [[s("Daftar menyusul")]], firstRow: 1 };
  const rekap = buildRekap([input("kosong.xlsx", notes)], DEFAULT_POLICY, "2025-12-01");
  expect(rekap.files[0].verdict).toBe("send-back");
  // The engine's warning that the sheet has no header row and its error that no table was found:
  // the rekap adds no second error of its own.
  expect(rekap.files[0].issues.map((i) => [i.code, i.severity])).toEqual([
    ["header-not-found", "warning"],
    ["no-table-found", "error"],
  ]);
  expect(rekap.totals.counts.errors).toBe(1);
});

test("skipped files are listed with their reason and count in no total; every sheet name is one Excel accepts", () => {
  const rekap = buildRekap(
    [
      input("ok.xlsx", grid(null, [["A", NIK(1), "01-01-2020", "31-12-2025"]])),
      { path: "lama.xls", outcome: { kind: "skipped", reason: "old-xls" } },
    ],
    DEFAULT_POLICY,
    "2025-12-01",
  );
  expect(rekap.files.map((f) => f.verdict)).toEqual(["ready", "skipped"]);
  expect(rekap.totals).toMatchObject({ files: 2, checked: 1, skipped: 1, ready: 1 });
  for (const lang of ["id", "en"] as const)
    for (const sheet of rekapSheets(rekap, lang)) {
      expect(sheet.sheetName.length).toBeLessThanOrEqual(31);
      expect(sheet.sheetName).not.toMatch(/[:\\/?*[\]]/);
    }
});
