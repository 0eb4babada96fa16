/**
 * What every rule is given: one data row, where it is, and the sheet's column map. Rules
 * read cells through these helpers and return their issues; none of them holds state.
 */
import { type Cell, type CellRow, columnLetter } from "../cells";
import type { TableLayout } from "../headers";
import { type Issue, makeIssue } from "../issues";
import type { IssueParamsArg } from "../issue-params";
import type { IssueCode, Role } from "../vocabulary";

/** Where a row is, as the user sees it. */
export interface RowPlace {
  readonly file: string | undefined;
  readonly sheet: string;
  /** Excel row number. */
  readonly row: number;
}

/** One data row as the rules see it. */
export interface RowContext extends RowPlace {
  readonly cells: CellRow;
  /** Role -> 0-based column index. A combined "Tempat, Tgl Lahir" column stands for both birth roles. */
  readonly columns: Partial<Record<Role, number>>;
  /** The combined place-and-date column, when the sheet has one. */
  readonly combinedBirthColumn: number | null;
}

/** What a rule returns: the value it read or computed, and the issues it found on the way. */
export interface Checked<T> {
  readonly value: T;
  readonly issues: readonly Issue[];
}

/** No issues: one shared, frozen list, so a rule that finds nothing allocates nothing for it. */
export const NO_ISSUES: readonly Issue[] = Object.freeze([]);

/** What every row of a sheet shares: its column map, worked out once per sheet. */
export type RowFrame = Pick<RowContext, "columns" | "combinedBirthColumn">;

export function rowFrame(layout: Pick<TableLayout, "columns" | "combinedBirthColumn">): RowFrame {
  const combined = layout.combinedBirthColumn;
  const columns: Partial<Record<Role, number>> = { ...layout.columns };
  if (combined !== null) {
    columns.birthDate ??= combined;
    columns.birthPlace ??= combined;
  }
  return { columns, combinedBirthColumn: combined };
}

/** A row of a sheet whose frame is known (the engine's way: one frame per sheet). */
export function rowIn(frame: RowFrame, place: RowPlace, cells: CellRow): RowContext {
  return {
    file: place.file,
    sheet: place.sheet,
    row: place.row,
    cells,
    columns: frame.columns,
    combinedBirthColumn: frame.combinedBirthColumn,
  };
}

export function rowContext(
  place: RowPlace,
  cells: CellRow,
  layout: Pick<TableLayout, "columns" | "combinedBirthColumn">,
): RowContext {
  return rowIn(rowFrame(layout), place, cells);
}

export function hasColumn(ctx: RowContext, role: Role): boolean {
  return ctx.columns[role] !== undefined;
}

/** The row's cell for a role; null when the sheet has no such column or the cell is empty. */
export function cellOf(ctx: RowContext, role: Role): Cell {
  const i = ctx.columns[role];
  return i === undefined ? null : (ctx.cells[i] ?? null);
}

/** The column letter of a role, or null when the sheet has no such column. */
export function columnOf(ctx: RowContext, role: Role): string | null {
  const i = ctx.columns[role];
  return i === undefined ? null : columnLetter(i);
}

/** An issue on this row, in the column of `role` (null: the row as a whole). */
export function issueAt<C extends IssueCode>(
  ctx: RowContext,
  code: C,
  role: Role | null,
  ...params: IssueParamsArg<C>
): Issue {
  const where = { file: ctx.file, sheet: ctx.sheet, row: ctx.row };
  return role === null
    ? makeIssue(code, { ...where, column: null }, ...params)
    : makeIssue(code, { ...where, column: columnOf(ctx, role), role }, ...params);
}

/** Several lists of issues as one, in the order given; the shared empty list when all are empty. */
export function joinIssues(...lists: readonly (readonly Issue[])[]): readonly Issue[] {
  // Indexed loops, not for-of: these run several times a row, and for-of over lists of
  // several kinds allocated an iterator result per element (about 70 MB at 100k rows).
  let all: Issue[] | null = null;
  for (let i = 0; i < lists.length; i++) {
    const list = lists[i] as readonly Issue[];
    for (let j = 0; j < list.length; j++) (all ??= []).push(list[j] as Issue);
  }
  return all ?? NO_ISSUES;
}

/** The issues of several checks, in the order given; the shared empty list when there are none. */
export function issuesOf(...checks: readonly { readonly issues: readonly Issue[] }[]): readonly Issue[] {
  let all: Issue[] | null = null;
  for (let i = 0; i < checks.length; i++) {
    const list = (checks[i] as { readonly issues: readonly Issue[] }).issues;
    for (let j = 0; j < list.length; j++) (all ??= []).push(list[j] as Issue);
  }
  return all ?? NO_ISSUES;
}
