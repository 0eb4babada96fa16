/**
 * Reading dates the way Indonesian personnel sheets hold them: real Excel dates,
 * serial numbers, compact digits (12031990) and text in many spellings ("12-03-1990",
 * "12 Maret 1990", "Agustus 2021"). Day first, always, when the order is ambiguous.
 */
import { type Cell, cellText } from "./cells";
import { type DayNumber, isValidYmd, serialToDay, ymdToDay } from "./days";
import { classifyCell, collapseSpaces } from "./values";

export type DateRead =
  | { kind: "empty" }
  | { kind: "date"; day: DayNumber; monthOnly: boolean }
  | { kind: "invalid"; text: string }
  | { kind: "error"; text: string };

/** First Excel serial that is not a date: 2958466 would be 1 January 10000. */
const SERIAL_END = 2958466;

/**
 * Two-digit years up to this value are 20yy, the others 19yy: Excel's own rule
 * ("1/1/29" is 2029, "1/1/30" is 1930), so a text date reads as Excel would read it
 * when typed. No worker was born before 1930, and no contract runs past 2029 yet.
 */
export const TWO_DIGIT_YEAR_PIVOT = 29;

/** Longer texts are not dates; the cap also keeps the place+date search cheap. */
const MAX_DATE_TEXT = 80;

const MONTHS: Readonly<Record<string, number>> = {
  januari: 1,
  january: 1,
  jan: 1,
  februari: 2,
  pebruari: 2,
  february: 2,
  feb: 2,
  peb: 2,
  febr: 2,
  maret: 3,
  march: 3,
  mar: 3,
  mrt: 3,
  april: 4,
  apr: 4,
  mei: 5,
  may: 5,
  juni: 6,
  june: 6,
  jun: 6,
  juli: 7,
  july: 7,
  jul: 7,
  agustus: 8,
  august: 8,
  agu: 8,
  agt: 8,
  ags: 8,
  agst: 8,
  agus: 8,
  agust: 8,
  aug: 8,
  september: 9,
  sep: 9,
  sept: 9,
  oktober: 10,
  october: 10,
  okt: 10,
  oct: 10,
  november: 11,
  nopember: 11,
  nov: 11,
  nop: 11,
  desember: 12,
  december: 12,
  des: 12,
  dec: 12,
};

