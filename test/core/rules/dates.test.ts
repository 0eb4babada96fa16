import { num, text } from "../../../src/core/cells";
import { ymdToDay } from "../../../src/core/days";
import {
  ageOn,
  dateFromRead,
  judgeDates,
  readDateColumn,
  readPersonDates,
  trustedBirth,
  trustedStart,
} from "../../../src/core/rules/dates";
import { REASONS } from "../../../src/core/vocabulary";
import { brief, codes, rowOf } from "./helpers";

const REFERENCE = ymdToDay(2025, 12, 31);
const day = ymdToDay;

describe("reading dates", () => {
  test("birth, TMT and end are read; an unreadable SK date is reported but not returned", () => {
    const ctx = rowOf({
      birthDate: text("12-03-1990"),
      startDate: text("Agustus 2021"),
      endDate: num(46022), // serial 46022 = 31-12-2025
      skDate: text("31-02-2020"),
    });
    const r = readPersonDates(ctx);
    expect(r.value).toEqual({ birth: day(1990, 3, 12), start: day(2021, 8, 1), end: day(2025, 12, 31) });
    expect(brief(r.issues)).toEqual([
      { code: "invalid-date", column: "D", params: { role: "skDate", value: "31-02-2020" } },
    ]);
  });

  test("the TMT is required; the birth and end dates are not", () => {
    const r = readPersonDates(rowOf({ birthDate: null, startDate: null, endDate: null }));
    expect(r.value).toEqual({ birth: null, start: null, end: null });
    expect(brief(r.issues)).toEqual([{ code: "missing-value", column: "B", params: { role: "startDate" } }]);
  });

  test("a combined place-and-date column gives the birth date", () => {
    const ctx = rowOf({ name: text("Ani"), birthDate: text("Balikpapan, 12 Maret 1990") }, { combined: 1 });
    expect(readDateColumn(ctx, "birthDate", false)).toEqual({ value: day(1990, 3, 12), issues: [] });
  });

  test("a year before 1900 is implausible", () => {
    const ctx = rowOf({ startDate: null });
    const r = dateFromRead(ctx, { kind: "date", day: day(1899, 12, 31), monthOnly: false }, "startDate", true);
    expect(r.value).toBeNull();
    expect(brief(r.issues)).toEqual([
      {
        code: "implausible-date",
        column: "A",
        params: { role: "startDate", value: "31-12-1899", reason: REASONS.before1900 },
      },
    ]);
  });

  test("an Excel error in a date column", () => {
    expect(codes(readDateColumn(rowOf({ endDate: { t: "e", v: "#VALUE!" } }), "endDate", false).issues)).toEqual([
      "excel-error",
    ]);
  });
});

describe("judging dates against the reference date 31-12-2025", () => {
  const ctx = rowOf({ birthDate: null, startDate: null, endDate: null });
  const judge = (birth: number | null, start: number | null, end: number | null) =>
    judgeDates(ctx, { birth, start, end }, REFERENCE);

  test("plausible dates are trusted", () => {
    const r = judge(day(1990, 3, 12), day(2024, 1, 1), null);
    expect(r).toEqual({ value: { birthProblem: false, startProblem: false }, issues: [] });
  });

  test("missing dates are problems without an issue (reading reported them)", () => {
    expect(judge(null, null, null)).toEqual({ value: { birthProblem: true, startProblem: true }, issues: [] });
  });

  test("a birth after the reference date", () => {
    const r = judge(day(2026, 1, 1), day(2024, 1, 1), null);
    expect(r.value).toEqual({ birthProblem: true, startProblem: false });
    expect(r.issues[0].params).toEqual({ role: "birthDate", value: "01-01-2026", reason: REASONS.birthAfterReference });
  });

  test("a birth 105 years before the reference date", () => {
    // 01-01-1920 to 31-12-2025: 105 full years.
    const r = judge(day(1920, 1, 1), null, null);
    expect(r.issues[0].params["reason"]).toEqual(REASONS.birthTooOld);
  });

  test("a TMT at age 14 is implausible; at 15 it is not", () => {
    // Born 01-06-2000: 31-05-2015 is the day before the 15th birthday.
    const young = judge(day(2000, 6, 1), day(2015, 5, 31), null);
    expect(young.value.startProblem).toBe(true);
    expect(young.issues[0].params["reason"]).toEqual(REASONS.startBeforeAge15);
    expect(judge(day(2000, 6, 1), day(2015, 6, 1), null).issues).toEqual([]);
  });

  test("a TMT after the reference date", () => {
    const r = judge(null, day(2026, 2, 1), null);
    expect(r.value.startProblem).toBe(true);
    expect(r.issues[0].params["reason"]).toEqual(REASONS.startAfterReference);
  });

  test("a contract end 54 years ahead is implausible but leaves the TMT trusted", () => {
    const r = judge(null, day(2024, 1, 1), day(2080, 1, 1));
    expect(r.value.startProblem).toBe(false);
    expect(brief(r.issues)).toEqual([
      {
        code: "implausible-date",
        column: "C",
        params: { role: "endDate", value: "01-01-2080", reason: REASONS.farFuture },
      },
    ]);
  });

  test("an end before the TMT makes the TMT untrusted", () => {
    const r = judge(day(1990, 3, 12), day(2024, 1, 1), day(2023, 12, 31));
    expect(r.value).toEqual({ birthProblem: false, startProblem: true });
    expect(brief(r.issues)).toEqual([
      { code: "end-before-start", column: "C", params: { start: "01-01-2024", end: "31-12-2023" } },
    ]);
  });
});

describe("trusted dates and age", () => {
  const dates = { birth: day(1990, 3, 12), start: day(2024, 1, 1), end: null };
  test("age on 31-12-2025 of someone born 12-03-1990 is 35", () => {
    expect(ageOn(dates, { birthProblem: false, startProblem: false }, REFERENCE)).toBe(35);
  });
  test("untrusted dates give null", () => {
    const trust = { birthProblem: true, startProblem: true };
    expect(ageOn(dates, trust, REFERENCE)).toBeNull();
    expect(trustedBirth(dates, trust)).toBeNull();
    expect(trustedStart(dates, trust)).toBeNull();
    expect(trustedStart(dates, { birthProblem: true, startProblem: false })).toBe(day(2024, 1, 1));
  });
});
