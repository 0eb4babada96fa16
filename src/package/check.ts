/**
 * Reads a package into a check session, sheet by sheet, and keeps the few facts the
 * patcher needs later: which cells the user has beside each table (so computed columns
 * never cover them) and the header row's texts (so a re-run updates its own columns).
 */
import { COMPUTED_COLUMN_COUNT } from "../core/annotations";
import { type Cell, type SheetGrid, cellText } from "../core/cells";
import { type CheckSession, isOwnSheetName } from "../core/engine";
import { HEADER_SCAN_ROWS } from "../core/headers";
import type { WorkbookResult } from "../core/results";
import { readSheetMerges, readSheetRows, type HeldPart, wholeSheetPart } from "./sheet-reader";
import { type SheetEntry, type WorkbookPackage, readCellFormats, readSharedStrings } from "./workbook";

export interface SheetFacts {
  readonly name: string;
  /** Cells with content right of the table, in the columns computed columns would take: [row, 0-based column]. */
  readonly beside: readonly (readonly [number, number])[];
  /** The texts of the header row, by 0-based column (only when the table was found). */
  readonly headerTexts: ReadonlyMap<number, string>;
  /** The sheet's first rows (up to the header scan), as a grid from row 1: the title rows above the table. */
  readonly head: SheetGrid;
}

export interface PackageCheck {
  readonly result: WorkbookResult;
  readonly facts: ReadonlyMap<string, SheetFacts>;
  /**
   * Sheet parts' texts as inflated for the check (part name -> XML), kept for the copy so
   * it does not inflate and decode them again; the patcher lets each go once written.
   */
  readonly texts: Map<string, HeldPart>;
}

/** At most this many characters of sheet XML are kept between the check and the copy. */
const KEPT_TEXT_LIMIT = 128 * 1024 * 1024;

/** The worksheets holding data, in workbook order: not chartsheets, not this tool's own report sheets. */
export function dataSheets(pkg: WorkbookPackage): SheetEntry[] {
  return pkg.sheets.filter((s) => s.kind === "worksheet" && s.part !== null && !isOwnSheetName(s.name));
}

const hasContent = (cell: Cell | undefined): boolean =>
  cell !== null && cell !== undefined && !(cell.t === "s" && cell.v === "");

export function checkPackage(
  pkg: WorkbookPackage,
  session: CheckSession,
  displayName: string | undefined,
  onRow?: () => void,
  /** Keep the sheets' texts for a copy written next (PackageCheck.texts); a check without a copy lets them go. */
  keepTexts = false,
): PackageCheck {
  const ctx = { sharedStrings: readSharedStrings(pkg), formats: readCellFormats(pkg), date1904: pkg.date1904 };
  const facts = new Map<string, SheetFacts>();
  const texts = new Map<string, HeldPart>();
  let kept = 0;
  for (const sheet of dataSheets(pkg)) {
    const part = sheet.part as string;
    const held = wholeSheetPart(pkg, part);
    const text = held?.text;
    if (keepTexts && held !== undefined && kept + held.text.length <= KEPT_TEXT_LIMIT) {
      texts.set(part, held);
      kept += held.text.length;
    }
    const stream = session.openSheet(sheet.name, displayName, readSheetMerges(pkg, part, text));
    const beside: [number, number][] = [];
    const early: { row: number; cells: Cell[]; formulas: readonly number[] | null }[] = [];
    let lastColumn: number | null = null;
    const note = (row: number, cells: readonly Cell[], formulas: readonly number[] | null): void => {
      if (lastColumn === null) return;
      const first = lastColumn + 1;
      const last = first + COMPUTED_COLUMN_COUNT - 1;
      for (let c = first; c <= last && c < cells.length; c++) if (hasContent(cells[c])) beside.push([row, c]);
      for (const c of formulas ?? []) if (c >= first && c <= last) beside.push([row, c]);
    };
    const settle = (): void => {
      lastColumn = stream.layout?.lastColumnIndex ?? null;
      for (const e of early) note(e.row, e.cells, e.formulas);
    };
    let settled = false;
    readSheetRows(
      pkg,
      part,
      ctx,
      (row, cells, formulas) => {
        stream.push(row, cells);
        onRow?.();
        if (!settled) {
          if (row <= HEADER_SCAN_ROWS) {
            early.push({ row, cells, formulas });
            return;
          }
          settled = true;
          settle();
        }
        note(row, cells, formulas);
      },
      text,
    );
    stream.end();
    if (!settled) settle();
    const headerRow = stream.layout?.headerRow ?? null;
    const headerTexts = new Map<number, string>();
    const header = early.find((e) => e.row === headerRow);
    header?.cells.forEach((c, i) => {
      if (hasContent(c)) headerTexts.set(i, cellText(c));
    });
    const headRows: Cell[][] = [];
    for (const e of early) headRows[e.row - 1] = e.cells;
    const head: SheetGrid = { name: sheet.name, firstRow: 1, rows: Array.from(headRows, (r) => r ?? []) };
    facts.set(sheet.name, { name: sheet.name, beside, headerTexts, head });
  }
  return { result: session.finishWorkbook(displayName), facts, texts };
}
