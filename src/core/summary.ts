/**
 * The counts of a check: issues by severity and code, people by category and unit. A
 * workbook's rows are counted once, when the workbook is finished; everything that shows
 * totals over several workbooks adds those summaries up.
 */
import { cutoffAnswer } from "./cutoff-answer";
import type { Issue } from "./issues";
import type { Policy } from "./policy";
import type { PersonCounts, PersonRow, SheetResult, Summary } from "./results";
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

export function emptyPersonCounts(): PersonCounts {
  return {
    people: 0,
    endsAtCutoff: 0,
    bySeverity: { error: 0, warning: 0 },
    byCode: {},
    byCategory: {},
    byUnit: {},
    byPath: {},
    byUnitPath: {},
    cutoffAnswers: {},
  };
}

/** Counts one person row (in reading order, so units and categories keep their first appearance). */
export function countPerson(counts: PersonCounts, row: PersonRow, policy?: Policy): void {
  counts.people += 1;
  for (const issue of row.issues) {
    counts.bySeverity[issue.severity] += 1;
    bump(counts.byCode, issue.code);
  }
  bump(counts.byCategory, row.category);
  bump((counts.byUnit[row.unit ?? ""] ??= {}), row.category);
  if (row.endsAtCutoff) counts.endsAtCutoff += 1;
  if (row.path !== null) {
    bump(counts.byPath, row.path);
    bump((counts.byUnitPath[row.unit ?? ""] ??= {}), row.path);
  }
  const answer = policy === undefined ? null : cutoffAnswer(row, policy);
  if (answer !== null) bump(counts.cutoffAnswers, answer);
}

/** Adds `from` into `into`, units and categories in their order of first appearance. */
function addCounts<K extends string>(into: Counts<K>, from: Counts<K>): void {
  for (const [key, n] of Object.entries(from) as [K, number][]) bump(into, key, n);
}

/** Counts the issues and rows of one workbook. */
export function countWorkbook(wb: {
  readonly sheets: readonly SheetResult[];
  readonly issues: readonly Issue[];
}): Summary {
  // Sheets that counted their person rows as they were checked (and kept only some) give their counts.
  const counted = emptyPersonCounts();
  let trainingRows = 0;
  const issues = [...wb.issues];
  for (const sheet of wb.sheets) {
    issues.push(...sheet.issues);
    for (const row of sheet.rows) {
      if ("category" in row && sheet.personCounts !== undefined) continue;
      if ("category" in row) countPerson(counted, row);
      else {
        trainingRows += 1;
        issues.push(...row.issues);
      }
    }
    const c = sheet.personCounts;
    if (c === undefined) continue;
    counted.people += c.people;
    counted.endsAtCutoff += c.endsAtCutoff;
    counted.bySeverity.error += c.bySeverity.error;
    counted.bySeverity.warning += c.bySeverity.warning;
    addCounts(counted.byCode, c.byCode);
    addCounts(counted.byCategory, c.byCategory);
    addCounts(counted.byPath, c.byPath);
    for (const [unit, perUnit] of Object.entries(c.byUnit)) addCounts((counted.byUnit[unit] ??= {}), perUnit);
    for (const [unit, perUnit] of Object.entries(c.byUnitPath)) addCounts((counted.byUnitPath[unit] ??= {}), perUnit);
  }
  for (const issue of issues) {
    counted.bySeverity[issue.severity] += 1;
    bump(counted.byCode, issue.code);
  }
  return {
    people: counted.people,
    trainingRows,
    bySeverity: counted.bySeverity,
    byCode: ordered(counted.byCode, ISSUE_CODES),
    byCategory: ordered(counted.byCategory, CATEGORY_CODES),
    byUnit: counted.byUnit,
    endsAtCutoff: counted.endsAtCutoff,
    eligiblePppk: counted.byCategory["eligible-pppk"] ?? 0,
    byPath: ordered(counted.byPath, PATH_CODES),
    byUnitPath: counted.byUnitPath,
  };
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
