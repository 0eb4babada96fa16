import { text } from "../../../src/core/cells";
import { ymdToDay } from "../../../src/core/days";
import { DEFAULT_POLICY } from "../../../src/core/policy";
import {
  type CategoryInput,
  categorize,
  checkAgeLimits,
  checkCutoff,
  checkStatus,
} from "../../../src/core/rules/category";
import { brief, rowOf } from "./helpers";

// Default policy: reference and cut-off 31-12-2025, 24 months, ages 20-57.
const DAYS = { reference: ymdToDay(2025, 12, 31), cutoff: ymdToDay(2025, 12, 31) };
const ctx = rowOf({ birthDate: null, endDate: null });

describe("checkStatus", () => {
  test("PPPK Paruh Waktu is read", () => {
    expect(checkStatus(rowOf({ status: text("PPPK Paruh Waktu") }))).toEqual({
      value: { status: "pppk-paruh-waktu", unknown: false, code: null },
      issues: [],
    });
  });
  // Issue 7, case 7: R2 used to be an unknown status (so "Perlu diperiksa" and no cut-off).
  test("a BKN category code is a non-ASN, and the code is kept", () => {
    const r = checkStatus(rowOf({ status: text("R2") }));
    expect(r).toEqual({ value: { status: "non-asn", unknown: false, code: "R2" }, issues: [] });
    expect(checkStatus(rowOf({ status: text("Honorer"), category: text("R3T") })).value.code).toBe("R3T");
  });
  test("an empty status is read from NIP digits 13-14; a written status the NIP contradicts is kept and warned", () => {
    const pns = { birthDate: 0, kind: "pns", gender: "L", appointmentYear: 2003, tmtMonth: 1 } as const;
    const pppk = { birthDate: 0, kind: "pppk", gender: "P", appointmentYear: 2024, tmtMonth: null } as const;
    expect(checkStatus(rowOf({ status: null }), pns)).toEqual({
      value: { status: "pns", unknown: false, code: null },
      issues: [],
    });
    expect(checkStatus(rowOf({ status: null }), pppk).value.status).toBe("pppk");
    const r = checkStatus(rowOf({ status: text("PNS") }), pppk);
    expect(r.value.status).toBe("pns");
    expect(brief(r.issues)).toEqual([
      {
        code: "status-nip-mismatch",
        column: "A",
        params: { status: "PNS", digits: "21-29", nipStatus: { id: "PPPK", en: "PPPK" } },
      },
    ]);
    expect(checkStatus(rowOf({ status: text("Honorer") }), pns).issues.map((i) => i.code)).toEqual([
      "status-nip-mismatch",
    ]);
    expect(checkStatus(rowOf({ status: text("PPPK Paruh Waktu") }), pppk).issues).toEqual([]);
  });
  test("an Excel error leaves the status unknown", () => {
    const r = checkStatus(rowOf({ status: { t: "e", v: "#N/A" } }));
    expect(r.value.unknown).toBe(true);
    expect(r.issues[0].code).toBe("excel-error");
  });
  test("an empty status cell is no status, not unknown", () => {
    expect(checkStatus(rowOf({ status: null }))).toEqual({
      value: { status: null, unknown: false, code: null },
      issues: [],
    });
  });
});

