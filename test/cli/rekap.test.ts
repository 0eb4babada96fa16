/**
 * `cek-honorer rekap` end to end on a folder made by code (test/fixtures/make-rekap-folder.ts):
 * good files, files with errors, a "(revisi)" copy, NIKs shared across OPDs, a subfolder
 * and seven files to skip. Checked through the JSON, the workbook (read back with ExcelJS
 * and validated against the schemas) and the terminal.
 *
 * The expected rekap, worked by hand (policy defaults: reference date and cut-off 2025-12-31;
 * title + blank + header put the first person on row 4, a sheet without a title on row 2):
 * - 01_DLH.xlsx, title "DINAS LINGKUNGAN HIDUP ...": Ani 2020-01..2025-12-31 (72 months, eligible,
 *   ends by the cut-off), Budi 2019-05..2026-06-30 (eligible, runs past: warning
 *   contract-past-cutoff), Cici 2021-01, no end (eligible, no end date), Dodi 2025-01..2025-12-31
 *   (12 months: not eligible, tenure). Ani's NIK is also at the Dinkes, 2021..2025: the periods
 *   overlap, so an error in both files. 4 people, 1 error, 1 warning: "Kembalikan ke OPD".
 * - 02_Dinkes.xlsx: Eko PNS (ASN), Ani (row 5), Fajar 2015..2018 (48 months, eligible, row 6).
 *   Fajar is at the Disdik from 2019 on: no overlap, a service history, no error.
 *   3 people, 1 error (Ani): sent back.
 * - 03_Disdik (revisi).xlsx: Fajar (row 4), Gita, Hadi, Irma, all eligible, ending 2025-12-31: ready.
 * - 03_Disdik.xlsx: Fajar, Gita, Hadi: all 3 NIKs in the revision (3 > 3/2): a repeat; the
 *   revision is counted because its name says so (both files have the same date).
 * - sub/04_Satpol PP.xlsx: no title, unit column "Satuan Polisi Pamong Praja" on both rows;
 *   Joko's NIK typed as a number (nik-precision-lost): 2 people, 1 error.
 * - sub/05_BPBD.xlsx: no title, no unit: OPD "BPBD" from the file name; 1 person, ready.
 * - skipped: ~$01_DLH.xlsx (lock file), 01_DLH-cek.xlsx (holds "CH Laporan" and "CH Ringkasan": own output),
 *   rusak.xlsx (cut in half), lama.xls, terkunci.xlsx (password), data.ods, surat pengantar.pdf.
 * File names give the OPD of skipped files ("~$01_DLH.xlsx" and "01_DLH-cek.xlsx": "DLH").
 * Totals: 13 files, 6 checked, 7 skipped, 1 repeat; people 4+3+4+2+1 = 14; errors 1+1+1 = 3;
 * warnings 1; categories: PNS 1, eligible 3+2+4+2+1 = 12, not eligible (tenure) 1.
 */
import { promises as fs } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { DEFAULT_POLICY } from "../../src/core/policy";
import type { RekapJson } from "../../src/core/rekap/json";
import { REKAP_NIKS, writeRekapFolder } from "../fixtures/make-rekap-folder";
import { EXPECTED_FILES } from "../fixtures/rekap-expected";
import { validateXlsx } from "../package/validate";
import { ROOT, readJson, runCli } from "./helpers";

jest.setTimeout(120_000);

const DIR = path.join(ROOT, "test", ".out", "rekap");
const FOLDER = path.join(DIR, "opd");

const byPath = <T extends { path: string }>(list: readonly T[]): T[] =>
  [...list].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

function cellText(ws: ExcelJS.Worksheet, row: number, col: number): string {
  const v = ws.getCell(row, col).value;
  if (v !== null && typeof v === "object" && "text" in v) return String(v.text);
  return v === null || v === undefined ? "" : String(v);
}

function rowsOf(ws: ExcelJS.Worksheet, first: number): string[][] {
  const out: string[][] = [];
  for (let r = first; r <= ws.rowCount; r++) {
    const row: string[] = [];
    for (let c = 1; c <= ws.columnCount; c++) row.push(cellText(ws, r, c));
    out.push(row);
  }
  return out;
}

