import fc from "fast-check";
import { dayToIso, ymdToDay } from "../../src/core/days";
import { DEFAULT_POLICY, type Policy } from "../../src/core/policy";
import { computeTenure, findServiceGaps, formatTenure, referenceDay, tenureFromMonths } from "../../src/core/tenure";

const d = ymdToDay;
const at = (referenceDate: string, extra: Partial<Policy> = {}): Policy => ({
  ...DEFAULT_POLICY,
  referenceDate,
  ...extra,
});
const months = (start: number, end: number | null, policy: Policy): number | null =>
  computeTenure(start, end, policy)?.totalMonths ?? null;

describe("computeTenure", () => {
  it("counts the reference day by default: TMT 2024-01-01 to 2025-12-31 is 2 tahun 0 bulan", () => {
    expect(computeTenure(d(2024, 1, 1), null, DEFAULT_POLICY)).toEqual({ years: 2, months: 0, totalMonths: 24 });
  });

  it("TMT 2017-04-01 to 2018-12-03 is 1 tahun 8 bulan", () => {
    expect(computeTenure(d(2017, 4, 1), null, at("2018-12-03"))).toEqual({ years: 1, months: 8, totalMonths: 20 });
  });

  it("drops leftover days: one day short of a month stays at the lower count", () => {
    expect(months(d(2024, 1, 2), null, DEFAULT_POLICY)).toBe(23);
    expect(months(d(2024, 1, 1), null, at("2025-12-30"))).toBe(23);
    expect(months(d(2023, 12, 31), null, DEFAULT_POLICY)).toBe(24);
  });

  it("without the reference day, the same span is one month shorter", () => {
    const policy = at("2025-12-31", { countReferenceDay: false });
    expect(months(d(2024, 1, 1), null, policy)).toBe(23);
    expect(months(d(2023, 12, 31), null, policy)).toBe(24);
  });

  it("a contract that ended before the reference date limits tenure, its last day counted", () => {
    expect(months(d(2023, 7, 1), d(2025, 6, 30), DEFAULT_POLICY)).toBe(24);
    expect(months(d(2023, 7, 1), d(2025, 6, 29), DEFAULT_POLICY)).toBe(23);
    // The contract end is a day worked whatever the reference-day setting says.
    expect(months(d(2023, 7, 1), d(2025, 6, 30), at("2025-12-31", { countReferenceDay: false }))).toBe(24);
  });

  it("a contract end after the reference date does not extend tenure", () => {
    expect(months(d(2024, 1, 1), d(2026, 12, 31), DEFAULT_POLICY)).toBe(24);
    expect(months(d(2024, 1, 1), d(2025, 12, 31), at("2025-12-31", { countReferenceDay: false }))).toBe(23);
  });

  it("a TMT on 29 February completes its months at the end of the 28th in common years", () => {
    expect(months(d(2024, 2, 29), null, at("2026-02-28"))).toBe(24);
    expect(months(d(2024, 2, 29), null, at("2026-02-27"))).toBe(23);
    // In a leap year the 28th is still the day before the 29th: four whole years.
    expect(months(d(2024, 2, 29), null, at("2028-02-27"))).toBe(47);
    expect(months(d(2024, 2, 29), null, at("2028-02-28"))).toBe(48);
  });

  it("a TMT on the 31st completes a month on the last day of a shorter month", () => {
    expect(months(d(2025, 1, 31), null, at("2025-02-28"))).toBe(1);
    expect(months(d(2025, 1, 31), null, at("2025-02-27"))).toBe(0);
    expect(months(d(2024, 1, 31), null, at("2024-02-28"))).toBe(0);
    expect(months(d(2024, 1, 31), null, at("2024-02-29"))).toBe(1);
  });

  it("starting on the last counted day is 0 months; starting later is null", () => {
    expect(computeTenure(d(2025, 12, 31), null, DEFAULT_POLICY)).toEqual({ years: 0, months: 0, totalMonths: 0 });
    expect(computeTenure(d(2026, 1, 1), null, DEFAULT_POLICY)).toBeNull();
    expect(computeTenure(d(2025, 12, 31), null, at("2025-12-31", { countReferenceDay: false }))).toBeNull();
    expect(computeTenure(d(2025, 12, 30), null, at("2025-12-31", { countReferenceDay: false }))).toEqual(
      tenureFromMonths(0),
    );
  });

  it("an end before the start gives null, an end on the start day gives 0", () => {
    expect(computeTenure(d(2024, 5, 10), d(2024, 5, 9), DEFAULT_POLICY)).toBeNull();
    expect(months(d(2024, 5, 10), d(2024, 5, 10), DEFAULT_POLICY)).toBe(0);
  });

  it("returns null instead of throwing for values that are not day numbers", () => {
    expect(computeTenure(Number.NaN, null, DEFAULT_POLICY)).toBeNull();
    expect(computeTenure(1.5, null, DEFAULT_POLICY)).toBeNull();
    expect(computeTenure(d(2020, 1, 1), Number.POSITIVE_INFINITY, DEFAULT_POLICY)).toBeNull();
    expect(computeTenure(d(2020, 1, 1), null, at("31-12-2025"))).toBeNull();
  });

  it("years and months always add up to the total, and later reference dates never lower it", () => {
    const day = fc.integer({ min: d(1980, 1, 1), max: d(2030, 12, 31) });
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 4000 }), fc.integer({ min: 1, max: 400 }), (start, span, more) => {
        const refA = start + span;
        const a = computeTenure(start, null, { ...DEFAULT_POLICY, referenceDate: dayToIso(refA) });
        const b = computeTenure(start, null, { ...DEFAULT_POLICY, referenceDate: dayToIso(refA + more) });
        expect(a).not.toBeNull();
        expect(b).not.toBeNull();
        if (a === null || b === null) return;
        expect(a.years * 12 + a.months).toBe(a.totalMonths);
        expect(a.months).toBeGreaterThanOrEqual(0);
        expect(a.months).toBeLessThan(12);
        expect(b.totalMonths).toBeGreaterThanOrEqual(a.totalMonths);
        // A month has at most 31 days, so the count can never exceed span/28 nor lag far behind span/31.
        expect(a.totalMonths).toBeLessThanOrEqual((span + 1) / 28);
        expect(a.totalMonths).toBeGreaterThanOrEqual(Math.floor((span + 1) / 31) - 1);
      }),
      { numRuns: 300 },
    );
  });
});

