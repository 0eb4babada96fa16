/**
 * What an action tells the task pane and the ribbon buttons: what happened (its state), a
 * message in both languages (from the vocabulary), the counts when a check ran and wrote, and
 * the first problems with their cells and people, each in both languages so the pane can
 * switch language without running again.
 */
import { type CutoffAnswer, allIssues, issuePerson, rowPeople } from "../core/annotations";
import { issueAddress, renderIssue } from "../core/issues";
import type { WorkbookResult } from "../core/results";
import type { Bilingual, IssueCode, Lang, Role, Severity, TrainingVerdict } from "../core/vocabulary";
import type { Writable } from "./guard";
import { both, failedMessages } from "./failures";

/** Re-exported: the actions and the ribbon's commands read them here. */
export { both, failedMessages };

export type ActionKind = "check" | "tenure" | "cutoff" | "training" | "paths" | "clear" | "all";

/**
 * done: the action ran and wrote; cleared / nothing-to-clear: Hapus Tanda; blocked: the check
 * ran but nothing could be written; busy: another run holds the workbook's run lock, nothing was
 * written; cancelled; failed: Excel stopped it. Only "done" has counts.
 */
export type OutcomeState = "done" | "cleared" | "nothing-to-clear" | "blocked" | "busy" | "cancelled" | "failed";

export interface ActionProblem {
  readonly sheet: string;
  /** The cell to select ("A1" for a problem about a whole sheet). */
  readonly address: string;
  /** Excel row, or null for a problem about a whole sheet. */
  readonly row: number | null;
  /** Who the problem is about (name, else NIP/NIK), or null. */
  readonly person: string | null;
  readonly severity: Severity;
  readonly code: IssueCode;
  readonly title: Bilingual;
  readonly message: Bilingual;
}

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

/** Kontrak: the cut-off's answers, and the people whose contract the cut-off ends. */
export interface CutoffResult {
  readonly cutoffDate: string;
  readonly answers: Readonly<Record<CutoffAnswer, number>>;
  readonly people: readonly { readonly sheet: string; readonly address: string; readonly name: string | null }[];
}

/** Rekap JP: tally rows by verdict. */
export interface TallyResult {
  readonly sheet: string;
  readonly rows: number;
  readonly byVerdict: Readonly<Partial<Record<TrainingVerdict, number>>>;
}

export interface ActionOutcome {
  readonly kind: ActionKind;
  readonly state: OutcomeState;
  readonly ok: boolean;
  /** The message in the language of the run (the ribbon's dialog shows it). */
  readonly message: string;
  /** The same message in both languages (the pane's language switch). */
  readonly messages: Bilingual;
  readonly counts: ActionCounts;
  /** The first problems (at most MAX_PROBLEMS); all of them are in the report sheet. Empty unless done. */
  readonly problems: readonly ActionProblem[];
  readonly cutoff?: CutoffResult;
  readonly tally?: TallyResult;
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

export function problemsOf(result: WorkbookResult): ActionProblem[] {
  const people = rowPeople(result);
  return allIssues(result)
    .slice(0, MAX_PROBLEMS)
    .map((issue) => {
      const id = renderIssue(issue, "id");
      const en = renderIssue(issue, "en");
      return {
        sheet: issue.sheet,
        address: issueAddress(issue) ?? "A1",
        row: issue.row,
        person: issuePerson(people, issue),
        severity: issue.severity,
        code: issue.code,
        title: { id: id.title, en: en.title },
        message: { id: id.message, en: en.message },
      };
    });
}

/** An outcome without counts or problems: the action did not run to the end, or had nothing to show. */
export function plain(kind: ActionKind, state: OutcomeState, messages: Bilingual, lang: Lang): ActionOutcome {
  const ok = state === "done" || state === "cleared" || state === "nothing-to-clear";
  return { kind, state, ok, message: messages[lang], messages, counts: NO_COUNTS, problems: [] };
}

/** The check ran but nothing could be written: no counts, as if it had not run. */
export function blocked(kind: ActionKind, writable: Exclude<Writable, { ok: true }>, lang: Lang): ActionOutcome {
  const sheets = writable.sheets.map((s) => `"${s}"`).join(", ");
  const messages =
    writable.reason === "read-only"
      ? both("xlReadOnly")
      : writable.reason === "structure"
        ? both("xlStructureProtected")
        : both(writable.reason === "protected" ? "xlProtected" : "xlProtectedOrReadOnly", { sheets });
  return plain(kind, "blocked", messages, lang);
}

export function cancelled(kind: ActionKind, lang: Lang): ActionOutcome {
  return plain(kind, "cancelled", both("xlCancelled"), lang);
}

export function failed(kind: ActionKind, error: unknown, lang: Lang): ActionOutcome {
  return plain(kind, "failed", failedMessages(error), lang);
}
