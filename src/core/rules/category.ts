/**
 * Eligibility and category: the employment status, the PPPK age limits, the contract
 * cut-off, tenure, and the category that follows from them (src/core/eligibility.ts
 * holds the decision itself).
 */
import { type DayNumber, dayToDisplay } from "../days";
import { daysToCutoff, decideEligibility, endsAtCutoff, isNonAsn } from "../eligibility";
import type { Issue } from "../issues";
import { type Policy, maxApplicantAge } from "../policy";
import type { PersonRow } from "../results";
import { computeTenure } from "../tenure";
import { readStatus } from "../values";
import type { EmploymentStatus } from "../vocabulary";
import { type Checked, type RowContext, cellOf, hasColumn, issueAt } from "./row";

/** The status as read; `unknown` when the cell held text or an error that is no status. */
export interface StatusValue {
  readonly status: EmploymentStatus | null;
  readonly unknown: boolean;
}

/** The policy's two dates as day numbers, worked out once per session. */
export interface PolicyDays {
  readonly reference: DayNumber;
  readonly cutoff: DayNumber;
}

/** What the category rules need from the other rules of the row. */
export interface CategoryInput {
  readonly status: StatusValue;
  /** A trusted TMT (null when missing or not trusted). */
  readonly start: DayNumber | null;
  readonly end: DayNumber | null;
  /** Age on the reference date from a trusted birth date, else null. */
  readonly ageYears: number | null;
  readonly startProblem: boolean;
  readonly birthProblem: boolean;
  readonly hasServiceGap: boolean;
}

/** The computed columns of a person row. */
export type CategoryValue = Pick<
  PersonRow,
  "tenure" | "meetsMinTenure" | "ageYears" | "endsAtCutoff" | "daysToCutoff" | "category" | "reviewFields"
>;

/** Employment status of a personnel row; unreadable text and Excel errors are reported. */
export function checkStatus(ctx: RowContext): Checked<StatusValue> {
  if (!hasColumn(ctx, "status")) return { value: { status: null, unknown: false }, issues: [] };
  const s = readStatus(cellOf(ctx, "status"));
  if (s.kind === "ok") return { value: { status: s.value, unknown: false }, issues: [] };
  if (s.kind === "unknown")
    return {
      value: { status: null, unknown: true },
      issues: [issueAt(ctx, "unknown-status", "status", { value: s.text })],
    };
  if (s.kind === "error") {
    const issue = issueAt(ctx, "excel-error", "status", { role: "status", value: s.text });
    return { value: { status: null, unknown: true }, issues: [issue] };
  }
  return { value: { status: null, unknown: false }, issues: [] };
}

/** A non-ASN outside the PPPK applicant ages on the reference date. */
export function checkAgeLimits(
  ctx: RowContext,
  nonAsn: boolean,
  ageYears: number | null,
  days: PolicyDays,
  policy: Policy,
): readonly Issue[] {
  if (!nonAsn || ageYears === null) return [];
  if (ageYears >= policy.minAge && ageYears <= maxApplicantAge(policy)) return [];
  return [
    issueAt(ctx, "age-out-of-range", "birthDate", {
      age: ageYears,
      referenceDate: dayToDisplay(days.reference),
      minAge: policy.minAge,
      maxAge: maxApplicantAge(policy),
    }),
  ];
}

/** A non-ASN contract that runs past the cut-off. */
export function checkCutoff(
  ctx: RowContext,
  nonAsn: boolean,
  end: DayNumber | null,
  days: PolicyDays,
): readonly Issue[] {
  if (!nonAsn || end === null || end <= days.cutoff) return [];
  return [
    issueAt(ctx, "contract-past-cutoff", "endDate", { end: dayToDisplay(end), cutoff: dayToDisplay(days.cutoff) }),
  ];
}

/** Tenure, cut-off and category of a person row, with the age and cut-off issues. */
export function categorize(
  ctx: RowContext,
  input: CategoryInput,
  days: PolicyDays,
  policy: Policy,
): Checked<CategoryValue> {
  const { status, start, end, ageYears } = input;
  const nonAsn = isNonAsn(status.status, hasColumn(ctx, "status"), status.unknown);
  const tenure = start !== null ? computeTenure(start, end, policy) : null;
  const issues = [...checkAgeLimits(ctx, nonAsn, ageYears, days, policy), ...checkCutoff(ctx, nonAsn, end, days)];
  const endsCut = endsAtCutoff(nonAsn, end, policy);
  const eligibility = decideEligibility(
    {
      status: status.status,
      statusUnknown: status.unknown,
      hasStatusColumn: hasColumn(ctx, "status"),
      tenure,
      ageYears,
      startProblem: input.startProblem,
      birthProblem: input.birthProblem,
      hasServiceGap: input.hasServiceGap,
    },
    policy,
  );
  const value: CategoryValue = {
    tenure,
    meetsMinTenure: eligibility.meetsMinTenure,
    ageYears,
    endsAtCutoff: endsCut,
    daysToCutoff: endsCut ? daysToCutoff(policy) : null,
    category: eligibility.category,
    reviewFields: eligibility.reviewFields,
  };
  return { value, issues };
}
