/**
 * Eligibility and category: the employment status, the PPPK age limits, the contract
 * cut-off, tenure, and the category that follows from them (src/core/eligibility.ts
 * holds the decision itself).
 */
import { type DayNumber, dayToDisplay } from "../days";
import { cutoffAnswer, daysToCutoff, decideEligibility, endsAtCutoff, isNonAsn } from "../eligibility";
import type { Issue } from "../issues";
import { type Policy, maxApplicantAge } from "../policy";
import type { PersonRow } from "../results";
import { computeTenure } from "../tenure";
import type { NipInfo } from "../identifiers";
import { type BknCode, readBknCode, readStatus } from "../values";
import { type EmploymentStatus, STATUSES } from "../vocabulary";
import { type Checked, type RowContext, cellOf, hasColumn, issueAt, NO_ISSUES, joinIssues } from "./row";

/** The status as read; `unknown` when the cell held text or an error that is no status. */
export interface StatusValue {
  readonly status: EmploymentStatus | null;
  readonly unknown: boolean;
  /** The BKN category code written in the status or category column. */
  readonly code: BknCode | null;
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
  "tenure" | "meetsMinTenure" | "ageYears" | "endsAtCutoff" | "daysToCutoff" | "cutoff" | "category" | "reviewFields"
>;

/** The status column as written; unreadable text and Excel errors are reported. */
function writtenStatus(ctx: RowContext): Checked<Omit<StatusValue, "code">> {
  if (!hasColumn(ctx, "status")) return { value: { status: null, unknown: false }, issues: NO_ISSUES };
  const s = readStatus(cellOf(ctx, "status"));
  if (s.kind === "ok") return { value: { status: s.value, unknown: false }, issues: NO_ISSUES };
  if (s.kind === "unknown")
    return {
      value: { status: null, unknown: true },
      issues: [issueAt(ctx, "unknown-status", "status", { value: s.text })],
    };
  if (s.kind === "error") {
    const issue = issueAt(ctx, "excel-error", "status", { role: "status", value: s.text });
    return { value: { status: null, unknown: true }, issues: [issue] };
  }
  return { value: { status: null, unknown: false }, issues: NO_ISSUES };
}

/** True when a written status and the NIP's kind (digits 13-14) cannot both be right. */
function contradicts(status: EmploymentStatus, nipKind: NipInfo["kind"]): boolean {
  if (status === "non-asn") return true;
  return nipKind === "pns" ? status !== "pns" : status === "pns";
}

/**
 * Employment status of a personnel row. An empty status is read from a valid NIP (digits
 * 13-14: 01-12 a PNS, 21-29 a PPPK); a written status the NIP contradicts is kept and
 * warned about. A BKN category code (R2, R3...) is kept from the status or category column.
 */
export function checkStatus(ctx: RowContext, nip: NipInfo | null = null): Checked<StatusValue> {
  const written = writtenStatus(ctx);
  const code = readBknCode(cellOf(ctx, "status")) ?? readBknCode(cellOf(ctx, "category"));
  const { status, unknown } = written.value;
  if (nip === null) return { value: { status, unknown, code }, issues: written.issues };
  if (status === null && !unknown) return { value: { status: nip.kind, unknown, code }, issues: written.issues };
  if (status === null || !contradicts(status, nip.kind))
    return { value: { status, unknown, code }, issues: written.issues };
  const digits = nip.kind === "pns" ? String(nip.tmtMonth ?? "").padStart(2, "0") : "21-29";
  const issue = issueAt(ctx, "status-nip-mismatch", "status", {
    status: STATUSES[status].id,
    digits,
    nipStatus: STATUSES[nip.kind],
  });
  return { value: { status, unknown, code }, issues: [...written.issues, issue] };
}

/** A non-ASN outside the PPPK applicant ages on the reference date. */
export function checkAgeLimits(
  ctx: RowContext,
  nonAsn: boolean,
  ageYears: number | null,
  days: PolicyDays,
  policy: Policy,
): readonly Issue[] {
  if (!nonAsn || ageYears === null) return NO_ISSUES;
  if (ageYears >= policy.minAge && ageYears <= maxApplicantAge(policy)) return NO_ISSUES;
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
  if (!nonAsn || end === null || end <= days.cutoff) return NO_ISSUES;
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
  const issues = joinIssues(checkAgeLimits(ctx, nonAsn, ageYears, days, policy), checkCutoff(ctx, nonAsn, end, days));
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
    cutoff: cutoffAnswer(nonAsn, end, policy),
    category: eligibility.category,
    reviewFields: eligibility.reviewFields,
  };
  return { value, issues };
}
