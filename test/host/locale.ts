/**
 * The user's locale as Excel shows it through the API: en-US, or id-ID (Indonesian: decimal
 * comma, "." between thousands, ";" between a function's arguments, "Umum" for General,
 * Indonesian month names). What the API answers under a locale (Microsoft's reference and
 * the OfficeDev/office-js threads):
 * - `values` and `valueTypes` do not depend on it: a date is its serial number (#1559: "the
 *   APIs use USA locale by default"); `formulas` and `numberFormat` take and give en-US
 *   syntax, and the system short date (built-in format 14, shown "31/12/2018" under a
 *   day-first locale) reads as "m/d/yyyy" (#229);
 * - `text`, `numberFormatLocal` (ExcelApi 1.7) and `formulasLocal` are in the locale's form;
 * - `application.cultureInfo` (1.11) names the locale and its separators;
 * - on Excel on the web some accounts get `numberFormat` in the locale's form as well (#2824:
 *   "different results, depending on which user account I use"): the "account-locale"
 *   reporting mode.
 * Indonesian Excel keeps the d/m/y letters of format codes (only separators and General
 * change): an assumption, as no Indonesian Excel was at hand.
 */
import { HostError } from "./errors";

export type Locale = "en-US" | "id-ID";

export interface LocaleInfo {
  readonly name: string;
  readonly decimal: string;
  readonly group: string;
  readonly list: string;
  readonly general: string;
  readonly shortDate: string;
  readonly months: readonly string[];
}

const EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September"];
const EN_MONTHS_2 = ["October", "November", "December"];
const ID_MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September"];
const ID_MONTHS_2 = ["Oktober", "November", "Desember"];

export const LOCALES: Record<Locale, LocaleInfo> = {
  "en-US": {
    name: "en-US",
    decimal: ".",
    group: ",",
    list: ",",
    general: "General",
    shortDate: "M/d/yyyy",
    months: [...EN_MONTHS, ...EN_MONTHS_2],
  },
  "id-ID": {
    name: "id-ID",
    decimal: ",",
    group: ".",
    list: ";",
    general: "Umum",
    shortDate: "dd/MM/yyyy",
    months: [...ID_MONTHS, ...ID_MONTHS_2],
  },
};

/** The en-US code of built-in format 14, the system short date: shown in the locale's order. */
export const SYSTEM_SHORT_DATE = "m/d/yyyy";

/** Maps each character outside "quoted text", \escapes and [brackets]. */
function mapCode(code: string, fn: (ch: string) => string): string {
  let out = "";
  let quoted = false;
  let bracket = false;
  for (let i = 0; i < code.length; i++) {
    const ch = code.charAt(i);
    if (quoted || bracket) {
      out += ch;
      if (quoted && ch === '"') quoted = false;
      if (bracket && ch === "]") bracket = false;
    } else if (ch === '"') {
      quoted = true;
      out += ch;
    } else if (ch === "[") {
      bracket = true;
      out += ch;
    } else if (ch === "\\" && i + 1 < code.length) {
      out += ch + code.charAt(++i);
    } else out += fn(ch);
  }
  return out;
}

/** The code's letters outside quotes, escapes and brackets, lower-cased. */
const bareCode = (code: string): string =>
  mapCode(code, (ch) => ch)
    .replace(/"[^"]*"|\\.|\[[^\]]*\]/g, "")
    .toLowerCase();

