/**
 * Paths through the engine and into the outputs: the path fields of each person row, the
 * counts per path and per unit in the summary, the path column, and the CH Jalur sheet
 * (sorted for action, with what each still needs and the policy used). Every expected
 * value is worked by hand in the comments.
 */
import { type Cell, type CellRow, text } from "../../src/core/cells";
import { dayToSerial, ymdToDay } from "../../src/core/days";
import { checkWorkbook } from "../../src/core/engine";
import { type OutCell, computedColumns, summaryGrid } from "../../src/core/annotations";
import { sheetWidth } from "../../src/core/out-sheet";
import { pathsGrid, pathsListOf, pathsSheet } from "../../src/core/paths-sheet";
import { DEFAULT_POLICY, type Policy, resolvePolicy } from "../../src/core/policy";
import { type PersonRow, isPersonRow } from "../../src/core/results";
import { LABELS } from "../../src/core/vocabulary";

const s = (v: string): Cell => text(v);
const d = (y: number, m: number, day: number): Cell => ({ t: "d", v: dayToSerial(ymdToDay(y, m, day)) });
/** A Bontang NIK (64 74 01), birth date DDMMYY (+40 for women), sequence. */
const nik = (dd: number, mm: number, yy: number, seq: number): Cell =>
  s(
    `647401${String(dd).padStart(2, "0")}${String(mm).padStart(2, "0")}${String(yy).padStart(2, "0")}${String(seq).padStart(4, "0")}`,
  );

const HEADER = ["NO", "NAMA", "NIK", "TANGGAL LAHIR", "STATUS", "KATEGORI", "UNIT KERJA", "TMT", "NIB", "NPWP"].map(s);

// Reference and cut-off 31-12-2025 (the default), service counted through the reference day.
const PEOPLE: CellRow[] = [
  // Ani: R3 in the BKN database, honorer: PPPK paruh waktu whatever her service.
  [
    s("1"),
    s("Ani"),
    nik(52, 3, 90, 1),
    d(1990, 3, 12),
    s("Honorer"),
    s("R3"),
    s("Sekretariat"),
    d(2020, 1, 1),
    null,
    null,
  ],
  // Budi: TMT 01-07-2019 .. 31-12-2025 = 6 years 6 months (78), born 17-08-1985: 40. Usul PPPK.
  [
    s("2"),
    s("Budi"),
    nik(17, 8, 85, 2),
    d(1985, 8, 17),
    s("Non ASN"),
    null,
    s("Bidang Persampahan"),
    d(2019, 7, 1),
    null,
    null,
  ],
  // Citra: TMT 01-07-2024: 18 months; NIB of 13 digits, NPWP empty, NIK valid (serves as NPWP): PJLP siap.
  [
    s("3"),
    s("Citra"),
    nik(45, 5, 95, 3),
    d(1995, 5, 5),
    s("Non ASN"),
    null,
    s("Bidang Persampahan"),
    d(2024, 7, 1),
    s("9120001234567"),
    null,
  ],
  // Dedi: TMT 01-02-2024: 23 months; NIB "12345" (5 digits), NPWP 01.234.567.5-123.000 (check digit should be 4): PJLP, both invalid.
  [
    s("4"),
    s("Dedi"),
    nik(1, 1, 98, 4),
    d(1998, 1, 1),
    s("Non ASN"),
    null,
    s("Sekretariat"),
    d(2024, 2, 1),
    s("12345"),
    s("01.234.567.5-123.000"),
  ],
  // Eka: a PNS: no path.
  [s("5"), s("Eka"), nik(2, 2, 80, 5), d(1980, 2, 2), s("PNS"), null, s("Sekretariat"), d(2005, 1, 1), null, null],
  // Fajar: no TMT: the data cannot decide (usul PPPK comes first in the order): perlu diperiksa on the TMT.
  [s("6"), s("Fajar"), nik(3, 3, 91, 6), d(1991, 3, 3), s("Non ASN"), null, s("UPTD TPA Manggar"), null, null, null],
  // Gita: "R2" in the status column itself: a non-ASN of the BKN database: PPPK paruh waktu.
  [
    s("7"),
    s("Gita"),
    nik(44, 4, 92, 7),
    d(1992, 4, 4),
    s("R2"),
    null,
    s("UPTD TPA Manggar"),
    d(2023, 1, 1),
    null,
    null,
  ],
];

