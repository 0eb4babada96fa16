/**
 * "Periksa Data" on the test host: faulty cells are marked, the report links to them, the
 * summary has its chart; the user's cells are exactly as before after "Hapus Tanda".
 */
import { NO_COUNTS } from "../../src/addin/outcome";
import { MARK_COLORS } from "../../src/core/annotations";
import { LABELS } from "../../src/addin/vocabulary";
import { createHost, readValues, sheetLayout, type ExcelHost } from "../host";
import { act, cells, userSheets } from "./helpers";
import { date, nik, personnelSheet, smallPeople, trainingSheet } from "./fixtures";

function workbook(apiVersion = "1.17"): ExcelHost {
  return createHost(
    [
      personnelSheet("Data", smallPeople(), {
        // The user's own fill on a cell that gets marked, and on its neighbour (a mixed area).
        fills: [
          { address: "C5", color: "#FFFF00" },
          { address: "A4:I4", color: "#E2EFDA" },
        ],
        tables: [{ name: "Pegawai", address: "A3:I8" }],
        hiddenRows: [5],
      }),
      {
        name: "Catatan",
        rows: [["Catatan bebas", { formula: "=1+1", value: 2 }]],
        numberFormats: [{ address: "B1", format: "0.00" }],
      },
    ],
    { apiVersion },
  );
}

const report = LABELS.sheetReport.id;

describe.each(["1.17", "1.1"])("check on ExcelApi %s", (apiVersion) => {
  test("marks every faulty cell with its severity colour, hidden rows included", async () => {
    const host = workbook(apiVersion);
    const outcome = await act(host, "check");
    expect(outcome.ok).toBe(true);
    expect(outcome.counts).toMatchObject({ errors: 3, warnings: 1, people: 5 });
    // Issue 7: the pane is told which column each role was read from, and which roles were not found.
    const read = outcome.columns?.find((c) => c.sheet === "Data");
    expect(read?.found.map((f) => `${f.role}=${f.column}`)).toContain("nik=C");
    expect(read?.found.every((f) => !f.corrected)).toBe(true);
    expect(Array.isArray(read?.notFound)).toBe(true);
    expect(outcome.counts.byCode).toEqual({
      "nik-invalid": 1,
      "nik-precision-lost": 1,
      "excel-error": 1,
      "header-not-found": 1,
    });
    expect(outcome.problems.map((p) => `${p.sheet}!${p.address} ${p.code}`)).toEqual([
      "Data!C5 nik-invalid", // row 5 is hidden: still checked
      "Data!C6 nik-precision-lost",
      "Data!H7 excel-error",
      "Catatan!A1 header-not-found",
    ]);
    const data = cells(host, "Data");
    expect(data.C5.fill).toBe(MARK_COLORS.error);
    expect(data.C6.fill).toBe(MARK_COLORS.error);
    expect(data.H7.fill).toBe(MARK_COLORS.error);
    expect(data.C4.fill).toBe("#E2EFDA");
    expect(data.B4.fill).toBe("#E2EFDA");
    expect(outcome.selectSheet).toBe(report);
    expect(host.model.activeSheet).toBe(report);
    expect(host.stats.failures).toEqual([]);
  });

  test("writes a report with a link per problem and a summary with a chart", async () => {
    const host = workbook(apiVersion);
    await act(host, "check");
    // The place and the person first, the code last.
    expect(readValues(host.model, report, "A3:G6")).toEqual([
      ["Lembar", "Sel", "Nama", "Tingkat", "Masalah", "Keterangan", "Kode"],
      [
        "Data",
        "C5",
        expect.any(String),
        "Kesalahan",
        "NIK tidak valid",
        'NIK "647105120390" tidak valid: harus 16 digit (ada 12).',
        "nik-invalid",
      ],
      [
        "Data",
        "C6",
        expect.any(String),
        "Kesalahan",
        expect.any(String),
        expect.stringContaining("6.47106E+15"),
        "nik-precision-lost",
      ],
      [
        "Data",
        "H7",
        expect.any(String),
        "Kesalahan",
        "Sel berisi kode kesalahan Excel",
        expect.stringContaining("#N/A"),
        "excel-error",
      ],
    ]);
    // Each problem names its person, from the name column of its row.
    const names = readValues(host.model, report, "C4:C6").map((r) => r[0]);
    expect(names.every((n) => typeof n === "string" && n.length > 0)).toBe(true);
    const link = cells(host, report).B4;
    if (apiVersion === "1.1") {
      // Range.hyperlink is ExcelApi 1.7: before it, a HYPERLINK formula in en-US syntax.
      expect(link.formula).toBe(`=HYPERLINK("#'Data'!C5","C5")`);
    } else expect(link.link).toBe("'Data'!C5");
    const summary = host.model.sheet(LABELS.sheetSummary.id)!;
    expect(summary.charts).toHaveLength(1);
    expect(summary.charts[0]).toMatchObject({ type: "ColumnClustered", title: LABELS.byCategory.id });
    expect(summary.charts[0].sourceAddress).toMatch(/^'CH Ringkasan'!A\d+:B\d+$/);
  });

  test("check then clear leaves every user cell exactly as before: values, formulas, formats, fills", async () => {
    const host = workbook(apiVersion);
    const before = userSheets(host);
    await act(host, "check");
    expect(userSheets(host)).not.toEqual(before);
    const cleared = await act(host, "clear");
    expect(cleared.ok).toBe(true);
    expect(cleared.message).toBe(LABELS.xlDoneClear.id);
    expect(userSheets(host)).toEqual(before);
    // The report sheets go, as the button's tooltip says: no empty sheet is left behind.
    expect(host.model.sheet(report)).toBeNull();
    expect(host.model.sheet(LABELS.sheetSummary.id)).toBeNull();
    expect(host.stats.sheetDeletes).toBe(2);
    expect(cleared.state).toBe("cleared");
    expect(cleared.counts).toEqual(NO_COUNTS);
  });

  test("running check twice changes nothing more, and clear still restores", async () => {
    const host = workbook(apiVersion);
    const before = userSheets(host);
    await act(host, "check");
    const once = userSheets(host);
    const reportOnce = readValues(host.model, report, "A1:F10");
    await act(host, "check");
    expect(userSheets(host)).toEqual(once);
    expect(readValues(host.model, report, "A1:F10")).toEqual(reportOnce);
    expect(host.model.sheets.map((s) => s.name).sort()).toEqual([
      "CH Laporan",
      "CH Ringkasan",
      "CH_State",
      "Catatan",
      "Data",
    ]);
    await act(host, "clear");
    expect(userSheets(host)).toEqual(before);
  });
});

