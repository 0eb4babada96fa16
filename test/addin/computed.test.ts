/**
 * "Hitung Masa Kerja" and "Kontrak 31 Des": computed columns beside each personnel table,
 * updated in place on every run, never over the user's data, removed by "Hapus Tanda".
 */
import { DATE_FORMAT, MARK_COLORS } from "../../src/core/annotations";
import { DEFAULT_POLICY } from "../../src/core/policy";
import { lookOfStyle } from "../../src/core/output";
import { CUTOFF_ANSWERS } from "../../src/core/vocabulary";
import { LABELS } from "../../src/addin/vocabulary";
import { createHost, readValues, type ExcelHost } from "../host";
import { act, cells, userSheets } from "./helpers";
import { DATE, date, personnelSheet, serial, smallPeople } from "./fixtures";

function workbook(apiVersion = "1.17", extra: Parameters<typeof personnelSheet>[2] = {}): ExcelHost {
  return createHost(
    [personnelSheet("Data", smallPeople(), { tables: [{ name: "Pegawai", address: "A3:I8" }], ...extra })],
    { apiVersion },
  );
}

const HEADERS = [
  LABELS.colStartRead.id,
  LABELS.colTenure.id,
  LABELS.colTenureMonths.id,
  LABELS.colMeetsTenure.id,
  LABELS.colAge.id,
  LABELS.colCutoff.id,
  LABELS.colEndRead.id,
  LABELS.colCategory.id,
  LABELS.colIssues.id,
  LABELS.colPath.id,
];

