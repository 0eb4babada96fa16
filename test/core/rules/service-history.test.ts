import { text } from "../../../src/core/cells";
import { ymdToDay } from "../../../src/core/days";
import { ServiceHistory, checkServiceHistory, recordNik, servicePeriod } from "../../../src/core/rules/service-history";
import { placeText } from "../../../src/core/vocabulary";
import { brief, rowOf } from "./helpers";

const NIK = "6471051203900001";
const day = ymdToDay;

describe("service history across sheets", () => {
  // Issue 7, case 8: non-overlapping periods are one person's history, not a duplicate.
  test("a NIK seen again on a later period is a service history: the two-month break is a gap, no duplicate", () => {
    const history = new ServiceHistory();
    const first = rowOf({ nik: text(NIK) }, { sheet: "2021", row: 5 });
    // Served 01-01-2020 to 31-12-2021 ...
    expect(checkServiceHistory(first, history, NIK, servicePeriod(day(2020, 1, 1), day(2021, 12, 31)))).toEqual({
      value: { hasServiceGap: false },
      issues: [],
    });
    // ... then again from 01-03-2022: January and February 2022 are not covered.
    const again = rowOf({ startDate: text("01-03-2022"), nik: text(NIK) }, { sheet: "2022", row: 9 });
    const r = checkServiceHistory(again, history, NIK, servicePeriod(day(2022, 3, 1), null));
    expect(r.value.hasServiceGap).toBe(true);
    expect(brief(r.issues)).toEqual([
      { code: "service-gap", column: "A", params: { detail: "01-01-2022 - 28-02-2022" } },
    ]);
  });

  test("a restart the day after the end is continuous history: nothing is reported", () => {
    const history = new ServiceHistory();
    const ctx = rowOf({ nik: text(NIK) }, { file: "a.xlsx" });
    checkServiceHistory(ctx, history, NIK, servicePeriod(day(2020, 1, 1), day(2021, 12, 31)));
    const r = checkServiceHistory(ctx, history, NIK, servicePeriod(day(2022, 1, 1), null));
    expect(r.value.hasServiceGap).toBe(false);
    expect(r.issues).toEqual([]);
  });

  test("overlapping periods are the same person entered twice: a duplicate naming the first place", () => {
    const history = new ServiceHistory();
    const ctx = rowOf({ nik: text(NIK) }, { file: "a.xlsx" });
    checkServiceHistory(ctx, history, NIK, servicePeriod(day(2020, 1, 1), day(2025, 12, 31)));
    const r = checkServiceHistory(ctx, history, NIK, servicePeriod(day(2024, 6, 1), day(2025, 12, 31)));
    expect(r.issues.map((i) => i.code)).toEqual(["duplicate-nik"]);
    expect(r.issues[0].params["firstPlace"]).toEqual(placeText("Data", 7, "a.xlsx"));
    const open = checkServiceHistory(ctx, history, NIK, servicePeriod(day(2019, 1, 1), null));
    expect(open.issues.map((i) => i.code)).toEqual(["duplicate-nik"]);
  });

  test("an untrusted TMT gives no period, so no gap can be judged", () => {
    const history = new ServiceHistory();
    const ctx = rowOf({ nik: text(NIK) });
    checkServiceHistory(ctx, history, NIK, servicePeriod(day(2020, 1, 1), day(2020, 12, 31)));
    const r = checkServiceHistory(ctx, history, NIK, servicePeriod(null, null));
    expect(r.issues.map((i) => i.code)).toEqual(["duplicate-nik"]);
  });

  test("a row without a valid NIK is neither checked nor recorded", () => {
    const history = new ServiceHistory();
    expect(checkServiceHistory(rowOf({ nik: null }), history, null, null).issues).toEqual([]);
    expect(history.size).toBe(0);
  });

  test("recordNik returns the record as it was before this row", () => {
    const history = new ServiceHistory();
    const place = { file: undefined, sheet: "Data", row: 3 };
    expect(recordNik(history, NIK, place, { start: 10, end: 20 })).toBeNull();
    expect(recordNik(history, NIK, { ...place, row: 4 }, { start: 30, end: null })).toEqual({
      first: place,
      periods: [{ start: 10, end: 20 }],
    });
    expect(history.get(NIK)?.periods).toEqual([
      { start: 10, end: 20 },
      { start: 30, end: null },
    ]);
  });
});