export function isDateCode(code: string): boolean {
  const bare = bareCode(code).split(";")[0] ?? "";
  return /[dy]/.test(bare) || /mmm/.test(bare) || (/m/.test(bare) && !/[0#?]/.test(bare) && !/[hs]/.test(bare));
}

/** Swaps the decimal and group separators of number sections (date codes keep "." and "," as literals). */
function swapSeparators(code: string, from: LocaleInfo, to: LocaleInfo): string {
  if (from.decimal === to.decimal || isDateCode(code)) return code;
  return mapCode(code, (ch) => (ch === from.decimal ? to.decimal : ch === from.group ? to.group : ch));
}

/** numberFormat (en-US) to the locale's form (numberFormatLocal). */
export function localFormat(code: string, locale: Locale): string {
  const info = LOCALES[locale];
  if (code === "General") return info.general;
  if (code === SYSTEM_SHORT_DATE && locale === "id-ID") return "dd/mm/yyyy";
  return swapSeparators(code, LOCALES["en-US"], info);
}

/** A numberFormatLocal written in the locale's form, as the en-US code the host keeps. */
export function invariantFormat(code: string, locale: Locale): string {
  const info = LOCALES[locale];
  if (code.toLowerCase() === info.general.toLowerCase()) return "General";
  return swapSeparators(code, info, LOCALES["en-US"]);
}

/** Days since 1899-12-30 to [year, month, day]. */
function serialParts(serial: number): [number, number, number] {
  const d = new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
}

const two = (n: number): string => String(n).padStart(2, "0");

/** A serial shown through a date code: d, dd, m, mm, mmm, mmmm, yy, yyyy and literals. */
function showDate(serial: number, code: string, info: LocaleInfo): string {
  const [y, m, d] = serialParts(serial);
  const section = (code.split(";")[0] ?? "").replace(/\[[^\]]*\]/g, "");
  return section.replace(/"([^"]*)"|\\(.)|d+|m+|y+|./gi, (token, quoted?: string, escaped?: string) => {
    if (quoted !== undefined) return quoted;
    if (escaped !== undefined) return escaped;
    const lower = token.toLowerCase();
    const month = info.months[m - 1] ?? "";
    if (lower.startsWith("d")) return lower.length === 1 ? String(d) : two(d);
    if (lower.startsWith("y")) return lower.length <= 2 ? two(y % 100) : String(y);
    if (lower.startsWith("m"))
      return lower.length === 1
        ? String(m)
        : lower.length === 2
          ? two(m)
          : lower.length === 3
            ? month.slice(0, 3)
            : month;
    return token === "/" ? "/" : token;
  });
}

/** A number shown under a code: percent, fixed decimals (grouped for "#,##0"), or General. */
function showNumber(v: number, code: string, info: LocaleInfo): string {
  if (code === "General" || code === "@") {
    // General shows 11 characters at most: large numbers in scientific form.
    const text =
      Math.abs(v) >= 1e11
        ? v
            .toExponential(5)
            .replace(/\.?0+e/, "e")
            .replace("e+", "E+")
            .replace("e-", "E-")
        : String(Number(v.toPrecision(10)));
    return text.replace(".", info.decimal);
  }
  const decimals = /\.(0+)/.exec(code)?.[1]?.length ?? 0;
  const percent = code.includes("%");
  const [whole = "", fraction] = (percent ? v * 100 : v).toFixed(decimals).split(".");
  const grouped = code.includes("#,##") ? whole.replace(/\B(?=(\d{3})+$)/g, info.group) : whole;
  return `${grouped}${fraction === undefined ? "" : info.decimal + fraction}${percent ? "%" : ""}`;
}

/** Range.text of one cell: the value as the locale shows it through the cell's format. */
export function shownText(value: string | number | boolean | null, code: string, locale: Locale): string {
  const info = LOCALES[locale];
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  if (isDateCode(code)) {
    const shown = code === SYSTEM_SHORT_DATE ? (locale === "id-ID" ? "dd/mm/yyyy" : "m/d/yyyy") : code;
    return showDate(value, shown, info);
  }
  return showNumber(value, code, info);
}

/** Replaces top-level characters of a formula outside "strings" and 'sheet names'. */
function mapFormula(formula: string, fn: (ch: string, prev: string, next: string) => string): string {
  let out = "";
  let quote: string | null = null;
  for (let i = 0; i < formula.length; i++) {
    const ch = formula.charAt(i);
    if (quote !== null) {
      out += ch;
      if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      out += ch;
    } else out += fn(ch, formula.charAt(i - 1), formula.charAt(i + 1));
  }
  return out;
}

const digit = (ch: string): boolean => ch >= "0" && ch <= "9";

/** An en-US formula (Range.formulas) in the locale's form (Range.formulasLocal). */
export function localFormula(formula: string, locale: Locale): string {
  const info = LOCALES[locale];
  if (locale === "en-US" || !formula.startsWith("=")) return formula;
  return mapFormula(formula, (ch, prev, next) =>
    ch === "," ? info.list : ch === "." && digit(prev) && digit(next) ? info.decimal : ch,
  );
}

/**
 * A formula written through formulasLocal, as the en-US formula the host keeps. Under id-ID
 * a "," between digits is a decimal comma and anywhere else an error, as Excel refuses it.
 */
export function invariantFormula(formula: string, locale: Locale): string {
  const info = LOCALES[locale];
  if (locale === "en-US" || !formula.startsWith("=")) return formula;
  return mapFormula(formula, (ch, prev, next) => {
    if (ch === info.list) return ",";
    if (ch === info.decimal) {
      if (digit(prev) && digit(next)) return ".";
      throw new HostError("InvalidArgument", `Formula uses an en-US list separator under ${locale}: ${formula}`);
    }
    return ch;
  });
}