describe.each(["1.17", "1.1"])("computed columns on ExcelApi %s", (apiVersion) => {
  test("are written right of the table: dates as serials with a date format, numbers as numbers, text as text", async () => {
    const host = workbook(apiVersion);
    const outcome = await act(host, "tenure");
    expect(outcome.ok).toBe(true);
    expect(outcome.message).toBe(LABELS.xlDoneTenure.id.replace("{people}", "5"));
    expect(readValues(host.model, "Data", "J3:S3")).toEqual([HEADERS]);
    expect(readValues(host.model, "Data", "J4:Q4")).toEqual([
      // Issue 7: the cut-off answer in words, and the end date as read (none here) instead of a day count.
      [
        serial(2020, 1, 1),
        "6 tahun 0 bulan",
        72,
        "Ya",
        35,
        CUTOFF_ANSWERS["no-end-date"].id,
        "",
        "Memenuhi syarat PPPK",
      ],
    ]);
    expect(readValues(host.model, "Data", "J8:M8")).toEqual([[serial(2024, 6, 1), "1 tahun 7 bulan", 19, "Tidak"]]);
    const data = cells(host, "Data");
    expect(data.J4.numberFormat).toBe(DATE_FORMAT);
    expect(data.L4.numberFormat).toBeUndefined();
    expect(data.J3.bold).toBe(true);
    // The table is not stretched over the computed columns; the signature block is untouched.
    expect(host.model.sheet("Data")!.tables[0].rect).toEqual({ top: 2, left: 0, bottom: 7, right: 8 });
    expect(readValues(host.model, "Data", "L10:L11")).toEqual([["Balikpapan, 1 Desember 2025"], ["Kepala Dinas"]]);
    expect(host.stats.failures).toEqual([]);
  });

  test("re-running updates them in place: no second set, values follow the policy", async () => {
    const host = workbook(apiVersion);
    await act(host, "tenure");
    const first = userSheets(host);
    await act(host, "tenure");
    expect(userSheets(host)).toEqual(first);
    await act(host, "tenure", { policy: { ...DEFAULT_POLICY, referenceDate: "2026-06-30" } });
    expect(readValues(host.model, "Data", "J3:L4")).toEqual([
      HEADERS.slice(0, 3),
      [serial(2020, 1, 1), "6 tahun 6 bulan", 78],
    ]);
    // Nothing beyond the ten columns.
    expect(
      readValues(host.model, "Data", "T3:AB8")
        .flat()
        .every((v) => v === ""),
    ).toBe(true);
  });

  test("the headers look as on the command line (core lookOfStyle): bold, fill, border, wrapped; clear takes it away", async () => {
    // Nothing of the user's right of the table (no signature block): the block had Excel's
    // default look, so Hapus Tanda can clear its formats whole, borders and wrap included.
    const rows = personnelSheet("Data", smallPeople()).rows?.slice(0, 8) ?? [];
    const host = createHost([{ name: "Data", rows }], { apiVersion });
    await act(host, "tenure");
    const sheet = host.model.sheet("Data")!;
    const header = lookOfStyle("header");
    expect([header.bold, header.border, header.wrap, header.verticalAlign]).toEqual([true, true, true, "middle"]);
    const data = cells(host, "Data");
    for (let c = 9; c <= 18; c++) {
      const address = `${String.fromCharCode(65 + c)}3`; // J3..S3
      expect([address, data[address]?.bold, data[address]?.fill]).toEqual([address, true, header.fill]);
      expect([address, sheet.extraFormat(2, c, "wrapText"), sheet.extraFormat(2, c, "verticalAlignment")]).toEqual([
        address,
        true,
        "Center",
      ]);
      for (const edge of ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"])
        expect([address, edge, sheet.extraFormat(2, c, `border:${edge}`)]).toEqual([address, edge, "Continuous"]);
    }
    // Between the headers too, and only there: the data cells below get no border.
    expect(sheet.extraFormat(2, 10, "border:InsideVertical")).toBe("Continuous");
    expect(sheet.extraFormat(3, 9, "border:EdgeTop")).toBeNull();
    await act(host, "clear");
    for (let c = 9; c <= 18; c++) {
      expect(sheet.extraFormat(2, c, "wrapText")).toBeNull();
      expect(sheet.extraFormat(2, c, "border:EdgeTop")).toBeNull();
    }
  });

  test("then clear leaves every user cell exactly as before, formats of the target cells included", async () => {
    // The user had formatted the empty cells where the columns go.
    const host = workbook(apiVersion, {
      fills: [{ address: "J3:R8", color: "#EEEEEE" }],
      numberFormats: [{ address: "J4:J8", format: "0.00" }],
    });
    const before = userSheets(host);
    await act(host, "tenure");
    expect(cells(host, "Data").J4.numberFormat).toBe(DATE_FORMAT);
    expect(cells(host, "Data").J3.fill).toBe("#DDEBF7");
    // The user's own formats here: no border or wrap, which Hapus Tanda could not take back.
    expect(host.model.sheet("Data")!.extraFormat(2, 9, "border:EdgeTop")).toBeNull();
    await act(host, "clear");
    expect(userSheets(host)).toEqual(before);
  });
});

test("a shorter table on the next run: the rows left over are cleared, the signature block kept", async () => {
  const host = workbook();
  const before = userSheets(host);
  await act(host, "tenure");
  // The user empties the last person's row.
  const sheet = host.model.sheet("Data")!;
  for (let c = 0; c < 9; c++) sheet.setValue(7, c, null);
  sheet.setNumberFormat(7, 3, "General");
  sheet.setNumberFormat(7, 7, "General");
  sheet.setNumberFormat(7, 8, "General");
  await act(host, "tenure");
  expect(
    readValues(host.model, "Data", "J8:R8")
      .flat()
      .every((v) => v === ""),
  ).toBe(true);
  expect(readValues(host.model, "Data", "L10:L11")).toEqual([["Balikpapan, 1 Desember 2025"], ["Kepala Dinas"]]);
  await act(host, "clear");
  const after = userSheets(host)[0].cells;
  // Everything but the emptied row is as it was.
  for (const [address, state] of Object.entries(before[0].cells))
    if (!/^[A-I]8$/.test(address)) expect([address, after[address]]).toEqual([address, state]);
  expect(Object.keys(after).filter((a) => /^[J-R][3-8]$/.test(a))).toEqual([]);
});

test("user data where the columns would go: a clear message and nothing written on that sheet", async () => {
  const host = workbook();
  host.model.sheet("Data")!.setValue(5, 11, "catatan saya");
  const before = userSheets(host);
  const outcome = await act(host, "tenure");
  expect(outcome.ok).toBe(true);
  expect(outcome.message).toContain(LABELS.xlConflict.id.replace("{columns}", "L").replace("{sheet}", "Data"));
  expect(userSheets(host)).toEqual(before);
});

test("a column the user took over (its header replaced) is left to the user", async () => {
  const host = workbook();
  await act(host, "tenure");
  host.model.sheet("Data")!.setValue(2, 17, "Catatan Kepala");
  await act(host, "clear");
  expect(readValues(host.model, "Data", "R3")).toEqual([["Catatan Kepala"]]);
  expect(
    readValues(host.model, "Data", "J3:Q4")
      .flat()
      .every((v) => v === ""),
  ).toBe(true);
});

test("Kontrak 31 Des flags the rows whose contract ends at the cut-off, writes the report, and clear restores", async () => {
  const people = smallPeople();
  // Ani is PPPK: not a non-ASN contract.
  const host = createHost([
    personnelSheet("Data", [{ ...people[0], status: "PPPK" }, people[4]], {
      fills: [{ address: "B5", color: "#FFC000" }],
    }),
  ]);
  const before = userSheets(host);
  const outcome = await act(host, "cutoff");
  expect(outcome.message).toBe(
    LABELS.xlDoneCutoff.id
      .replace("{count}", "1")
      .replace("{cutoff}", "31-12-2025")
      .replace("{report}", LABELS.sheetReport.id),
  );
  const data = cells(host, "Data");
  expect(data.B5.fill).toBe(MARK_COLORS.cutoff);
  expect(data.B4.fill).toBeUndefined();
  expect(host.model.sheet(LABELS.sheetReport.id)).not.toBeNull();
  await act(host, "clear");
  expect(userSheets(host)).toEqual(before);
});

test("a mark and a cut-off flag on the same cell: each comes and goes on its own", async () => {
  const people = smallPeople();
  const host = createHost([personnelSheet("Data", [{ ...people[0], name: { error: "#REF!" } }])]);
  await act(host, "all");
  expect(cells(host, "Data").B4.fill).toBe(MARK_COLORS.error);
  host.model.sheet("Data")!.setValue(3, 1, "Ani");
  await act(host, "check");
  expect(cells(host, "Data").B4.fill).toBe(MARK_COLORS.cutoff);
  await act(host, "clear");
  expect(cells(host, "Data").B4.fill).toBeUndefined();
});

test("dates typed as text in the sheet still give computed dates", async () => {
  const host = createHost([
    personnelSheet("Data", [{ ...smallPeople()[0], tmt: "01-01-2024", birth: date(1990, 3, 12) }]),
  ]);
  await act(host, "tenure");
  expect(readValues(host.model, "Data", "J4:L4")).toEqual([[serial(2024, 1, 1), "2 tahun 0 bulan", 24]]);
  expect(cells(host, "Data").D4.numberFormat).toBe(DATE);
});
