/** Plain result types the engine returns and both adapters consume. */
import type { Issue } from "./issues";
import type { Policy } from "./policy";
import type { PathFields } from "./rules/paths";
import type { CutoffAnswer as SummaryCutoffAnswer } from "./cutoff-answer";
import type { BknCode } from "./values";
import type {
  Category,
  CutoffAnswer,
  EmploymentStatus,
  IssueCode,
  PathCode,
  Role,
  Severity,
  TrainingVerdict,
} from "./vocabulary";

export type SheetKind = "personnel" | "training" | "other";

export interface Tenure {
  readonly years: number;
  readonly months: number;
  readonly totalMonths: number;
}

/**
 * A person row. The path fields (src/core/rules/paths.ts): `path` after the cut-off (null
 * for an ASN), `pathMissing` the PJLP documents still needed, `pathReview` what kept the
 * path from being decided, `bknCode` the BKN database category read from the sheet.
 */
export interface PersonRow extends PathFields {
  /** Excel row number. */
  readonly row: number;
  readonly name: string | null;
  /** Normalized 16-digit NIK when readable, else the raw text (or null when empty). */
  readonly nik: string | null;
  readonly nip: string | null;
  readonly status: EmploymentStatus | null;
  /** The BKN database category written in the status (or category) column: R2, R3, R3B, R3T, R4, TH. */
  readonly bknCode: BknCode | null;
  /** The unit column's text, else the label of the section row above the person. */
  readonly unit: string | null;
  /** ISO dates. */
  readonly birthDate: string | null;
  readonly startDate: string | null;
  readonly endDate: string | null;
  readonly tenure: Tenure | null;
  readonly meetsMinTenure: boolean | null;
  readonly ageYears: number | null;
  readonly endsAtCutoff: boolean;
  /** Days from the reference date to the cut-off, for non-ASN whose contract ends at the cut-off; else null. */
  readonly daysToCutoff: number | null;
  /** The cut-off answer for a non-ASN contract; null for ASN (and a status that could not be read). */
  readonly cutoff: CutoffAnswer | null;
  readonly category: Category;
  /** For `needs-review`: the fields that did not allow a decision. */
  readonly reviewFields: readonly Role[];
  readonly issues: readonly Issue[];
}

export interface TrainingRow {
  readonly row: number;
  /** NIP, else NIK, else name, normalized; null when none. */
  readonly person: string | null;
  readonly status: EmploymentStatus | null;
  readonly training: string | null;
  readonly date: string | null;
  readonly jp: number | null;
  /** False for a duplicate or an unreadable row: it adds nothing to the tally. */
  readonly counted: boolean;
  readonly issues: readonly Issue[];
}

export interface SheetResult {
  readonly name: string;
  readonly kind: SheetKind;
  /** Excel row number of the (last) header row; null when none was found. */
  readonly headerRow: number | null;
  /** First header row (differs from headerRow for two-row headers). */
  readonly headerTopRow: number | null;
  /** Role -> column letter. */
  readonly columns: Partial<Record<Role, string>>;
  /** Roles a sheet of this kind may have that no column was read for (so the user can correct a guess). */
  readonly rolesNotFound?: readonly Role[];
  /** Roles whose column the user set (column corrections). */
  readonly rolesCorrected?: readonly Role[];
  /** 0-based index of the rightmost column of the table (for placing computed columns). */
  readonly lastColumnIndex: number | null;
  /** Excel rows of the first and last data row; null when none. */
  readonly dataRange: { readonly first: number; readonly last: number } | null;
  readonly rows: readonly (PersonRow | TrainingRow)[];
  /**
   * Counts over every person row of the sheet, present when the session was told to keep only
   * some person rows (SessionOptions.keepPersonRow): then `rows` holds the kept ones and the
   * training rows, and every count comes from here.
   */
  readonly personCounts?: PersonCounts;
  /** Sheet-level issues (header-not-found, missing-column). */
  readonly issues: readonly Issue[];
}

/** What the summary counts of a sheet's person rows, counted as the rows are checked. */
export interface PersonCounts {
  people: number;
  endsAtCutoff: number;
  readonly bySeverity: Record<Severity, number>;
  readonly byCode: Partial<Record<IssueCode, number>>;
  readonly byCategory: Partial<Record<Category, number>>;
  /** unit -> category -> count, in the order of first appearance (as countWorkbook's). */
  readonly byUnit: Record<string, Partial<Record<Category, number>>>;
  readonly byPath: Partial<Record<PathCode, number>>;
  readonly byUnitPath: Record<string, Partial<Record<PathCode, number>>>;
  /** The cut-off's answers over the non-ASN contracts ("on-or-before", "past", "no-end"). */
  readonly cutoffAnswers: Partial<Record<SummaryCutoffAnswer, number>>;
}

export interface TrainingTally {
  readonly person: string;
  readonly name: string | null;
  readonly status: EmploymentStatus | null;
  readonly year: number;
  readonly jp: number;
  readonly verdict: TrainingVerdict;
  /** Where the rows that made it are. */
  readonly sheet: string;
  readonly rows: readonly number[];
  readonly file?: string;
}

export interface Summary {
  readonly people: number;
  readonly trainingRows: number;
  readonly bySeverity: Record<Severity, number>;
  readonly byCode: Partial<Record<IssueCode, number>>;
  readonly byCategory: Partial<Record<Category, number>>;
  /** unit -> category -> count. */
  readonly byUnit: Record<string, Partial<Record<Category, number>>>;
  readonly endsAtCutoff: number;
  readonly eligiblePppk: number;
  /** Non-ASN by path after the cut-off. */
  readonly byPath: Partial<Record<PathCode, number>>;
  /** unit -> path -> count. */
  readonly byUnitPath: Record<string, Partial<Record<PathCode, number>>>;
}

export interface WorkbookResult {
  readonly file?: string;
  readonly policy: Policy;
  readonly sheets: readonly SheetResult[];
  readonly training: readonly TrainingTally[];
  /** Issues not tied to one sheet's rows: JP verdicts, workbook-level problems. */
  readonly issues: readonly Issue[];
  readonly summary: Summary;
}

export function isPersonRow(row: PersonRow | TrainingRow): row is PersonRow {
  return "category" in row;
}
