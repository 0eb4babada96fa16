/**
 * Paths after the cut-off through the command line: the JSON `path` of every person with
 * what is missing, the counts in the summary, the settings written in the report, the CH
 * Jalur sheet in the annotated copy, and the path flags (a Bontang run).
 */
import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import * as path from "path";
import { ROOT, readJson, runCli } from "./helpers";

jest.setTimeout(60_000);

const DIR = path.join(ROOT, "test", ".out", "paths");
const INPUT = path.join(DIR, "dlh.xlsx");
const out = (name: string): string => path.join(DIR, name);

interface JsonPerson {
  name: string;
  path: string | null;
  pathMissing: { document: string; problem: string }[];
  pathReview: string[];
  npwpFromNik: boolean;
  bknCode: string | null;
  tenure: { totalMonths: number } | null;
}
interface JsonReport {
  policy: Record<string, unknown>;
  sheets: { rows: JsonPerson[] }[];
  summary: { byPath: Record<string, number>; byUnitPath: Record<string, Record<string, number>> };
}

const utc = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m - 1, d));

beforeAll(async () => {
  await fs.rm(DIR, { recursive: true, force: true });
  await fs.mkdir(DIR, { recursive: true });
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("DLH");
  ws.addRow(["DAFTAR TENAGA NON ASN DLH KOTA BONTANG"]);
  ws.addRow([]);
  ws.addRow(["NO", "NAMA", "NIK", "TANGGAL LAHIR", "STATUS", "KATEGORI", "UNIT KERJA", "TMT", "NIB", "NPWP"]);
  // NIKs of Bontang (64 74 01), birth DDMMYY with +40 for women; every NIK valid.
  // Ani: R3: paruh waktu. Budi: 01-07-2019 .. 31-12-2025 = 78 months, 40 years: usul PPPK.
  // Citra: 01-07-2024: 18 months, NIB 13 digits, NPWP 16 digits "0" + 01.234.567.4-123.000 (check 4): PJLP siap.
  // Dedi: 01-02-2024: 23 months, no NIB, NPWP empty: PJLP missing the NIB (the NIK serves as NPWP).
  ws.addRow([1, "Ani", "6474015203900001", utc(1990, 3, 12), "Honorer", "R3", "Sekretariat", utc(2020, 1, 1)]);
  ws.addRow([2, "Budi", "6474011708850002", utc(1985, 8, 17), "Non ASN", null, "Bidang Persampahan", utc(2019, 7, 1)]);
  ws.addRow([
    3,
    "Citra",
    "6474014505950003",
    utc(1995, 5, 5),
    "Non ASN",
    null,
    "Bidang Persampahan",
    utc(2024, 7, 1),
    "9120001234567",
    "0012345674123000",
  ]);
  ws.addRow([4, "Dedi", "6474010101980004", utc(1998, 1, 1), "Non ASN", null, "Sekretariat", utc(2024, 2, 1)]);
  ws.addRow([5, "Eka", "6474014202800005", utc(1980, 2, 2), "PNS", null, "Sekretariat", utc(2005, 1, 1)]);
  for (const c of [4, 8]) ws.getColumn(c).numFmt = "dd-mm-yyyy";
  await wb.xlsx.writeFile(INPUT);
}, 60_000);

const people = (r: JsonReport): Map<string, JsonPerson> => new Map(r.sheets[0].rows.map((p) => [p.name, p]));

