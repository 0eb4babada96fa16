/**
 * The checking engine: turns sheets (grids of cells) into results. It only wires sheets,
 * rows and rules: every rule lives in src/core/rules/, and adapters only move grids in
 * and results out.
 *
 * Sheets can be given whole (checkSheet) or row by row (openSheet), so the command line
 * can stream a 1,048,575-row sheet without holding it.
 */
import { type CellRow, type MergeArea, type SheetGrid, cellText, columnLetter } from "./cells";
import { type DayNumber, dayToIso, isoToDay } from "./days";
import type { ColumnOverrides, RoleColumns } from "./column-overrides";
import { applyColumnOverrides } from "./layout-overrides";
import {
  HEADER_EXAMPLES,
  HEADER_SCAN_ROWS,
  type TableLayout,
  classifyRow,
  detectTable,
  missingRoles,
  rolesNotFound,
  sectionLabel,
} from "./headers";
import { type Issue, makeIssue } from "./issues";
import { isComputedHeader, isOwnSheetName } from "./own-sheets";
import type { Policy } from "./policy";
import {
  type PersonCounts,
  type PersonRow,
  type SheetResult,
  type Summary,
  type TrainingRow,
  type TrainingTally,
  type WorkbookResult,
  isPersonRow,
} from "./results";
import { type CategoryValue, type PolicyDays, type StatusValue, categorize, checkStatus } from "./rules/category";
import { crossCheckIdentifiers } from "./rules/cross-checks";
import { pathOfRow } from "./rules/paths";
import {
  type DateTrust,
  type PersonDates,
  ageOn,
  judgeDates,
  readPersonDates,
  trustedBirth,
  trustedStart,
} from "./rules/dates";
import { checkWrittenTenure } from "./rules/written-tenure";
import { checkBusinessIds, checkGender, checkName, checkNik, checkNip } from "./rules/identity";
import { type KnownPeople, noPeople, rememberPerson } from "./rules/people";
import {
  type Checked,
  type RowContext,
  type RowFrame,
  NO_ISSUES,
  cellOf,
  hasColumn,
  issueAt,
  issuesOf,
  rowFrame,
  rowIn,
} from "./rules/row";
import { ServiceHistory, checkServiceHistory, servicePeriod } from "./rules/service-history";
import {
  type PendingTraining,
  type TrainingKeys,
  checkParticipant,
  checkTrainingDate,
  checkTrainingName,
  checkTrainingStatus,
  countOnce,
  readJp,
  settleEntry,
  ambiguousNameIssue,
  verdictIssue,
} from "./rules/training-rows";
import { addSummaries, countPerson, countWorkbook, emptyPersonCounts } from "./summary";
import { TrainingTallier, type TrainingEntry } from "./training";
import { readText } from "./values";
import type { Role } from "./vocabulary";

// Public names the adapters import from here.
export { STATE_SHEET_NAME, isComputedHeader, isOwnSheetName } from "./own-sheets";
export { summarize } from "./summary";

export interface SheetStream {
  /** Rows in increasing order (gaps allowed). Returns the rows whose results are now final. */
  push(rowNumber: number, cells: CellRow): readonly (PersonRow | TrainingRow)[];
  readonly layout: TableLayout | null;
  /**
   * The sheet's merged areas, when they come after its first rows (the command line reads them
   * in a pass of its own, beside the rows). Before the table is found they are used to find it;
   * after, true when they leave it as found without them (no row checked so far changes), false
   * when they would have found another: the rows checked so far are then wrong, and the caller
   * checks the workbook again from its start (CheckSession.restartWorkbook) with them known.
   */
  settleMerges(merges: readonly MergeArea[]): boolean;
  /** Flushes buffered rows; the returned SheetResult holds every row. */
  end(): SheetResult;
}

/** What the sheets of one workbook share while it is checked. */
interface WorkbookState {
  readonly sheets: SheetResult[];
  readonly pendingTraining: PendingTraining[];
  readonly trainingKeys: TrainingKeys;
  /** Let go (and no more rows remembered) once no training row can ask for it: see `lastSheetOpened`. */
  people: KnownPeople | null;
  hasPersonnel: boolean;
  /** The sheet opened last was announced as the workbook's last (OpenSheetOptions). */
  lastSheetOpened: boolean;
}

