/** The counts of a check: issues by severity and code, people by category and unit. */
import type { Issue } from "./issues";
import type { SheetResult, Summary } from "./results";
import { CATEGORIES, type Category, ISSUE_CODES, type IssueCode } from "./vocabulary";

/** Counts over the given workbooks. */
export function summarize(workbooks: readonly { sheets: readonly SheetResult[]; issues: readonly Issue[] }[]): Summary {
  const bySeverity = { error: 0, warning: 0 };
  const byCode: Partial<Record<IssueCode, number>> = {};
  const byCategory: Partial<Record<Category, number>> = {};
  const byUnit: Record<string, Partial<Record<Category, number>>> = {};
  let people = 0;
  let trainingRows = 0;
  let endsCut = 0;
  let eligible = 0;
  const count = (issue: Issue): void => {
    bySeverity[issue.severity] += 1;
    byCode[issue.code] = (byCode[issue.code] ?? 0) + 1;
  };
  for (const wb of workbooks) {
    wb.issues.forEach(count);
    for (const sheet of wb.sheets) {
      sheet.issues.forEach(count);
      for (const row of sheet.rows) {
        row.issues.forEach(count);
        if ("category" in row) {
          people += 1;
          byCategory[row.category] = (byCategory[row.category] ?? 0) + 1;
          const unit = row.unit ?? "";
          const perUnit = (byUnit[unit] ??= {});
          perUnit[row.category] = (perUnit[row.category] ?? 0) + 1;
          if (row.endsAtCutoff) endsCut += 1;
          if (row.category === "eligible-pppk") eligible += 1;
        } else trainingRows += 1;
      }
    }
  }
  // Keep the code and category orders of the vocabulary, so reports read the same every time.
  const orderedCodes: Partial<Record<IssueCode, number>> = {};
  for (const code of ISSUE_CODES) if (byCode[code] !== undefined) orderedCodes[code] = byCode[code];
  const orderedCategories: Partial<Record<Category, number>> = {};
  for (const c of Object.keys(CATEGORIES) as Category[])
    if (byCategory[c] !== undefined) orderedCategories[c] = byCategory[c];
  return {
    people,
    trainingRows,
    bySeverity,
    byCode: orderedCodes,
    byCategory: orderedCategories,
    byUnit,
    endsAtCutoff: endsCut,
    eligiblePppk: eligible,
  };
}