const grid = (rows: CellRow[]) => ({
  name: "DLH",
  rows: [[s("DAFTAR TENAGA NON ASN DLH KOTA BONTANG")], [], HEADER, ...rows],
});

const policyWith = (overrides: Record<string, unknown>): Policy => {
  const r = resolvePolicy(overrides);
  expect(r.problems).toEqual([]);
  return r.policy;
};

function people(policy: Policy): Map<string, PersonRow> {
  const result = checkWorkbook([grid(PEOPLE)], policy);
  const rows = result.sheets[0].rows.filter(isPersonRow);
  return new Map(rows.map((r) => [r.name ?? "", r]));
}

const values = (rows: readonly (readonly OutCell[])[]): unknown[][] => rows.map((r) => r.map((c) => c.value));

/** The rows of the list in CH Jalur, from its header on. */
function listRows(policy: Policy): unknown[][] {
  const rows = values(pathsGrid([checkWorkbook([grid(PEOPLE)], policy)], "id").rows);
  const at = rows.findIndex((r) => r[0] === LABELS.hPath.id);
  expect(at).toBeGreaterThan(0);
  return rows.slice(at);
}

describe("paths through the engine (default policy)", () => {
  const byName = people(DEFAULT_POLICY);

  it("gives each person the hand-worked path", () => {
    const paths = Object.fromEntries([...byName].map(([name, p]) => [name, p.path]));
    expect(paths).toEqual({
      Ani: "pppk-paruh-waktu",
      Budi: "usul-pppk",
      Citra: "pjlp-siap",
      Dedi: "pjlp-belum-siap",
      Eka: null,
      Fajar: "perlu-diperiksa",
      Gita: "pppk-paruh-waktu",
    });
    expect(byName.get("Ani")?.bknCode).toBe("R3");
    expect(byName.get("Gita")?.bknCode).toBe("R2");
    expect(byName.get("Budi")?.tenure?.totalMonths).toBe(78);
    expect(byName.get("Citra")?.tenure?.totalMonths).toBe(18);
    expect(byName.get("Dedi")?.tenure?.totalMonths).toBe(23);
    expect(byName.get("Citra")?.pathNpwpFromNik).toBe(true);
    expect(byName.get("Dedi")?.pathMissing).toEqual([
      { document: "nib", problem: "invalid" },
      { document: "npwp", problem: "invalid" },
    ]);
    expect(byName.get("Fajar")?.pathReview).toEqual(["startDate"]);
  });

  it("counts per path and per unit in the summary", () => {
    const result = checkWorkbook([grid(PEOPLE)], DEFAULT_POLICY);
    expect(result.summary.byPath).toEqual({
      "usul-pppk": 1,
      "pppk-paruh-waktu": 2,
      "pjlp-siap": 1,
      "pjlp-belum-siap": 1,
      "perlu-diperiksa": 1,
    });
    expect(result.summary.byUnitPath).toEqual({
      Sekretariat: { "pppk-paruh-waktu": 1, "pjlp-belum-siap": 1 },
      "Bidang Persampahan": { "usul-pppk": 1, "pjlp-siap": 1 },
      "UPTD TPA Manggar": { "perlu-diperiksa": 1, "pppk-paruh-waktu": 1 },
    });
    const summary = values(summaryGrid([result], "id").rows);
    const at = summary.findIndex((r) => r[0] === LABELS.byPath.id);
    // Usul PPPK 1, paruh waktu 2, PJLP siap 1, PJLP belum lengkap 1, bantuan usaha 0, perlu diperiksa 1.
    expect(summary.slice(at + 1, at + 7).map((r) => r[1])).toEqual([1, 2, 1, 1, 0, 1]);
    const unitAt = summary.findIndex((r) => r[0] === LABELS.byUnitPath.id);
    expect(summary[unitAt + 1]).toEqual(["Bidang Persampahan", 1, 0, 1, 0, 0, 0]);
    expect(summary[unitAt + 2]).toEqual(["Sekretariat", 0, 1, 0, 1, 0, 0]);
    expect(summary[unitAt + 3]).toEqual(["UPTD TPA Manggar", 0, 1, 0, 0, 0, 1]);
    // The path settings are in the policy table, the order by name.
    expect(summary).toContainEqual([
      "Urutan jalur bila beberapa cocok",
      "PPPK paruh waktu \u2192 Usul PPPK \u2192 PJLP / kontrak individu \u2192 Bantuan usaha",
    ]);
    expect(summary).toContainEqual(["Jalur PJLP / kontrak individu ditawarkan", "Ya"]);
  });

  it("writes the path column, with the missing documents and nothing for the PNS", () => {
    const result = checkWorkbook([grid(PEOPLE)], DEFAULT_POLICY);
    const columns = computedColumns(result.sheets[0], "id");
    const last = (columns?.headers.length ?? 0) - 1;
    expect(columns?.headers[last].value).toBe(LABELS.colPath.id);
    const byRow = new Map(columns?.rows.map((r) => [r.row, r.cells[last]]));
    // People start in row 4.
    expect(byRow.get(7)).toEqual({ value: "PJLP: belum lengkap: NIB, NPWP", style: "warning" });
    expect(byRow.get(6)?.value).toBe("PJLP: siap");
    expect(byRow.get(8)?.value).toBeNull();
    expect(byRow.get(9)?.value).toBe("Perlu diperiksa: TMT (Tanggal Mulai Kerja)");
  });

  it("lists the non-ASN in CH Jalur: action first, then unit and name, with what each needs", () => {
    const rows = listRows(DEFAULT_POLICY);
    expect(rows[0]).toEqual([
      "Jalur",
      "Unit Kerja",
      "Nama",
      "NIK",
      "Kategori BKN",
      "Masa kerja",
      "Usia",
      "Yang masih diperlukan",
      "Lembar",
      "Baris",
    ]);
    // Perlu diperiksa, PJLP belum lengkap, PJLP siap, paruh waktu (Sekretariat before UPTD), usul PPPK; no Eka.
    expect(rows.slice(1).map((r) => [r[0], r[2]])).toEqual([
      ["Perlu diperiksa", "Fajar"],
      ["PJLP: belum lengkap", "Dedi"],
      ["PJLP: siap", "Citra"],
      ["PPPK paruh waktu", "Ani"],
      ["PPPK paruh waktu", "Gita"],
      ["Usul PPPK", "Budi"],
    ]);
    const needs = Object.fromEntries(rows.slice(1).map((r) => [r[2], r[7]]));
    expect(needs).toEqual({
      Fajar: "Lengkapi atau perbaiki: TMT (Tanggal Mulai Kerja)",
      Dedi: "Lengkapi: NIB (tidak valid), NPWP (tidak valid); NIB diurus di DPMPTSP (OSS)",
      Citra: "Dokumen lengkap (NIB, NIK, NPWP = NIK); siap dikontrak melalui PBJ",
      Ani: "Kategori database BKN R3; kontrak 1 tahun, dievaluasi untuk penuh waktu",
      Gita: "Kategori database BKN R2; kontrak 1 tahun, dievaluasi untuk penuh waktu",
      Budi: "Memenuhi masa kerja (6 tahun 6 bulan) dan usia (40); usulkan PPPK",
    });
    // Ani's row links to her row in DLH (row 4).
    const grid0 = pathsGrid([checkWorkbook([grid(PEOPLE)], DEFAULT_POLICY)], "id");
    const ani = grid0.rows.find((r) => r[2]?.value === "Ani");
    expect(ani?.[9]).toEqual({ value: 4, link: { sheet: "DLH", address: "A4" } });
    expect(grid0.sheetName).toBe("CH Jalur");
  });

  it("speaks English with lang en", () => {
    const result = checkWorkbook([grid(PEOPLE)], DEFAULT_POLICY);
    const rows = values(pathsGrid([result], "en").rows);
    expect(rows[0]).toEqual(["Non-ASN paths after the contract cut-off"]);
    expect(rows).toContainEqual(
      expect.arrayContaining([
        "PJLP: documents missing",
        "Dedi",
        "Complete: NIB (invalid), NPWP (invalid); the NIB comes from the DPMPTSP (OSS)",
      ]),
    );
  });
});

