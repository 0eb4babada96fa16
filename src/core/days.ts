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

export function dayToYmd(dayNumber: DayNumber): Ymd {
  const d = new Date(dayNumber * 86_400_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** True when year-month-day names a real calendar day (no 31 April, no 29 Feb 2023). */
export function isValidYmd(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
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

/** "YYYY-MM-DD". */
export function dayToIso(dayNumber: DayNumber): string {
  const { year, month, day } = dayToYmd(dayNumber);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
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
