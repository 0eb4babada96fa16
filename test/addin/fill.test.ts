/**
 * "No fill" against a white fill (office-js #4900, #6218): real Excel reports pattern null and
 * color "#FFFFFF" for both. Marking then clearing must give every cell its own fill back: no
 * fill stays no fill (gridlines visible, #2349), a white fill stays white, in both the
 * documented answers and real Excel's.
 */
import { MARK_COLORS } from "../../src/core/annotations";
import { createHost, type ExcelHost } from "../host";
import { act, cells, userSheets } from "./helpers";
import { personnelSheet, smallPeople } from "./fixtures";

type Mode = "documented" | "real-excel";

/**
 * Faulty cells (worked out in check.test.ts): C5 (NIK too short), C6 (NIK a number), H7 (#N/A).
 * C5 has an explicit white fill, C6 and H7 none; row 7 left of H7 is white, so H7's
 * neighbourhood mixes white and no fill; D4 is yellow (a colour that is never ambiguous).
 */
function workbook(apiVersion: string, fillReporting: Mode): ExcelHost {
  return createHost(
    [
      personnelSheet("Data", smallPeople(), {
        fills: [
          { address: "C5", color: "#FFFFFF" },
          { address: "A7:G7", color: "#FFFFFF" },
          { address: "D4", color: "#FFFF00" },
        ],
      }),
    ],
    { apiVersion, fillReporting },
  );
}

describe.each<[string, Mode]>([
  ["1.17", "documented"],
  ["1.17", "real-excel"],
  ["1.9", "real-excel"],
])("ExcelApi %s, fills reported as %s", (apiVersion, mode) => {
  test.each(["check", "all", "cutoff"] as const)("%s then Hapus Tanda leaves every fill as it was", async (kind) => {
    const host = workbook(apiVersion, mode);
    const before = userSheets(host);
    const outcome = await act(host, kind);
    expect(outcome.ok).toBe(true);
    if (kind !== "cutoff") expect(cells(host, "Data").C6.fill).toBe(MARK_COLORS.error);
    expect((await act(host, "clear")).ok).toBe(true);
    expect(userSheets(host)).toEqual(before);
    const data = cells(host, "Data");
    expect(data.C5.fill).toBe("#FFFFFF");
    expect(data.C6.fill).toBeUndefined(); // no fill: gridlines show again
    expect(data.H7.fill).toBeUndefined();
    expect(host.stats.failures).toEqual([]);
  });

  test("two checks, then Hapus Tanda: still every fill as it was", async () => {
    const host = workbook(apiVersion, mode);
    const before = userSheets(host);
    await act(host, "check");
    await act(host, "all");
    await act(host, "clear");
    expect(userSheets(host)).toEqual(before);
  });
});

test("ExcelApi 1.1 cannot tell a white fill from no fill: it takes no fill (gridlines stay visible)", async () => {
  const host = workbook("1.1", "real-excel");
  await act(host, "check");
  await act(host, "clear");
  const data = cells(host, "Data");
  expect(data.C6.fill).toBeUndefined();
  expect(data.H7.fill).toBeUndefined();
  // The one loss, and the lesser one: an explicit white fill comes back as no fill.
  expect(data.C5.fill).toBeUndefined();
});
