/**
 * Moving values between Office.js and the core: what Excel returns (numbers, text,
 * booleans, error text told apart by valueTypes, date serials told apart by their number
 * format, left to the core) becomes core Cells; the core's OutValues become what Excel
 * should store.
 */
import type { Cell } from "../core/cells";
import type { OutValue } from "../core/annotations";
import { dayToSerial, isoToDay } from "../core/days";
import { generalAlias } from "./locale";

/** Excel's error values, as Office.js returns them in `values`. */
const ERROR_TEXT =
  /^#(N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|EXTERNAL!|PYTHON!|TIMEOUT!)$/;

/** True for a value that may be an Excel error (or text that looks like one): valueTypes tells. */
export function mayBeError(value: unknown): boolean {
  return typeof value === "string" && value.length > 1 && value.charCodeAt(0) === 35 /* # */ && ERROR_TEXT.test(value);
}

/**
 * One cell as the core wants it. `isError` comes from valueTypes ("Error"); `reported` is
 * the number format when it was read (it tells how Excel shows a long number).
 */
export function toCell(value: unknown, isError: boolean, reported: string | undefined): Cell {
  if (value === "" || value === null || value === undefined) return null;
  // "Umum" where Excel on the web reports formats in the account's locale (#2824): the core reads "General".
  const format = reported === undefined ? undefined : generalAlias(reported);
  if (typeof value === "number") return format === undefined ? { t: "n", v: value } : { t: "n", v: value, format };
  if (typeof value === "boolean") return { t: "b", v: value };
  const text = String(value);
  if (isError) return { t: "e", v: text };
  return format === undefined ? { t: "s", v: text } : { t: "s", v: text, format };
}

/**
 * What to write for an OutValue. Text goes with Excel's apostrophe prefix, so no locale
 * reads "1,5", "TRUE", "12-03-1990" or a 16-digit NIK as something else; dates go as
 * serial numbers (the caller sets a date format); null clears the cell.
 */
export function toExcelValue(value: OutValue): string | number | boolean {
  if (value === null) return "";
  if (typeof value === "string") return value === "" ? "" : `'${value}`;
  if (typeof value === "number" || typeof value === "boolean") return value;
  const day = isoToDay(value.date);
  return day === null ? `'${value.date}` : dayToSerial(day);
}

/** True for an OutValue that is a date (written as a serial with a date format). */
export function isDateValue(value: OutValue): value is { readonly date: string } {
  return value !== null && typeof value === "object";
}
