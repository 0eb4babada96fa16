/**
 * Duplicates and service history: a NIK seen before (in any sheet or file checked in the
 * same session) is a duplicate, and the service periods of its rows must join up, since
 * the PPPK rule asks for continuous service.
 */
import { type DayNumber, dayToDisplay } from "../days";
import type { Issue } from "../issues";
import { type ServicePeriod, findServiceGaps } from "../tenure";
import { placeText } from "../vocabulary";
import { type Checked, type RowContext, type RowPlace, issueAt } from "./row";

/** Where a NIK was first seen, and every trusted service period recorded for it. */
export interface ServiceRecord {
  readonly first: RowPlace;
  readonly periods: ServicePeriod[];
}

/** NIK -> its record; one map for every sheet and file checked together. */
export type ServiceHistory = Map<string, ServiceRecord>;

/** The service period of a row, when its TMT is trusted. */
export function servicePeriod(start: DayNumber | null, end: DayNumber | null): ServicePeriod | null {
  return start === null ? null : { start, end };
}

/**
 * Records a NIK at a place with its period; returns the record as it was before (the
 * first place and the earlier periods), or null when the NIK is new.
 */
export function recordNik(
  history: ServiceHistory,
  nik: string,
  place: RowPlace,
  period: ServicePeriod | null,
): ServiceRecord | null {
  const seen = history.get(nik);
  if (seen === undefined) {
    history.set(nik, { first: place, periods: period ? [period] : [] });
    return null;
  }
  const before = { first: seen.first, periods: [...seen.periods] };
  if (period) seen.periods.push(period);
  return before;
}

/** True when two periods share a day (an open end runs on for ever). */
function overlaps(a: ServicePeriod, b: ServicePeriod): boolean {
  const aEnd = a.end ?? Number.POSITIVE_INFINITY;
  const bEnd = b.end ?? Number.POSITIVE_INFINITY;
  return a.start <= bEnd && b.start <= aEnd;
}

/**
 * Records a valid NIK and reports it when seen before (domain.md "Settled points"): rows
 * whose periods do not overlap are one person's service history, and a gap between them
 * is flagged (`service-gap`); a period that overlaps an earlier one, or a row without a
 * trusted period, is the same person entered twice (`duplicate-nik`). Across sheets and
 * files the same holds. `hasServiceGap` is true when a gap was found.
 */
export function checkServiceHistory(
  ctx: RowContext,
  history: ServiceHistory,
  nik: string | null,
  period: ServicePeriod | null,
): Checked<{ hasServiceGap: boolean }> {
  if (nik === null) return { value: { hasServiceGap: false }, issues: [] };
  const seen = recordNik(history, nik, { file: ctx.file, sheet: ctx.sheet, row: ctx.row }, period);
  if (seen === null) return { value: { hasServiceGap: false }, issues: [] };
  const first = seen.first;
  const isHistory = period !== null && seen.periods.length > 0 && !seen.periods.some((p) => overlaps(p, period));
  const issues: Issue[] = isHistory
    ? []
    : [issueAt(ctx, "duplicate-nik", "nik", { value: nik, firstPlace: placeText(first.sheet, first.row, first.file) })];
  const gap = period !== null && seen.periods.length > 0 ? findServiceGaps([...seen.periods, period])[0] : undefined;
  if (gap !== undefined)
    issues.push(
      issueAt(ctx, "service-gap", "startDate", { detail: `${dayToDisplay(gap.from)} - ${dayToDisplay(gap.to)}` }),
    );
  return { value: { hasServiceGap: gap !== undefined }, issues };
}
