/**
 * End to end: exit codes 0/1/2 and the one-line reasons on stderr, in Bahasa Indonesia
 * and in English. Never a stack trace.
 */
import * as path from "path";
import { resolvePolicy } from "../../src/core/policy";
import { type CliMessageKey, USAGE, cliMessage } from "../../src/cli/messages";
import type { FixturePaths } from "../fixtures/make-fixtures";
import { type CliRun, type JsonSeveral, type JsonWorkbook, readJson, runCli, suiteFixtures } from "./helpers";

// Each test runs the CLI in a child process; on a busy 2-core machine that can take many
// seconds, so no test here has a time limit of its own (package.json's testTimeout only
// bounds a hang).

let fx: FixturePaths;

beforeAll(async () => {
  fx = await suiteFixtures("exit-codes");
});

/** Exit 2, nothing on stdout, exactly one line on stderr holding the reason, no stack trace. */
function expectOneLineFailure(run: CliRun, reason: string): void {
  expect({ code: run.code, stdout: run.stdout }).toEqual({ code: 2, stdout: "" });
  const lines = run.stderr.split("\n").filter((l) => l !== "");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^cek-honorer: /);
  expect(lines[0]).toContain(reason);
  expect(run.stderr).not.toMatch(/\bat .+:\d+:\d+/);
  expect(run.stderr).not.toMatch(/Error:/);
}

test.each<[string, (f: FixturePaths) => string, CliMessageKey, CliMessageKey | null]>([
  ["a password-protected workbook", (f) => f.broken.encrypted, "fileEncrypted", null],
  ["an old .xls", (f) => f.broken.oldXls, "fileOldXls", null],
  ["a truncated (corrupt) zip", (f) => f.broken.corrupt, "fileCorrupt", "zipNoEndRecord"],
  ["a text file named .xlsx", (f) => f.broken.text, "fileNotXlsx", null],
  ["a CSV file", (f) => f.broken.csv, "fileNotXlsx", null],
  ["an empty file", (f) => f.broken.empty, "fileEmpty", null],
  ["a missing file", (f) => f.broken.missing, "fileMissing", null],
  ["an empty folder", (f) => f.broken.emptyFolder, "folderEmpty", null],
])("%s: exit 2 with a one-line reason, in Indonesian and in English", async (_, file, key, detail) => {
  const target = file(fx);
  const [id, en] = await Promise.all([runCli(["check", target]), runCli(["check", target, "--lang", "en"])]);
  for (const [run, lang] of [
    [id, "id"],
    [en, "en"],
  ] as const) {
    const reason = cliMessage(key, lang, { detail: detail === null ? "" : cliMessage(detail, lang) });
    expectOneLineFailure(run, `${target}: ${reason}`);
  }
});

test("bad arguments exit 2 with a one-line reason", async () => {
  const [badDate, unknown, badLang, noFile, twoOuts, outWithSeveral, noCommand, jsonOverInput] = await Promise.all([
    runCli(["check", fx.dinkes, "--reference-date", "31-12-2025"]),
    runCli(["check", fx.dinkes, "--verbose"]),
    runCli(["check", fx.dinkes, "--lang", "jv"]),
    runCli(["check"]),
    runCli(["check", fx.dinkes, "--out", "a.xlsx", "--out-dir", "b"]),
    runCli(["check", fx.dinkes, fx.disdik, "--out", path.join(fx.dir, "x.xlsx")]),
    runCli(["periksa", fx.dinkes]),
    runCli(["check", fx.dinkes, "--json", fx.dinkes]),
  ]);
  const dateProblem = resolvePolicy({ referenceDate: "31-12-2025" }).problems[0];
  expectOneLineFailure(badDate, dateProblem.message.id);
  expectOneLineFailure(unknown, cliMessage("unknownOption", "id", { value: "--verbose" }));
  expectOneLineFailure(badLang, cliMessage("badLang", "id", { value: "jv" }));
  expectOneLineFailure(noFile, cliMessage("noInput", "id"));
  expectOneLineFailure(twoOuts, cliMessage("outAndOutDir", "id"));
  expectOneLineFailure(outWithSeveral, cliMessage("outNeedsOneFile", "id"));
  expectOneLineFailure(noCommand, cliMessage("unknownCommand", "id", { value: "periksa" }));
  expectOneLineFailure(jsonOverInput, cliMessage("outIsInput", "id", { value: fx.dinkes }));
});

test("a bad policy value is reported in English with --lang en", async () => {
  const run = await runCli(["check", fx.dinkes, "--min-months", "dua", "--lang", "en"]);
  expectOneLineFailure(run, resolvePolicy({ minTenureMonths: "dua" }).problems[0].message.en);
});

test("--help prints the usage and exits 0", async () => {
  const [id, en] = await Promise.all([runCli(["--help"]), runCli(["check", "--help", "--lang", "en"])]);
  expect(id).toEqual({ code: 0, stdout: `${USAGE.id}\n`, stderr: "" });
  expect(en).toEqual({ code: 0, stdout: `${USAGE.en}\n`, stderr: "" });
});

test("warnings only: exit 0; errors: exit 1", async () => {
  const warnOnly = path.join(fx.dir, "disdik.json");
  const withErrors = path.join(fx.dir, "dinkes.json");
  const [ok, bad] = await Promise.all([
    runCli(["check", fx.disdik, "--json", warnOnly]),
    runCli(["check", fx.dinkes, "--json", withErrors]),
  ]);
  const okReport = await readJson<JsonWorkbook>(warnOnly);
  expect(okReport.summary.bySeverity.error).toBe(0);
  expect(okReport.summary.bySeverity.warning).toBeGreaterThan(0);
  expect(ok.code).toBe(0);
  const badReport = await readJson<JsonWorkbook>(withErrors);
  expect(badReport.summary.bySeverity.error).toBeGreaterThan(0);
  expect(bad.code).toBe(1);
});

test("an unreadable file among good ones: the good ones are still checked, the run exits 2", async () => {
  const json = path.join(fx.dir, "mixed.json");
  const run = await runCli(["check", fx.disdik, fx.broken.encrypted, "--json", json]);
  expect(run.code).toBe(2);
  expect(run.stderr.trim().split("\n")).toEqual([
    `cek-honorer: ${fx.broken.encrypted}: ${cliMessage("fileEncrypted", "id")}`,
  ]);
  const report = await readJson<JsonSeveral>(json);
  expect(report.files.map((f) => f.file)).toEqual([fx.disdik]);
  expect(report.unreadable).toEqual([{ file: fx.broken.encrypted, reason: cliMessage("fileEncrypted", "id") }]);
});

test("a zip whose contents are damaged: exit 2 with one line, in memory and streaming", async () => {
  const file = fx.broken.corruptInside;
  const [inMemory, streamed] = await Promise.all([runCli(["check", file]), runCli(["check", file, "--streaming"])]);
  const corrupt = cliMessage("fileCorrupt", "id", { detail: "" }).split("(")[0];
  expectOneLineFailure(inMemory, `${file}: ${corrupt}`);
  // The streaming reader may stop without an error instead of failing; either way one line names the file.
  const stalled = `${file}: ${cliMessage("stalled", "id")}`;
  expectOneLineFailure(streamed, streamed.stderr.includes(stalled) ? stalled : `${file}: ${corrupt}`);
});