test("JSON: every person's path with what is missing, counts per path and unit, the settings used", async () => {
  const run = await runCli(["check", INPUT, "--json", out("default.json"), "--out", out("dlh-cek.xlsx")]);
  expect(run.stderr).toBe("");
  const report = await readJson<JsonReport>(out("default.json"));
  const byName = people(report);
  expect([...byName].map(([n, p]) => [n, p.path])).toEqual([
    ["Ani", "pppk-paruh-waktu"],
    ["Budi", "usul-pppk"],
    ["Citra", "pjlp-siap"],
    ["Dedi", "pjlp-belum-siap"],
    ["Eka", null],
  ]);
  expect(byName.get("Dedi")).toMatchObject({
    pathMissing: [{ document: "nib", problem: "empty" }],
    npwpFromNik: true,
    tenure: { totalMonths: 23 },
  });
  expect(byName.get("Citra")).toMatchObject({ pathMissing: [], npwpFromNik: false });
  expect(byName.get("Ani")?.bknCode).toBe("R3");
  expect(report.summary.byPath).toEqual({
    "usul-pppk": 1,
    "pppk-paruh-waktu": 1,
    "pjlp-siap": 1,
    "pjlp-belum-siap": 1,
  });
  expect(report.summary.byUnitPath.Sekretariat).toEqual({ "pppk-paruh-waktu": 1, "pjlp-belum-siap": 1 });
  expect(report.policy).toMatchObject({
    pathUsulPppk: true,
    pathParuhWaktu: true,
    pathPjlp: true,
    pathBantuanUsaha: true,
    bantuanUsahaMaxMonths: 24,
    nikAsNpwp: true,
    pathOrder: "pppk-paruh-waktu,usul-pppk,pjlp,bantuan-usaha",
  });

  // The annotated copy has the CH Jalur sheet: Dedi (documents to collect) first.
  const copy = new ExcelJS.Workbook();
  await copy.xlsx.readFile(out("dlh-cek.xlsx"));
  const sheet = copy.getWorksheet("CH Jalur");
  expect(sheet).toBeDefined();
  const values: unknown[][] = [];
  sheet?.eachRow((row) => values.push((row.values as unknown[]).slice(1)));
  const header = values.findIndex((r) => r[0] === "Jalur");
  expect(values.slice(header + 1).map((r) => [r[2], r[0]])).toEqual([
    ["Dedi", "PJLP: belum lengkap"],
    ["Citra", "PJLP: siap"],
    ["Ani", "PPPK paruh waktu"],
    ["Budi", "Usul PPPK"],
  ]);
});

test("the path flags: Bontang, cut-off 30-06-2025, no PJLP, the NIK not as NPWP", async () => {
  const run = await runCli([
    "check",
    INPUT,
    "--cutoff",
    "2025-06-30",
    "--reference-date",
    "2025-06-30",
    "--path-pjlp",
    "tidak",
    "--nik-as-npwp",
    "tidak",
    "--json",
    out("bontang.json"),
  ]);
  expect(run.stderr).toBe("");
  const report = await readJson<JsonReport>(out("bontang.json"));
  const byName = people(report);
  // Citra: 01-07-2024 .. 30-06-2025 = 12 months; Dedi: 01-02-2024 .. 30-06-2025 = 17 months.
  expect(byName.get("Citra")).toMatchObject({ path: "bantuan-usaha", tenure: { totalMonths: 12 } });
  expect(byName.get("Dedi")).toMatchObject({ path: "bantuan-usaha", tenure: { totalMonths: 17 } });
  expect(report.policy).toMatchObject({ cutoffDate: "2025-06-30", pathPjlp: false, nikAsNpwp: false });
});

test("with the order bantuan usaha first and PJLP second, then a bad order: exit 2 with one line", async () => {
  const run = await runCli([
    "check",
    INPUT,
    "--path-order",
    "bantuan-usaha,pjlp,usul-pppk,pppk-paruh-waktu",
    "--bantuan-usaha-max-months",
    "20",
    "--json",
    out("order.json"),
  ]);
  expect(run.stderr).toBe("");
  const byName = people(await readJson<JsonReport>(out("order.json")));
  // Citra 18 months < 20: bantuan usaha; Dedi 23 months is not: PJLP (missing the NIB).
  expect(byName.get("Citra")?.path).toBe("bantuan-usaha");
  expect(byName.get("Dedi")?.path).toBe("pjlp-belum-siap");

  const bad = await runCli(["check", INPUT, "--path-order", "pjlp,usul-pppk", "--lang", "en"]);
  expect(bad.code).toBe(2);
  expect(bad.stderr.trim().split("\n")).toHaveLength(1);
  expect(bad.stderr).toContain("each once");
});