describe("Bontang: cut-off 30-06-2025, no PJLP", () => {
  const bontang = policyWith({ cutoffDate: "2025-06-30", referenceDate: "2025-06-30", pathPjlp: "tidak" });

  it("short service at 30-06-2025 gets bantuan usaha", () => {
    const byName = people(bontang);
    // Citra: 01-07-2024 .. 30-06-2025 = 12 months; Dedi: 01-02-2024 .. 30-06-2025 = 17 months; both under 24.
    expect(byName.get("Citra")?.tenure?.totalMonths).toBe(12);
    expect(byName.get("Dedi")?.tenure?.totalMonths).toBe(17);
    expect(byName.get("Citra")?.path).toBe("bantuan-usaha");
    expect(byName.get("Dedi")?.path).toBe("bantuan-usaha");
    // Budi: 01-07-2019 .. 30-06-2025 = 72 months, 39 years old: still usul PPPK.
    expect(byName.get("Budi")?.path).toBe("usul-pppk");
  });

  it("the CH Jalur sheet states the region's settings and why bantuan usaha", () => {
    const rows = values(pathsGrid([checkWorkbook([grid(PEOPLE)], bontang)], "id").rows);
    expect(rows).toContainEqual(["Batas akhir kontrak non-ASN", "30-06-2025"]);
    expect(rows).toContainEqual(["Jalur PJLP / kontrak individu ditawarkan", "Tidak"]);
    expect(rows).toContainEqual(["Bantuan usaha: masa kerja kurang dari (bulan)", 24]);
    const citra = rows.find((r) => r[2] === "Citra");
    expect(citra?.[0]).toBe("Bantuan usaha");
    expect(citra?.[7]).toBe("Masa kerja 1 tahun 0 bulan, kurang dari 24 bulan");
  });
});

