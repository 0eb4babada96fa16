/**
 * Indonesian identity numbers as they sit in real cells: NIK, NIP (PNS and PPPK),
 * NIB and NPWP. Each reader normalizes what is unambiguous (spaces, dots, dashes,
 * a leading apostrophe, a "NIP:" label, one valid value among "NIP / NIP lama")
 * and says why the rest is not a valid number. A number cell that held a 15+ digit
 * id has lost digits (Excel keeps 15 significant digits) and is never "ok".
 */
import { type Cell, cellText } from "./cells";
import { type DayNumber, dayToYmd, isValidYmd, ymdToDay } from "./days";
import { provinceName } from "./regions";
import { classifyCell } from "./values";
import { ID_REASONS, type IdReasonKey, fillTemplate } from "./vocabulary";

export { provinceName } from "./regions";

export type IdReason =
  | "length"
  | "not-digits"
  | "birth-date"
  | "month"
  | "sequence"
  | "ambiguous"
  | "checksum"
  | "format";

export type IdRead<T> =
  | { kind: "empty" }
  | { kind: "ok"; value: string; info: T }
  | { kind: "precision-lost"; shown: string }
  | { kind: "invalid"; raw: string; reason: IdReason; detail: { id: string; en: string } }
  | { kind: "error"; text: string };

export interface NikInfo {
  provinceCode: string;
  provinceKnown: boolean;
  /** Day of birth, 1-31 (40 already taken off for women). */
  birthDay: number;
  birthMonth: number;
  /** Two-digit year of birth, 0-99; the century is not in the NIK. */
  birthYY: number;
  gender: "L" | "P";
}

export interface NipInfo {
  birthDate: DayNumber;
  kind: "pns" | "pppk";
  gender: "L" | "P";
  /** TMT CPNS year (PNS) or year of first appointment (PPPK). */
  appointmentYear: number;
  /** TMT CPNS month for PNS; null for PPPK, whose digits 13-14 are not a month. */
  tmtMonth: number | null;
}

export interface NpwpInfo {
  form: "nik" | "old15" | "old16";
}

type Invalid = Extract<IdRead<never>, { kind: "invalid" }>;
/** Why a digits-only string is not a valid id (the raw cell text is added by the caller). */
type Failure = { ok: false; reason: IdReason; detail: { id: string; en: string } };
type Check<T> = { ok: true; info: T } | Failure;

function fail(reason: IdReason, key: IdReasonKey, params: Readonly<Record<string, string | number>> = {}): Failure {
  const text = ID_REASONS[key];
  return { ok: false, reason, detail: { id: fillTemplate(text.id, params), en: fillTemplate(text.en, params) } };
}

function invalid(raw: string, failure: Failure): Invalid {
  return { kind: "invalid", raw, reason: failure.reason, detail: failure.detail };
}

function lengthIs(digits: string, expected: number): Failure | null {
  return digits.length === expected ? null : fail("length", "length", { expected, actual: digits.length });
}

interface IdSpec<T> {
  check(digits: string): Check<T>;
  /** Number cells at or above this have lost digits. */
  lostFrom: number;
  /** Repairs what Excel did to a number that is still exact (a dropped leading zero). */
  fromNumber?(digits: string): string;
}

// Labels people type in front of the number: "NIP.", "NIK:", "NIP lama", "No. NPWP".
const LABEL = /^(?:no\.?\s*)?(?:nip(?:\s*(?:baru|lama|pppk))?|ni\s*pppk|nik|nib|npwp)(?![a-z])\s*[.:=]?\s*/i;
// What separates two values in one cell: "a / b", "a; b", "a | b", a new line, "a (b)", "a atau b".
const PART_BREAK = /[/;|,\n\r()]+|\s+(?:atau|dan|or|and)\s+/i;

type Normalized = { digits: string } | { notDigits: string } | null;

