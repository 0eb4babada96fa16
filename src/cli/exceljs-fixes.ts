/**
 * One fix to exceljs 4.4.0, applied once, for the streaming reader only.
 *
 * stream/xlsx/worksheet-reader.js builds the sheet's columns with
 * `Column.fromModel(cols)`, but the method is `fromModel(worksheet, cols)`: the column
 * definitions land in the worksheet argument and every width comes back undefined, so a
 * streaming copy would lose all column widths. The in-memory reader calls it correctly.
 * The wrapper below recognises the faulty call (an array as the only argument) and
 * passes it on as intended; any other call is untouched.
 */
interface ColumnClass {
  fromModel(worksheet: unknown, cols?: unknown): unknown;
}

let applied = false;

export function fixStreamingColumnWidths(): void {
  if (applied) return;
  applied = true;
  // A deep require: the class is not exported, and the version is pinned in package.json.
  const Column = require("exceljs/lib/doc/column") as ColumnClass;
  const original = Column.fromModel.bind(Column);
  Column.fromModel = (worksheet: unknown, cols?: unknown): unknown =>
    Array.isArray(worksheet) && cols === undefined ? original(undefined, worksheet) : original(worksheet, cols);
}
