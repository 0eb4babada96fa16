/**
 * Everything an adapter writes into a workbook, laid out as plain grids: the computed
 * columns beside a personnel table, the cells to mark, and the report, summary and JP
 * tally sheets. The command line (ExcelJS) and the add-in (Office.js) write these as
 * they are, so both produce the same workbook and no label or rule lives in an adapter.
 */
import { columnIndex, columnLetter } from "./cells";
import { isoToDay, dayToDisplay } from "./days";
import { type Issue, issueAddress, renderIssue } from "./issues";
import { POLICY_LABELS, type Policy, type PolicyKey } from "./policy";
import { type PersonRow, type SheetResult, type Summary, type WorkbookResult, isPersonRow } from "./results";
import type { SheetLayout } from "./output";
import { addSummaries } from "./summary";
import { pathOrderOf } from "./rules/paths";
import { formatTenure } from "./tenure";
import {
  CATEGORIES,
  CUTOFF_ANSWERS,
  type Category,
  ISSUE_CODES,
  type Lang,
  type LabelKey,
  PATH_CODES,
  PATH_OPTION_LABELS,
  PATHS,
  type PathCode,
  PJLP_DOCUMENTS,
  ROLES,
  SEVERITIES,
  type Severity,
  STATUSES,
  TRAINING_VERDICTS,
  categoryLabel,
  issueTitle,
  label,
  type Role,
  roleLabel,
} from "./vocabulary";

export type OutValue = string | number | boolean | null | { readonly date: string };
export type OutStyle = "title" | "header" | "error" | "warning" | "ok" | "muted";

export interface OutCell {
  readonly value: OutValue;
  readonly style?: OutStyle;
  /** An internal link to a cell of this workbook. */
  readonly link?: { readonly sheet: string; readonly address: string };
  readonly numberFormat?: string;
}

export interface OutGrid {
  readonly sheetName: string;
  readonly rows: readonly (readonly OutCell[])[];
  readonly columnWidths: readonly number[];
  /** Freeze panes, filter and print setup (see src/core/output.ts); writers apply what is given. */
  readonly layout?: SheetLayout;
}

/** Date format for cells the add-in writes: day first, as Indonesian users read. */
export const DATE_FORMAT = "dd-mm-yyyy";

/** Fill colours for marks, by severity (RGB hex, as both ExcelJS and Office.js take them). */
export const MARK_COLORS: Record<Severity | "cutoff", string> = {
  error: "#F8CBAD",
  warning: "#FFE699",
  cutoff: "#BDD7EE",
};

/** How the other output styles look, so the command line and the add-in write the same workbook. */
export const STYLE_COLORS = {
  headerFill: "#DDEBF7",
  okFill: "#C6EFCE",
  mutedFont: "#595959",
} as const;

/** The most rows a sheet can hold; the report stops short of it. */
const EXCEL_MAX_ROWS = 1_048_576;

const cell = (value: OutValue, style?: OutStyle, extra: Partial<OutCell> = {}): OutCell =>
  style === undefined ? { value, ...extra } : { value, style, ...extra };

/** One output cell (for the other report grids in core). */
export const outCell = cell;

// ---- computed columns -------------------------------------------------------------

export interface ComputedColumns {
  readonly sheet: string;
  /** 0-based column index of the first computed column: the column right after the table. */
  readonly startColumnIndex: number;
  /** Excel row of the header cells. */
  readonly headerRow: number;
  readonly headers: readonly OutCell[];
  readonly rows: readonly { readonly row: number; readonly cells: readonly OutCell[] }[];
}

/** The columns written beside a personnel table, in order. */
export const COMPUTED_COLUMN_LABELS: readonly LabelKey[] = [
  "colStartRead",
  "colTenure",
  "colTenureMonths",
  "colMeetsTenure",
  "colAge",
  "colCutoff",
  "colEndRead",
  "colCategory",
  "colIssues",
  "colPath",
];

