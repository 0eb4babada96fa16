/**
 * What Excel does with a string written through `Range.values` or `Range.formulas`: it
 * parses it like typed input (numbers, booleans, en-US dates, formulas), unless the cell is
 * formatted as text ("@") or the string starts with an apostrophe. The host does the same,
 * so an adapter that writes "3171234567890123" as a plain value loses digits here too.
 */
import { HostError } from "./errors";
import type { StoredValue } from "./model";

export interface TypedInput {
  readonly value: StoredValue | null;
  readonly formula?: string;
  /** A number format Excel applies along with the value (a typed date gets a date format). */
  readonly format?: string;
}

/** Excel keeps 15 significant digits. */
export function toExcelNumber(n: number): number {
  if (!Number.isFinite(n)) throw new HostError("InvalidArgument", `Invalid number ${String(n)}`);
  return n === 0 ? 0 : Number(n.toPrecision(15));
}

function dateSerial(year: number, month: number, day: number): number | null {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1900 || year > 9999) return null;
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return Math.round((ms - Date.UTC(1899, 11, 30)) / 86_400_000);
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** Parses a string the way Excel parses a value typed into a cell of the given format. */
export function typedInput(text: string, cellFormat: string, allowFormula: boolean): TypedInput {
  if (text === "") return { value: null };
  if (cellFormat === "@") return { value: text };
  if (text.startsWith("'")) return { value: text.slice(1) === "" ? null : text.slice(1) };
  if (text.startsWith("=") && text.length > 1) {
    if (!allowFormula) return { value: text };
    return { value: evaluateFormula(text), formula: text };
  }
  const trimmed = text.trim();
  if (NUMBER.test(trimmed)) return { value: toExcelNumber(Number(trimmed)) };
  if (/^(true|false)$/i.test(trimmed)) return { value: trimmed.toLowerCase() === "true" };
  const iso = ISO_DATE.exec(trimmed);
  if (iso) {
    const serial = dateSerial(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    if (serial !== null) return { value: serial, format: cellFormat === "General" ? "yyyy-mm-dd" : cellFormat };
  }
  const us = US_DATE.exec(trimmed);
  if (us) {
    // The API parses like en-US typing: month first.
    const serial = dateSerial(Number(us[3]), Number(us[1]), Number(us[2]));
    if (serial !== null) return { value: serial, format: cellFormat === "General" ? "m/d/yyyy" : cellFormat };
  }
  return { value: text };
}

/** Splits on a separator outside double quotes and braces. */
function hasTopLevel(formula: string, ch: string): boolean {
  let quoted = false;
  let braces = 0;
  for (const c of formula) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === "{") braces++;
    else if (!quoted && c === "}") braces--;
    else if (!quoted && braces === 0 && c === ch) return true;
  }
  return false;
}

const STRING = '"((?:[^"]|"")*)"';
const HYPERLINK = new RegExp(`^=HYPERLINK\\(\\s*${STRING}\\s*(?:,\\s*${STRING}\\s*)?\\)$`, "i");
const unquote = (s: string): string => s.replace(/""/g, '"');

/**
 * The value of a formula written through the API. `Range.formulas` takes en-US syntax
 * whatever the user's locale: a `;` between arguments (the Indonesian list separator) is
 * rejected as Excel rejects it. The host calculates only what the add-in writes.
 */
export function evaluateFormula(formula: string): StoredValue | null {
  if (hasTopLevel(formula, ";")) {
    throw new HostError("InvalidArgument", `Formula uses a locale list separator: ${formula}`);
  }
  const link = HYPERLINK.exec(formula);
  if (link) return unquote(link[2] ?? link[1]);
  const text = new RegExp(`^=${STRING}$`).exec(formula);
  if (text) return unquote(text[1]);
  const number = /^=([+-]?\d+(\.\d+)?)$/.exec(formula);
  if (number) return Number(number[1]);
  return 0;
}
