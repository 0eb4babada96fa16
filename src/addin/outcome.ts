/**
 * What an action tells the task pane and the ribbon buttons: a message in the user's
 * language (from the vocabulary), the counts, and the first problems with their cells.
 */
import { allIssues } from "../core/annotations";
import { type ProblemView as ActionProblem, issueAddress, renderIssue } from "../core/issues";
import type { WorkbookResult } from "../core/results";
import type { Lang, Role } from "../core/vocabulary";
import { label } from "./vocabulary";
import type { Writable } from "./guard";
import { officeErrorCode } from "./office";

export type { ProblemView as ActionProblem } from "../core/issues";

export interface ActionCounts {
  readonly errors: number;
  readonly warnings: number;
  readonly people: number;
  readonly byCode: Record<string, number>;
  readonly byCategory: Record<string, number>;
  /** Non-ASN by path after the cut-off, and per unit (unit -> path -> count). */
  readonly byPath: Record<string, number>;
  readonly byUnitPath: Record<string, Record<string, number>>;
}

export interface ActionOutcome {
  readonly ok: boolean;
  readonly message: string;
  readonly counts: ActionCounts;
  /** The first problems (at most MAX_PROBLEMS); all of them are in the report sheet. */
  readonly problems: readonly ActionProblem[];
  /** The sheet that shows the result, already activated. */
  readonly selectSheet?: string;
  /** Per checked sheet, the column each role was read from and the roles not found. */
  readonly columns?: readonly SheetColumns[];
}

/** Which column each role was read from in one sheet (so a wrong guess can be seen and corrected). */
export interface SheetColumns {
  readonly sheet: string;
  readonly found: readonly { readonly role: Role; readonly column: string; readonly corrected: boolean }[];
  readonly notFound: readonly Role[];
}

export function columnsOf(result: WorkbookResult): SheetColumns[] {
  return result.sheets
    .filter((s) => s.kind !== "other")
    .map((s) => {
      const corrected = new Set(s.rolesCorrected ?? []);
      return {
        sheet: s.name,
        found: (Object.entries(s.columns) as [Role, string][]).map(([role, column]) => ({
          role,
          column,
          corrected: corrected.has(role),
        })),
        notFound: s.rolesNotFound ?? [],
      };
    });
}

export const MAX_PROBLEMS = 500;

export const NO_COUNTS: ActionCounts = {
  errors: 0,
  warnings: 0,
  people: 0,
  byCode: {},
  byCategory: {},
  byPath: {},
  byUnitPath: {},
};

export function countsOf(result: WorkbookResult): ActionCounts {
  const s = result.summary;
  return {
    errors: s.bySeverity.error,
    warnings: s.bySeverity.warning,
    people: s.people,
    byCode: { ...s.byCode } as Record<string, number>,
    byCategory: { ...s.byCategory } as Record<string, number>,
    byPath: { ...s.byPath } as Record<string, number>,
    byUnitPath: s.byUnitPath as Record<string, Record<string, number>>,
  };
}

export function problemsOf(result: WorkbookResult, lang: Lang): ActionProblem[] {
  return allIssues(result)
    .slice(0, MAX_PROBLEMS)
    .map((issue) => {
      const shown = renderIssue(issue, lang);
      return {
        sheet: issue.sheet,
        address: issueAddress(issue) ?? "A1",
        severity: issue.severity,
        code: issue.code,
        title: shown.title,
        message: shown.message,
      };
    });
}

/** The check ran but nothing could be written. */
export function blocked(
  writable: Exclude<Writable, { ok: true }>,
  result: WorkbookResult | null,
  lang: Lang,
): ActionOutcome {
  const sheets = writable.sheets.map((s) => `"${s}"`).join(", ");
  const message =
    writable.reason === "read-only"
      ? label("xlReadOnly", lang)
      : writable.reason === "structure"
        ? label("xlStructureProtected", lang)
        : label(writable.reason === "protected" ? "xlProtected" : "xlProtectedOrReadOnly", lang, { sheets });
  return {
    ok: false,
    message,
    counts: result === null ? NO_COUNTS : countsOf(result),
    problems: result === null ? [] : problemsOf(result, lang),
  };
}

export function cancelled(lang: Lang): ActionOutcome {
  return { ok: false, message: label("xlCancelled", lang), counts: NO_COUNTS, problems: [] };
}

/** An error from Excel, told in the user's words. */
export function failed(error: unknown, lang: Lang): ActionOutcome {
  const code = officeErrorCode(error);
  const message =
    code === "InvalidOperationInCellEditMode"
      ? label("xlEditMode", lang)
      : label("xlFailed", lang, { code: code ?? (error instanceof Error ? error.message : String(error)) });
  return { ok: false, message, counts: NO_COUNTS, problems: [] };
}
