/**
 * The short human summary printed on stdout: per file and combined, counts by severity,
 * category and issue code, and where the outputs went. Counts only: no names, no NIKs.
 */
import type { Policy } from "../core/policy";
import type { Summary, WorkbookResult } from "../core/results";
import {
  type Category,
  type IssueCode,
  type Lang,
  PATHS,
  type PathCode,
  categoryLabel,
  issueTitle,
  label,
} from "../core/vocabulary";
import { cliMessage } from "./messages";

function countLines(summary: Summary, lang: Lang): string[] {
  const lines: string[] = [];
  lines.push(
    cliMessage("summaryPeople", lang, {
      people: summary.people,
      training: summary.trainingRows,
      cutoff: summary.endsAtCutoff,
    }),
  );
  lines.push(
    cliMessage("summaryIssues", lang, { errors: summary.bySeverity.error, warnings: summary.bySeverity.warning }),
  );
  const categories = Object.entries(summary.byCategory) as [Category, number][];
  if (categories.length > 0) {
    lines.push(cliMessage("summaryCategories", lang));
    for (const [category, n] of categories) lines.push(`    ${categoryLabel(category, lang)}: ${n}`);
  }
  const paths = Object.entries(summary.byPath) as [PathCode, number][];
  if (paths.length > 0) {
    lines.push(`  ${label("byPath", lang)}:`);
    for (const [path, n] of paths) lines.push(`    ${PATHS[path][lang]}: ${n}`);
  }
  const codes = Object.entries(summary.byCode) as [IssueCode, number][];
  if (codes.length > 0) {
    lines.push(cliMessage("summaryCodes", lang));
    for (const [code, n] of codes) lines.push(`    ${issueTitle(code, lang)}: ${n} (${code})`);
  }
  return lines;
}

export interface FileOutputs {
  readonly result: WorkbookResult;
  readonly displayName: string;
  readonly annotatedCopy: string | null;
}

export function textSummary(
  files: readonly FileOutputs[],
  combined: Summary | null,
  policy: Policy,
  unreadable: number,
  json: string | null,
  lang: Lang,
): string {
  const lines: string[] = [
    cliMessage("summaryPolicy", lang, {
      referenceDate: policy.referenceDate,
      cutoffDate: policy.cutoffDate,
      minTenureMonths: policy.minTenureMonths,
    }),
  ];
  for (const f of files) {
    lines.push("");
    lines.push(cliMessage("summaryFile", lang, { file: f.displayName }));
    const kinds = { personnel: 0, training: 0, other: 0 };
    for (const s of f.result.sheets) kinds[s.kind] += 1;
    lines.push(cliMessage("summarySheets", lang, kinds));
    lines.push(...countLines(f.result.summary, lang));
    if (f.annotatedCopy !== null) {
      lines.push(`  ${cliMessage("summaryWroteCopy", lang, { path: f.annotatedCopy })}`);
    }
  }
  if (combined !== null) {
    lines.push("");
    lines.push(cliMessage("summaryCombined", lang, { files: files.length }));
    lines.push(...countLines(combined, lang));
  }
  if (unreadable > 0) {
    lines.push("");
    lines.push(cliMessage("summaryUnreadable", lang, { files: unreadable }));
  }
  if (json !== null) {
    lines.push("");
    lines.push(cliMessage("summaryWroteJson", lang, { path: json }));
  }
  return `${lines.join("\n")}\n`;
}