function normalizePart(part: string): Normalized {
  const s = part
    .normalize("NFKC")
    .trim()
    .replace(/^['\u2018\u2019`"]+|['\u2018\u2019`"]+$/g, "")
    .replace(LABEL, "")
    .replace(/[\s.\-\u2010-\u2015_]+/g, "");
  if (s === "") return null;
  if (/^\d+$/.test(s)) return { digits: s };
  const odd = Array.from(new Set(Array.from(s.replace(/\d/g, ""))))
    .slice(0, 5)
    .join("");
  return { notDigits: odd };
}

function judge<T>(spec: IdSpec<T>, part: NonNullable<Normalized>): { digits: string; check: Check<T> } {
  if ("notDigits" in part) return { digits: "", check: fail("not-digits", "notDigits", { chars: part.notDigits }) };
  return { digits: part.digits, check: spec.check(part.digits) };
}

/** How Excel shows a large number: "3.17101E+15" in General format, else its 15 kept digits. */
export function excelShownNumber(v: number, format?: string): string {
  const general = format === undefined || /^(general|@|)$/i.test(format.trim()) || /e[+-]/i.test(format);
  if (!general) {
    // Written from the 15 significant digits, as toFixed would show binary noise past them.
    const [digits = "", exponent] = v.toExponential(14).split("e");
    const e = Number(exponent);
    return e >= 14 ? digits.replace(".", "") + "0".repeat(e - 14) : String(Number(v.toPrecision(15)));
  }
  const [mantissa = "", exponent] = v.toExponential(5).split("e");
  const e = Number(exponent);
  return `${mantissa.replace(/\.?0+$/, "")}E${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
}

function readId<T>(cell: Cell, spec: IdSpec<T>): IdRead<T> {
  const c = classifyCell(cell);
  switch (c.kind) {
    case "empty":
    case "error":
      return c;
    case "boolean":
      return invalid(cellText(cell), fail("format", "notNumber"));
    case "number": {
      const v = c.value;
      const raw = cellText(cell);
      if (!Number.isFinite(v) || v < 0 || !Number.isInteger(v)) return invalid(raw, fail("format", "notNumber"));
      if (v >= spec.lostFrom) return { kind: "precision-lost", shown: excelShownNumber(v, c.format) };
      const digits = spec.fromNumber ? spec.fromNumber(v.toFixed(0)) : v.toFixed(0);
      const check = spec.check(digits);
      return check.ok ? { kind: "ok", value: digits, info: check.info } : invalid(raw, check);
    }
    case "text":
      // Split the text as typed: a new line may separate two values.
      return readIdText(c.text, cell !== null && cell.t === "s" ? cell.v : c.text, spec);
  }
}

/** No cell holding an id, even two with labels, is this long; longer text is not split. */
const MAX_ID_TEXT = 200;

const DIGITS = /^\d+$/;

function readIdText<T>(raw: string, typed: string, spec: IdSpec<T>): IdRead<T> {
  if (raw.length > MAX_ID_TEXT || typed.length > MAX_ID_TEXT * 5) return invalid(raw, fail("format", "notNumber"));
  if (DIGITS.test(typed)) {
    // Digits only (most id cells): one part, nothing to normalize, raw and typed the same.
    const check = spec.check(typed);
    return check.ok ? { kind: "ok", value: typed, info: check.info } : invalid(raw, check);
  }
  // Text Excel produced from a damaged number ("3.17101E+15", "3,17101E+15").
  if (/^\+?\d+(?:[.,]\d+)?e\+?\d+$/i.test(raw.replace(/\s+/g, ""))) return { kind: "precision-lost", shown: raw };
  const parts = typed
    .split(PART_BREAK)
    .map(normalizePart)
    .filter((p): p is NonNullable<Normalized> => p !== null);
  if (parts.length === 0) return { kind: "empty" };
  const judged = parts.map((p) => judge(spec, p));
  const valid = new Map<string, T>();
  let firstFailure: Failure | null = null;
  for (const { digits, check } of judged) {
    if (check.ok) {
      if (!valid.has(digits)) valid.set(digits, check.info);
    } else firstFailure ??= check;
  }
  const [only, other] = Array.from(valid.entries());
  if (only !== undefined && other === undefined) {
    const [value, info] = only;
    return { kind: "ok", value, info };
  }
  if (only !== undefined && other !== undefined) {
    return invalid(raw, fail("ambiguous", "ambiguous", { first: only[0], second: other[0] }));
  }
  // Nothing valid: the first part's reason, as it is usually the main value.
  return invalid(raw, firstFailure ?? fail("format", "notNumber"));
}

function genderOfDigit(digit: string): "L" | "P" | null {
  return digit === "1" ? "L" : digit === "2" ? "P" : null;
}

/** NIK: province(2) regency(2) district(2) DDMMYY (day + 40 for women) sequence(4). */
function checkNik(d: string): Check<NikInfo> {
  const length = lengthIs(d, 16);
  if (length !== null) return length;
  const dd = Number(d.slice(6, 8));
  const month = Number(d.slice(8, 10));
  const yy = Number(d.slice(10, 12));
  const female = dd > 40;
  const day = female ? dd - 40 : dd;
  if (day < 1 || day > 31) return fail("birth-date", "nikDay", { day: d.slice(6, 8) });
  if (month < 1 || month > 12) return fail("month", "nikMonth", { month: d.slice(8, 10) });
  // The century is unknown; yy divisible by 4 is a leap year in 19yy and 20yy alike (except 1900, allowed for 2000).
  if (!isValidYmd(yy % 4 === 0 ? 2000 : 2001, month, day)) {
    return fail("birth-date", "nikDate", {
      date: `${String(day).padStart(2, "0")}-${d.slice(8, 10)}-${d.slice(10, 12)}`,
    });
  }
  if (d.slice(12) === "0000") return fail("sequence", "nikSequence");
  const provinceCode = d.slice(0, 2);
  return {
    ok: true,
    info: {
      provinceCode,
      provinceKnown: provinceName(provinceCode) !== null,
      birthDay: day,
      birthMonth: month,
      birthYY: yy,
      gender: female ? "P" : "L",
    },
  };
}

/** NIP PNS: YYYYMMDD + TMT YYYYMM + gender + sequence(3). NI PPPK: YYYYMMDD + year + 21..29 + gender + sequence(3). */
function checkNip(d: string): Check<NipInfo> {
  const length = lengthIs(d, 18);
  if (length !== null) return length;
  const [year, month, day] = [Number(d.slice(0, 4)), Number(d.slice(4, 6)), Number(d.slice(6, 8))];
  if (year < 1900 || !isValidYmd(year, month, day)) {
    return fail("birth-date", "nipBirthDate", { date: `${d.slice(6, 8)}-${d.slice(4, 6)}-${d.slice(0, 4)}` });
  }
  const code = Number(d.slice(12, 14));
  const kind = code >= 1 && code <= 12 ? "pns" : code >= 21 && code <= 29 ? "pppk" : null;
  if (kind === null) return fail("month", "nipKind", { digits: d.slice(12, 14) });
  const appointmentYear = Number(d.slice(8, 12));
  // Nobody is appointed before 15 or after 70: such a year is a typing error.
  if (appointmentYear < year + 15 || appointmentYear > year + 70) {
    return fail("format", "nipYear", { year: d.slice(8, 12), birthYear: year });
  }
  const genderDigit = d.charAt(14);
  const gender = genderOfDigit(genderDigit);
  if (gender === null) return fail("format", "nipGender", { digit: genderDigit });
  if (d.slice(15) === "000") return fail("sequence", "nipSequence");
  return {
    ok: true,
    info: {
      birthDate: ymdToDay(year, month, day),
      kind,
      gender,
      appointmentYear,
      tmtMonth: kind === "pns" ? code : null,
    },
  };
}

function checkNib(d: string): Check<null> {
  return lengthIs(d, 13) ?? { ok: true, info: null };
}

/** Luhn validity of a digit string (the last digit is the check digit). */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let n = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) n = n * 2 > 9 ? n * 2 - 9 : n * 2;
    sum += n;
  }
  return sum % 10 === 0;
}

