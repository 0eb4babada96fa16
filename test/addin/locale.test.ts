/**
 * Dates and formats under the user's locale (office-js #229, #1559, #2824): the same
 * workbook opened under en-US and under id-ID (decimal comma, ";" between arguments,
 * "Umum" for General) gives the same results and the same written cells, and check +
 * Hapus Tanda leaves every cell as it was, also where Excel on the web reports number
 * formats in the account's locale (#2824).
 */
import { invariantFormat } from "../../src/addin/locale";
import { LABELS } from "../../src/addin/vocabulary";
import { createHost, type ExcelHost, type Locale, readValues, workbookState } from "../host";
import { act, cells, userSheets } from "./helpers";
import { date, nik, personnelSheet, serial, smallPeople } from "./fixtures";

type Reporting = "api" | "account-locale";

const MODES: [string, Locale, Reporting][] = [
  ["en-US", "en-US", "api"],
  ["id-ID", "id-ID", "api"],
  ["id-ID, formats in the account's locale (#2824)", "id-ID", "account-locale"],
];

/**
 * smallPeople (worked in check.test.ts: C5 NIK too short, C6 a NIK stored as a number that
 * lost its last digit, H7 #N/A) and two more people whose dates carry the formats an
 * Indonesian office uses: the system short date (reads "m/d/yyyy", shows 12/03/1990 under
 * id-ID, #229), "[$-421]dd mmmm yyyy" (shows "12 Maret 1990") and a date typed as text.
 * J3:K9, where computed columns go, holds the user's formats: "#,##0.00" (reads "#.##0,00" in
 * the id-ID form), "0.0%" and General with a fill (so its original is read, "Umum" in id-ID form).
 */
function workbook(locale: Locale, numberFormatReporting: Reporting, apiVersion = "1.17"): ExcelHost {
  const people = [
    ...smallPeople(),
    {
      name: "Fajar",
      nik: nik([1990, 3, 12], false, 6),
      birth: { value: serial(1990, 3, 12), numberFormat: "m/d/yyyy" },
      gender: "L",
      tmt: { value: serial(2018, 2, 1), numberFormat: "[$-421]dd mmmm yyyy" },
      end: date(2025, 12, 31),
    },
    {
      name: "Gita",
      nik: nik([1992, 11, 5], true, 7),
      birth: "05/11/1992",
      gender: "P",
      tmt: "1 Februari 2019",
    },
  ];
  return createHost(
    [
      personnelSheet("Data", people, {
        numberFormats: [
          { address: "J3:J9", format: "#,##0.00" },
          { address: "K3:K9", format: "0.0%" },
        ],
        fills: [{ address: "L4:L9", color: "#FFFF00" }],
      }),
    ],
    { locale, numberFormatReporting, apiVersion },
  );
}

/** The outcome without what differs from run to run (none of it depends on the locale). */
async function run(host: ExcelHost, kind: "check" | "all"): Promise<unknown> {
  const outcome = await act(host, kind);
  expect(outcome.ok).toBe(true);
  return { message: outcome.messages, counts: outcome.counts, problems: outcome.problems, cutoff: outcome.cutoff };
}

describe.each(["1.17", "1.1"])("ExcelApi %s", (apiVersion) => {
  test.each(["check", "all"] as const)("%s: the same results and cells under en-US and id-ID", async (kind) => {
    const results = [];
    for (const [, locale, reporting] of MODES) {
      const host = workbook(locale, reporting, apiVersion);
      const outcome = await run(host, kind);
      const report = workbookState(host.model, (n) => n === LABELS.sheetReport.id);
      results.push({ outcome, user: userSheets(host), report });
      expect(host.stats.failures).toEqual([]);
    }
    expect(results[1]).toEqual(results[0]);
    expect(results[2]).toEqual(results[0]);
  });

  // Formats in the account's locale come from Excel on the web, which has every set: on ExcelApi 1.1
  // (no numberFormatLocal, no cultureInfo) a "#.##0,00" read there could not be told from en-US.
  const modes = apiVersion === "1.1" ? MODES.filter(([, , r]) => r === "api") : MODES;
  test.each(modes)("%s: check, all, then Hapus Tanda leave every cell as it was", async (_, locale, reporting) => {
    const host = workbook(locale, reporting, apiVersion);
    const before = userSheets(host);
    await act(host, "check");
    await act(host, "all");
    expect((await act(host, "clear")).ok).toBe(true);
    expect(userSheets(host)).toEqual(before);
  });
});

test("dates are read the same under both locales, and written as serials shown dd-mm-yyyy", async () => {
  for (const [, locale, reporting] of MODES) {
    const host = workbook(locale, reporting);
    const outcome = await act(host, "all");
    // Fajar (row 9): birth 12-03-1990 in the system short date, TMT 1 Feb 2018 in the Indonesian
    // long date; Gita (row 10): both typed as text. Neither has a date problem.
    expect(outcome.problems.filter((p) => p.row === 9 || p.row === 10)).toEqual([]);
    const data = cells(host, "Data");
    const header = readValues(host.model, "Data", "J3:Z3")[0];
    const tmt = header.findIndex((h) => typeof h === "string" && /^TMT/i.test(h));
    expect(tmt).toBeGreaterThanOrEqual(0);
    const column = String.fromCharCode(74 + tmt); // J + offset
    // Written as the serial of 2018-02-01 (43132), with a format that reads the same in every locale.
    expect(data[`${column}9`]).toMatchObject({ value: 43132, numberFormat: "dd-mm-yyyy" });
  }
});

test("a format read in the locale's form is turned back into en-US only where it can be told", () => {
  // Reads differ: numberFormat is the en-US form, as documented.
  expect(invariantFormat("#,##0.00", "#.##0,00", ",")).toBe("#,##0.00");
  // Both in the locale's form (#2824): separators swapped back; General from its Indonesian name.
  expect(invariantFormat("#.##0,00", "#.##0,00", ",")).toBe("#,##0.00");
  expect(invariantFormat("Umum", "Umum", ",")).toBe("General");
  expect(invariantFormat("Umum", null, null)).toBe("General");
  // Dates keep "." and "," as literal text; quoted text is never touched; en-US needs nothing.
  expect(invariantFormat("dd.mm.yyyy", "dd.mm.yyyy", ",")).toBe("dd.mm.yyyy");
  expect(invariantFormat('0,0" kg."', '0,0" kg."', ",")).toBe('0.0" kg."');
  expect(invariantFormat("#,##0.00", "#,##0.00", ".")).toBe("#,##0.00");
});