export const COMPUTED_COLUMN_COUNT = COMPUTED_COLUMN_LABELS.length;

const CATEGORY_STYLE: Record<Category, OutStyle> = {
  "asn-pns": "muted",
  "asn-pppk": "muted",
  "asn-pppk-paruh-waktu": "muted",
  "eligible-pppk": "ok",
  "not-eligible-tenure": "error",
  "not-eligible-age": "error",
  "needs-review": "warning",
};

const PATH_STYLE: Record<PathCode, OutStyle | undefined> = {
  "usul-pppk": "ok",
  "pppk-paruh-waktu": "ok",
  "pjlp-siap": "ok",
  "pjlp-belum-siap": "warning",
  "bantuan-usaha": undefined,
  "perlu-diperiksa": "warning",
};

/** The path column: the path, and for PJLP not ready the documents missing ("PJLP: belum lengkap: NIB, NPWP"). */
export function pathText(p: PersonRow, lang: Lang): string | null {
  if (p.path === null) return null;
  const name = PATHS[p.path][lang];
  if (p.pathMissing.length > 0)
    return `${name}: ${p.pathMissing.map((m) => PJLP_DOCUMENTS[m.document][lang]).join(", ")}`;
  if (p.pathReview.length > 0) return `${name}: ${p.pathReview.map((f) => ROLES[f][lang]).join(", ")}`;
  return name;
}

export function computedColumns(sheet: SheetResult, lang: Lang): ComputedColumns | null {
  if (sheet.kind !== "personnel" || sheet.headerRow === null || sheet.lastColumnIndex === null) return null;
  const yesNo = (v: boolean | null): OutValue => (v === null ? null : label(v ? "yes" : "no", lang));
  const rows = sheet.rows.filter(isPersonRow).map((p: PersonRow) => {
    const codes = p.issues.map((i) => issueTitle(i.code, lang));
    const cells: OutCell[] = [
      cell(p.startDate !== null ? { date: p.startDate } : null, undefined, { numberFormat: DATE_FORMAT }),
      cell(p.tenure !== null ? formatTenure(p.tenure, lang) : null),
      cell(p.tenure?.totalMonths ?? null),
      cell(yesNo(p.meetsMinTenure)),
      cell(p.ageYears),
      cell(p.cutoff === null ? null : CUTOFF_ANSWERS[p.cutoff][lang], p.endsAtCutoff ? "warning" : undefined),
      cell(p.endDate !== null ? { date: p.endDate } : null, undefined, { numberFormat: DATE_FORMAT }),
      cell(categoryLabel(p.category, lang), CATEGORY_STYLE[p.category]),
      cell(codes.length > 0 ? [...new Set(codes)].join("; ") : null),
      cell(pathText(p, lang), p.path === null ? undefined : PATH_STYLE[p.path]),
    ];
    return { row: p.row, cells };
  });
  return {
    sheet: sheet.name,
    startColumnIndex: sheet.lastColumnIndex + 1,
    headerRow: sheet.headerRow,
    headers: COMPUTED_COLUMN_LABELS.map((k) => cell(label(k, lang), "header")),
    rows,
  };
}

// ---- marks --------------------------------------------------------------------------

export interface CellMark {
  readonly file?: string;
  readonly sheet: string;
  readonly row: number;
  readonly column: string;
  readonly address: string;
  readonly severity: Severity;
  /** The messages of every issue on this cell, one per line. */
  readonly note: string;
}

/** Every issue of a workbook, in reading order: sheet issues, row issues, then workbook issues. */
export function allIssues(result: WorkbookResult): Issue[] {
  const out: Issue[] = [];
  for (const sheet of result.sheets) {
    out.push(...sheet.issues);
    for (const row of sheet.rows) out.push(...row.issues);
  }
  out.push(...result.issues);
  return out;
}

