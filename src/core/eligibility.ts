/**
 * Who is what: ASN by status, and for non-ASN whether the PPPK rules (continuous
 * tenure, age limits) are met, and whether the contract runs to the cut-off.
 */
import { isoToDay, type DayNumber } from "./days";
import { maxApplicantAge, type Policy } from "./policy";
import type { Tenure } from "./results";
import { referenceDay } from "./tenure";
import type { Category, CutoffAnswer, EmploymentStatus, Role } from "./vocabulary";

export interface EligibilityInput {
  /** Status read from the sheet; null when there is no status column or the cell is empty or unreadable. */
  readonly status: EmploymentStatus | null;
  /** The status cell had text we could not read. */
  readonly statusUnknown: boolean;
  readonly hasStatusColumn: boolean;
  /** null = could not compute (TMT missing/invalid, or after the end of counting). */
  readonly tenure: Tenure | null;
  /** null = birth date missing/invalid. */
  readonly ageYears: number | null;
  /** TMT missing/invalid/implausible or end-before-start: the tenure is not to be trusted. */
  readonly startProblem: boolean;
  /** Birth date implausible: the age is not to be trusted. */
  readonly birthProblem: boolean;
  readonly hasServiceGap: boolean;
}

export interface EligibilityResult {
  readonly category: Category;
  readonly meetsMinTenure: boolean | null;
  /** For needs-review only: the fields that kept the decision from being made. */
  readonly reviewFields: readonly Role[];
}

/** No fields to review: one shared, frozen list (a person row keeps it). */
const NO_FIELDS: readonly Role[] = Object.freeze([]);

const ASN_CATEGORY: Partial<Record<EmploymentStatus, Category>> = {
  pns: "asn-pns",
  pppk: "asn-pppk",
  "pppk-paruh-waktu": "asn-pppk-paruh-waktu",
};

/**
 * Non-ASN unless the status says PNS/PPPK. A sheet without a status column is a non-ASN
 * list (the usual honorer workbook), and an empty status cell in a sheet that has the
 * column is read the same way, since ASN rows are the ones that get their status written.
 * `hasStatusColumn` is kept so the rule can change in this one place. A status cell with
 * unreadable text (`statusUnknown`) is not non-ASN: it is unknown.
 */
export function isNonAsn(status: EmploymentStatus | null, hasStatusColumn: boolean, statusUnknown = false): boolean {
  if (statusUnknown && status === null) return false;
  return status === null || status === "non-asn";
}

/** The cut-off as a day number; NaN for a date resolvePolicy would have rejected. */
export function cutoffDay(policy: Policy): DayNumber {
  // Asked for on every row: the last answer is kept for the same text.
  if (policy.cutoffDate !== lastCutoff.iso)
    lastCutoff = { iso: policy.cutoffDate, day: isoToDay(policy.cutoffDate) ?? Number.NaN };
  return lastCutoff.day;
}
let lastCutoff: { readonly iso: string | null; readonly day: DayNumber } = { iso: null, day: Number.NaN };

/**
 * A non-ASN whose contract ends on the cut-off, has no end date, or runs past it: the
 * contract stops at the cut-off. A contract that already ended before it does not.
 */
export function endsAtCutoff(nonAsn: boolean, contractEnd: DayNumber | null, policy: Policy): boolean {
  if (!nonAsn) return false;
  if (contractEnd === null) return true;
  return contractEnd >= cutoffDay(policy);
}

/**
 * The three cut-off answers for a non-ASN contract: ends on or before the cut-off, runs
 * past it, or has no end date known. Null for ASN.
 */
export function cutoffAnswer(nonAsn: boolean, contractEnd: DayNumber | null, policy: Policy): CutoffAnswer | null {
  if (!nonAsn) return null;
  if (contractEnd === null) return "no-end-date";
  return contractEnd <= cutoffDay(policy) ? "ends-by-cutoff" : "runs-past-cutoff";
}

/** Days from the reference date to the cut-off: 0 when they coincide, negative when the cut-off has passed. */
export function daysToCutoff(policy: Policy): number {
  return cutoffDay(policy) - referenceDay(policy);
}

/** PPPK applicant age: minAge <= age <= retirementAge - 1 (PP 49/2018 Pasal 16). */
export function isAgeWithinLimits(age: number, policy: Policy): boolean {
  return age >= policy.minAge && age <= maxApplicantAge(policy);
}

/**
 * The category of one person.
 *
 * 1. A PNS/PPPK status gives the ASN category.
 * 2. An unreadable status: needs-review (the person may be ASN, so no rule applies).
 * 3. Otherwise the person is non-ASN and a failing rule decides as soon as it is known,
 *    even when other data is missing, because the missing data cannot change the answer:
 *    tenure below the minimum gives not-eligible-tenure (also when the age is out too:
 *    tenure is checked first); an age outside the limits gives not-eligible-age. A
 *    service gap cannot lengthen continuous service, so a short total stays short.
 * 4. When nothing fails but something is unknown: needs-review, listing every field that
 *    blocks the decision: startDate (no tenure, untrusted TMT, or a gap in service) and
 *    birthDate (no age, or an untrusted birth date).
 * 5. Otherwise eligible-pppk.
 *
 * meetsMinTenure is the plain comparison of the tenure with the minimum (for ASN too),
 * null when there is no trusted tenure.
 */
export function decideEligibility(input: EligibilityInput, policy: Policy): EligibilityResult {
  const tenureKnown = input.tenure !== null && !input.startProblem && Number.isFinite(input.tenure.totalMonths);
  const meetsMinTenure =
    tenureKnown && input.tenure !== null ? input.tenure.totalMonths >= policy.minTenureMonths : null;
  const decided = (category: Category): EligibilityResult => ({ category, meetsMinTenure, reviewFields: NO_FIELDS });

  const asn = input.status === null ? undefined : ASN_CATEGORY[input.status];
  if (asn !== undefined) return decided(asn);

  const ageKnown = input.ageYears !== null && !input.birthProblem && Number.isFinite(input.ageYears);
  const tenureShort = meetsMinTenure === false;
  const ageOut = ageKnown && input.ageYears !== null && !isAgeWithinLimits(input.ageYears, policy);

  if (!input.statusUnknown) {
    if (tenureShort) return decided("not-eligible-tenure");
    if (ageOut) return decided("not-eligible-age");
  }

  const reviewFields: Role[] = [];
  if (input.statusUnknown) reviewFields.push("status");
  if (!tenureKnown || (input.hasServiceGap && !tenureShort)) reviewFields.push("startDate");
  if (!ageKnown) reviewFields.push("birthDate");
  if (reviewFields.length > 0) return { category: "needs-review", meetsMinTenure, reviewFields };
  return decided("eligible-pppk");
}
