/**
 * The command line on layouts of the corpus (test/fixtures/layouts) written as .xlsx:
 * the cut-off answer, sections, the columns read in the JSON, corrections with --column and
 * --columns, and a workbook with no table (issue 7).
 */
import { promises as fs } from "fs";
import * as path from "path";
import { DLH_SECTIONS } from "../fixtures/layouts/dlh-sections";
import { NO_TABLE } from "../fixtures/layouts/no-table";
import { writeLayout } from "../fixtures/layouts/write-xlsx";
import { ROOT, readJson, runCli } from "./helpers";

jest.setTimeout(60_000);

const DIR = path.join(ROOT, "test", ".out", "layouts");
const dlh = path.join(DIR, "dlh.xlsx");
const empty = path.join(DIR, "no-table.xlsx");

interface Json {
  sheets: {
    name: string;
    columns: Record<string, string>;
    rolesNotFound: string[];
    rolesCorrected: string[];
    rows: {
      row: number;
      name: string;
      unit: string | null;
      cutoff: string | null;
      endsAtCutoff: boolean;
      endDate: string | null;
    }[];
  }[];
  issues: { code: string; message: string }[];
}

beforeAll(async () => {
  await fs.rm(DIR, { recursive: true, force: true });
  await fs.mkdir(DIR, { recursive: true });
  await writeLayout(DLH_SECTIONS, dlh);
  await writeLayout(NO_TABLE, empty);
}, 30_000);

test("DLH: section rows are no people, the cut-off answer and the columns read are in the JSON", async () => {
  const json = path.join(DIR, "dlh.json");
  const run = await runCli(["check", dlh, "--json", json]);
  expect(run.code).toBe(0);
  const report = await readJson<Json>(json);
  const sheet = report.sheets[0];
  expect(sheet.rows.map((r) => [r.row, r.unit, r.cutoff])).toEqual([
    [7, "SEKRETARIAT", "ends-by-cutoff"],
    [8, "SEKRETARIAT", "runs-past-cutoff"],
    [10, "BIDANG PERSAMPAHAN", "ends-by-cutoff"],
    [11, "BIDANG PERSAMPAHAN", "no-end-date"],
    [13, "UPTD TPA MANGGAR", "ends-by-cutoff"],
    [14, "UPTD TPA MANGGAR", "runs-past-cutoff"],
  ]);
  expect(sheet.columns).toMatchObject({ startDate: "G", endDate: "H" });
  expect(sheet.rolesNotFound).toEqual(["nip", "status", "unit"]);
});

test("--column moves a role; --columns reads a mapping file; the flags win over the file", async () => {
  const json = path.join(DIR, "dlh-fixed.json");
  const mapping = path.join(DIR, "mapping.json");
  await fs.writeFile(mapping, JSON.stringify({ "Tenaga Kontrak": { endDate: "-", position: "I" } }));
  const run = await runCli([
    "check",
    dlh,
    "--columns",
    mapping,
    "--column",
    "Tenaga Kontrak!endDate=H",
    "--json",
    json,
  ]);
  expect(run.code).toBe(0);
  const sheet = (await readJson<Json>(json)).sheets[0];
  expect(sheet.columns).toMatchObject({ endDate: "H", position: "I" });
  expect(sheet.rolesCorrected.sort()).toEqual(["endDate", "position"]);
  const noEnd = path.join(DIR, "dlh-noend.json");
  expect((await runCli(["check", dlh, "--column", "Tenaga Kontrak!endDate=-", "--json", noEnd])).code).toBe(0);
  expect((await readJson<Json>(noEnd)).sheets[0].rows.every((r) => r.cutoff === "no-end-date")).toBe(true);
});

test("a bad --column or --columns exits 2 with one line in the user's language", async () => {
  const [role, shape, file] = await Promise.all([
    runCli(["check", dlh, "--column", "Tenaga Kontrak!akhir=H"]),
    runCli(["check", dlh, "--column", "endDate=H", "--lang", "en"]),
    runCli(["check", dlh, "--columns", path.join(DIR, "none.json")]),
  ]);
  expect([role.code, shape.code, file.code]).toEqual([2, 2, 2]);
  expect(role.stderr).toContain('Peran "akhir" tidak dikenal');
  expect(shape.stderr).toContain("is not a column correction");
  expect(file.stderr.split("\n").filter((l) => l !== "")).toHaveLength(1);
});

// Issue 7, case 10: nothing recognised gave exit 0 and "0 pegawai".
test("a workbook with no recognisable table exits 1, naming the headers looked for", async () => {
  const json = path.join(DIR, "no-table.json");
  const run = await runCli(["check", empty, "--json", json]);
  expect(run.code).toBe(1);
  const report = await readJson<Json>(json);
  const issue = report.issues.find((i) => i.code === "no-table-found");
  expect(issue?.message).toContain("NAMA, NIK, NIP");
});
