/**
 * End to end: several workbooks checked together (a folder, or several files): one
 * report per file, a combined summary, and duplicate NIKs found across the files.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { DINKES, DISDIK, type FixturePaths } from "../fixtures/make-fixtures";
import { cliMessage } from "../../src/cli/messages";
import { expectBookMatches } from "./expectations";
import { type CliRun, type JsonSeveral, readJson, runCli, suiteFixtures } from "./helpers";

// Each test runs the CLI in a child process; on a busy 2-core machine that can take many
// seconds, so no test here has a time limit of its own (package.json's testTimeout only
// bounds a hang).

let fx: FixturePaths;
let run: CliRun;
let report: JsonSeveral;
const outDir = (): string => path.join(fx.dir, "hasil");

beforeAll(async () => {
  fx = await suiteFixtures("folder");
  run = await runCli(["check", fx.folder, "--out-dir", outDir(), "--json", path.join(fx.dir, "gabungan.json")]);
  report = await readJson<JsonSeveral>(path.join(fx.dir, "gabungan.json"));
});

test("a folder gives one report per file, in name order, each matching its fixture", () => {
  expect(run.stderr).toBe("");
  expect(run.code).toBe(1);
  expect(report.files.map((f) => f.file)).toEqual([
    path.join(fx.folder, DINKES.file),
    path.join(fx.folder, DISDIK.file),
  ]);
  expectBookMatches(DINKES, report.files[0], true);
  expectBookMatches(DISDIK, report.files[1], true);
});

test("a NIK found in two files is a duplicate in the later one, naming the first file", () => {
  const duplicate = report.files[1].sheets[0].rows[0].issues.find((i) => i.code === "duplicate-nik");
  expect(duplicate?.message).toContain(path.join(fx.folder, DINKES.file));
});

test("the combined summary adds up the files", () => {
  const sum = (pick: (s: JsonSeveral["summary"]) => number): number =>
    report.files.reduce((n, f) => n + pick(f.summary), 0);
  expect(report.summary.people).toBe(sum((s) => s.people));
  expect(report.summary.trainingRows).toBe(sum((s) => s.trainingRows));
  expect(report.summary.bySeverity).toEqual({
    error: sum((s) => s.bySeverity.error),
    warning: sum((s) => s.bySeverity.warning),
  });
  expect(report.summary.byCode["duplicate-nik"]).toBe(sum((s) => s.byCode["duplicate-nik"] ?? 0));
  expect(run.stdout).toContain(cliMessage("summaryCombined", "id", { files: 2 }));
});

test("--out-dir holds one annotated copy per file", async () => {
  const names = (await fs.readdir(outDir())).sort();
  expect(names).toEqual(["dinkes-balikpapan-cek.xlsx", "disdik-balikpapan-cek.xlsx"]);
});

test("files named one by one are checked together like a folder", async () => {
  const json = path.join(fx.dir, "dua-file.json");
  const twoFiles = await runCli(["check", fx.dinkes, fx.disdik, "--json", json]);
  expect(twoFiles.code).toBe(1);
  const separate = await readJson<JsonSeveral>(json);
  expectBookMatches(DISDIK, separate.files[1], true);
});

test("writing the copies into the checked folder itself: a second run does not check the copies", async () => {
  const copyFolder = path.join(fx.dir, "salinan");
  await fs.mkdir(copyFolder, { recursive: true });
  await fs.copyFile(fx.dinkes, path.join(copyFolder, DINKES.file));
  const json = path.join(fx.dir, "salinan.json");
  for (let i = 0; i < 2; i++) {
    const again = await runCli(["check", copyFolder, "--out-dir", copyFolder, "--json", json]);
    expect(again.code).toBe(1);
    const result = await readJson<JsonSeveral>(json);
    expect(result.files.map((f) => path.basename(f.file as string))).toEqual([DINKES.file]);
  }
  expect((await fs.readdir(copyFolder)).sort()).toEqual(["dinkes-balikpapan-cek.xlsx", DINKES.file].sort());
});
