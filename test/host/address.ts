/**
 * A1 addresses as Excel writes and reads them: "A1", "A1:C10", "Sheet1!A1",
 * "'My sheet'!A:A", "3:5", and comma-separated lists for RangeAreas. Plain TypeScript
 * (no Node APIs): the test host is also bundled into a browser page.
 */
import { columnIndex, columnLetter } from "../../src/core/cells";

/** The most rows and columns of a worksheet. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** A rectangle of cells, 0-based, inclusive. */
export interface Rect {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export const rectRows = (r: Rect): number => r.bottom - r.top + 1;
export const rectColumns = (r: Rect): number => r.right - r.left + 1;
export const rectCells = (r: Rect): number => rectRows(r) * rectColumns(r);

export function rectContains(r: Rect, row: number, column: number): boolean {
  return row >= r.top && row <= r.bottom && column >= r.left && column <= r.right;
}

export function rectsIntersect(a: Rect, b: Rect): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

export const columnToLetters = columnLetter;
export const lettersToColumn = columnIndex;

/** Sheet name as Excel quotes it in an address. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}[0-9]+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

export function cellAddress(row: number, column: number): string {
  return `${columnToLetters(column)}${row + 1}`;
}

/** "A1" or "A1:C3" (no sheet). */
export function rectAddress(r: Rect): string {
  const first = cellAddress(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? first : `${first}:${cellAddress(r.bottom, r.right)}`;
}

export function qualifiedAddress(sheet: string, r: Rect): string {
  return `${quoteSheet(sheet)}!${rectAddress(r)}`;
}

export class AddressError extends Error {}

const CELL = /^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$/;
const COLUMN = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?([0-9]{1,7})$/;

function parsePart(part: string): { row: number | null; column: number | null } {
  const cell = CELL.exec(part);
  if (cell) return { column: lettersToColumn(cell[1]), row: Number(cell[2]) - 1 };
  const column = COLUMN.exec(part);
  if (column) return { column: lettersToColumn(column[1]), row: null };
  const row = ROW.exec(part);
  if (row) return { column: null, row: Number(row[1]) - 1 };
  throw new AddressError(`Bad address part "${part}"`);
}

/** Splits "Sheet!A1:B2" into sheet (unquoted) and the local part. */
export function splitSheet(address: string): { sheet: string | null; local: string } {
  const text = address.trim();
  const bang = text.lastIndexOf("!");
  if (bang < 0) return { sheet: null, local: text };
  let sheet = text.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, local: text.slice(bang + 1) };
}

/** One area: "A1", "A1:C3", "A:C", "3:5". */
export function parseArea(local: string): Rect {
  const [a, b = a] = local.split(":");
  const p = parsePart(a);
  const q = parsePart(b);
  const wholeColumns = p.row === null && q.row === null;
  const wholeRows = p.column === null && q.column === null;
  if ((p.row === null) !== (q.row === null) || (p.column === null) !== (q.column === null)) {
    throw new AddressError(`Bad area "${local}"`);
  }
  const top = wholeColumns ? 0 : Math.min(p.row as number, q.row as number);
  const bottom = wholeColumns ? MAX_ROWS - 1 : Math.max(p.row as number, q.row as number);
  const left = wholeRows ? 0 : Math.min(p.column as number, q.column as number);
  const right = wholeRows ? MAX_COLUMNS - 1 : Math.max(p.column as number, q.column as number);
  if (bottom >= MAX_ROWS || right >= MAX_COLUMNS) throw new AddressError(`Out of the sheet: "${local}"`);
  return { top, left, bottom, right };
}

/** A single-area address, optionally sheet-qualified. */
export function parseAddress(address: string): { sheet: string | null; rect: Rect } {
  const { sheet, local } = splitSheet(address);
  if (local.includes(",")) throw new AddressError(`Several areas in "${address}"`);
  return { sheet, rect: parseArea(local) };
}

/** A comma-separated list of areas (RangeAreas), each optionally sheet-qualified. */
export function parseAreas(address: string): { sheet: string | null; rect: Rect }[] {
  const out: { sheet: string | null; rect: Rect }[] = [];
  // Commas inside a quoted sheet name are part of the name.
  let current = "";
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (ch === "," && !quoted) {
      out.push(parseAddress(current));
      current = "";
    } else current += ch;
  }
  if (current.trim() !== "") out.push(parseAddress(current));
  return out;
}
