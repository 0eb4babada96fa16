/**
 * Dates as a clerk types and reads them in the settings and on the summary sheet: day first
 * ("31-12-2025"), with ISO ("2025-12-31") accepted too. The policy itself keeps ISO dates.
 */
import { dayToDisplay, dayToIso, dayToYmd, isValidYmd, isoToDay, ymdToDay } from "./days";
import { type Lang, label } from "./vocabulary";

/** "31-12-2025", "31/12/2025", "31.12.2025" or "2025-12-31" to ISO; null when it is not a real date. */
export function settingDateToIso(text: string): string | null {
  const trimmed = text.trim();
  const iso = isoToDay(trimmed);
  if (iso !== null) return dayToIso(iso);
  const m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(trimmed);
  if (m === null) return null;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidYmd(year, month, day) ? dayToIso(ymdToDay(year, month, day)) : null;
}

/** An ISO policy date as the settings show it ("31-12-2025"); other text is returned as it is. */
export function isoToSettingDate(iso: string): string {
  const day = isoToDay(iso);
  return day === null ? iso : dayToDisplay(day);
}

/** "31 Des 2025" / "31 Dec 2025": short enough for a button. */
export function shortDate(iso: string, lang: Lang): string {
  const day = isoToDay(iso);
  if (day === null) return iso;
  const { year, month, day: d } = dayToYmd(day);
  const months = label("monthsShort", lang).split(" ");
  return `${d} ${months[month - 1] ?? String(month)} ${year}`;
}

/** A moment as the summary sheet takes it: local "YYYY-MM-DDTHH:MM" (the adapter passes its clock). */
export function localStamp(at: Date): string {
  const two = (n: number): string => String(n).padStart(2, "0");
  return `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())}T${two(at.getHours())}:${two(at.getMinutes())}`;
}
