import type { Cell } from "../../../src/core/cells";
import type { Issue } from "../../../src/core/issues";
import { type RowContext, rowContext } from "../../../src/core/rules/row";
import type { Role } from "../../../src/core/vocabulary";

/**
 * A row (by default of sheet "Data" at Excel row 7) whose columns are the given roles in the order
 * written: the first role is column A, the second B, and so on.
 */
export function rowOf(
  cells: Partial<Record<Role, Cell>>,
  options: { file?: string; sheet?: string; row?: number; combined?: number } = {},
): RowContext {
  const roles = Object.keys(cells) as Role[];
  const columns: Partial<Record<Role, number>> = {};
  roles.forEach((role, i) => (columns[role] = i));
  return rowContext(
    { file: options.file, sheet: options.sheet ?? "Data", row: options.row ?? 7 },
    roles.map((r) => cells[r] ?? null),
    { columns, combinedBirthColumn: options.combined ?? null },
  );
}

/** Code, column and params of each issue, the parts a reader sees. */
export function brief(issues: readonly Issue[]): { code: string; column: string | null; params: unknown }[] {
  return issues.map((i) => ({ code: i.code, column: i.column, params: i.params }));
}

export function codes(issues: readonly Issue[]): string[] {
  return issues.map((i) => i.code);
}