test("a fixed cell loses its mark on the next check, and gets its own fill back", async () => {
  const host = workbook();
  await act(host, "check");
  host.model.sheet("Data")!.setValue(4, 2, nik([1990, 3, 12], false, 2));
  await act(host, "check");
  expect(cells(host, "Data").C5.fill).toBe("#FFFF00");
  expect(cells(host, "Data").C6.fill).toBe(MARK_COLORS.error);
});

test("an error value is told from text that spells one (valueTypes)", async () => {
  const people = smallPeople();
  const host = createHost([
    personnelSheet("Data", [
      { ...people[0], name: "#N/A" },
      { ...people[0], name: { error: "#N/A" }, nik: nik([1990, 3, 12], true, 9) },
    ]),
  ]);
  const outcome = await act(host, "check");
  expect(outcome.problems.map((p) => `${p.address} ${p.code}`)).toEqual(["B5 excel-error"]);
});

test("the state sheet is very hidden where ExcelApi 1.2 allows, and stays visible on 1.1", async () => {
  const modern = workbook("1.17");
  await act(modern, "check");
  expect(modern.model.sheet("CH_State")!.visibility).toBe("VeryHidden");
  const old = workbook("1.1");
  await act(old, "check");
  expect(old.model.sheet("CH_State")!.visibility).toBe("Visible");
});

test("the report and summary are written in English when asked, and the Indonesian ones are removed", async () => {
  const host = workbook();
  await act(host, "check");
  await act(host, "check", { lang: "en" });
  expect(readValues(host.model, LABELS.sheetReport.en, "A1")).toEqual([[LABELS.reportTitle.en]]);
  expect(host.model.sheet(report)).toBeNull();
  expect(host.model.sheet(LABELS.sheetSummary.id)).toBeNull();
});

test("where the workbook's structure is protected, Hapus Tanda empties the report sheets it cannot remove", async () => {
  const host = workbook();
  await act(host, "check");
  host.model.structureProtected = true;
  const cleared = await act(host, "clear");
  expect(cleared.state).toBe("cleared");
  expect(host.model.sheet(report)!.usedRect(true)).toBeNull();
});

