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
import {
  type PersonRow,
  type SheetResult,
  type Summary,
  type TrainingRow,
  type WorkbookResult,
  isPersonRow,
} from "./results";
import { type OutSheet, madeRows, wholeGrid } from "./out-sheet";
import type { SheetLayout } from "./output";
import { addSummaries } from "./summary";
import { pathOrderOf } from "./rules/paths";
import { formatTenure } from "./tenure";
import { COMPUTED_COLUMN_LABELS } from "./own-sheets";
import { type CutoffAnswer, CUTOFF_ANSWER_LABELS, cutoffAnswer } from "./cutoff-answer";
import {
  CATEGORIES,
  CUTOFF_ANSWERS,
  type Category,
  ISSUE_CODES,
  type Lang,
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
/** "text": long text that wraps in its column (so nothing is cut on screen or paper). */
export type OutStyle = "title" | "header" | "error" | "warning" | "ok" | "muted" | "text";

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

// No spread (and no empty object to spread) for the plain cells: ten per person row.
const cell = (value: OutValue, style?: OutStyle, extra?: Partial<OutCell>): OutCell =>
  extra === undefined
    ? style === undefined
      ? { value }
      : { value, style }
    : style === undefined
      ? { value, ...extra }
      : { value, style, ...extra };

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
export { COMPUTED_COLUMN_LABELS };

export const COMPUTED_COLUMN_COUNT = COMPUTED_COLUMN_LABELS.length;

/** Widths (characters) of the computed columns: the category and the notes whole, headers on two lines. */
export const COMPUTED_COLUMN_WIDTHS: readonly number[] = [14, 18, 11, 12, 8, 14, 10, 28, 36];

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

/** The column of a sheet's cut-off highlight: the name, else the NIK, else the first column. */
export function cutoffColumn(sheet: Pick<SheetResult, "columns">): string {
  return sheet.columns.name ?? sheet.columns.nik ?? "A";
}

/** Rows whose contract ends at the cut-off, with the cell to highlight (the name, else the first column). */
export function cutoffRows(result: WorkbookResult): { sheet: string; row: number; address: string }[] {
  const out: { sheet: string; row: number; address: string }[] = [];
  for (const sheet of result.sheets) {
    if (sheet.kind !== "personnel") continue;
    const column = cutoffColumn(sheet);
    for (const row of sheet.rows) {
      if (isPersonRow(row) && row.endsAtCutoff)
        out.push({ sheet: sheet.name, row: row.row, address: `${column}${row.row}` });
    }
  }
  return out;
}

// ---- row heights for wrapped text -------------------------------------------------------

/** Points per line of 11-point text, as Excel lays out a row of the default font. */
const POINTS_PER_LINE = 15;

/**
 * The height (points) a row needs for its wrapped cells (styles "text" and "header") to show
 * whole, estimated from the column widths in characters; undefined when one line is enough.
 * Writers that cannot ask Excel to fit rows (the command line's copy) set it, so no text is cut
 * on screen or on paper.
 */
export function wrappedRowHeight(cells: readonly OutCell[], columnWidths: readonly number[]): number | undefined {
  let lines = 1;
  // A loop, not forEach: a report writes this for every row (no callback made per row).
  for (let j = 0; j < cells.length; j++) {
    const c = cells[j];
    if (c === undefined || (c.style !== "text" && c.style !== "header") || typeof c.value !== "string") continue;
    const width = Math.max(1, (columnWidths[j] ?? 10) - 1);
    const needed = c.value.split("\n").reduce((n, part) => n + Math.max(1, wrapWords(part, width).length), 0);
    lines = Math.max(lines, needed);
  }
  return lines > 1 ? lines * POINTS_PER_LINE : undefined;
}

// ---- who a problem is about ---------------------------------------------------------

/** The person each row of a workbook is about (personnel: the name; training: NIP, NIK or name). */
export function rowPeople(result: WorkbookResult): Map<string, string> {
  const out = new Map<string, string>();
  for (const sheet of result.sheets) {
    for (const row of sheet.rows) {
      const who = isPersonRow(row) ? row.name : row.person;
      if (who !== null && who !== "") out.set(`${sheet.name}\u0000${row.row}`, who);
    }
  }
  return out;
}

/** The person an issue is about, or null (a sheet-level issue, a row without a name). */
export function issuePerson(people: ReadonlyMap<string, string>, issue: Issue): string | null {
  const named = issue.params["person"];
  if (typeof named === "string" && named !== "") return named;
  return issue.row === null ? null : (people.get(`${issue.sheet}\u0000${issue.row}`) ?? null);
}

// ---- report sheet -------------------------------------------------------------------

/** Title, blank, header: the header is row 3, frozen, filtered and printed on every page. */
const REPORT_HEADER_ROW = 3;

/** A list sheet on paper: landscape, the columns on one page width, the header on each page. */
const LIST_LAYOUT: SheetLayout = {
  freezeRows: REPORT_HEADER_ROW,
  filterRow: REPORT_HEADER_ROW,
  landscape: true,
  fitToWidth: true,
  repeatRows: { first: REPORT_HEADER_ROW, last: REPORT_HEADER_ROW },
};

/** A problem as CH Laporan lists it: the issue, whom it is about, the workbook's file. */
interface ReportItem {
  readonly issue: Issue;
  /** Undefined until the finished workbook tells (an issue about another row than its own). */
  readonly who: string | null | undefined;
  readonly file: string | undefined;
}

/** Title, blank, header, and one line kept for the "more problems" note. */
const REPORT_ROOM = EXCEL_MAX_ROWS - REPORT_HEADER_ROW - 1;

const whoOf = (row: PersonRow | TrainingRow): string | null => {
  const who = isPersonRow(row) ? row.name : row.person;
  return who !== null && who !== "" ? who : null;
};

/**
 * CH Laporan's problems, kept as rows are read: issues only (a few per hundred rows), at most
 * as many as the sheet can show; the rest are only counted. The order is allIssues' (each
 * sheet's issues, its rows' issues, then the workbook's), whatever order they arrive in:
 * person rows' issues as the engine returns each row, the rest with the finished workbook.
 */
export class IssueList {
  /** `room`: the problems the sheet may list (fewer only in tests). */
  constructor(private readonly room: number = REPORT_ROOM) {}

  private readonly items: ReportItem[] = [];
  private total = 0;
  /** Person rows' issues of the workbook being read, by sheet. */
  private readonly pending = new Map<string, ReportItem[]>();
  private pendingCount = 0;

  /** Problems seen (shown or not). */
  get count(): number {
    return this.total;
  }

  /** The issues of a person row of sheet `sheet`, as the engine returned it. */
  addRow(sheet: string, row: PersonRow): void {
    if (row.issues.length === 0) return;
    let list = this.pending.get(sheet);
    for (const issue of row.issues) {
      this.total++;
      // Everything kept so far comes before this issue in the sheet's order: past the room, it is only counted.
      if (this.items.length + this.pendingCount >= this.room) continue;
      if (list === undefined) this.pending.set(sheet, (list = []));
      const here = issue.sheet === sheet && issue.row === row.row;
      // The file is known with the finished workbook.
      list.push({ issue, who: issueWho(issue, here ? whoOf(row) : undefined), file: undefined });
      this.pendingCount++;
    }
  }

  /**
   * A finished workbook: its sheets' issues, the person rows' issues kept by addRow (rows of the
   * result after `lastAdded(sheet)` are read here), training rows' issues (with the ones only the
   * whole workbook shows), the workbook's issues.
   */
  endWorkbook(result: WorkbookResult, lastAdded: (sheet: string) => number | undefined): void {
    const found: ReportItem[] = [];
    const file = result.file;
    let people: Map<string, string> | null = null;
    const lookup = (issue: Issue): string | null => {
      people ??= rowPeople(result);
      return issuePerson(people, issue);
    };
    const take = (issue: Issue, who: string | null | undefined): void => {
      this.total++;
      if (this.items.length + found.length < this.room)
        found.push({ issue, who: who === undefined ? lookup(issue) : who, file });
    };
    for (const sheet of result.sheets) {
      for (const issue of sheet.issues) take(issue, issueWho(issue, undefined));
      const last = sheet.kind === "personnel" ? lastAdded(sheet.name) : undefined;
      for (const item of last !== undefined ? (this.pending.get(sheet.name) ?? []) : [])
        if (this.items.length + found.length < this.room)
          found.push({ issue: item.issue, who: item.who === undefined ? lookup(item.issue) : item.who, file });
      for (const row of sheet.rows) {
        if (last !== undefined && row.row <= last) continue;
        for (const issue of row.issues)
          take(issue, issueWho(issue, issue.sheet === sheet.name && issue.row === row.row ? whoOf(row) : undefined));
      }
    }
    for (const issue of result.issues) take(issue, issueWho(issue, undefined));
    this.items.push(...found);
    this.pending.clear();
    this.pendingCount = 0;
  }

  /** CH Laporan; `several`: more than one workbook (a file column, no links). */
  sheet(several: boolean, lang: Lang): OutSheet {
    // The place and the person first, what is wrong next, the code last (for the BKPSDM).
    const header = [
      ...(several ? ["hFile" as const] : []),
      "hSheet" as const,
      "hCell" as const,
      "hName" as const,
      "hSeverity" as const,
      "hTitle" as const,
      "hMessage" as const,
      "hCode" as const,
    ].map((k) => cell(label(k, lang), "header"));
    const head: OutCell[][] = [[cell(label("reportTitle", lang), "title")], [], header];
    const total = this.total;
    const tail: OutCell[][] = [];
    if (total === 0) tail.push([cell(label("noProblems", lang), "ok")]);
    if (total > this.room) tail.push([cell(label("reportTruncated", lang, { count: total - this.room }), "warning")]);
    const items = this.items;
    return {
      sheetName: label("sheetReport", lang),
      rows: madeRows(head, items.length, (i) => reportRow(items[i] as ReportItem, several, lang), tail),
      rowCount: head.length + items.length + tail.length,
      columnWidths: [...(several ? [24] : []), 18, 7, 24, 11, 32, 60, 20],
      layout: LIST_LAYOUT,
    };
  }
}

/** The person an issue names, or the row's (`rowWho`; undefined: not known yet). */
function issueWho(issue: Issue, rowWho: string | null | undefined): string | null | undefined {
  const named = issue.params["person"];
  if (typeof named === "string" && named !== "") return named;
  if (issue.row === null) return null;
  return rowWho;
}

function reportRow(item: ReportItem, several: boolean, lang: Lang): OutCell[] {
  const { issue } = item;
  const shown = renderIssue(issue, lang);
  const address = issueAddress(issue);
  // A link only makes sense inside the workbook that holds the cell.
  const link = address !== null && !several ? { sheet: issue.sheet, address } : undefined;
  return [
    ...(several ? [cell(item.file ?? "")] : []),
    cell(issue.sheet),
    cell(address ?? "", undefined, link ? { link } : {}),
    cell(item.who ?? null),
    cell(SEVERITIES[issue.severity][lang], issue.severity),
    cell(shown.title, "text"),
    cell(shown.message, "text"),
    cell(issue.code, "muted"),
  ];
}

/** CH Laporan of finished results as one grid (see ReportCollector for full height). */
export function reportGrid(results: readonly WorkbookResult[], lang: Lang): OutGrid {
  const list = new IssueList();
  for (const result of results) list.endWorkbook(result, () => undefined);
  return wholeGrid(list.sheet(results.length > 1, lang));
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

/** What the summary says about the check beyond the results: the office, and when it ran. */
export interface SummaryContext {
  /** The office's name (see opdNameFromTitles); absent or null when none was found. */
  readonly opdName?: string | null;
  /** Local date and time of the check, "YYYY-MM-DDTHH:MM" (the adapter's clock). */
  readonly checkedAt?: string;
}

export { type CutoffAnswer, CUTOFF_ANSWER_LABELS, cutoffAnswer };

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

/** Splits text into lines of at most `width` characters at spaces (a long word stays whole). */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter((w) => w !== "")) {
    if (line !== "" && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  if (line !== "") lines.push(line);
  return lines;
}

/** Summary column widths (characters): label, count, percent. One portrait page wide. */
const SUMMARY_WIDTHS = [58, 12, 12];
const SUMMARY_WIDTH = SUMMARY_WIDTHS.reduce((a, b) => a + b, 0);
/** Characters of the 13-point title style that fit across those columns. */
const HEADLINE_WIDTH = 64;
const PERCENT_FORMAT = "0.0%";

type Rows = OutCell[][];

const share = (n: number, of: number): OutCell =>
  of > 0 ? cell(n / of, undefined, { numberFormat: PERCENT_FORMAT }) : cell(null);

const headerRow = (lang: Lang, first: string, withShare: boolean): OutCell[] => [
  cell(first, "header"),
  cell(label("hCount", lang), "header"),
  ...(withShare ? [cell(label("summaryPercent", lang), "header")] : []),
];

function shownDate(iso: string): string {
  const day = isoToDay(iso);
  return day === null ? iso : dayToDisplay(day);
}

/** What, whose (the office), when. */
function summaryHeading(results: readonly WorkbookResult[], lang: Lang, context: SummaryContext): Rows {
  const rows: Rows = [[cell(label("summaryTitle", lang), "title")]];
  const opd = context.opdName ?? null;
  const opdLine = opd !== null ? label("summaryOpd", lang, { opd }) : label("summaryOpdUnknown", lang);
  for (const line of wrapWords(opdLine, SUMMARY_WIDTH)) rows.push([cell(line)]);
  const at = context.checkedAt === undefined ? null : /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(context.checkedAt);
  const [, day = "", time = ""] = at ?? [];
  if (isoToDay(day) !== null) rows.push([cell(label("summaryCheckedAt", lang, { date: shownDate(day), time }))]);
  const files = results.map((r) => r.file).filter((f): f is string => f !== undefined);
  if (files.length > 0) rows.push([cell(label("summaryCheckedFile", lang, { file: files.join(", ") }), "muted")]);
  return rows;
}

/** The cut-off's answers over the non-ASN contracts of every workbook, and how many non-ASN there are. */
function cutoffCounts(results: readonly WorkbookResult[]): { answers: Map<CutoffAnswer, number>; nonAsn: number } {
  const answers = new Map<CutoffAnswer, number>();
  let nonAsn = 0;
  const add = (answer: CutoffAnswer, n: number): void => {
    nonAsn += n;
    answers.set(answer, (answers.get(answer) ?? 0) + n);
  };
  for (const result of results)
    for (const sheet of result.sheets) {
      // A sheet that kept only some person rows counted the answers of all of them.
      const counted = sheet.personCounts;
      if (counted !== undefined)
        for (const answer of Object.keys(CUTOFF_ANSWER_LABELS) as CutoffAnswer[])
          add(answer, counted.cutoffAnswers[answer] ?? 0);
      else
        for (const row of sheet.rows) {
          const answer = isPersonRow(row) ? cutoffAnswer(row, result.policy) : null;
          if (answer !== null) add(answer, 1);
        }
    }
  return { answers, nonAsn };
}

/** People by category with shares (the chart's source), then the cut-off's three answers. */
function summaryCounts(
  results: readonly WorkbookResult[],
  totals: Summary,
  lang: Lang,
  cutoff: string,
  firstRow: number,
): { rows: Rows; chartRows: { first: number; last: number } } {
  const rows: Rows = [headerRow(lang, label("byCategory", lang), true)];
  for (const c of Object.keys(CATEGORIES) as Category[]) {
    const n = totals.byCategory[c] ?? 0;
    rows.push([cell(categoryLabel(c, lang)), cell(n), share(n, totals.people)]);
  }
  const chartRows = { first: firstRow + 1, last: firstRow + rows.length - 1 };
  rows.push([
    cell(label("summaryTotal", lang), "header"),
    cell(totals.people, "header"),
    share(totals.people, totals.people),
  ]);
  rows.push([]);
  const { answers, nonAsn } = cutoffCounts(results);
  rows.push(headerRow(lang, label("summaryCutoff", lang, { cutoff }), true));
  for (const answer of Object.keys(CUTOFF_ANSWER_LABELS) as CutoffAnswer[]) {
    const n = answers.get(answer) ?? 0;
    rows.push([cell(label(CUTOFF_ANSWER_LABELS[answer], lang)), cell(n), share(n, nonAsn)]);
  }
  return { rows, chartRows };
}

/** Problems: the severities, then each kind by its title (no codes), most first. */
function summaryProblems(totals: Summary, lang: Lang): Rows {
  const rows: Rows = [headerRow(lang, label("summaryProblems", lang), false)];
  for (const sev of ["error", "warning"] as const)
    rows.push([cell(SEVERITIES[sev][lang], sev), cell(totals.bySeverity[sev])]);
  const codes = ISSUE_CODES.filter((code) => (totals.byCode[code] ?? 0) > 0).sort(
    (a, b) => (totals.byCode[b] ?? 0) - (totals.byCode[a] ?? 0),
  );
  for (const code of codes) rows.push([cell(`  ${issueTitle(code, lang)}`), cell(totals.byCode[code] ?? 0)]);
  return rows;
}

/** What to do next, then the policy used, at the foot. */
function summaryFoot(totals: Summary, policy: Policy | undefined, lang: Lang): Rows {
  const rows: Rows = [[cell(label("summaryNext", lang), "header")]];
  const report = label("sheetReport", lang);
  const { error: errors, warning: warnings } = totals.bySeverity;
  const next: string[] =
    errors === 0 && warnings === 0
      ? [label("summaryNextClean", lang)]
      : [
          ...(errors > 0 ? [label("summaryNextErrors", lang, { errors, report })] : []),
          ...(warnings > 0 ? [label("summaryNextWarnings", lang, { warnings })] : []),
          label("summaryNextSend", lang),
        ];
  for (const line of next.flatMap((t) => wrapWords(t, SUMMARY_WIDTH))) rows.push([cell(line)]);
  if (policy === undefined) return rows;
  rows.push([], [cell(label("policyUsed", lang), "header"), cell(label("hValue", lang), "header")]);
  for (const key of Object.keys(POLICY_LABELS) as PolicyKey[])
    rows.push([cell(POLICY_LABELS[key][lang], "muted"), cell(policyValue(policy, key, lang), "muted")]);
  return rows;
}

function summaryLayout(
  results: readonly WorkbookResult[],
  lang: Lang,
  context: SummaryContext,
): { grid: OutGrid; chart: SummaryChartRanges } {
  const policy = results[0]?.policy;
  const totals = addSummaries(results.map((result) => result.summary));
  const cutoff = shownDate(policy?.cutoffDate ?? "");
  const headline = label("summaryHeadline", lang, {
    people: totals.people,
    eligible: totals.eligiblePppk,
    ending: totals.endsAtCutoff,
    cutoff,
    errors: totals.bySeverity.error,
    warnings: totals.bySeverity.warning,
  });
  const rows: Rows = [
    ...summaryHeading(results, lang, context),
    [],
    // One sentence a head of department reads first.
    ...wrapWords(headline, HEADLINE_WIDTH).map((line) => [cell(line, "title")]),
    [],
  ];
  const counts = summaryCounts(results, totals, lang, cutoff, rows.length + 1);
  const paths: Rows = [];
  pathTables(
    (...cells) => {
      paths.push(cells);
    },
    totals,
    lang,
  );
  rows.push(
    ...counts.rows,
    [],
    ...paths,
    [],
    ...summaryProblems(totals, lang),
    [],
    ...summaryFoot(totals, policy, lang),
    ...columnsReadRows(results, lang),
  );
  return {
    grid: {
      sheetName: label("sheetSummary", lang),
      rows,
      columnWidths: SUMMARY_WIDTHS,
      layout: { fitToPage: true, landscape: false },
    },
    chart: {
      byCategory: { firstRow: counts.chartRows.first, lastRow: counts.chartRows.last, labelColumn: 0, valueColumn: 1 },
    },
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

export function summaryGrid(results: readonly WorkbookResult[], lang: Lang, context: SummaryContext = {}): OutGrid {
  return summaryLayout(results, lang, context).grid;
}

export function summaryChartRanges(
  results: readonly WorkbookResult[],
  lang: Lang,
  context: SummaryContext = {},
): SummaryChartRanges {
  return summaryLayout(results, lang, context).chart;
}

/**
 * Which column each role was read from, per checked sheet, and which roles were not found
 * (issue 7), so a wrong guess can be seen and corrected.
 */
function columnsReadRows(results: readonly WorkbookResult[], lang: Lang): OutCell[][] {
  // One block a sheet, its lines wrapped to the page's width like the rest of the summary:
  // beside a narrow column the role list was cut off on paper.
  const rows: OutCell[][] = [[], [cell(label("columnsRead", lang), "header")]];
  const lines = (text: string, style?: OutStyle): OutCell[][] =>
    wrapWords(text, SUMMARY_WIDTH).map((line, i) => [cell(i === 0 ? line : `   ${line}`, style)]);
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
      rows.push(
        [cell(`${label("hSheet", lang)}: ${where}`, "header")],
        ...lines(`${label("hRolesFound", lang)} — ${found.length > 0 ? found.join("; ") : "-"}`),
        ...lines(
          `${label("hRolesNotFound", lang)} — ${missing.length > 0 ? missing.join(", ") : "-"}`,
          missing.length > 0 ? "warning" : "muted",
        ),
      );
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
    columnWidths: [...(several ? [24] : []), 24, 30, 16, 8, 10, 20, 20, 24],
    layout: LIST_LAYOUT,
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
