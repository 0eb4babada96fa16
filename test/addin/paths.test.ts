/**
 * "Jalur Pasca Batas" on the test host: one click writes the path column beside the table
 * and the CH Jalur sheet (the list an OPD acts on), under the policy saved for its region;
 * the same guards as the other actions; Hapus Tanda takes it all away.
 */
import { DEFAULT_POLICY, resolvePolicy } from "../../src/core/policy";
import { LABELS } from "../../src/addin/vocabulary";
import { createHost, readValues, workbookState, type ExcelHost } from "../host";
import type { CellInit, SheetInit } from "../host";
import { act, userSheets } from "./helpers";
import { date, nik } from "./fixtures";

const HEADER = ["NO", "NAMA", "NIK", "TANGGAL LAHIR", "STATUS", "KATEGORI", "UNIT KERJA", "TMT", "NIB", "NPWP"];

// Reference and cut-off 31-12-2025 by default (service counted through that day).
const PEOPLE: CellInit[][] = [
  // Ani: R3: PPPK paruh waktu.
  [
    1,
    "Ani",
    nik([1990, 3, 12], true, 1),
    date(1990, 3, 12),
    "Honorer",
    "R3",
    "Sekretariat",
    date(2020, 1, 1),
    null,
    null,
  ],
  // Budi: 01-07-2019 .. 31-12-2025 = 78 months, aged 40: usul PPPK.
  [
    2,
    "Budi",
    nik([1985, 8, 17], false, 2),
    date(1985, 8, 17),
    "Non ASN",
    null,
    "Bidang Persampahan",
    date(2019, 7, 1),
    null,
    null,
  ],
  // Citra: 01-07-2024: 18 months; NIB typed as a 13-digit number, NPWP empty (the NIK serves): PJLP siap.
  [
    3,
    "Citra",
    nik([1995, 5, 5], true, 3),
    date(1995, 5, 5),
    "Non ASN",
    null,
    "Bidang Persampahan",
    date(2024, 7, 1),
    9120001234567,
    null,
  ],
  // Dedi: 01-02-2024: 23 months; no NIB, NPWP empty: PJLP, the NIB is missing.
  [
    4,
    "Dedi",
    nik([1998, 1, 1], false, 4),
    date(1998, 1, 1),
    "Non ASN",
    null,
    "Sekretariat",
    date(2024, 2, 1),
    null,
    null,
  ],
  // Eka: PNS: no path.
  [5, "Eka", nik([1980, 2, 2], true, 5), date(1980, 2, 2), "PNS", null, "Sekretariat", date(2005, 1, 1), null, null],
];

function sheet(extra: Partial<SheetInit> = {}): SheetInit {
  return { name: "Data", rows: [["DAFTAR TENAGA NON ASN DLH"], [], HEADER, ...PEOPLE], ...extra };
}

function workbook(apiVersion = "1.17", extra: Partial<SheetInit> = {}): ExcelHost {
  return createHost([sheet(extra)], { apiVersion });
}

/** The list of CH Jalur (name, path, what is still needed), from its header row on. */
function list(host: ExcelHost, sheetName = "CH Jalur"): string[][] {
  const rows = readValues(host.model, sheetName, "A1:J60");
  const at = rows.findIndex((r) => r[0] === LABELS.hPath.id || r[0] === LABELS.hPath.en);
  expect(at).toBeGreaterThan(0);
  return rows
    .slice(at + 1)
    .filter((r) => r[0] !== "")
    .map((r) => [String(r[2]), String(r[0]), String(r[7])]);
}

