/**
 * One ExcelJS cell to the core's Cell: what Excel holds, typed, with its number format.
 * Shared by the in-memory and the streaming reader (both hand out ExcelJS cells).
 */
import type { Cell as ExcelCell, CellValue } from "exceljs";
import type { Cell } from "../core/cells";
import { isDateFormat } from "../core/dates";

/** Excel serial of 1970-01-01 (1900 date system). */
const SERIAL_OF_EPOCH = 25569;
const MS_PER_DAY = 86_400_000;
/** ExcelJS's ValueType.Merge: a covered cell of a merged area, which Excel keeps empty. */
const MERGE_TYPE = 1;

/**
 * ExcelJS gives dates as Date objects in UTC (a 1904-system file is already shifted),
 * so the 1900-system serial is the UTC day count plus the epoch's serial.
 */
export function dateToSerial(date: Date): number {
  return date.getTime() / MS_PER_DAY + SERIAL_OF_EPOCH;
}

export function serialToDate(serial: number): Date {
  return new Date(Math.round((serial - SERIAL_OF_EPOCH) * MS_PER_DAY));
}

interface RichTextPart {
  readonly text: string;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

function richText(value: Record<string, unknown>): string | null {
  const parts = value["richText"];
  if (!Array.isArray(parts)) return null;
  return (parts as RichTextPart[]).map((part) => (typeof part.text === "string" ? part.text : "")).join("");
}

/** A plain value (no formula) to a Cell; `format` is the cell's number format. */
function plainValue(value: unknown, format: string | undefined): Cell {
  const withFormat = format !== undefined && format !== "" ? { format } : {};
  if (value === null || value === undefined) return null;
  if (typeof value === "number")
    return Number.isFinite(value) ? { t: "n", v: value, ...withFormat } : { t: "e", v: "#NUM!" };
  if (typeof value === "string") return { t: "s", v: value, ...withFormat };
  if (typeof value === "boolean") return { t: "b", v: value };
  if (value instanceof Date) {
    const time = value.getTime();
    return Number.isNaN(time) ? { t: "e", v: "#VALUE!" } : { t: "d", v: dateToSerial(value), ...withFormat };
  }
  if (isObject(value)) {
    if (typeof value["error"] === "string") return { t: "e", v: value["error"] };
    const rich = richText(value);
    if (rich !== null) return { t: "s", v: rich, ...withFormat };
    // A hyperlink cell: its text is what the user typed (itself possibly rich text).
    if ("hyperlink" in value || "text" in value) {
      const shown = value["text"];
      if (typeof shown === "string") return { t: "s", v: shown, ...withFormat };
      if (isObject(shown)) return plainValue(shown, format);
      return null;
    }
    // A formula (own or shared): Excel shows its cached result; none cached reads as empty.
    // The in-memory reader already turns a result in a date format into a Date; the
    // streaming reader does not, so do it here and both modes give the same cell.
    if ("formula" in value || "sharedFormula" in value || "result" in value) {
      const result = value["result"];
      if (typeof result === "number" && Number.isFinite(result) && isDateFormat(format))
        return { t: "d", v: result, ...withFormat };
      return plainValue(result, format);
    }
  }
  return null;
}

/** Converts a value as ExcelJS returns it, given the cell's number format. */
export function cellFromValue(value: CellValue | unknown, format: string | undefined): Cell {
  return plainValue(value, format);
}

export function cellFromExcel(cell: ExcelCell): Cell {
  if (cell.type === MERGE_TYPE) return null;
  return plainValue(cell.value, cell.numFmt);
}
