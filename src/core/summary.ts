/**
 * The counts of a check: issues by severity and code, people by category and unit. A
 * workbook's rows are counted once, when the workbook is finished; everything that shows
 * totals over several workbooks adds those summaries up.
 */
import type { Issue } from "./issues";
import type { SheetResult, Summary } from "./results";
import { CATEGORY_CODES, type Category, ISSUE_CODES, type IssueCode, PATH_CODES, type PathCode } from "./vocabulary";

type Counts<K extends string> = Partial<Record<K, number>>;

function bump<K extends string>(counts: Counts<K>, key: K, n = 1): void {
  counts[key] = (counts[key] ?? 0) + n;
}

/** The counts in the vocabulary's order of keys, so reports read the same every time. */
function ordered<K extends string>(counts: Counts<K>, order: readonly K[]): Counts<K> {
  const out: Counts<K> = {};
  for (const key of order) if (counts[key] !== undefined) out[key] = counts[key];
  return out;
}

/** Counts the issues and rows of one workbook. */
export function countWorkbook(wb: {
  readonly sheets: readonly SheetResult[];
  readonly issues: readonly Issue[];
}): Summary {
  const bySeverity = { error: 0, warning: 0 };
  const byCode: Counts<IssueCode> = {};
  const byCategory: Counts<Category> = {};
  const byUnit: Record<string, Counts<Category>> = {};
  let people = 0;
  let endsAtCutoff = 0;
  const issues = [
    ...wb.issues,
    ...wb.sheets.flatMap((sheet) => [...sheet.issues, ...sheet.rows.flatMap((r) => r.issues)]),
  ];
  for (const issue of issues) {
    bySeverity[issue.severity] += 1;
    bump(byCode, issue.code);
  }
  for (const row of wb.sheets.flatMap((sheet) => sheet.rows)) {
    if (!("category" in row)) continue;
    people += 1;
    bump(byCategory, row.category);
    bump((byUnit[row.unit ?? ""] ??= {}), row.category);
    if (row.endsAtCutoff) endsAtCutoff += 1;
  }
  const rows = wb.sheets.reduce((n, sheet) => n + sheet.rows.length, 0);
  return {
    people,
    trainingRows: rows - people,
    bySeverity,
    byCode: ordered(byCode, ISSUE_CODES),
    byCategory: ordered(byCategory, CATEGORY_CODES),
    byUnit,
    endsAtCutoff,
    eligiblePppk: byCategory["eligible-pppk"] ?? 0,
    ...countPaths(wb.sheets),
  };
}

/** Non-ASN by path after the cut-off, overall (in the vocabulary's order) and per unit. */
function countPaths(sheets: readonly SheetResult[]): Pick<Summary, "byPath" | "byUnitPath"> {
  const byPath: Counts<PathCode> = {};
  const byUnitPath: Record<string, Counts<PathCode>> = {};
  for (const row of sheets.flatMap((sheet) => sheet.rows)) {
    if (!("path" in row) || row.path === null) continue;
    bump(byPath, row.path);
    bump((byUnitPath[row.unit ?? ""] ??= {}), row.path);
  }
  return { byPath: ordered(byPath, PATH_CODES), byUnitPath };
}

/** Adds up the path counts of several summaries. */
function addPaths(summaries: readonly Summary[]): Pick<Summary, "byPath" | "byUnitPath"> {
  const byPath: Counts<PathCode> = {};
  const byUnitPath: Record<string, Counts<PathCode>> = {};
  for (const s of summaries) {
    for (const p of PATH_CODES) if (s.byPath[p] !== undefined) bump(byPath, p, s.byPath[p]);
    for (const [unit, perUnit] of Object.entries(s.byUnitPath)) {
      const target = (byUnitPath[unit] ??= {});
      for (const [p, n] of Object.entries(perUnit) as [PathCode, number][]) bump(target, p, n);
    }
  }
  return { byPath: ordered(byPath, PATH_CODES), byUnitPath };
}

/** Adds up summaries (of several workbooks checked together). */
export function addSummaries(summaries: readonly Summary[]): Summary {
  const byCode: Counts<IssueCode> = {};
  const byCategory: Counts<Category> = {};
  const byUnit: Record<string, Counts<Category>> = {};
  for (const s of summaries) {
    for (const code of ISSUE_CODES) if (s.byCode[code] !== undefined) bump(byCode, code, s.byCode[code]);
    for (const c of CATEGORY_CODES) if (s.byCategory[c] !== undefined) bump(byCategory, c, s.byCategory[c]);
    for (const [unit, perUnit] of Object.entries(s.byUnit)) {
      const target = (byUnit[unit] ??= {});
      // In the order the categories first appear, as in each workbook's own count.
      for (const [c, n] of Object.entries(perUnit) as [Category, number][]) bump(target, c, n);
    }
  }
  const total = (pick: (s: Summary) => number): number => summaries.reduce((n, s) => n + pick(s), 0);
  return {
    people: total((s) => s.people),
    trainingRows: total((s) => s.trainingRows),
    bySeverity: { error: total((s) => s.bySeverity.error), warning: total((s) => s.bySeverity.warning) },
    byCode: ordered(byCode, ISSUE_CODES),
    byCategory: ordered(byCategory, CATEGORY_CODES),
    byUnit,
    endsAtCutoff: total((s) => s.endsAtCutoff),
    eligiblePppk: total((s) => s.eligiblePppk),
    ...addPaths(summaries),
  };
}

/** Counts over the given workbooks (each counted, then added up). */
export function summarize(
  workbooks: readonly { readonly sheets: readonly SheetResult[]; readonly issues: readonly Issue[] }[],
): Summary {
  return addSummaries(workbooks.map(countWorkbook));
}