describe.each(["1.17", "1.1"])("Jalur Pasca Batas on ExcelApi %s", (apiVersion) => {
  test("writes the path column and the CH Jalur sheet, and selects the sheet", async () => {
    const host = workbook(apiVersion);
    const outcome = await act(host, "paths");
    expect(outcome.ok).toBe(true);
    // 4 non-ASN; Dedi is PJLP without his NIB; nobody to review.
    expect(outcome.message).toBe(
      LABELS.xlDonePaths.id
        .replace("{count}", "4")
        .replace("{sheet}", "CH Jalur")
        .replace("{pjlpMissing}", "1")
        .replace("{review}", "0"),
    );
    expect(outcome.selectSheet).toBe("CH Jalur");
    expect(outcome.counts.byPath).toEqual({
      "usul-pppk": 1,
      "pppk-paruh-waktu": 1,
      "pjlp-siap": 1,
      "pjlp-belum-siap": 1,
    });
    expect(outcome.counts.byUnitPath).toEqual({
      Sekretariat: { "pppk-paruh-waktu": 1, "pjlp-belum-siap": 1 },
      "Bidang Persampahan": { "usul-pppk": 1, "pjlp-siap": 1 },
    });

    // The table ends in J: ten computed columns K..T, the path last (T).
    expect(readValues(host.model, "Data", "T3:T8")).toEqual([
      [LABELS.colPath.id],
      ["PPPK paruh waktu"],
      ["Usul PPPK"],
      ["PJLP: siap"],
      ["PJLP: belum lengkap: NIB"],
      [""],
    ]);
    expect(list(host)).toEqual([
      ["Dedi", "PJLP: belum lengkap", "Lengkapi: NIB (belum ada); NIB diurus di DPMPTSP (OSS)"],
      ["Citra", "PJLP: siap", "Dokumen lengkap (NIB, NIK, NPWP = NIK); siap dikontrak melalui PBJ"],
      ["Ani", "PPPK paruh waktu", "Kategori database BKN R3; kontrak 1 tahun, dievaluasi untuk penuh waktu"],
      ["Budi", "Usul PPPK", "Memenuhi masa kerja (6 tahun 6 bulan) dan usia (40); usulkan PPPK"],
    ]);
    expect(host.stats.failures).toEqual([]);
  });

  test("Hapus Tanda leaves every user cell exactly as before and removes CH Jalur", async () => {
    const host = workbook(apiVersion, { fills: [{ address: "K3:T8", color: "#EEEEEE" }] });
    const before = userSheets(host);
    await act(host, "paths");
    expect(userSheets(host)).not.toEqual(before);
    const outcome = await act(host, "clear");
    expect(outcome).toMatchObject({ ok: true, message: LABELS.xlDoneClear.id });
    expect(userSheets(host)).toEqual(before);
    // Own sheets are deleted (clerk: as the tooltip says).
    expect(host.model.sheet("CH Jalur")).toBeNull();
  });
});

test("the region's saved settings decide: Bontang (30-06-2025, no PJLP) gives bantuan usaha", async () => {
  const { policy, problems } = resolvePolicy({
    cutoffDate: "2025-06-30",
    referenceDate: "2025-06-30",
    pathPjlp: "tidak",
  });
  expect(problems).toEqual([]);
  const host = workbook();
  await act(host, "paths", { policy });
  // Citra: 01-07-2024 .. 30-06-2025 = 12 months; Dedi: 01-02-2024 .. 30-06-2025 = 17 months: under 24.
  expect(list(host).map((r) => r.slice(0, 2))).toEqual([
    ["Ani", "PPPK paruh waktu"],
    ["Budi", "Usul PPPK"],
    ["Citra", "Bantuan usaha"],
    ["Dedi", "Bantuan usaha"],
  ]);
  const top = readValues(host.model, "CH Jalur", "A1:B20");
  expect(top).toContainEqual(["Batas akhir kontrak non-ASN", "30-06-2025"]);
  expect(top).toContainEqual(["Jalur PJLP / kontrak individu ditawarkan", "Tidak"]);
});

test("a run in English writes CH Paths and removes the Indonesian sheet", async () => {
  const host = workbook();
  await act(host, "paths");
  const outcome = await act(host, "paths", { lang: "en", policy: DEFAULT_POLICY });
  expect(outcome.selectSheet).toBe("CH Paths");
  expect(list(host, "CH Paths")[0]).toEqual([
    "Dedi",
    "PJLP: documents missing",
    "Complete: NIB (none); the NIB comes from the DPMPTSP (OSS)",
  ]);
  expect(host.model.sheet("CH Jalur")).toBeNull();
  // No second set of columns: the path column is updated in place, in English.
  expect(readValues(host.model, "Data", "T3:T4")).toEqual([[LABELS.colPath.en], ["Part-time PPPK"]]);
  expect(workbookState(host.model).map((s) => s.name)).toEqual(["Data", "CH_State", "CH Paths"]);
});
