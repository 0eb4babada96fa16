/**
 * Duplicates and service history: a NIK seen before (in any sheet or file checked in the
 * same session) is a duplicate, and the service periods of its rows must join up, since
 * the PPPK rule asks for continuous service.
 */
import { type DayNumber, dayToDisplay } from "../days";
import type { Issue } from "../issues";
import { type ServicePeriod, findServiceGaps } from "../tenure";
import { placeText } from "../vocabulary";
import { DigitKeyIndex, NumberColumn } from "./digit-keys";
import { type Checked, type RowContext, type RowPlace, issueAt, NO_ISSUES } from "./row";

/** Where a NIK was first seen, and every trusted service period recorded for it. */
export interface ServiceRecord {
  readonly first: RowPlace;
  readonly periods: ServicePeriod[];
}

/** No period / a period with an end / an open period, as held in ServiceHistory's columns. */
const NO_PERIOD = 0;
const CLOSED = 1;
const OPEN = 2;

/**
 * NIK -> where it was first seen and its service periods; one for every sheet and file
 * checked together. Held compactly (issue 10, full height): the NIK packed into numbers,
 * the first place as a sheet index and a row, the first period as two numbers; only the
 * NIKs seen again keep a list of their later periods.
 */
export class ServiceHistory {
  /** NIK -> its record's index (records are added in the order NIKs are first seen). */
  private readonly byNik = new DigitKeyIndex();
  private readonly sheets: { readonly file: string | undefined; readonly sheet: string }[] = [];
  private lastSheet = -1;
  private readonly sheetOf = new NumberColumn();
  /** A damaged file's row numbers can be anything, and come back as they were read (the column widens). */
  private readonly rowOf = new NumberColumn();
  private readonly periodKind = new NumberColumn((n) => new Uint8Array(n));
  private readonly startOf = new NumberColumn();
  private readonly endOf = new NumberColumn();
  private readonly later = new Map<number, ServicePeriod[]>();

  /** How many NIKs are known. */
  get size(): number {
    return this.byNik.size;
  }

  /** The record of a NIK as it is now, or undefined when it was never seen. */
  get(nik: string): ServiceRecord | undefined {
    const index = this.byNik.get(nik);
    return index === undefined ? undefined : this.recordAt(index);
  }

  /**
   * Records a NIK at a place with its period; returns the record as it was before (the
   * first place and the earlier periods), or null when the NIK is new.
   */
  record(nik: string, place: RowPlace, period: ServicePeriod | null): ServiceRecord | null {
    // One look-up: a new NIK gets the next index, its record's.
    const known = this.byNik.add(nik);
    if (known === this.sheetOf.length) {
      this.sheetOf.push(this.sheetIndex(place));
      this.rowOf.push(place.row);
      this.periodKind.push(period === null ? NO_PERIOD : period.end === null ? OPEN : CLOSED);
      this.startOf.push(period?.start ?? 0);
      this.endOf.push(period?.end ?? 0);
      return null;
    }
    const before = this.recordAt(known);
    if (period) {
      const more = this.later.get(known);
      if (more === undefined) this.later.set(known, [period]);
      else more.push(period);
    }
    return before;
  }

  private recordAt(index: number): ServiceRecord {
    const sheet = this.sheets[this.sheetOf.at(index)] ?? { file: undefined, sheet: "" };
    const kind = this.periodKind.at(index);
    const periods: ServicePeriod[] =
      kind === NO_PERIOD ? [] : [{ start: this.startOf.at(index), end: kind === OPEN ? null : this.endOf.at(index) }];
    for (const p of this.later.get(index) ?? []) periods.push(p);
    return { first: { file: sheet.file, sheet: sheet.sheet, row: this.rowOf.at(index) }, periods };
  }

  /** The index of a place's file and sheet; rows come sheet by sheet, so the last one is tried first. */
  private sheetIndex(place: RowPlace): number {
    const last = this.sheets[this.lastSheet];
    if (last !== undefined && last.file === place.file && last.sheet === place.sheet) return this.lastSheet;
    let index = this.sheets.findIndex((s) => s.file === place.file && s.sheet === place.sheet);
    if (index < 0) index = this.sheets.push({ file: place.file, sheet: place.sheet }) - 1;
    this.lastSheet = index;
    return index;
  }
}

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
  return history.record(nik, place, period);
}

/** The answer for a NIK seen for the first time (or none): nothing found. */
const NO_GAP: Checked<{ hasServiceGap: boolean }> = { value: { hasServiceGap: false }, issues: NO_ISSUES };

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
  if (nik === null) return NO_GAP;
  const seen = history.record(nik, ctx, period);
  if (seen === null) return NO_GAP;
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