/** Everything a sheet's rows are checked against, handed over when the sheet is opened. */
interface SheetContext {
  readonly policy: Policy;
  readonly days: PolicyDays;
  /** NIK -> first place and service periods; shared across sheets and files checked together. */
  readonly history: ServiceHistory;
  readonly workbook: WorkbookState;
  /** The user's column corrections for this sheet, if any. */
  readonly corrections: RoleColumns | undefined;
  /** SessionOptions.keepPersonRow. */
  readonly keepPersonRow: ((row: PersonRow) => boolean) | undefined;
  /** OpenSheetOptions.lastOfWorkbook. */
  readonly lastOfWorkbook: boolean;
}

/** Options of one sheet of a workbook. */
export interface OpenSheetOptions {
  /**
   * No other sheet of this workbook will be opened before finishWorkbook. When this one is a
   * personnel table and no training row came before it, no training row can ask who its people
   * are: the people remembered for that (about 30 MB at full height) are let go and no more
   * are kept (issue 8, memory). Results are the same.
   */
  readonly lastOfWorkbook?: boolean;
}

/** Options of a check session beside the policy. */
export interface SessionOptions {
  /** Per-sheet column corrections (sheet name -> role -> column letter, "-" for "not there"). */
  readonly columns?: ColumnOverrides;
  /**
   * Which person rows the sheet results keep. An adapter that takes each row as push() returns
   * it (the add-in at full height) keeps only those it needs later: the others are counted
   * (SheetResult.personCounts) and let go, so a 1,048,575-row sheet is not held whole.
   */
  readonly keepPersonRow?: (row: PersonRow) => boolean;
}

function newWorkbook(): WorkbookState {
  return {
    sheets: [],
    pendingTraining: [],
    trainingKeys: new Map(),
    people: noPeople(),
    hasPersonnel: false,
    lastSheetOpened: false,
  };
}

export class CheckSession {
  readonly policy: Policy;
  private readonly days: PolicyDays;
  private history = new ServiceHistory();
  private closed = false;
  private workbook: WorkbookState = newWorkbook();
  /** Each finished workbook's summary (not its result: a caller may let its rows go). */
  private readonly finished: Summary[] = [];
  private readonly corrections: ColumnOverrides;
  private readonly keepPersonRow: ((row: PersonRow) => boolean) | undefined;
  /** Sheets opened in this session (since a restart). */
  private sheetsOpened = 0;
  /** The workbook being checked began before anything else was (see canRestartWorkbook). */
  private restartable = false;

  constructor(policy: Policy, options: SessionOptions = {}) {
    this.policy = policy;
    this.corrections = options.columns ?? {};
    this.keepPersonRow = options.keepPersonRow;
    const reference = isoToDay(policy.referenceDate);
    const cutoff = isoToDay(policy.cutoffDate);
    // resolvePolicy validates dates; a hand-built policy with a bad date is a programming error.
    if (reference === null || cutoff === null) throw new RangeError("Policy dates must be YYYY-MM-DD");
    this.days = { reference, cutoff };
  }

  checkSheet(grid: SheetGrid, file?: string): SheetResult {
    const stream = this.openSheet(grid.name, file, grid.merges);
    const first = grid.firstRow ?? 1;
    grid.rows.forEach((cells, i) => stream.push(first + i, cells));
    return stream.end();
  }

  openSheet(name: string, file?: string, merges?: readonly MergeArea[], options: OpenSheetOptions = {}): SheetStream {
    if (this.closed) throw new Error("CheckSession: closed, it checks no more sheets");
    if (this.sheetsOpened++ === 0) this.restartable = true;
    // A sheet after the announced last one: a check that stopped part way (a damaged file) left
    // its workbook open. Its people may be gone; new rows are remembered again.
    if (this.workbook.people === null && this.workbook.lastSheetOpened) this.workbook.people = noPeople();
    this.workbook.lastSheetOpened = options.lastOfWorkbook === true;
    const context = {
      policy: this.policy,
      days: this.days,
      history: this.history,
      workbook: this.workbook,
      corrections: this.corrections[name],
      keepPersonRow: this.keepPersonRow,
      lastOfWorkbook: options.lastOfWorkbook === true,
    };
    return new SheetChecker(context, name, file, merges);
  }

  /**
   * Whether a workbook begun now could be started again (restartWorkbook): only when nothing
   * has been checked in this session yet, so that what that workbook adds to the history
   * shared across workbooks is all there is to let go.
   */
  get canRestartWorkbook(): boolean {
    return !this.closed && this.sheetsOpened === 0;
  }

