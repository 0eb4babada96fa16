import { ageInYears, ymdToDay } from "../../src/core/days";
import {
  cutoffDay,
  daysToCutoff,
  decideEligibility,
  endsAtCutoff,
  isAgeWithinLimits,
  isNonAsn,
  type EligibilityInput,
} from "../../src/core/eligibility";
import { DEFAULT_POLICY, type Policy } from "../../src/core/policy";
import { computeTenure, referenceDay, tenureFromMonths } from "../../src/core/tenure";

const d = ymdToDay;

/** A non-ASN with 30 months of service, aged 35: eligible unless a test changes something. */
const base: EligibilityInput = {
  status: null,
  statusUnknown: false,
  hasStatusColumn: false,
  tenure: tenureFromMonths(30),
  ageYears: 35,
  startProblem: false,
  birthProblem: false,
  hasServiceGap: false,
};
const decide = (change: Partial<EligibilityInput>, policy: Policy = DEFAULT_POLICY) =>
  decideEligibility({ ...base, ...change }, policy);

describe("decideEligibility: ASN", () => {
  it.each([
    ["pns", "asn-pns"],
    ["pppk", "asn-pppk"],
    ["pppk-paruh-waktu", "asn-pppk-paruh-waktu"],
  ] as const)("status %s gives %s whatever the other data says", (status, category) => {
    const r = decide({ status, hasStatusColumn: true, tenure: null, ageYears: 70, hasServiceGap: true });
    expect(r.category).toBe(category);
    expect(r.reviewFields).toEqual([]);
    expect(r.meetsMinTenure).toBeNull();
  });

  it("still reports meetsMinTenure for an ASN with a tenure", () => {
    expect(decide({ status: "pns", tenure: tenureFromMonths(10) }).meetsMinTenure).toBe(false);
    expect(decide({ status: "pppk", tenure: tenureFromMonths(24) }).meetsMinTenure).toBe(true);
  });
});

describe("decideEligibility: non-ASN", () => {
  it("is eligible with enough tenure and a good age, with or without a status column", () => {
    expect(decide({})).toEqual({ category: "eligible-pppk", meetsMinTenure: true, reviewFields: [] });
    expect(decide({ status: "non-asn", hasStatusColumn: true }).category).toBe("eligible-pppk");
    expect(decide({ status: null, hasStatusColumn: true }).category).toBe("eligible-pppk");
  });

  it("exactly 24 months is enough, 23 is not", () => {
    expect(decide({ tenure: tenureFromMonths(24) })).toEqual({
      category: "eligible-pppk",
      meetsMinTenure: true,
      reviewFields: [],
    });
    expect(decide({ tenure: tenureFromMonths(23) })).toEqual({
      category: "not-eligible-tenure",
      meetsMinTenure: false,
      reviewFields: [],
    });
  });

  it("follows policy.minTenureMonths", () => {
    const policy = { ...DEFAULT_POLICY, minTenureMonths: 12 };
    expect(decide({ tenure: tenureFromMonths(12) }, policy).category).toBe("eligible-pppk");
    expect(decide({ tenure: tenureFromMonths(11) }, policy).category).toBe("not-eligible-tenure");
  });

  it.each([
    [19, "not-eligible-age"],
    [20, "eligible-pppk"],
    [57, "eligible-pppk"],
    [58, "not-eligible-age"],
  ] as const)("age %i gives %s (limits 20 to BUP 58 - 1)", (ageYears, category) => {
    expect(decide({ ageYears }).category).toBe(category);
  });

  it("follows policy.retirementAge for the upper age limit", () => {
    const policy = { ...DEFAULT_POLICY, retirementAge: 60 };
    expect(decide({ ageYears: 59 }, policy).category).toBe("eligible-pppk");
    expect(decide({ ageYears: 60 }, policy).category).toBe("not-eligible-age");
  });

  it("short tenure and age out together: tenure wins", () => {
    expect(decide({ tenure: tenureFromMonths(5), ageYears: 62 }).category).toBe("not-eligible-tenure");
  });
});

