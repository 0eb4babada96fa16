/**
 * The rekap's outputs (issue 9, with issue 8's safe writing): `--out` never writes an input
 * (not even with --force), replaces an existing file only when it is an earlier output of
 * this tool or with --force, refuses a link, and is written through a temporary file renamed
 * when complete, so a failed write leaves neither a half rekap nor a temporary file.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { cliMessage } from "../../src/cli/messages";
import { REKAP_LABELS } from "../../src/core/rekap/labels";
import { openPackage } from "../../src/package/workbook";
import { writeRekapFolder } from "../fixtures/make-rekap-folder";
import { ROOT, fullDisk, leftovers, runInProcess as cli } from "./helpers";

jest.setTimeout(120_000);

const DIR = path.join(ROOT, "test", ".out", "rekap-outputs");
/** One ready OPD file (05_BPBD.xlsx of the rekap fixture: one person, no errors). */
const GOOD = path.join(DIR, "good");
const INPUT = path.join(GOOD, "05_BPBD.xlsx");

beforeAll(async () => {
  await fs.rm(DIR, { recursive: true, force: true });
  await writeRekapFolder(path.join(DIR, "opd"));
  await fs.mkdir(GOOD, { recursive: true });
  await fs.copyFile(path.join(DIR, "opd", "sub", "05_BPBD.xlsx"), INPUT);
});

const sheetNames = async (file: string): Promise<string[]> =>
  openPackage(new Uint8Array(await fs.readFile(file))).sheets.map((s) => s.name);

test("--out naming an input file: exit 2 with one line, the input unchanged, even with --force", async () => {
  const before = await fs.readFile(INPUT);
  for (const args of [
    ["rekap", INPUT, "--out", INPUT],
    ["rekap", INPUT, "--out", INPUT, "--force"],
    // Inside the folder given: a workbook there is an input too.
    ["rekap", GOOD, "--out", INPUT, "--force"],
  ]) {
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain(cliMessage("outIsInput", "id", { value: INPUT }));
  }
  expect(await fs.readFile(INPUT)).toEqual(before);
  expect(await leftovers(GOOD)).toEqual([]);
});

test("--json naming an input workbook: exit 2, the input unchanged", async () => {
  const before = await fs.readFile(INPUT);
  const r = await cli(["rekap", GOOD, "--json", INPUT]);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain(cliMessage("outIsInput", "id", { value: INPUT }));
  expect(await fs.readFile(INPUT)).toEqual(before);
});

test("an existing file that is not an earlier output: refused without --force, replaced with it", async () => {
  const target = path.join(DIR, "laporan-saya.xlsx");
  await fs.writeFile(target, "catatan saya");
  const refused = await cli(["rekap", GOOD, "--out", target]);
  expect(refused.code).toBe(2);
  expect(refused.stderr.trim()).toBe(`cek-honorer: ${cliMessage("targetExists", "id", { value: target })}`);
  expect(await fs.readFile(target, "utf8")).toBe("catatan saya");
  const forced = await cli(["rekap", GOOD, "--out", target, "--force"]);
  expect(forced.code).toBe(0);
  expect(await sheetNames(target)).toContain(REKAP_LABELS.sheetFiles.id);
  expect(await leftovers(DIR)).toEqual([]);
});

test("an earlier rekap is replaced without --force", async () => {
  const target = path.join(DIR, "rekap-ulang.xlsx");
  expect((await cli(["rekap", GOOD, "--out", target])).code).toBe(0);
  const first = await fs.stat(target);
  const again = await cli(["rekap", GOOD, "--out", target, "--lang", "en"]);
  expect(again.code).toBe(0);
  expect(await sheetNames(target)).toContain(REKAP_LABELS.sheetFiles.en);
  expect((await fs.stat(target)).ino).not.toBe(first.ino); // renamed into place, not written over
});

test("a symbolic link as --out: refused, the file it points to unchanged", async () => {
  const real = path.join(DIR, "asli.txt");
  const link = path.join(DIR, "tautan.xlsx");
  await fs.writeFile(real, "asli");
  await fs.rm(link, { force: true });
  await fs.symlink(real, link);
  const r = await cli(["rekap", GOOD, "--out", link, "--force"]);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain(cliMessage("targetNotRegular", "id", { value: link }));
  expect(await fs.readFile(real, "utf8")).toBe("asli");
});

test("a full disk while writing the rekap: exit 2, one line naming the file, no file and no temporary left", async () => {
  const dir = path.join(DIR, "penuh");
  await fs.mkdir(dir, { recursive: true });
  const target = path.join(dir, "rekap.xlsx");
  const r = await cli(["rekap", GOOD, "--out", target], fullDisk(4096));
  expect(r.code).toBe(2);
  expect(r.stderr.trim().split("\n")).toHaveLength(1);
  expect(r.stderr).toContain(target);
  expect(r.stderr).toContain("ENOSPC");
  expect(await fs.readdir(dir)).toEqual([]);
});