  /** Forgets the workbook being checked (begun when canRestartWorkbook), so its sheets can be checked again from its first. */
  restartWorkbook(): void {
    if (this.closed || !this.restartable)
      throw new Error("CheckSession: only a workbook begun before anything else was checked can be started again");
    this.workbook = newWorkbook();
    this.history = new ServiceHistory();
    this.sheetsOpened = 0;
  }

  finishWorkbook(file?: string): WorkbookResult {
    const state = this.workbook;
    this.restartable = false;
    this.workbook = newWorkbook();
    const { training, lateIssues } = tallyTraining(state, this.policy, file);
    const issues = training
      .map((tally) => verdictIssue(tally, state.sheets, this.policy, file))
      .filter((issue): issue is Issue => issue !== null);
    if (state.sheets.every((sheet) => sheet.kind === "other")) issues.push(noTableIssue(state.sheets, file));
    const sheets = withLateIssues(state.sheets, lateIssues);
    const result: WorkbookResult = {
      ...(file !== undefined ? { file } : {}),
      policy: this.policy,
      sheets,
      training,
      issues,
      summary: countWorkbook({ sheets, issues }),
    };
    this.finished.push(result.summary);
    return result;
  }

  /**
   * No more sheets will be checked: what later ones would be checked against (every NIK seen,
   * with its first place and periods: about 60 MB at full height) is let go, so a command
   * line run does not hold it while it writes the copy of its last workbook (issue 8).
   */
  close(): void {
    this.closed = true;
    this.history = new ServiceHistory();
  }

  combinedSummary(): Summary {
    return addSummaries(this.finished);
  }
}

/** Training entries matched to the people of the workbook, totalled; a warning for each row whose name is ambiguous. */
function tallyTraining(
  state: WorkbookState,
  policy: Policy,
  file: string | undefined,
): { training: TrainingTally[]; lateIssues: Map<string, Issue[]> } {
  const tallier = new TrainingTallier();
  const lateIssues = new Map<string, Issue[]>(); // "sheetIndex:rowIndex" -> issues
  for (const pending of state.pendingTraining) {
    const { entry, sameName } = settleEntry(pending, state.people ?? noPeople());
    if (sameName > 1) {
      const key = `${pending.sheetIndex}:${pending.rowIndex}`;
      lateIssues.set(key, [...(lateIssues.get(key) ?? []), ambiguousNameIssue(pending, sameName, file)]);
    }
    tallier.add(entry);
  }
  return { training: tallier.finish(policy), lateIssues };
}

/** The workbook-level error when no sheet holds a recognisable table; it names the headers looked for. */
function noTableIssue(sheets: readonly SheetResult[], file: string | undefined): Issue {
  return makeIssue(
    "no-table-found",
    { file, sheet: sheets[0]?.name ?? "", row: null, column: null },
    { headers: HEADER_EXAMPLES.join(", ") },
  );
}

function withLateIssues(sheets: readonly SheetResult[], lateIssues: ReadonlyMap<string, Issue[]>): SheetResult[] {
  return sheets.map((sheet, sheetIndex) => {
    if (lateIssues.size === 0 || sheet.kind !== "training") return sheet;
    const rows = sheet.rows.map((row, rowIndex) => {
      const extra = lateIssues.get(`${sheetIndex}:${rowIndex}`);
      return extra === undefined ? row : { ...row, issues: [...row.issues, ...extra] };
    });
    return { ...sheet, rows };
  });
}

/** Blanks the headers of columns Cek Honorer wrote, so a re-run never maps them to roles. */
function withoutComputedHeaders(rows: readonly CellRow[]): CellRow[] {
  return rows.map((row) =>
    row.some((c) => c !== null && c !== undefined && c.t === "s" && isComputedHeader(c.v))
      ? row.map((c) => (c !== null && c !== undefined && c.t === "s" && isComputedHeader(c.v) ? null : c))
      : row,
  );
}

/** Two layouts that check every row alike: the same kind, header, data start, width and columns. */
function sameLayout(a: TableLayout | null, b: TableLayout | null): boolean {
  if (a === null || b === null) return a === b;
  if (
    a.kind !== b.kind ||
    a.headerTopRow !== b.headerTopRow ||
    a.headerRow !== b.headerRow ||
    a.dataStartRow !== b.dataStartRow ||
    a.lastColumnIndex !== b.lastColumnIndex ||
    a.combinedBirthColumn !== b.combinedBirthColumn
  )
    return false;
  const roles = Object.keys(a.columns) as Role[];
  return roles.length === Object.keys(b.columns).length && roles.every((role) => a.columns[role] === b.columns[role]);
}