const WEEKDAY_PREFIX =
  /^(?:senin|selasa|rabu|kamis|jum['\u2019]?at|sabtu|minggu|ahad|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s*,?\s*/;

// A time of day after a date ("12/03/1990 08:00", "1990-03-12T00:00:00Z"): ignored.
// Other tools write ISO date-times as text, with a zone: "2024-01-01T00:00:00+07:00" (the date as written counts).
const TIME = String.raw`(?:(?:\s+|t)\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:\.\d+)?)?\s*(?:am|pm|wib|wita|wit)?(?:z|[+-]\d{2}:?\d{2})?)?`;
const SEP = String.raw`\s*[-/.]\s*`;
const DMY = new RegExp(String.raw`^(\d{1,2})${SEP}(\d{1,2})${SEP}(\d{4}|\d{2})${TIME}$`);
const YMD = new RegExp(String.raw`^(\d{4})${SEP}(\d{1,2})${SEP}(\d{1,2})${TIME}$`);
const D_MONTH_Y = /^(\d{1,2})[\s\-/.,]*([a-z]+)\.?[\s\-/.,]*(\d{4}|\d{2})$/;
const MONTH_D_Y = /^([a-z]+)\.?\s*(\d{1,2})(?:st|nd|rd|th)?\s*,?\s+(\d{4})$/;
const MONTH_Y = /^([a-z]+)\.?[\s\-/.,]*(\d{4})$/;

type DayAndMonthOnly = { day: DayNumber; monthOnly: boolean };

function fullYear(text: string | undefined = ""): number {
  const n = Number(text);
  if (text.length !== 2) return n;
  return n <= TWO_DIGIT_YEAR_PIVOT ? 2000 + n : 1900 + n;
}

/** A calendar day, or null when it does not exist (31 April, 29 February 2023) or the year is not four digits. */
function calendarDay(year: number, month: number, day: number): DayAndMonthOnly | null {
  if (year < 1000 || year > 9999 || !isValidYmd(year, month, day)) return null;
  return { day: ymdToDay(year, month, day), monthOnly: false };
}

function monthNumber(word: string | undefined = ""): number | null {
  return Object.prototype.hasOwnProperty.call(MONTHS, word) ? (MONTHS[word] ?? null) : null;
}

/** An Excel serial as a date (time of day dropped), or null outside Excel's date range. */
export function serialDate(serial: number): DayNumber | null {
  return Number.isFinite(serial) && serial >= 1 && serial < SERIAL_END ? serialToDay(serial) : null;
}

/** Eight digits as DDMMYYYY, else YYYYMMDD; only years 1900-2199, so digit soup is not a date. */
function compactDate(digits: string): DayAndMonthOnly | null {
  const plausible = (y: number): boolean => y >= 1900 && y <= 2199;
  const [dd, mm, yyyy] = [Number(digits.slice(0, 2)), Number(digits.slice(2, 4)), Number(digits.slice(4))];
  if (plausible(yyyy)) {
    const dmy = calendarDay(yyyy, mm, dd);
    if (dmy !== null) return dmy;
  }
  const [y, m, d] = [Number(digits.slice(0, 4)), Number(digits.slice(4, 6)), Number(digits.slice(6))];
  return plausible(y) ? calendarDay(y, m, d) : null;
}

/**
 * Digits alone: 8 digits are a compact date, 6 digits DDMMYY; 5 digits (with an
 * optional time fraction) an Excel serial, 1927-2173. Shorter digit strings in a text
 * cell are more likely a year or a typo than a serial, so they are not dates.
 */
function digitsDate(text: string, allowSerial: boolean): DayAndMonthOnly | null {
  if (/^\d{8}$/.test(text)) return compactDate(text);
  if (/^\d{6}$/.test(text))
    return calendarDay(fullYear(text.slice(4)), Number(text.slice(2, 4)), Number(text.slice(0, 2)));
  if (allowSerial && /^\d{5}(?:\.\d+)?$/.test(text)) {
    const day = serialDate(Number(text));
    return day === null ? null : { day, monthOnly: false };
  }
  return null;
}

function normalizeDateText(text: string): string {
  let s = collapseSpaces(text.replace(/[\u2010-\u2015\u2212]/g, "-")).toLowerCase();
  // Too long to be a date: stop before the trimming regexes, which are slow on long runs.
  if (s.length > MAX_DATE_TEXT * 2) return s;
  s = s.replace(/^'/, "").replace(/^(?:tanggal|tgl)\.?\s*:?\s*/, "");
  s = s.replace(WEEKDAY_PREFIX, "");
  return s.replace(/[\s.,]+$/, "");
}

function parseNormalized(s: string, allowSerial: boolean): DayAndMonthOnly | null {
  if (s === "" || s.length > MAX_DATE_TEXT) return null;
  if (/^\d/.test(s) && /^[\d.]+$/.test(s) && !/^\d{1,2}\.\d{1,2}\.\d/.test(s)) return digitsDate(s, allowSerial);
  let m = DMY.exec(s);
  if (m !== null) return calendarDay(fullYear(m[3]), Number(m[2]), Number(m[1]));
  m = YMD.exec(s);
  if (m !== null) return calendarDay(Number(m[1]), Number(m[2]), Number(m[3]));
  m = D_MONTH_Y.exec(s);
  if (m !== null) {
    const month = monthNumber(m[2]);
    return month === null ? null : calendarDay(fullYear(m[3]), month, Number(m[1]));
  }
  m = MONTH_D_Y.exec(s);
  if (m !== null) {
    const month = monthNumber(m[1]);
    return month === null ? null : calendarDay(Number(m[3]), month, Number(m[2]));
  }
  m = MONTH_Y.exec(s);
  if (m !== null) {
    const month = monthNumber(m[1]);
    const first = month === null ? null : calendarDay(Number(m[2]), month, 1);
    return first === null ? null : { day: first.day, monthOnly: true };
  }
  return null;
}

/**
 * A date written as text, or null. Accepts "12-03-1990", "12/03/1990", "12.03.1990",
 * "1990-03-12", "12 Maret 1990", "12 Mar 1990", "12-Mar-90", "March 12, 1990",
 * "Senin, 12 Maret 1990", "Agustus 2021" (month only: the 1st, monthOnly true),
 * "12031990"/"19900312" (compact), "120390" (DDMMYY) and 5-digit Excel serials ("45292").
 * Day first when ambiguous; Indonesian and English month names, full or short.
 */
export function parseDateText(text: string): { day: DayNumber; monthOnly: boolean } | null {
  return parseNormalized(normalizeDateText(text), true);
}

/**
 * A date cell read as the engine needs it. Numbers are Excel serials (1 to 2958465;
 * the time of day is dropped), except 8-digit integers, which are DDMMYYYY or YYYYMMDD.
 */
export function readDate(cell: Cell): DateRead {
  const c = classifyCell(cell);
  switch (c.kind) {
    case "empty":
    case "error":
      return c;
    case "boolean":
      return { kind: "invalid", text: cellText(cell) };
    case "number": {
      const v = c.value;
      if (!c.isDate && Number.isInteger(v) && v >= 10_000_000 && v <= 99_999_999) {
        const compact = compactDate(String(v));
        return compact === null ? { kind: "invalid", text: cellText(cell) } : { kind: "date", ...compact };
      }
      const day = serialDate(v);
      return day === null ? { kind: "invalid", text: cellText(cell) } : { kind: "date", day, monthOnly: false };
    }
    case "text": {
      const parsed = parseDateText(c.text);
      return parsed === null ? { kind: "invalid", text: c.text } : { kind: "date", ...parsed };
    }
  }
}

/**
 * True when a number format shows a date: it has a day or year code, or a month name
 * ("mmm"), outside quoted text, escapes and [brackets] (locale, colour, condition).
 * "h:mm" and "mm:ss" are times, not dates.
 */
export function isDateFormat(format: string | undefined): boolean {
  if (format === undefined) return false;
  const lower = format.trim().toLowerCase();
  if (lower === "" || lower === "general" || lower === "standard" || lower === "umum" || lower === "@") return false;
  // Only the first section counts: it is the one that shows positive numbers, i.e. serials.
  const codes = lower
    .replace(/"[^"]*"?/g, "")
    .replace(/\\./g, "")
    .replace(/[_*]./g, "")
    .replace(/\[[^\]]*\]?/g, "")
    .split(";")[0];
  return codes !== undefined && (/[dy]/.test(codes) || /mmm/.test(codes));
}

/** A day number standing right before a month name: "31 " in "Balikpapan, 31 Nopember 1990". */
// No lookbehind (Internet Explorer 11 and EdgeHTML have none): the day is group 1.
const DAY_BEFORE_MONTH = /(?:^|[^\d.])(\d{1,2}[\s\-/.]*)$/;

/** Characters that end a place name and may start a date. */
const PLACE_DATE_BREAK = /[\s,;/-]/;

/**
 * Splits "Tempat, Tgl Lahir" cells: "Balikpapan, 12-03-1990", "Balikpapan 12 Maret 1990",
 * "Balikpapan / 12-03-1990". The date is the longest tail that reads as a date
 * (bare serial numbers excepted: "Kota Baru 2" has no date). When no tail does,
 * the text after the first comma, semicolon or slash (or from the first digit) is
 * the unreadable date. A cell holding only a date has no place; a text too long to
 * be a place and a date is an unreadable date.
 */
export function readPlaceAndDate(cell: Cell): { place: string | null; date: DateRead } {
  const c = classifyCell(cell);
  if (c.kind !== "text") return { place: null, date: readDate(cell) };
  const text = c.text;
  if (text.length > MAX_DATE_TEXT * 4) return { place: null, date: { kind: "invalid", text } };
  const whole = parseDateText(text);
  if (whole !== null) return { place: null, date: { kind: "date", ...whole } };
  for (let i = Math.max(1, text.length - MAX_DATE_TEXT); i < text.length; i += 1) {
    if (!PLACE_DATE_BREAK.test(text.charAt(i - 1)) || PLACE_DATE_BREAK.test(text.charAt(i))) continue;
    const parsed = parseNormalized(normalizeDateText(text.slice(i)), false);
    if (parsed === null) continue;
    // "Balikpapan, 31 Nopember 1990": the month-and-year tail follows a day that does not exist in
    // that month; the date is invalid, never the month alone.
    const day = parsed.monthOnly ? DAY_BEFORE_MONTH.exec(text.slice(0, i)) : null;
    if (day !== null) {
      const at = day.index + day[0].length - (day[1] ?? "").length;
      return {
        place: cleanPlace(text.slice(0, at)),
        date: { kind: "invalid", text: collapseSpaces(text.slice(at)) },
      };
    }
    return { place: cleanPlace(text.slice(0, i)), date: { kind: "date", ...parsed } };
  }
  // Where the date would start: the first separator or digit, whichever comes first.
  const cuts = [text.search(/[,;/]/), text.search(/\d/)].filter((i) => i >= 0);
  const cut = cuts.length > 0 ? Math.min(...cuts) : -1;
  if (cut < 0) return { place: cleanPlace(text), date: { kind: "empty" } };
  const rest = collapseSpaces(text.slice(cut).replace(/^[,;/]/, ""));
  return {
    place: cleanPlace(text.slice(0, cut)),
    date: rest === "" ? { kind: "empty" } : { kind: "invalid", text: rest },
  };
}

function cleanPlace(text: string): string | null {
  const place = collapseSpaces(text.replace(/[\s,;/-]+$/, ""));
  return place === "" ? null : place;
}