/** One mark per cell, with the worst severity; issues without a cell are only in the report. */
export function cellMarks(result: WorkbookResult, lang: Lang): CellMark[] {
  const marks = new Map<string, { issue: Issue; severity: Severity; notes: string[] }>();
  for (const issue of allIssues(result)) {
    if (issue.row === null || issue.column === null) continue;
    const key = `${issue.sheet}\u0000${issue.column}${issue.row}`;
    const message = renderIssue(issue, lang).message;
    const seen = marks.get(key);
    if (seen === undefined) marks.set(key, { issue, severity: issue.severity, notes: [message] });
    else {
      if (issue.severity === "error") seen.severity = "error";
      if (!seen.notes.includes(message)) seen.notes.push(message);
    }
  }
  return [...marks.values()].map(({ issue, severity, notes }) => ({
    ...(issue.file !== undefined ? { file: issue.file } : {}),
    sheet: issue.sheet,
    row: issue.row as number,
    column: issue.column as string,
    address: `${issue.column}${issue.row}`,
    severity,
    note: notes.join("\n"),
  }));
}

/** Rows whose contract ends at the cut-off, with the cell to highlight (the name, else the first column). */
export function cutoffRows(result: WorkbookResult): { sheet: string; row: number; address: string }[] {
  const out: { sheet: string; row: number; address: string }[] = [];
  for (const sheet of result.sheets) {
    if (sheet.kind !== "personnel") continue;
    const column = sheet.columns.name ?? sheet.columns.nik ?? "A";
    for (const row of sheet.rows) {
      if (isPersonRow(row) && row.endsAtCutoff)
        out.push({ sheet: sheet.name, row: row.row, address: `${column}${row.row}` });
    }
  }
  return out;
}

// ---- report sheet -------------------------------------------------------------------

export function reportGrid(results: readonly WorkbookResult[], lang: Lang): OutGrid {
  const several = results.length > 1;
  const header = [
    ...(several ? ["hFile" as const] : []),
    "hSheet" as const,
    "hCell" as const,
    "hSeverity" as const,
    "hCode" as const,
    "hTitle" as const,
    "hMessage" as const,
  ].map((k) => cell(label(k, lang), "header"));
  const rows: OutCell[][] = [[cell(label("reportTitle", lang), "title")], [], header];
  // Title, blank, header, and one line kept for the "more problems" note.
  const room = EXCEL_MAX_ROWS - rows.length - 1;
  let total = 0;
  for (const result of results) {
    for (const issue of allIssues(result)) {
      total += 1;
      if (total > room) continue;
      const shown = renderIssue(issue, lang);
      const address = issueAddress(issue);
      // A link only makes sense inside the workbook that holds the cell.
      const link = address !== null && !several ? { sheet: issue.sheet, address } : undefined;
      rows.push([
        ...(several ? [cell(result.file ?? "")] : []),
        cell(issue.sheet),
        cell(address ?? "", undefined, link ? { link } : {}),
        cell(SEVERITIES[issue.severity][lang], issue.severity),
        cell(issue.code),
        cell(shown.title),
        cell(shown.message),
      ]);
    }
  }
  if (total === 0) rows.push([cell(label("noProblems", lang), "ok")]);
  if (total > room) rows.push([cell(label("reportTruncated", lang, { count: total - room }), "warning")]);
  return {
    sheetName: label("sheetReport", lang),
    rows,
    columnWidths: [...(several ? [28] : []), 22, 10, 12, 24, 36, 90],
  };
}

// ---- summary sheet ------------------------------------------------------------------

/** Where the category table sits in the summary grid (1-based rows, 0-based columns), for a chart. */
export interface SummaryChartRanges {
  readonly byCategory: {
    readonly firstRow: number;
    readonly lastRow: number;
    readonly labelColumn: number;
    readonly valueColumn: number;
  };
}