class SheetChecker implements SheetStream {
  layout: TableLayout | null = null;
  private readonly buffer: { row: number; cells: CellRow }[] = [];
  private detected = false;
  private ended = false;
  private readonly rows: (PersonRow | TrainingRow)[] = [];
  /** Rows checked by the current push (kept or not). */
  private fresh: (PersonRow | TrainingRow)[] = [];
  /** Counts of every person row, when only some are kept. */
  private readonly counts: PersonCounts | undefined;
  private readonly sheetIssues: Issue[] = [];
  private readonly sheetIndex: number;
  private firstData: number | null = null;
  private lastData: number | null = null;
  /** The label of the last section row: the unit of the rows below it. */
  private section: string | null = null;
  /** The rows the table was found in, kept while the merged areas are still to come (settleMerges). */
  private headerGrid: readonly CellRow[] | null = null;
  /** The column map every row of the table shares, set when the table is found. */
  private frame: RowFrame | null = null;

  constructor(
    private readonly context: SheetContext,
    private readonly name: string,
    private readonly file: string | undefined,
    private merges: readonly MergeArea[] | undefined,
  ) {
    this.sheetIndex = context.workbook.sheets.length;
    this.counts = context.keepPersonRow === undefined ? undefined : emptyPersonCounts();
  }

  push(rowNumber: number, cells: CellRow): readonly (PersonRow | TrainingRow)[] {
    if (this.ended) return [];
    this.fresh = [];
    if (!this.detected) {
      if (rowNumber <= HEADER_SCAN_ROWS) {
        this.buffer.push({ row: rowNumber, cells });
        return [];
      }
      this.detect(); // processes the buffered rows too: they are returned with this one
    }
    this.take(rowNumber, cells);
    return this.fresh;
  }

  end(): SheetResult {
    if (!this.detected) this.detect();
    const layout = this.layout;
    const columns: Partial<Record<Role, string>> = {};
    if (layout) {
      for (const [role, index] of Object.entries(layout.columns) as [Role, number][])
        columns[role] = columnLetter(index);
    }
    const result: SheetResult = {
      name: this.name,
      kind: layout?.kind ?? "other",
      headerRow: layout?.headerRow ?? null,
      headerTopRow: layout?.headerTopRow ?? null,
      columns,
      rolesNotFound: layout !== null ? rolesNotFound(layout) : [],
      rolesCorrected: Object.keys(this.context.corrections ?? {}) as Role[],
      lastColumnIndex: layout?.lastColumnIndex ?? null,
      dataRange:
        this.firstData !== null && this.lastData !== null ? { first: this.firstData, last: this.lastData } : null,
      rows: this.rows,
      ...(this.counts !== undefined ? { personCounts: this.counts } : {}),
      issues: this.sheetIssues,
    };
    this.context.workbook.sheets.push(result);
    this.ended = true;
    return result;
  }

  /** Finds the header in the buffered rows, then processes the buffered data rows. */
  private detect(): void {
    this.detected = true;
    const grid: CellRow[] = [];
    for (const { row, cells } of this.buffer) grid[row - 1] = cells;
    for (let i = 0; i < grid.length; i++) if (grid[i] === undefined) grid[i] = [];
    const rows = withoutComputedHeaders(grid);
    this.layout = this.tableIn(rows, this.merges);
    if (this.merges === undefined) this.headerGrid = rows;
    const where = { file: this.file, sheet: this.name, row: null, column: null };
    if (this.layout === null) {
      // An empty sheet is not a problem worth reporting; a sheet with content but no header is.
      if (this.buffer.some((r) => r.cells.some((c) => c !== null && cellText(c).trim() !== ""))) {
        this.sheetIssues.push(makeIssue("header-not-found", where, { sheet: this.name }));
      }
      this.ended = true;
      return;
    }
    const layout = this.layout;
    this.frame = rowFrame(layout);
    for (const role of missingRoles(layout))
      this.sheetIssues.push(makeIssue("missing-column", where, { role, sheet: this.name }));
    const workbook = this.context.workbook;
    if (layout.kind === "personnel") workbook.hasPersonnel = true;
    // The workbook's last sheet, a personnel table, with no training row before it: nobody
    // will ask who the workbook's people are (OpenSheetOptions.lastOfWorkbook).
    if (layout.kind === "personnel" && this.context.lastOfWorkbook && workbook.pendingTraining.length === 0)
      workbook.people = null;
    for (const { row, cells } of this.buffer) if (!this.ended) this.take(row, cells);
    this.buffer.length = 0;
  }

