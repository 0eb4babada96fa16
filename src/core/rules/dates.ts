/**
 * Date rules of a personnel row: birth date, TMT (start of service), contract end and SK
 * date are read, then judged against the reference date and each other. A date that
 * fails a judgement is not trusted: tenure and age are not computed from it.
 */
import { type DateRead, readDate, readPlaceAndDate } from "../dates";
import { type DayNumber, ageInYears, dayToDisplay, dayToYmd } from "../days";
import type { Issue } from "../issues";
import { type Bilingual, REASONS, type Role } from "../vocabulary";
import { type Checked, type RowContext, cellOf, hasColumn, issueAt, NO_ISSUES, joinIssues } from "./row";

/** Youngest plausible age at the start of service. */
const MIN_START_AGE = 15;
/** Oldest plausible age at the reference date. */
const MAX_AGE = 100;
/** Furthest plausible contract end after the reference date, in days (about 50 years). */
const MAX_END_AHEAD_DAYS = 50 * 366;

/** The dates of a personnel row as read (null: no column, empty or unreadable). */
export interface PersonDates {
  readonly birth: DayNumber | null;
  readonly start: DayNumber | null;
  readonly end: DayNumber | null;
}

/** Which of the read dates the other rules may use. */
export interface DateTrust {
  /** The birth date is missing, unreadable or implausible. */
  readonly birthProblem: boolean;
  /** The TMT is missing, unreadable or implausible, or the contract ends before it. */
  readonly startProblem: boolean;
}

/** A read date as a day; unreadable values, Excel errors and years before 1900 are reported. */
export function dateFromRead(
  ctx: RowContext,
  read: DateRead,
  role: Role,
  required: boolean,
): Checked<DayNumber | null> {
  switch (read.kind) {
    case "empty":
      return { value: null, issues: required ? [issueAt(ctx, "missing-value", role, { role })] : [] };
    case "error":
      return { value: null, issues: [issueAt(ctx, "excel-error", role, { role, value: read.text })] };
    case "invalid":
      return { value: null, issues: [issueAt(ctx, "invalid-date", role, { role, value: read.text })] };
    case "date":
      if (dayToYmd(read.day).year < 1900)
        return { value: null, issues: [implausible(ctx, role, read.day, REASONS.before1900)] };
      return { value: read.day, issues: NO_ISSUES };
  }
}

/** The date in a role's column; null without issues when the sheet has no such column. */
export function readDateColumn(ctx: RowContext, role: Role, required: boolean): Checked<DayNumber | null> {
  if (!hasColumn(ctx, role)) return { value: null, issues: NO_ISSUES };
  const fromCombined = role === "birthDate" && ctx.columns.birthDate === ctx.combinedBirthColumn;
  const read = fromCombined ? readPlaceAndDate(cellOf(ctx, role)).date : readDate(cellOf(ctx, role));
  return dateFromRead(ctx, read, role, required);
}

/** Reads the birth date, TMT (required), contract end and SK date (checked, not used). */
export function readPersonDates(ctx: RowContext): Checked<PersonDates> {
  const birth = readDateColumn(ctx, "birthDate", false);
  const start = readDateColumn(ctx, "startDate", true);
  const end = readDateColumn(ctx, "endDate", false);
  const sk = readDateColumn(ctx, "skDate", false);
  return {
    value: { birth: birth.value, start: start.value, end: end.value },
    issues: joinIssues(birth.issues, start.issues, end.issues, sk.issues),
  };
}

/**
 * Judges the read dates against the reference date and each other: a birth after the
 * reference date or more than 100 years before it, a TMT after the reference date or
 * before age 15, a contract end more than 50 years ahead or before the TMT.
 */
export function judgeDates(ctx: RowContext, dates: PersonDates, reference: DayNumber): Checked<DateTrust> {
  const { birth, start, end } = dates;
  const issues: Issue[] = [];
  let birthProblem = birth === null;
  let startProblem = start === null;
  if (birth !== null) {
    const reason =
      birth > reference
        ? REASONS.birthAfterReference
        : ageInYears(birth, reference) > MAX_AGE
          ? REASONS.birthTooOld
          : null;
    if (reason !== null) {
      issues.push(implausible(ctx, "birthDate", birth, reason));
      birthProblem = true;
    }
  }
  if (start !== null) {
    const tooYoung = birth !== null && !birthProblem && ageInYears(birth, start) < MIN_START_AGE;
    const reason = start > reference ? REASONS.startAfterReference : tooYoung ? REASONS.startBeforeAge15 : null;
    if (reason !== null) {
      issues.push(implausible(ctx, "startDate", start, reason));
      startProblem = true;
    }
  }
  if (end !== null && end - reference > MAX_END_AHEAD_DAYS)
    issues.push(implausible(ctx, "endDate", end, REASONS.farFuture));
  if (start !== null && end !== null && end < start) {
    issues.push(issueAt(ctx, "end-before-start", "endDate", { start: dayToDisplay(start), end: dayToDisplay(end) }));
    startProblem = true;
  }
  return { value: { birthProblem, startProblem }, issues };
}

/** The birth date when it may be used, else null. */
export function trustedBirth(dates: PersonDates, trust: DateTrust): DayNumber | null {
  return trust.birthProblem ? null : dates.birth;
}

/** The TMT when it may be used, else null. */
export function trustedStart(dates: PersonDates, trust: DateTrust): DayNumber | null {
  return trust.startProblem ? null : dates.start;
}

/** Age in whole years on the reference date, from a trusted birth date; else null. */
export function ageOn(dates: PersonDates, trust: DateTrust, reference: DayNumber): number | null {
  const birth = trustedBirth(dates, trust);
  return birth === null ? null : ageInYears(birth, reference);
}

function implausible(ctx: RowContext, role: Role, day: DayNumber, reason: Bilingual): Issue {
  return issueAt(ctx, "implausible-date", role, { role, value: dayToDisplay(day), reason });
}
