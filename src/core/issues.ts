/**
 * The issue model, after Frictionless Data's error vocabulary: a stable code, a
 * severity, where it is (sheet, row, column) and the parameters of its message. The
 * message itself is rendered from the vocabulary in the reader's language.
 */
import {
  ISSUES,
  type IssueCode,
  type Lang,
  type Params,
  type Role,
  type Severity,
  issueMessage,
  issueTitle,
} from "./vocabulary";

export interface Issue {
  readonly code: IssueCode;
  readonly severity: Severity;
  /** Workbook file, when several are checked together. */
  readonly file?: string;
  readonly sheet: string;
  /** Excel row number as the user sees it; null for sheet-level issues. */
  readonly row: number | null;
  /** Column letter; null when the issue is about the whole row or sheet. */
  readonly column: string | null;
  /** The role of the column concerned, when there is one. */
  readonly role?: Role;
  readonly params: Params;
}

export function makeIssue(
  code: IssueCode,
  where: { file?: string; sheet: string; row: number | null; column: string | null; role?: Role },
  params: Params = {},
): Issue {
  const issue: Issue = {
    code,
    severity: ISSUES[code].severity,
    sheet: where.sheet,
    row: where.row,
    column: where.column,
    params,
    ...(where.file !== undefined ? { file: where.file } : {}),
    ...(where.role !== undefined ? { role: where.role } : {}),
  };
  return issue;
}

/** The issue as the JSON report shows it. */
export interface RenderedIssue {
  readonly code: IssueCode;
  readonly severity: Severity;
  readonly title: string;
  readonly message: string;
  readonly sheet: string;
  readonly row: number | null;
  readonly column: string | null;
  readonly file?: string;
}

export function renderIssue(issue: Issue, lang: Lang): RenderedIssue {
  return {
    code: issue.code,
    severity: issue.severity,
    title: issueTitle(issue.code, lang),
    message: issueMessage(issue.code, lang, { ...issue.params, ...(issue.role ? { role: issue.role } : {}) }),
    sheet: issue.sheet,
    row: issue.row,
    column: issue.column,
    ...(issue.file !== undefined ? { file: issue.file } : {}),
  };
}

/** "A1"-style address of an issue's cell, or null. */
export function issueAddress(issue: Issue): string | null {
  if (issue.row === null) return null;
  return `${issue.column ?? "A"}${issue.row}`;
}