  private tableIn(rows: readonly CellRow[], merges: readonly MergeArea[] | undefined): TableLayout | null {
    return applyColumnOverrides(detectTable(rows, 1, merges), this.context.corrections, rows, 1);
  }

  settleMerges(merges: readonly MergeArea[]): boolean {
    if (!this.detected) {
      this.merges = merges;
      return true;
    }
    const grid = this.headerGrid;
    this.headerGrid = null;
    // Found with merges already, or without a grid (never: detect() keeps it when they were not known).
    if (this.merges !== undefined || grid === null) return true;
    this.merges = merges;
    return sameLayout(this.tableIn(grid, merges), this.layout);
  }

  private take(rowNumber: number, cells: CellRow): void {
    const layout = this.layout;
    if (layout === null || this.ended || rowNumber < layout.dataStartRow) return;
    if (layout.kind === "other") return;
    const own = cells.length > layout.lastColumnIndex + 1 ? cells.slice(0, layout.lastColumnIndex + 1) : cells;
    const cls = classifyRow(own, layout);
    if (cls === "end") {
      this.ended = true;
      return;
    }
    if (cls === "blank") return;
    if (cls === "section") {
      // A label over the rows below (domain.md "Settled points"): not a person, no issue.
      this.section = sectionLabel(own, layout);
      return;
    }
    if (this.firstData === null) this.firstData = rowNumber;
    this.lastData = rowNumber;
    const row = this.checkRow(rowNumber, own, layout);
    this.fresh.push(row);
    const keep = this.context.keepPersonRow;
    if (this.counts !== undefined && isPersonRow(row)) {
      countPerson(this.counts, row, this.context.policy);
      if (keep !== undefined && !keep(row)) return;
    }
    this.rows.push(row);
  }

  /** One row; a fault in the engine costs that row a coded issue, never the whole file. */
  private checkRow(rowNumber: number, cells: CellRow, layout: TableLayout): PersonRow | TrainingRow {
    const ctx = rowIn(this.frame ?? rowFrame(layout), { file: this.file, sheet: this.name, row: rowNumber }, cells);
    try {
      return layout.kind === "personnel"
        ? personRow(ctx, this.context, this.section)
        : trainingRow(ctx, this.context, { sheetIndex: this.sheetIndex, rowIndex: this.rows.length });
    } catch (fault) {
      const issue = issueAt(ctx, "row-not-checked", null, { detail: fault instanceof Error ? fault.name : "unknown" });
      return layout.kind === "personnel" ? uncheckedPerson(rowNumber, issue) : uncheckedTraining(rowNumber, issue);
    }
  }
}

const isoOrNull = (day: DayNumber | null): string | null => (day !== null ? dayToIso(day) : null);

/** A personnel row: identity, dates, cross-checks, service history, then the category. */
function personRow(ctx: RowContext, sheet: SheetContext, section: string | null): PersonRow {
  const name = checkName(ctx);
  const nik = checkNik(ctx);
  const nip = checkNip(ctx);
  const businessIds = { issues: checkBusinessIds(ctx) };
  const gender = checkGender(ctx);
  const status = checkStatus(ctx, nip.value.info);
  const read = readPersonDates(ctx);
  const dates = read.value;
  const judged = judgeDates(ctx, dates, sheet.days.reference);
  const trust = judged.value;
  const start = trustedStart(dates, trust);
  const stated = { birth: trustedBirth(dates, trust), gender: gender.value };
  const cross = { issues: crossCheckIdentifiers(ctx, { nik: nik.value.info, nip: nip.value.info }, stated) };
  const validNik = nik.value.info !== null ? nik.value.shown : null;
  const service = checkServiceHistory(ctx, sheet.history, validNik, servicePeriod(start, dates.end));
  const category = categoryOf(ctx, sheet, status.value, dates, trust, service.value.hasServiceGap);
  const written = { issues: checkWrittenTenure(ctx, category.value.tenure) };
  const issues = issuesOf(name, nik, nip, businessIds, gender, status, read, judged, cross, service, category, written);
  const validNip = nip.value.info !== null ? nip.value.shown : null;
  const people = sheet.workbook.people;
  if (people !== null)
    rememberPerson(
      people,
      { nip: validNip, nik: validNik, name: name.value },
      { name: name.value, status: status.value.status },
    );
  const c = category.value;
  const path = pathOfRow(ctx, { status, nik, start, service, category }, sheet.policy);
  // Written out rather than spread: objects of one shape, keys in the order reports show them.
  return {
    row: ctx.row,
    name: name.value,
    nik: nik.value.shown,
    nip: nip.value.shown,
    status: status.value.status,
    bknCode: status.value.code,
    unit: (hasColumn(ctx, "unit") ? readText(cellOf(ctx, "unit")) : null) ?? section,
    birthDate: isoOrNull(dates.birth),
    startDate: isoOrNull(dates.start),
    endDate: isoOrNull(dates.end),
    tenure: c.tenure,
    meetsMinTenure: c.meetsMinTenure,
    ageYears: c.ageYears,
    endsAtCutoff: c.endsAtCutoff,
    daysToCutoff: c.daysToCutoff,
    cutoff: c.cutoff,
    category: c.category,
    reviewFields: c.reviewFields,
    path: path.path,
    pathMissing: path.pathMissing,
    pathReview: path.pathReview,
    pathNpwpFromNik: path.pathNpwpFromNik,
    issues,
  };
}