describe("cek-honorer rekap", () => {
  const out = path.join(DIR, "rekap.xlsx");
  const json = path.join(DIR, "rekap.json");
  let run: { code: number; stdout: string; stderr: string };

  beforeAll(async () => {
    await fs.rm(DIR, { recursive: true, force: true });
    await writeRekapFolder(FOLDER);
    run = await runCli(["rekap", FOLDER, "--out", out, "--json", json]);
  });

  test("exit 1 (errors and skipped files); one line per file and the totals; no names or NIKs", () => {
    expect(run.stderr).toBe("");
    expect(run.code).toBe(1);
    const lines = run.stdout.trimEnd().split("\n");
    // Header, 13 files, totals, two output lines.
    expect(lines).toHaveLength(17);
    expect(lines.at(-3)).toBe(
      "Jumlah: 13 berkas (6 diperiksa, 7 dilewati, 1 berulang); 14 pegawai; 2 OPD siap, 3 dikembalikan; 3 kesalahan, 1 peringatan; 1 NIK ganda antar OPD.",
    );
    expect(lines.find((l) => l.includes("03_Disdik.xlsx"))).toContain("03_Disdik (revisi).xlsx");
    expect(lines.find((l) => l.includes("lama.xls"))).toContain(".xls");
    for (const secret of [REKAP_NIKS.ani, REKAP_NIKS.fajar, "Ani Lestari", "Joko"])
      expect(run.stdout).not.toContain(secret);
  });

  test("the JSON holds every file, the cross-file NIKs with every place, and the totals", async () => {
    const report = await readJson<RekapJson>(json);
    expect(Object.keys(report)).toEqual(["policy", "files", "duplicates", "summary"]);
    expect(report.policy).toEqual(DEFAULT_POLICY);
    expect(byPath(report.files)).toEqual(byPath(EXPECTED_FILES));
    expect(report.duplicates).toEqual(
      [
        {
          nik: REKAP_NIKS.ani,
          places: [
            { file: "01_DLH.xlsx", sheet: "Data Pegawai", row: 4 },
            { file: "02_Dinkes.xlsx", sheet: "Data Pegawai", row: 5 },
          ],
        },
        {
          nik: REKAP_NIKS.fajar,
          places: [
            { file: "02_Dinkes.xlsx", sheet: "Data Pegawai", row: 6 },
            { file: "03_Disdik (revisi).xlsx", sheet: "Data Pegawai", row: 4 },
          ],
        },
      ].sort((a, b) => a.nik.localeCompare(b.nik)),
    );
    expect(report.summary).toEqual({
      files: 13,
      checked: 6,
      skipped: 7,
      repeats: 1,
      persons: 14,
      errors: 3,
      warnings: 1,
      categories: { "asn-pns": 1, "eligible-pppk": 12, "not-eligible-tenure": 1 },
    });
  });

  test("the workbook is a valid package with the six sheets", async () => {
    expect(validateXlsx(out)).toMatch(/^ooxml: (\d+)\/\1 parts valid$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "Rekap OPD",
      "Ringkasan Pimpinan",
      "Semua Pegawai",
      "Masalah",
      "NIK Ganda Antar OPD",
      "Berkas Berulang",
    ]);
  });

  test("Rekap OPD: one row per file with its verdict and reason, then the totals", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet("Rekap OPD") as ExcelJS.Worksheet;
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
    // Header on row 2, 13 files on rows 3-15, a blank row, totals on row 17 (outside the filter).
    expect(ws.autoFilter).toBe("A2:Y15");
    const header = rowsOf(ws, 2)[0];
    const rows = rowsOf(ws, 3);
    expect(rows).toHaveLength(15);
    const col = (name: string): number => header.indexOf(name);
    const verdict = (file: string): string => rows.find((r) => r[col("File")] === file)?.[col("Hasil")] ?? "";
    expect(verdict("01_DLH.xlsx")).toBe("Kembalikan ke OPD");
    expect(verdict("03_Disdik (revisi).xlsx")).toBe("Siap");
    expect(verdict("03_Disdik.xlsx")).toBe("Berkas berulang (tidak dihitung)");
    expect(verdict("lama.xls")).toBe("Dilewati");
    const dlh = rows.find((r) => r[col("File")] === "01_DLH.xlsx") as string[];
    expect([
      dlh[col("Pegawai")],
      dlh[col("ASN")],
      dlh[col("Non-ASN")],
      dlh[col("Kesalahan")],
      dlh[col("Peringatan")],
    ]).toEqual(["4", "0", "4", "1", "1"]);
    // Cut-off answers of the DLH: Ani and Dodi end by it, Budi runs past, Cici has no end date.
    expect(dlh[col("Berakhir sampai batas")]).toBe("2");
    expect(dlh[col("Melewati batas (diakhiri pada batas)")]).toBe("1");
    expect(dlh[col("Tanpa tanggal akhir (diakhiri pada batas)")]).toBe("1");
    expect(dlh[col("NIK ganda antar OPD")]).toBe("1");
    expect(rows.find((r) => r[col("File")] === "terkunci.xlsx")?.[col("Keterangan")]).toMatch(/kata sandi/);
    // What exactly is wrong with a damaged file is told too.
    expect(rows.find((r) => r[col("File")] === "rusak.xlsx")?.[col("Keterangan")]).toBe(
      "File rusak atau terpotong; minta OPD mengirim ulang. (akhir arsip zip tidak ada)",
    );
    const totals = rows[14];
    expect(totals[col("File")]).toBe("Jumlah");
    expect([totals[col("Pegawai")], totals[col("ASN")], totals[col("Kesalahan")]]).toEqual(["14", "1", "3"]);
    // The file cell opens the file, relative to the rekap.
    const link = ws.getCell(
      3 + rows.findIndex((r) => r[col("File")] === "sub/04_Satpol PP.xlsx"),
      col("File") + 1,
    ).value;
    expect(link).toMatchObject({ hyperlink: "opd/sub/04_Satpol%20PP.xlsx" });
  });

  test("Semua Pegawai: one row per counted person, NIKs as text, ready for a filter", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet("Semua Pegawai") as ExcelJS.Worksheet;
    const [header, ...rows] = rowsOf(ws, 1);
    expect(rows).toHaveLength(14);
    expect(ws.autoFilter).toBe("A1:N15");
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    const ani = rows.filter((r) => r[header.indexOf("NIK")] === REKAP_NIKS.ani);
    expect(ani.map((r) => r[header.indexOf("File")])).toEqual(["01_DLH.xlsx", "02_Dinkes.xlsx"]);
    // The repeated file's people are not listed again.
    expect(rows.some((r) => r[header.indexOf("File")] === "03_Disdik.xlsx")).toBe(false);
    const budi = rows.find((r) => r[header.indexOf("Nama")] === "Budi Santoso") as string[];
    expect(budi[header.indexOf("Batas Kontrak")]).toBe("Melewati batas (diakhiri pada batas)");
    // 2019-05-01 through 2025-12-31: 6 years 8 months.
    expect(budi[header.indexOf("Masa Kerja (bulan)")]).toBe("80");
    expect(ws.getCell(1 + rows.indexOf(budi) + 1, header.indexOf("TMT") + 1).value).toEqual(
      new Date(Date.UTC(2019, 4, 1)),
    );
  });

  test("Masalah: every problem of the counted files, each OPD told of the shared NIK, with a link to the cell", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet("Masalah") as ExcelJS.Worksheet;
    const [header, ...rows] = rowsOf(ws, 1);
    // Ani twice (DLH, Dinkes), Joko's NIK, Budi's contract: 4 rows.
    expect(rows.map((r) => `${r[header.indexOf("File")]} ${r[header.indexOf("Kode")]}`).sort()).toEqual([
      "01_DLH.xlsx contract-past-cutoff",
      "01_DLH.xlsx duplicate-nik-across-files",
      "02_Dinkes.xlsx duplicate-nik-across-files",
      "sub/04_Satpol PP.xlsx nik-precision-lost",
    ]);
    const dlh = rows.findIndex(
      (r) => r[header.indexOf("Kode")] === "duplicate-nik-across-files" && r[0] === "01_DLH.xlsx",
    );
    expect(rows[dlh][header.indexOf("Keterangan")]).toContain(
      'DINAS KESEHATAN (02_Dinkes.xlsx, sheet "Data Pegawai" baris 5)',
    );
    expect(rows[dlh][header.indexOf("Nama")]).toBe("Ani Lestari");
    // The NIK is in column C of the OPD's sheet.
    expect(ws.getCell(dlh + 2, header.indexOf("Sel") + 1).value).toMatchObject({
      text: "C4",
      hyperlink: "opd/01_DLH.xlsx",
    });
  });

  test("NIK Ganda Antar OPD and Berkas Berulang", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const dup = rowsOf(wb.getWorksheet("NIK Ganda Antar OPD") as ExcelJS.Worksheet, 2);
    expect(dup.map((r) => [r[0], r[1], r[3]])).toEqual(
      [
        [REKAP_NIKS.ani, "Ganda (tumpang tindih)", "01_DLH.xlsx"],
        [REKAP_NIKS.ani, "Ganda (tumpang tindih)", "02_Dinkes.xlsx"],
        [REKAP_NIKS.fajar, "Riwayat kerja (tidak tumpang tindih)", "02_Dinkes.xlsx"],
        [REKAP_NIKS.fajar, "Riwayat kerja (tidak tumpang tindih)", "03_Disdik (revisi).xlsx"],
      ].sort((a, b) => a[0].localeCompare(b[0])),
    );
    const rep = rowsOf(wb.getWorksheet("Berkas Berulang") as ExcelJS.Worksheet, 2);
    expect(rep).toHaveLength(1);
    expect(rep[0].slice(0, 5)).toEqual([
      "03_Disdik.xlsx",
      "DINAS PENDIDIKAN DAN KEBUDAYAAN",
      "03_Disdik (revisi).xlsx",
      "3",
      "3",
    ]);
    expect(rep[0][5]).toContain("revisi");
  });

  test("the summary fits one page and names the OPDs to send back", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet("Ringkasan Pimpinan") as ExcelJS.Worksheet;
    expect(ws.pageSetup).toMatchObject({ orientation: "portrait", fitToPage: true, fitToWidth: 1, fitToHeight: 1 });
    const rows = rowsOf(ws, 1);
    const value = (label: string): string => rows.find((r) => r[0] === label)?.[1] ?? "(none)";
    expect(value("Jumlah pegawai (tanpa berkas berulang)")).toBe("14");
    expect(value("OPD dikembalikan")).toBe("3");
    expect(value("Tanggal pemeriksaan")).toMatch(/^\d\d-\d\d-\d{4}$/);
    const start = rows.findIndex((r) => r[0] === "OPD yang dikembalikan");
    expect(rows.slice(start + 1, start + 4).map((r) => r[0])).toEqual([
      "DINAS LINGKUNGAN HIDUP",
      "DINAS KESEHATAN",
      "Satuan Polisi Pamong Praja",
    ]);
    // Share of ASN among the 14 people: 1/14.
    const asn = rows.findIndex((r) => r[0] === "ASN");
    expect(ws.getCell(asn + 1, 3).value).toBeCloseTo(1 / 14, 10);
  });

  test("--lang en names the sheets in English; --verbose lists the codes per file", async () => {
    const en = path.join(DIR, "rekap-en.xlsx");
    const r = await runCli(["rekap", FOLDER, "--out", en, "--lang", "en", "--verbose", "--progress"]);
    expect(r.code).toBe(1);
    // --progress into a pipe: one line per file read, file names and counts only.
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(13);
    expect(r.stderr).toContain("reading sub/05_BPBD.xlsx (");
    expect(r.stdout).toContain("duplicate-nik-across-files (Duplicate NIK across OPDs): 1");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(en);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "OPD Rekap",
      "Summary for the Head",
      "All People",
      "Problems",
      "Duplicate NIKs Across OPDs",
      "Repeated Files",
    ]);
  });

  test("ready files only: exit 0; a rekap written inside the folder is not read back as an input", async () => {
    const good = path.join(DIR, "good");
    await fs.mkdir(good, { recursive: true });
    await fs.copyFile(path.join(FOLDER, "sub", "05_BPBD.xlsx"), path.join(good, "05_BPBD.xlsx"));
    const inside = path.join(good, "rekap.xlsx");
    const first = await runCli(["rekap", good, "--out", inside]);
    expect(first.code).toBe(0);
    const again = await runCli(["rekap", good, "--out", inside]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("Rekap 1 berkas:");
    // An earlier rekap under another name is the tool's own output: skipped, with its reason.
    await fs.copyFile(inside, path.join(good, "rekap-lama.xlsx"));
    const third = await runCli(["rekap", good, "--out", inside]);
    expect(third.code).toBe(1);
    expect(third.stdout).toMatch(/rekap-lama\.xlsx .*Hasil Cek Honorer sendiri/);
  });

  test("bad arguments: exit 2 with one line", async () => {
    for (const args of [
      ["rekap", FOLDER],
      ["rekap", path.join(DIR, "tidak-ada"), "--out", out],
      ["rekap", FOLDER, "--out", path.join(DIR, "x.csv")],
      ["rekap", FOLDER, "--out", out, "--bogus"],
    ]) {
      const r = await runCli(args);
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
    }
  });
});