test("the JP tally sheet keeps 18-digit NIPs as text", async () => {
  const nip = "198105092006041001";
  const host = createHost([
    trainingSheet("Pelatihan", [
      [nip, "Rina", "PNS", "Pelatihan A", date(2025, 3, 1), 8],
      [nip, "Rina", "PNS", "Pelatihan B", date(2025, 6, 1), 4],
    ]),
  ]);
  const outcome = await act(host, "training");
  expect(outcome.ok).toBe(true);
  const tally = LABELS.sheetTally.id;
  expect(outcome.selectSheet).toBe(tally);
  expect(readValues(host.model, tally, "A4:F4")).toEqual([[nip, "Rina", "PNS", 2025, 12, "Kurang dari minimum"]]);
});

test("ExcelApi 1.1 gives the same workbook as 1.17: marks, computed columns, report and tally", async () => {
  const modern = workbook("1.17");
  const old = workbook("1.1");
  const a = await act(modern, "all");
  const b = await act(old, "all");
  expect(b).toEqual(a);
  expect(userSheets(old)).toEqual(userSheets(modern));
  for (const sheet of [LABELS.sheetReport.id, LABELS.sheetSummary.id, LABELS.sheetTally.id]) {
    expect(readValues(old.model, sheet, "A1:J40")).toEqual(readValues(modern.model, sheet, "A1:J40"));
  }
  expect(old.stats.failures).toEqual([]);
});

test("a white fill under a mark: kept on 1.9+ (fill.pattern), read as no fill on 1.1 (a known limit)", async () => {
  const build = (apiVersion: string): ExcelHost =>
    createHost([personnelSheet("Data", smallPeople(), { fills: [{ address: "C5", color: "#FFFFFF" }] })], {
      apiVersion,
    });
  const modern = build("1.17");
  await act(modern, "check");
  await act(modern, "clear");
  expect(cells(modern, "Data").C5.fill).toBe("#FFFFFF");
  const old = build("1.1");
  await act(old, "check");
  await act(old, "clear");
  expect(cells(old, "Data").C5.fill).toBeUndefined();
});

describe("the report sheets' view and print set-up", () => {
  test("ExcelApi 1.9+: the report has a frozen, filtered header and prints landscape, one page wide, header on every page", async () => {
    const host = workbook("1.17");
    await act(host, "check");
    const rows = host.model.sheet(report)!.usedRect(true)!.bottom + 1;
    expect(sheetLayout(host.model.sheet(report)!)).toEqual({
      frozenRows: 3,
      filter: `A3:G${rows}`,
      orientation: "Landscape",
      paperSize: "A4",
      fitWide: 1,
      fitTall: null,
      printTitleRows: "$3:$3",
      printArea: `A1:G${rows}`,
    });
    // The summary is one portrait page.
    expect(sheetLayout(host.model.sheet(LABELS.sheetSummary.id)!)).toMatchObject({
      orientation: "Portrait",
      fitWide: 1,
      fitTall: 1,
    });
    // Headers and long texts wrap, so nothing is cut.
    expect(cells(host, report).A3.other).toMatchObject({ wrapText: true });
    expect(cells(host, report).F4.other).toMatchObject({ wrapText: true });
  });

  test("ExcelApi 1.7 freezes the header only; 1.1 leaves the set-up as Excel's default", async () => {
    const mid = workbook("1.7");
    await act(mid, "check");
    expect(sheetLayout(mid.model.sheet(report)!)).toEqual({ frozenRows: 3 });
    const old = workbook("1.1");
    await act(old, "check");
    expect(sheetLayout(old.model.sheet(report)!)).toEqual({});
  });

  test("the summary names the office from the title rows, and when the check ran", async () => {
    const host = workbook("1.17");
    await act(host, "check");
    const top = readValues(host.model, LABELS.sheetSummary.id, "A1:A3").map((r) => r[0]);
    expect(top[0]).toBe(LABELS.summaryTitle.id);
    // personnelSheet's title row (fixtures.ts): "DAFTAR TENAGA NON ASN DINAS KESEHATAN".
    expect(top[1]).toBe("Perangkat daerah: DINAS KESEHATAN");
    expect(top[2]).toMatch(/^Diperiksa: \d{2}-\d{2}-\d{4} pukul \d{2}:\d{2}$/);
  });
});

// Issue 7: a correction saved in the workbook is used by every later action.
test("column corrections given to an action move the role for that sheet", async () => {
  const host = workbook("1.17");
  const outcome = await act(host, "check", { columns: { Data: { nik: "-" } } });
  const read = outcome.columns?.find((c) => c.sheet === "Data");
  expect(read?.found.some((f) => f.role === "nik")).toBe(false);
  expect(read?.notFound).toContain("nik");
  expect(outcome.counts.byCode["nik-invalid"]).toBeUndefined();
});