describe("referenceDay", () => {
  it("reads the policy date, NaN for a date resolvePolicy would reject", () => {
    expect(referenceDay(DEFAULT_POLICY)).toBe(d(2025, 12, 31));
    expect(referenceDay(at("2025-02-30"))).toBeNaN();
  });
});

describe("formatTenure", () => {
  it("writes Bahasa Indonesia and English from the vocabulary", () => {
    expect(formatTenure(tenureFromMonths(24), "id")).toBe("2 tahun 0 bulan");
    expect(formatTenure(tenureFromMonths(20), "id")).toBe("1 tahun 8 bulan");
    expect(formatTenure(tenureFromMonths(11), "en")).toBe("0 years 11 months");
  });
});

describe("findServiceGaps", () => {
  it("finds no gap in one period, an open period, or a restart the next day", () => {
    expect(findServiceGaps([])).toEqual([]);
    expect(findServiceGaps([{ start: d(2020, 1, 1), end: null }])).toEqual([]);
    expect(
      findServiceGaps([
        { start: d(2020, 1, 1), end: d(2020, 12, 31) },
        { start: d(2021, 1, 1), end: null },
      ]),
    ).toEqual([]);
  });

  it("reports the days without service between an end and a later restart", () => {
    expect(
      findServiceGaps([
        { start: d(2021, 3, 1), end: null },
        { start: d(2019, 1, 1), end: d(2020, 12, 31) },
      ]),
    ).toEqual([{ from: d(2021, 1, 1), to: d(2021, 2, 28) }]);
  });

  it("a restart two days after the end leaves a one-day gap", () => {
    expect(
      findServiceGaps([
        { start: d(2020, 1, 1), end: d(2020, 12, 31) },
        { start: d(2021, 1, 2), end: d(2021, 12, 31) },
      ]),
    ).toEqual([{ from: d(2021, 1, 1), to: d(2021, 1, 1) }]);
  });

  it("merges overlaps and contained periods before looking for gaps", () => {
    expect(
      findServiceGaps([
        { start: d(2018, 1, 1), end: d(2020, 12, 31) },
        { start: d(2019, 6, 1), end: d(2019, 8, 31) },
        { start: d(2020, 6, 1), end: d(2021, 6, 30) },
        { start: d(2022, 1, 1), end: d(2022, 12, 31) },
        { start: d(2024, 1, 1), end: null },
      ]),
    ).toEqual([
      { from: d(2021, 7, 1), to: d(2021, 12, 31) },
      { from: d(2023, 1, 1), to: d(2023, 12, 31) },
    ]);
  });

  it("nothing after an open period is a gap", () => {
    expect(
      findServiceGaps([
        { start: d(2018, 1, 1), end: null },
        { start: d(2022, 1, 1), end: d(2022, 3, 1) },
      ]),
    ).toEqual([]);
  });

  it("leaves out periods that end before they start or are not dates", () => {
    expect(
      findServiceGaps([
        { start: d(2018, 1, 1), end: d(2018, 12, 31) },
        { start: d(2019, 6, 1), end: d(2019, 1, 1) },
        { start: Number.NaN, end: null },
        { start: d(2019, 1, 1), end: null },
      ]),
    ).toEqual([]);
  });
});
