/**
 * Calendar arithmetic on "day numbers": whole days since 1970-01-01 (UTC). The core
 * keeps every date as a day number so no time zone or clock can shift it.
 */

/** Days since 1970-01-01. */
export type DayNumber = number;

export interface Ymd {
  readonly year: number;
  readonly month: number; // 1-12
  readonly day: number; // 1-31
}

/** Excel serial of 1970-01-01 in the 1900 date system. */
const EXCEL_EPOCH_OFFSET = 25569;

export function ymdToDay(year: number, month: number, day: number): DayNumber {
  return Math.floor(Date.UTC(year, month - 1, day) / 86_400_000);
}

/** Days within Date's range (about 273,790 years either side of 1970), where the arithmetic below is exact. */
const DATE_RANGE_DAYS = 100_000_000;

export function dayToYmd(dayNumber: DayNumber): Ymd {
  if (Number.isInteger(dayNumber) && dayNumber >= -DATE_RANGE_DAYS && dayNumber <= DATE_RANGE_DAYS)
    return civilFromDays(dayNumber);
  const d = new Date(dayNumber * 86_400_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/**
 * The proleptic Gregorian date of a whole day number, by arithmetic on 400-year eras (the
 * same calendar as Date's UTC fields, without building a Date: this runs for every date
 * of every row).
 */
function civilFromDays(dayNumber: number): Ymd {
  const z = dayNumber + 719_468; // days since 0000-03-01
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097; // day of era, 0-146096
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100)); // day of year from 1 March
  const mp = Math.floor((5 * doy + 2) / 153); // month from March, 0-11
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  // Date reports year 0 as 0 and never -0.
  return { year: year === 0 ? 0 : year, month, day };
}

/** True when year-month-day names a real calendar day (no 31 April, no 29 Feb 2023). */
export function isValidYmd(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  // Years 0-99 go through Date.UTC as 1900-1999, so only later whole years take the short way.
  if (Number.isInteger(year) && year >= 100 && Number.isInteger(month) && month >= 1 && month <= 12) {
    if (month !== 2) return MONTH_DAYS[month - 1] ?? 31;
    return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  }
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Excel serial (1900 system) to a day number; the time fraction is dropped. Serials
 * below 61 sit before Excel's fictitious 29 Feb 1900 and are off by one; no personnel
 * date is that old, and the plausibility check reports them.
 */
export function serialToDay(serial: number): DayNumber {
  return Math.floor(serial) - EXCEL_EPOCH_OFFSET;
}

export function dayToSerial(dayNumber: DayNumber): number {
  return dayNumber + EXCEL_EPOCH_OFFSET;
}

/**
 * Day number -> ISO text, for the days seen lately: a sheet's dates repeat (TMTs on the
 * first of a month, one contract end for everyone), and rows that share a date then share
 * one string. Cleared when full, so odd data cannot grow it without bound.
 */
const isoCache = new Map<DayNumber, string>();
const ISO_CACHE_SIZE = 50_000;

/** "YYYY-MM-DD". */
export function dayToIso(dayNumber: DayNumber): string {
  const cached = isoCache.get(dayNumber);
  if (cached !== undefined) return cached;
  const { year, month, day } = dayToYmd(dayNumber);
  const iso = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  if (isoCache.size >= ISO_CACHE_SIZE) isoCache.clear();
  isoCache.set(dayNumber, iso);
  return iso;
}

/** "DD-MM-YYYY", the order Indonesian users read. */
export function dayToDisplay(dayNumber: DayNumber): string {
  const { year, month, day } = dayToYmd(dayNumber);
  return `${String(day).padStart(2, "0")}-${String(month).padStart(2, "0")}-${year}`;
}

/** Strict "YYYY-MM-DD" to a day number, or null. */
export function isoToDay(iso: string): DayNumber | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.trim());
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidYmd(year, month, day) ? ymdToDay(year, month, day) : null;
}

/**
 * Whole months from `from` up to (not including) `toExclusive`; leftover days dropped.
 * A month is complete when the day of month is reached again (31 Jan to 28 Feb is 0
 * months, to 1 Mar is 1). Negative spans give negative counts.
 */
export function wholeMonthsBetween(from: DayNumber, toExclusive: DayNumber): number {
  if (toExclusive < from) return -wholeMonthsBetween(toExclusive, from);
  const a = dayToYmd(from);
  const b = dayToYmd(toExclusive);
  let months = (b.year - a.year) * 12 + (b.month - a.month);
  if (b.day < a.day) months -= 1;
  return months;
}

/** Age in whole years on `on`; a 29 February birthday counts from 1 March in common years. */
export function ageInYears(birth: DayNumber, on: DayNumber): number {
  const b = dayToYmd(birth);
  const o = dayToYmd(on);
  let age = o.year - b.year;
  if (o.month < b.month || (o.month === b.month && o.day < b.day)) age -= 1;
  return age;
}