describe("age limits and the cut-off", () => {
  test("19 and 58 are outside 20-57; 20 and 57 are inside", () => {
    expect(brief(checkAgeLimits(ctx, true, 19, DAYS, DEFAULT_POLICY))).toEqual([
      {
        code: "age-out-of-range",
        column: "A",
        params: { age: 19, referenceDate: "31-12-2025", minAge: 20, maxAge: 57 },
      },
    ]);
    expect(checkAgeLimits(ctx, true, 58, DAYS, DEFAULT_POLICY)).toHaveLength(1);
    expect(checkAgeLimits(ctx, true, 20, DAYS, DEFAULT_POLICY)).toEqual([]);
    expect(checkAgeLimits(ctx, true, 57, DAYS, DEFAULT_POLICY)).toEqual([]);
  });
  test("ASN are not held to the applicant ages", () => {
    expect(checkAgeLimits(ctx, false, 60, DAYS, DEFAULT_POLICY)).toEqual([]);
  });
  test("a contract ending a day after the cut-off runs past it; on the cut-off it does not", () => {
    expect(brief(checkCutoff(ctx, true, ymdToDay(2026, 1, 1), DAYS))).toEqual([
      { code: "contract-past-cutoff", column: "B", params: { end: "01-01-2026", cutoff: "31-12-2025" } },
    ]);
    expect(checkCutoff(ctx, true, ymdToDay(2025, 12, 31), DAYS)).toEqual([]);
    expect(checkCutoff(ctx, false, ymdToDay(2026, 1, 1), DAYS)).toEqual([]);
  });
});

describe("categorize", () => {
  const base: CategoryInput = {
    status: { status: null, unknown: false, code: null },
    start: ymdToDay(2024, 1, 1),
    end: null,
    ageYears: 35,
    startProblem: false,
    birthProblem: false,
    hasServiceGap: false,
  };

  test("a non-ASN from 01-01-2024 has exactly 24 months on 31-12-2025: eligible, ends at the cut-off", () => {
    expect(categorize(ctx, base, DAYS, DEFAULT_POLICY)).toEqual({
      value: {
        tenure: { years: 2, months: 0, totalMonths: 24 },
        meetsMinTenure: true,
        ageYears: 35,
        endsAtCutoff: true,
        daysToCutoff: 0,
        cutoff: "no-end-date",
        category: "eligible-pppk",
        reviewFields: [],
      },
      issues: [],
    });
  });

  test("from 02-01-2024 it is 23 months: not eligible on tenure", () => {
    const r = categorize(ctx, { ...base, start: ymdToDay(2024, 1, 2) }, DAYS, DEFAULT_POLICY);
    expect(r.value.tenure).toEqual({ years: 1, months: 11, totalMonths: 23 });
    expect(r.value.category).toBe("not-eligible-tenure");
  });

  test("a PNS is ASN: no cut-off, no age check", () => {
    const r = categorize(
      ctx,
      { ...base, status: { status: "pns", unknown: false, code: null }, ageYears: 60 },
      DAYS,
      DEFAULT_POLICY,
    );
    expect(r.value).toMatchObject({ category: "asn-pns", endsAtCutoff: false, daysToCutoff: null, cutoff: null });
    expect(r.issues).toEqual([]);
  });

  // Issue 7, case 2: the cut-off answer in three states.
  test("the cut-off answer: ends by it, runs past it, or no end date", () => {
    const answer = (end: number | null): unknown =>
      categorize(ctx, { ...base, end }, DAYS, DEFAULT_POLICY).value.cutoff;
    expect(answer(ymdToDay(2025, 12, 31))).toBe("ends-by-cutoff");
    expect(answer(ymdToDay(2025, 6, 30))).toBe("ends-by-cutoff");
    expect(answer(ymdToDay(2026, 6, 30))).toBe("runs-past-cutoff");
    expect(answer(null)).toBe("no-end-date");
  });

  test("a gap in service sends the person to review on the TMT", () => {
    const r = categorize(ctx, { ...base, hasServiceGap: true }, DAYS, DEFAULT_POLICY);
    expect(r.value).toMatchObject({ category: "needs-review", reviewFields: ["startDate"] });
  });

  test("an age of 18 is reported and decides the category", () => {
    const r = categorize(ctx, { ...base, ageYears: 18 }, DAYS, DEFAULT_POLICY);
    expect(r.value.category).toBe("not-eligible-age");
    expect(r.issues.map((i) => i.code)).toEqual(["age-out-of-range"]);
  });
});