/** A policy value as every report shows it: dates day first, yes/no, the path order by names. */
export function policyValue(policy: Policy, key: PolicyKey, lang: Lang): OutValue {
  if (key === "pathOrder")
    return pathOrderOf(policy)
      .map((o) => PATH_OPTION_LABELS[o][lang])
      .join(" \u2192 ");
  const v = policy[key];
  if (typeof v === "boolean") return label(v ? "yes" : "no", lang);
  if (typeof v === "string") {
    const day = isoToDay(v);
    return day === null ? v : dayToDisplay(day);
  }
  return v;
}

function summaryLayout(results: readonly WorkbookResult[], lang: Lang): { grid: OutGrid; chart: SummaryChartRanges } {
  const rows: OutCell[][] = [];
  const push = (...cells: OutCell[]): void => {
    rows.push(cells);
  };
  const policy = results[0]?.policy;
  const totals = addSummaries(results.map((result) => result.summary));

  push(cell(label("summaryTitle", lang), "title"));
  push();
  if (policy !== undefined) {
    push(cell(label("policyUsed", lang), "header"), cell(label("hValue", lang), "header"));
    for (const key of Object.keys(POLICY_LABELS) as PolicyKey[])
      push(cell(POLICY_LABELS[key][lang]), cell(policyValue(policy, key, lang)));
    push();
  }
  push(cell(label("totalPeople", lang)), cell(totals.people));
  push(cell(label("totalEligible", lang)), cell(totals.eligiblePppk));
  push(cell(label("totalEndsAtCutoff", lang)), cell(totals.endsAtCutoff));
  push(cell(label("totalTrainingRows", lang)), cell(totals.trainingRows));
  push();

  push(cell(label("bySeverity", lang), "header"), cell(label("hCount", lang), "header"));
  for (const sev of ["error", "warning"] as const) push(cell(SEVERITIES[sev][lang], sev), cell(totals.bySeverity[sev]));
  push();

  push(
    cell(label("byCode", lang), "header"),
    cell(label("hTitle", lang), "header"),
    cell(label("hCount", lang), "header"),
  );
  for (const code of ISSUE_CODES) {
    const n = totals.byCode[code];
    if (n !== undefined) push(cell(code), cell(issueTitle(code, lang)), cell(n));
  }
  push();

  push(cell(label("byCategory", lang), "header"), cell(label("hCount", lang), "header"));
  const categories = Object.keys(CATEGORIES) as Category[];
  const firstCategoryRow = rows.length + 1;
  for (const c of categories) push(cell(categoryLabel(c, lang)), cell(totals.byCategory[c] ?? 0));
  const lastCategoryRow = rows.length;
  push();

  push(cell(label("byUnit", lang), "header"), ...categories.map((c) => cell(categoryLabel(c, lang), "header")));
  const units = Object.keys(totals.byUnit).sort((a, b) => a.localeCompare(b, "id"));
  for (const unit of units) {
    const perUnit = totals.byUnit[unit] ?? {};
    push(cell(unit === "" ? label("unitUnknown", lang) : unit), ...categories.map((c) => cell(perUnit[c] ?? 0)));
  }
  push();
  pathTables(push, totals, lang);

  rows.push(...columnsReadRows(results, lang));

  return {
    grid: { sheetName: label("sheetSummary", lang), rows, columnWidths: [34, 16, ...categories.map(() => 16)] },
    chart: { byCategory: { firstRow: firstCategoryRow, lastRow: lastCategoryRow, labelColumn: 0, valueColumn: 1 } },
  };
}

/** Non-ASN by path after the cut-off, overall and per unit. */
function pathTables(push: (...cells: OutCell[]) => void, totals: Summary, lang: Lang): void {
  push(cell(label("byPath", lang), "header"), cell(label("hCount", lang), "header"));
  for (const p of PATH_CODES) push(cell(PATHS[p][lang]), cell(totals.byPath[p] ?? 0));
  push();
  push(cell(label("byUnitPath", lang), "header"), ...PATH_CODES.map((p) => cell(PATHS[p][lang], "header")));
  for (const unit of Object.keys(totals.byUnitPath).sort((a, b) => a.localeCompare(b, "id"))) {
    const perUnit = totals.byUnitPath[unit] ?? {};
    push(cell(unit === "" ? label("unitUnknown", lang) : unit), ...PATH_CODES.map((p) => cell(perUnit[p] ?? 0)));
  }
}