describe("decideEligibility: needs-review", () => {
  it("unreadable status needs review of the status, even when a rule fails", () => {
    expect(decide({ statusUnknown: true, hasStatusColumn: true })).toEqual({
      category: "needs-review",
      meetsMinTenure: true,
      reviewFields: ["status"],
    });
    expect(decide({ statusUnknown: true, tenure: tenureFromMonths(3) }).reviewFields).toEqual(["status"]);
    expect(decide({ statusUnknown: true, tenure: null, ageYears: null }).reviewFields).toEqual([
      "status",
      "startDate",
      "birthDate",
    ]);
  });

  it("no tenure: review the start date, meetsMinTenure unknown", () => {
    expect(decide({ tenure: null })).toEqual({
      category: "needs-review",
      meetsMinTenure: null,
      reviewFields: ["startDate"],
    });
  });

  it("a start-date problem makes a computed tenure untrusted", () => {
    expect(decide({ startProblem: true, tenure: tenureFromMonths(400) })).toEqual({
      category: "needs-review",
      meetsMinTenure: null,
      reviewFields: ["startDate"],
    });
  });

  it("a gap in service needs review when the total would be enough", () => {
    expect(decide({ hasServiceGap: true })).toEqual({
      category: "needs-review",
      meetsMinTenure: true,
      reviewFields: ["startDate"],
    });
  });

  it("a gap cannot lengthen continuous service: a short total is decided", () => {
    expect(decide({ hasServiceGap: true, tenure: tenureFromMonths(23) }).category).toBe("not-eligible-tenure");
  });

  it("unknown age: review the birth date, also when the birth date is implausible", () => {
    expect(decide({ ageYears: null })).toEqual({
      category: "needs-review",
      meetsMinTenure: true,
      reviewFields: ["birthDate"],
    });
    expect(decide({ ageYears: 130, birthProblem: true }).reviewFields).toEqual(["birthDate"]);
  });

  it("lists every blocking field together", () => {
    expect(decide({ tenure: null, ageYears: null }).reviewFields).toEqual(["startDate", "birthDate"]);
  });

  it("a failing rule decides even when other data is missing", () => {
    expect(decide({ tenure: tenureFromMonths(10), ageYears: null }).category).toBe("not-eligible-tenure");
    expect(decide({ tenure: null, ageYears: 65 }).category).toBe("not-eligible-age");
    expect(decide({ hasServiceGap: true, ageYears: 18 }).category).toBe("not-eligible-age");
  });
});

describe("decideEligibility with dates computed by the tenure module", () => {
  const person = (tmt: number, birth: number, end: number | null, policy: Policy) =>
    decideEligibility(
      {
        ...base,
        tenure: computeTenure(tmt, end, policy),
        ageYears: ageInYears(birth, referenceDay(policy)),
      },
      policy,
    );

  it("TMT 2024-01-01 is eligible on 2025-12-31, not when the reference day is not counted", () => {
    const birth = d(1990, 5, 5);
    expect(person(d(2024, 1, 1), birth, null, DEFAULT_POLICY).category).toBe("eligible-pppk");
    expect(person(d(2024, 1, 2), birth, null, DEFAULT_POLICY).category).toBe("not-eligible-tenure");
    const exclusive = { ...DEFAULT_POLICY, countReferenceDay: false };
    expect(person(d(2024, 1, 1), birth, null, exclusive).category).toBe("not-eligible-tenure");
    expect(person(d(2023, 12, 31), birth, null, exclusive).category).toBe("eligible-pppk");
  });

  it("a contract that ended early limits tenure", () => {
    const birth = d(1990, 5, 5);
    expect(person(d(2022, 1, 1), birth, d(2023, 12, 31), DEFAULT_POLICY).category).toBe("eligible-pppk");
    expect(person(d(2022, 1, 1), birth, d(2023, 12, 30), DEFAULT_POLICY).category).toBe("not-eligible-tenure");
  });

  it("a TMT on 29 February 2024 reaches 24 months on 28 February 2026", () => {
    const birth = d(1990, 5, 5);
    const on = (referenceDate: string) => ({ ...DEFAULT_POLICY, referenceDate });
    expect(person(d(2024, 2, 29), birth, null, on("2026-02-28")).category).toBe("eligible-pppk");
    expect(person(d(2024, 2, 29), birth, null, on("2026-02-27")).category).toBe("not-eligible-tenure");
  });

  it("age boundaries by birthday: 20 on the reference day is in, the day after is 19 and out", () => {
    const tmt = d(2020, 1, 1);
    expect(person(tmt, d(2005, 12, 31), null, DEFAULT_POLICY).category).toBe("eligible-pppk");
    expect(person(tmt, d(2006, 1, 1), null, DEFAULT_POLICY).category).toBe("not-eligible-age");
    // 57 until the day before the 58th birthday.
    expect(person(tmt, d(1968, 1, 1), null, DEFAULT_POLICY).category).toBe("eligible-pppk");
    expect(person(tmt, d(1967, 12, 31), null, DEFAULT_POLICY).category).toBe("not-eligible-age");
  });

  it("a TMT after the reference date cannot be judged on tenure", () => {
    expect(person(d(2026, 2, 1), d(1990, 1, 1), null, DEFAULT_POLICY)).toEqual({
      category: "needs-review",
      meetsMinTenure: null,
      reviewFields: ["startDate"],
    });
  });
});