/** The category rules of a person row, given what the other rules found. */
function categoryOf(
  ctx: RowContext,
  sheet: SheetContext,
  status: StatusValue,
  dates: PersonDates,
  trust: DateTrust,
  hasServiceGap: boolean,
): Checked<CategoryValue> {
  const input = {
    status,
    start: trustedStart(dates, trust),
    end: dates.end,
    ageYears: ageOn(dates, trust, sheet.days.reference),
    startProblem: trust.startProblem,
    birthProblem: trust.birthProblem,
    hasServiceGap,
  };
  return categorize(ctx, input, sheet.days, sheet.policy);
}

/** A training row: its person, training, date and JP; counted once, settled when the workbook ends. */
function trainingRow(ctx: RowContext, sheet: SheetContext, at: { sheetIndex: number; rowIndex: number }): TrainingRow {
  const who = checkParticipant(ctx);
  const status = checkTrainingStatus(ctx);
  const training = checkTrainingName(ctx);
  const date = checkTrainingDate(ctx);
  const jp = readJp(ctx, sheet.policy);
  const { person, nip, nik, name } = who.value;
  let counted = { value: false, issues: NO_ISSUES };
  if (person === null) {
    counted = { value: false, issues: [issueAt(ctx, "training-unknown-person", null)] };
  } else if (jp.value !== null) {
    const entry: TrainingEntry = {
      person,
      name,
      status: status.value,
      training: training.value ?? "",
      day: date.value,
      jp: jp.value,
      sheet: ctx.sheet,
      row: ctx.row,
      ...(ctx.file !== undefined ? { file: ctx.file } : {}),
    };
    counted = countOnce(ctx, sheet.workbook.trainingKeys, entry);
    const keys = { nip, nik, name };
    if (counted.value)
      sheet.workbook.pendingTraining.push({ ...at, entry, keys, statusFromRow: status.value !== null });
  }
  return {
    row: ctx.row,
    person,
    status: status.value,
    training: training.value,
    date: isoOrNull(date.value),
    jp: jp.value,
    counted: counted.value,
    issues: issuesOf(who, status, training, date, jp, counted),
  };
}

function uncheckedPerson(row: number, issue: Issue): PersonRow {
  return {
    row,
    name: null,
    nik: null,
    nip: null,
    status: null,
    bknCode: null,
    unit: null,
    birthDate: null,
    startDate: null,
    endDate: null,
    tenure: null,
    meetsMinTenure: null,
    ageYears: null,
    endsAtCutoff: false,
    daysToCutoff: null,
    cutoff: null,
    category: "needs-review",
    reviewFields: [],
    // A row the engine could not read may be anyone: it is to be looked at by hand.
    path: "perlu-diperiksa",
    pathMissing: [],
    pathReview: [],
    pathNpwpFromNik: false,
    issues: [issue],
  };
}

function uncheckedTraining(row: number, issue: Issue): TrainingRow {
  return { row, person: null, status: null, training: null, date: null, jp: null, counted: false, issues: [issue] };
}

/** One workbook, one call. */
export function checkWorkbook(sheets: readonly SheetGrid[], policy: Policy, file?: string): WorkbookResult {
  const session = new CheckSession(policy);
  for (const sheet of sheets) if (!isOwnSheetName(sheet.name)) session.checkSheet(sheet, file);
  return session.finishWorkbook(file);
}