describe("CH Jalur across several files", () => {
  it("adds a File column and no links (a link only works inside its own workbook)", () => {
    const a = checkWorkbook([grid(PEOPLE.slice(0, 2))], DEFAULT_POLICY, "dlh.xlsx");
    const b = checkWorkbook([grid(PEOPLE.slice(2, 3))], DEFAULT_POLICY, "dinkes.xlsx");
    const out = pathsGrid([a, b], "id");
    const header = out.rows.findIndex((r) => r[0]?.value === LABELS.hFile.id);
    const list = out.rows.slice(header + 1);
    expect(list.map((r) => [r[0].value, r[3].value])).toEqual([
      ["dinkes.xlsx", "Citra"],
      ["dlh.xlsx", "Ani"],
      ["dlh.xlsx", "Budi"],
    ]);
    expect(list.every((r) => r[10].link === undefined)).toBe(true);
  });

  it("an empty list says so", () => {
    const only = checkWorkbook([grid([PEOPLE[4]])], DEFAULT_POLICY);
    const rows = values(pathsGrid([only], "id").rows);
    expect(rows[rows.length - 1]).toEqual([LABELS.noPaths.id]);
  });
});

test("CH Jalur prints like CH Laporan: its list header frozen, filtered and repeated, landscape one page wide", () => {
  const out = pathsGrid([checkWorkbook([grid(PEOPLE)], DEFAULT_POLICY)], "id");
  const headerRow = out.layout?.filterRow ?? 0;
  // The header row is the one whose first cell is the list's first column title, in bold header style.
  expect(out.rows[headerRow - 1]?.every((c) => c.style === "header")).toBe(true);
  expect(out.layout).toEqual({
    freezeRows: headerRow,
    filterRow: headerRow,
    landscape: true,
    fitToWidth: true,
    repeatRows: { first: headerRow, last: headerRow },
  });
});

test("CH Jalur gives its width without making a row (its first list row would sort every person)", () => {
  for (const several of [false, true]) {
    const { list, places } = pathsListOf([checkWorkbook([grid(PEOPLE)], DEFAULT_POLICY)]);
    expect(list.size).toBeGreaterThan(3);
    const sheet = pathsSheet(list, places, several, DEFAULT_POLICY, "id");
    const { width, ...withoutWidth } = sheet;
    expect(width).toBeDefined();
    const counted = sheetWidth(withoutWidth);
    expect(counted).toBe(several ? 11 : 10);
    const unread = {
      ...sheet,
      rows: {
        [Symbol.iterator](): Iterator<never> {
          throw new Error("rows made");
        },
      },
    };
    expect(sheetWidth(unread)).toBe(counted);
  }
});