describe("isNonAsn", () => {
  it("treats no status column and an empty status as non-ASN, ASN statuses as ASN", () => {
    expect(isNonAsn(null, false)).toBe(true);
    expect(isNonAsn(null, true)).toBe(true);
    expect(isNonAsn("non-asn", true)).toBe(true);
    expect(isNonAsn("pns", true)).toBe(false);
    expect(isNonAsn("pppk", true)).toBe(false);
    expect(isNonAsn("pppk-paruh-waktu", true)).toBe(false);
  });

  it("an unreadable status is not taken for non-ASN", () => {
    expect(isNonAsn(null, true, true)).toBe(false);
  });
});

describe("endsAtCutoff and daysToCutoff", () => {
  it("a non-ASN contract ending on, after, or without an end date ends at the cut-off", () => {
    expect(endsAtCutoff(true, null, DEFAULT_POLICY)).toBe(true);
    expect(endsAtCutoff(true, d(2025, 12, 31), DEFAULT_POLICY)).toBe(true);
    expect(endsAtCutoff(true, d(2026, 6, 30), DEFAULT_POLICY)).toBe(true);
    expect(endsAtCutoff(true, d(2025, 12, 30), DEFAULT_POLICY)).toBe(false);
  });

  it("never for ASN", () => {
    expect(endsAtCutoff(false, null, DEFAULT_POLICY)).toBe(false);
    expect(endsAtCutoff(false, d(2026, 6, 30), DEFAULT_POLICY)).toBe(false);
  });

  it("follows policy.cutoffDate", () => {
    const policy = { ...DEFAULT_POLICY, cutoffDate: "2026-06-30" };
    expect(cutoffDay(policy)).toBe(d(2026, 6, 30));
    expect(endsAtCutoff(true, d(2025, 12, 31), policy)).toBe(false);
    expect(endsAtCutoff(true, d(2026, 6, 30), policy)).toBe(true);
  });

  it("counts days from the reference date to the cut-off, negative once it has passed", () => {
    expect(daysToCutoff(DEFAULT_POLICY)).toBe(0);
    expect(daysToCutoff({ ...DEFAULT_POLICY, referenceDate: "2025-10-01" })).toBe(91);
    expect(daysToCutoff({ ...DEFAULT_POLICY, referenceDate: "2026-01-10" })).toBe(-10);
    expect(daysToCutoff({ ...DEFAULT_POLICY, cutoffDate: "not a date" })).toBeNaN();
  });
});

describe("isAgeWithinLimits", () => {
  it("is inclusive at minAge and at retirementAge - 1", () => {
    expect([19, 20, 57, 58].map((a) => isAgeWithinLimits(a, DEFAULT_POLICY))).toEqual([false, true, true, false]);
    const policy = { ...DEFAULT_POLICY, minAge: 18, retirementAge: 65 };
    expect([17, 18, 64, 65].map((a) => isAgeWithinLimits(a, policy))).toEqual([false, true, true, false]);
    expect(isAgeWithinLimits(Number.NaN, DEFAULT_POLICY)).toBe(false);
  });
});