export function summaryGrid(results: readonly WorkbookResult[], lang: Lang): OutGrid {
  return summaryLayout(results, lang).grid;
}

export function summaryChartRanges(results: readonly WorkbookResult[], lang: Lang): SummaryChartRanges {
  return summaryLayout(results, lang).chart;
}

/**
 * Which column each role was read from, per checked sheet, and which roles were not found
 * (issue 7), so a wrong guess can be seen and corrected.
 */
function columnsReadRows(results: readonly WorkbookResult[], lang: Lang): OutCell[][] {
  const rows: OutCell[][] = [[], [cell(label("columnsRead", lang), "header")]];
  rows.push([
    cell(label("hSheet", lang), "header"),
    cell(label("hRolesFound", lang), "header"),
    cell(label("hRolesNotFound", lang), "header"),
  ]);
  for (const result of results)
    for (const sheet of result.sheets) {
      if (sheet.kind === "other") continue;
      const corrected = new Set(sheet.rolesCorrected ?? []);
      const found = (Object.entries(sheet.columns) as [Role, string][]).map(
        ([role, letter]) =>
          `${roleLabel(role, lang)}: ${letter}${corrected.has(role) ? ` (${label("corrected", lang)})` : ""}`,
      );
      const where = results.length > 1 && result.file !== undefined ? `${result.file} / ${sheet.name}` : sheet.name;
      const missing = (sheet.rolesNotFound ?? []).map((r) => roleLabel(r, lang));
      rows.push([
        cell(where),
        cell(found.join("; ")),
        cell(missing.length > 0 ? missing.join(", ") : "-", missing.length > 0 ? "warning" : undefined),
      ]);
    }
  return rows;
}

// ---- JP tally sheet -----------------------------------------------------------------

export function tallyGrid(results: readonly WorkbookResult[], lang: Lang): OutGrid {
  const several = results.length > 1;
  const header = [
    ...(several ? ["hFile" as const] : []),
    "hPerson" as const,
    "hName" as const,
    "hStatus" as const,
    "hYear" as const,
    "hJp" as const,
    "hVerdict" as const,
    "hSheet" as const,
    "hRows" as const,
  ].map((k) => cell(label(k, lang), "header"));
  const rows: OutCell[][] = [[cell(label("tallyTitle", lang), "title")], [], header];
  for (const result of results) {
    for (const t of result.training) {
      const verdictStyle: OutStyle = t.verdict === "ok" ? "ok" : "warning";
      const first = t.rows[0];
      rows.push([
        ...(several ? [cell(result.file ?? "")] : []),
        cell(t.person),
        cell(t.name),
        cell(t.status !== null ? STATUSES[t.status][lang] : null),
        cell(t.year),
        cell(t.jp),
        cell(TRAINING_VERDICTS[t.verdict][lang], verdictStyle),
        cell(t.sheet),
        cell(
          t.rows.join(", "),
          undefined,
          first !== undefined && !several ? { link: { sheet: t.sheet, address: `A${first}` } } : {},
        ),
      ]);
    }
  }
  return {
    sheetName: label("sheetTally", lang),
    rows,
    columnWidths: [...(several ? [28] : []), 24, 30, 16, 8, 10, 20, 20, 24],
  };
}

/** Column letter of the n-th computed column (for adapters that address cells by letters). */
export function computedColumnLetter(columns: ComputedColumns, n: number): string {
  return columnLetter(columns.startColumnIndex + n);
}

/** 0-based column index of an issue's column letter, or null. */
export function issueColumnIndex(issue: Issue): number | null {
  return issue.column === null ? null : columnIndex(issue.column);
}
