/**
 * Masa kerja (tenure): whole months of service from the TMT, written "X tahun Y bulan",
 * and the detection of breaks in service (the rule asks for continuous service).
 */
import { isoToDay, wholeMonthsBetween, type DayNumber } from "./days";
import type { Policy } from "./policy";
import type { Tenure } from "./results";
import { label, type Lang } from "./vocabulary";

/**
 * The policy's reference date as a day number. NaN (never a plausible day) for a date
 * that resolvePolicy would have rejected, so a hand-built bad policy shows up as NaN in
 * every result instead of a silently wrong number.
 */
export function referenceDay(policy: Policy): DayNumber {
  // Asked for on every row: the last answer is kept for the same text.
  if (policy.referenceDate !== lastReference.iso)
    lastReference = { iso: policy.referenceDate, day: isoToDay(policy.referenceDate) ?? Number.NaN };
  return lastReference.day;
}
let lastReference: { readonly iso: string | null; readonly day: DayNumber } = { iso: null, day: Number.NaN };

export function tenureFromMonths(totalMonths: number): Tenure {
  // Whole months up to a century are shared, frozen objects: a sheet's rows hold a few hundred values.
  if (Number.isInteger(totalMonths) && totalMonths >= 0 && totalMonths < SHARED_TENURES)
    return (sharedTenures[totalMonths] ??= Object.freeze(makeTenure(totalMonths)));
  return makeTenure(totalMonths);
}

const SHARED_TENURES = 1200;
const sharedTenures: Tenure[] = [];

function makeTenure(totalMonths: number): Tenure {
  return { years: Math.floor(totalMonths / 12), months: totalMonths % 12, totalMonths };
}

/**
 * Service from `start` (the TMT) through the earlier of the contract end and the policy's
 * reference date, in whole months; leftover days are dropped.
 *
 * - A contract end date is always a day worked, so it counts; the reference day counts
 *   only when policy.countReferenceDay is set (the default). TMT 2024-01-01 to reference
 *   2025-12-31 is then 24 months; without counting the reference day it is 23.
 * - Returns null when not a single day of service falls in the counted span: the TMT lies
 *   after the reference date (after the reference day itself when it is not counted) or
 *   after the contract end. The engine reports those dates; a person who has not started
 *   cannot be judged on tenure.
 * - Starting on the last counted day gives 0 months ({0, 0, 0}), not null.
 * - Non-integer or non-finite day numbers are not dates: null.
 */
export function computeTenure(start: DayNumber, contractEnd: DayNumber | null, policy: Policy): Tenure | null {
  if (!Number.isInteger(start)) return null;
  if (contractEnd !== null && !Number.isInteger(contractEnd)) return null;
  const reference = referenceDay(policy);
  if (!Number.isInteger(reference)) return null;
  const referenceExclusive = policy.countReferenceDay ? reference + 1 : reference;
  const endExclusive = contractEnd === null ? referenceExclusive : Math.min(contractEnd + 1, referenceExclusive);
  if (start >= endExclusive) return null;
  return tenureFromMonths(wholeMonthsBetween(start, endExclusive));
}

/** Texts made so far, per language, by whole months: every row of a sheet has one, and few differ. */
const TENURE_TEXTS: Record<Lang, Map<number, string>> = { id: new Map(), en: new Map() };

/** "2 tahun 0 bulan" / "2 years 0 months". */
export function formatTenure(t: Tenure, lang: Lang): string {
  // Keyed by years and months together; a tenure's months are 0-11, but any pair stays distinct.
  const key = t.years * 1000 + t.months;
  const known = TENURE_TEXTS[lang].get(key);
  if (known !== undefined) return known;
  const text = label("tenureText", lang, { years: t.years, months: t.months });
  // Bounded: a sheet's tenures are a few hundred values at most; a damaged one cannot grow it far.
  if (TENURE_TEXTS[lang].size < 10_000) TENURE_TEXTS[lang].set(key, text);
  return text;
}

export interface ServicePeriod {
  readonly start: DayNumber;
  /** Last day of service (inclusive); null when the period is still running. */
  readonly end: DayNumber | null;
}

export interface ServiceGap {
  /** First day without service. */
  readonly from: DayNumber;
  /** Last day without service. */
  readonly to: DayNumber;
}

/**
 * The breaks between the service periods of one person, in date order. Periods are
 * merged first, so overlaps and a restart on the day after an end are continuous; any
 * day not covered between the first start and the last end is a gap (a restart two days
 * after an end leaves a one-day gap). An open period (end null) covers everything after
 * its start. Periods that are not dates or end before they start are left out: the engine
 * reports them as date problems, and guessing their extent would invent service.
 */
export function findServiceGaps(periods: readonly ServicePeriod[]): ServiceGap[] {
  const usable = periods
    .filter((p) => Number.isInteger(p.start) && (p.end === null || (Number.isInteger(p.end) && p.end >= p.start)))
    .map((p) => ({ start: p.start, end: p.end ?? Number.POSITIVE_INFINITY }))
    .sort((a, b) => a.start - b.start);
  const gaps: ServiceGap[] = [];
  let coveredThrough = Number.NEGATIVE_INFINITY;
  for (const p of usable) {
    if (coveredThrough !== Number.NEGATIVE_INFINITY && p.start > coveredThrough + 1) {
      gaps.push({ from: coveredThrough + 1, to: p.start - 1 });
    }
    coveredThrough = Math.max(coveredThrough, p.end);
  }
  return gaps;
}
