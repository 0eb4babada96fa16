/** The user's column corrections (column-overrides.ts) applied to a detected table layout. */
import { type CellRow, cellText, columnIndex } from "./cells";
import { NOT_THERE, type RoleColumns } from "./column-overrides";
import { HEADER_SCAN_ROWS, type TableLayout, kindOf } from "./headers";
import type { Role } from "./vocabulary";

/** The first row (within the header scan) holding anything: the header of a sheet whose roles the user gave. */
function firstFilledRow(rows: readonly CellRow[]): number | null {
  const limit = Math.min(rows.length, HEADER_SCAN_ROWS);
  for (let i = 0; i < limit; i++) if (rows[i]?.some((c) => cellText(c).trim() !== "")) return i;
  return null;
}

/**
 * The layout with the user's corrections: each given role takes its column (and that
 * column stops playing any other role); "-" removes a role. When nothing was detected,
 * the first filled row is taken as the header and the roles given make the table.
 * `rows[0]` is Excel row `firstRow`. Null when the result has no identity column.
 */
export function applyColumnOverrides(
  layout: TableLayout | null,
  roles: RoleColumns | undefined,
  rows: readonly CellRow[],
  firstRow: number,
): TableLayout | null {
  if (roles === undefined || Object.keys(roles).length === 0) return layout;
  const columns: Partial<Record<Role, number>> = { ...(layout?.columns ?? {}) };
  let combined = layout?.combinedBirthColumn ?? null;
  for (const [role, letter] of Object.entries(roles) as [Role, string][]) {
    delete columns[role];
    if (letter === NOT_THERE) continue;
    const index = columnIndex(letter);
    for (const other of Object.keys(columns) as Role[]) if (columns[other] === index) delete columns[other];
    columns[role] = index;
  }
  if (combined !== null && (columns.birthPlace !== combined || columns.birthDate !== combined)) combined = null;
  const kind = layout !== null && layout.kind !== "other" ? layout.kind : kindOf(columns);
  if (kind === "other") return null;
  const headerIndex = layout === null ? firstFilledRow(rows) : null;
  if (layout === null && headerIndex === null) return null;
  const headerRow = layout?.headerRow ?? firstRow + (headerIndex ?? 0);
  const lastColumnIndex = Math.max(layout?.lastColumnIndex ?? -1, ...Object.values(columns));
  return {
    kind,
    headerTopRow: layout?.headerTopRow ?? headerRow,
    headerRow,
    columns,
    combinedBirthColumn: combined,
    lastColumnIndex,
    dataStartRow: layout?.dataStartRow ?? headerRow + 1,
  };
}
