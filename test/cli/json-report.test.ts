/**
 * End to end: `cek-honorer check` on the fixture workbook, in memory and streaming, with
 * the JSON report compared to the fixture tables.
 */
import * as path from "path";
import type { FixturePaths } from "../fixtures/make-fixtures";
import { DINKES, DISDIK } from "../fixtures/make-fixtures";
import { issueMessage, issueTitle } from "../../src/core/vocabulary";
import { cliMessage } from "../../src/cli/messages";
import { expectBookMatches } from "./expectations";
import { type CliRun, type JsonWorkbook, readJson, runCli, suiteFixtures } from "./helpers";

// Each test runs the CLI in a child process; on a busy 2-core machine that can take many
// seconds, so no test here has a time limit of its own (package.json's testTimeout only
// bounds a hang).

let fx: FixturePaths;
let inMemory: CliRun;
let streamed: CliRun;
let english: CliRun;
let report: JsonWorkbook;
const out = (name: string): string => path.join(fx.dir, name);

beforeAll(async () => {
  fx = await suiteFixtures("json-report");
  [inMemory, streamed, english] = await Promise.all([
    runCli(["check", fx.dinkes, "--json", out("report.json")]),
    runCli(["check", fx.dinkes, "--streaming", "--json", out("report-streamed.json")]),
    runCli(["check", fx.dinkes, "--lang", "en", "--json", out("report-en.json")]),
  ]);
  report = await readJson<JsonWorkbook>(out("report.json"));
});

test("a workbook with errors exits 1 and prints nothing on stderr", () => {
  expect(inMemory.stderr).toBe("");
  expect(inMemory.code).toBe(1);
  expect(report.summary.bySeverity.error).toBeGreaterThan(0);
});

test("sheets, header rows, columns, categories, tenures, issues and JP tallies match the fixture", () => {
  expectBookMatches(DINKES, report, false);
});

test("the policy used is written into the report", () => {
  expect(report.policy).toMatchObject({ referenceDate: "2025-12-31", cutoffDate: "2025-12-31", minTenureMonths: 24 });
});

test("the streaming reader gives the very same report", async () => {
  expect(streamed.code).toBe(1);
  expect(await readJson(out("report-streamed.json"))).toEqual(report);
});

test("messages are rendered from the vocabulary, in Bahasa Indonesia by default and in English with --lang en", async () => {
  const en = await readJson<JsonWorkbook>(out("report-en.json"));
  const issues = (wb: JsonWorkbook) => wb.sheets.flatMap((s) => s.rows.flatMap((r) => r.issues));
  const idIssues = issues(report);
  const enIssues = issues(en);
  expect(enIssues.map((i) => i.code)).toEqual(idIssues.map((i) => i.code));
  idIssues.forEach((issue, i) => {
    expect((issue as { title?: string }).title).toBe(issueTitle(issue.code as never, "id"));
    expect((enIssues[i] as { title?: string }).title).toBe(issueTitle(issue.code as never, "en"));
    expect(enIssues[i].message).not.toBe(issue.message);
  });
  const missingNik = (wb: JsonWorkbook) => issues(wb).find((i) => i.code === "missing-value");
  expect(missingNik(report)?.message).toBe(issueMessage("missing-value", "id", { role: "nik" }));
  expect(missingNik(en)?.message).toBe(issueMessage("missing-value", "en", { role: "nik" }));
});

test("stdout holds a short summary: counts by severity and where the report went", () => {
  const { error, warning } = report.summary.bySeverity;
  expect(inMemory.stdout).toContain(cliMessage("summaryIssues", "id", { errors: error, warnings: warning }));
  expect(inMemory.stdout).toContain(cliMessage("summaryWroteJson", "id", { path: out("report.json") }));
  expect(english.stdout).toContain(cliMessage("summaryIssues", "en", { errors: error, warnings: warning }));
  // No personal data on stdout: no name and no NIK of the fixture.
  const firstPerson = report.sheets[0].rows[0];
  expect(inMemory.stdout).not.toContain(firstPerson.name as string);
  expect(inMemory.stdout).not.toContain(firstPerson.nik as string);
});

test("policy flags change the check: a later reference date adds its months to open-ended service", async () => {
  const run = await runCli([
    "check",
    fx.disdik,
    "--reference-date",
    "2026-06-30",
    "--cutoff=2026-06-30",
    "--min-months",
    "30",
    "--json",
    out("later.json"),
  ]);
  expect(run.stderr).toBe("");
  const later = await readJson<JsonWorkbook>(out("later.json"));
  expect(later.policy).toMatchObject({ referenceDate: "2026-06-30", cutoffDate: "2026-06-30", minTenureMonths: 30 });
  const sheet = DISDIK.sheets[0];
  let checked = 0;
  later.sheets[0].rows.forEach((row, i) => {
    const expected = sheet.rows[i].expect;
    if (expected === undefined || !("tenureMonths" in expected) || expected.tenureMonths === null) return;
    if (sheet.rows[i].cells["endDate"] !== null) return;
    // An open-ended contract: six more months of service.
    expect(row.tenure?.totalMonths).toBe(expected.tenureMonths + 6);
    expect(row.meetsMinTenure).toBe(expected.tenureMonths + 6 >= 30);
    checked++;
  });
  expect(checked).toBeGreaterThanOrEqual(3);
});
