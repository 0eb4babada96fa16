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
import type { IssueParamsArg } from "./issue-params";

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

/** Where an issue is. */
export interface IssueWhere {
  readonly file?: string | undefined;
  readonly sheet: string;
  readonly row: number | null;
  readonly column: string | null;
  readonly role?: Role | undefined;
}

/** An issue; `params` must be exactly the code's parameters (see issue-params.ts). */
export function makeIssue<C extends IssueCode>(code: C, where: IssueWhere, ...args: IssueParamsArg<C>): Issue {
  const params: Params = args[0] ?? {};
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

/** An issue as a reader sees it, in one language: the one rendered shape every output derives from. */
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

/** In a row's list of issues (the JSON report's rows): the row is the place. */
export type RowIssueView = Pick<RenderedIssue, "code" | "severity" | "column" | "message" | "title">;

/** With its place (the JSON report's sheet and workbook issues). */
export type LocatedIssueView = RowIssueView & Pick<RenderedIssue, "sheet" | "row" | "file">;

/** In the task pane's list of problems: the cell to select stands for row and column. */
export type ProblemView = Pick<RenderedIssue, "sheet" | "severity" | "code" | "title" | "message"> & {
  /** The cell to select ("A1" for a problem about a whole sheet). */
  readonly address: string;
};

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