/**
 * Old 15-digit NPWP: taxpayer code(2) serial(6) check digit(1) tax office(3) branch(3).
 * The check digit makes the first 9 digits Luhn-valid (domain.md: "Luhn-style check
 * over the first 9"; python-stdnum and Business::ID::NPWP check the same).
 */
function checkOldNpwp(d: string): boolean {
  return luhnValid(d.slice(0, 9));
}

/** NPWP: the NIK (16 digits, since PMK 112/2022), the old 15 digits, or "0" + the old 15. */
function checkNpwp(d: string): Check<NpwpInfo> {
  if (d.length === 16 && d[0] !== "0") {
    const nik = checkNik(d);
    return nik.ok ? { ok: true, info: { form: "nik" } } : nik;
  }
  if (d.length === 16 || d.length === 15) {
    const form = d.length === 16 ? "old16" : "old15";
    return checkOldNpwp(d.slice(d.length - 15)) ? { ok: true, info: { form } } : fail("checksum", "npwpChecksum");
  }
  return fail("length", "npwpLength", { actual: d.length });
}

const NIK_SPEC: IdSpec<NikInfo> = { check: checkNik, lostFrom: 1e14 };
const NIP_SPEC: IdSpec<NipInfo> = { check: checkNip, lostFrom: 1e14 };
// A 13-digit NIB or 15-digit NPWP fits Excel's 15 digits, so only longer numbers are damaged.
const NIB_SPEC: IdSpec<null> = { check: checkNib, lostFrom: 1e15 };
const NPWP_SPEC: IdSpec<NpwpInfo> = {
  check: checkNpwp,
  lostFrom: 1e15,
  // An old NPWP starting with 0 typed as a number keeps 14 digits: the zero is certain.
  fromNumber: (digits) => (digits.length === 14 ? `0${digits}` : digits),
};

export function readNik(cell: Cell): IdRead<NikInfo> {
  return readId(cell, NIK_SPEC);
}

export function readNip(cell: Cell): IdRead<NipInfo> {
  return readId(cell, NIP_SPEC);
}

export function readNib(cell: Cell): IdRead<null> {
  return readId(cell, NIB_SPEC);
}

export function readNpwp(cell: Cell): IdRead<NpwpInfo> {
  return readId(cell, NPWP_SPEC);
}

/** Does the NIK's DDMMYY agree with a birth date? (female day - 40 already applied in info) */
export function nikMatchesBirthDate(info: NikInfo, birth: DayNumber): boolean {
  const { year, month, day } = dayToYmd(birth);
  return day === info.birthDay && month === info.birthMonth && ((year % 100) + 100) % 100 === info.birthYY;
}
