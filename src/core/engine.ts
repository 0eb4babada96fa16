/**
 * The checking engine: turns sheets (grids of cells) into results. It only wires the
 * small rule modules together; every rule lives in its own module, and adapters only
 * move grids in and results out.
 *
 * Sheets can be given whole (checkSheet) or row by row (openSheet), so the command line
 * can stream a 1,048,575-row sheet without holding it.
 */
import { COMPUTED_COLUMN_LABELS } from "./annotations";
import { type Cell, type CellRow, type MergeArea, type SheetGrid, cellText, columnLetter } from "./cells";
import { type DayNumber, ageInYears, dayToDisplay, dayToIso, dayToYmd, isoToDay } from "./days";
import { type DateRead, readDate, readPlaceAndDate } from "./dates";
import { daysToCutoff, decideEligibility, endsAtCutoff, isNonAsn } from "./eligibility";
import { HEADER_SCAN_ROWS, type TableLayout, classifyRow, detectTable, missingRoles } from "./headers";
import { type IdRead, nikMatchesBirthDate, readNib, readNik, readNip, readNpwp } from "./identifiers";
import { type Issue, makeIssue } from "./issues";
import { type Policy, maxApplicantAge } from "./policy";
import type { PersonRow, SheetResult, Summary, TrainingRow, TrainingTally, WorkbookResult } from "./results";
import { appointedOf, bknCodeOf, nikState, pathFields } from "./rules/paths";
import { computeTenure, findServiceGaps } from "./tenure";
import { TrainingTallier, hoursToJp, minutesToJp, trainingKey, type TrainingEntry } from "./training";
import { normalizeName, readGender, readNumber, readStatus, readText } from "./values";
import {
  CATEGORIES,
  type Category,
  type EmploymentStatus,
  ISSUE_CODES,
  type IssueCode,
  LABELS,
  PATH_CODES,
  type Params,
  type PathCode,
  REASONS,
  type Role,
  placeText,
} from "./vocabulary";

/** Sheets Cek Honorer writes itself; never checked as user data. */
export const STATE_SHEET_NAME = "CH_State";
const OWN_SHEET_NAMES = new Set<string>([
  ...[LABELS.sheetReport, LABELS.sheetSummary, LABELS.sheetTally, LABELS.sheetPaths].flatMap((l): string[] => [
    l.id,
    l.en,
  ]),
  STATE_SHEET_NAME,
]);

export function isOwnSheetName(name: string): boolean {
  return OWN_SHEET_NAMES.has(name);
}

const COMPUTED_HEADERS = new Set(
  COMPUTED_COLUMN_LABELS.flatMap((k) => [LABELS[k].id, LABELS[k].en]).map((t) => t.trim().toLowerCase()),
);

/** True when a header text is one of the columns Cek Honorer writes (either language). */
export function isComputedHeader(text: string): boolean {
  return COMPUTED_HEADERS.has(text.trim().toLowerCase());
}

export interface SheetStream {
  /** Rows in increasing order (gaps allowed). Returns the rows whose results are now final. */
  push(rowNumber: number, cells: CellRow): readonly (PersonRow | TrainingRow)[];
  readonly layout: TableLayout | null;
  /** Flushes buffered rows; the returned SheetResult holds every row. */
  end(): SheetResult;
}

interface Place {
  readonly file?: string;
  readonly sheet: string;
  readonly row: number;
}

interface Period {
  readonly start: DayNumber;
  readonly end: DayNumber | null;
}

/** A person as known from personnel sheets, for the training sheets. */
interface KnownPerson {
  readonly name: string | null;
  readonly status: EmploymentStatus | null;
}

/** A training row waiting for the workbook's end, when every person is known. */
interface PendingTraining {
  readonly sheetIndex: number;
  readonly rowIndex: number;
  readonly entry: TrainingEntry;
  readonly identity: { nip: string | null; nik: string | null; name: string | null };
  readonly statusFromRow: boolean;
}

interface WorkbookState {
  sheets: SheetResult[];
  pendingTraining: PendingTraining[];
  trainingKeys: Map<string, Place>;
  personsByNip: Map<string, KnownPerson>;
  personsByNik: Map<string, KnownPerson>;
  personsByName: Map<string, KnownPerson>;
  hasPersonnel: boolean;
}

export class CheckSession {
  readonly policy: Policy;
  private readonly referenceDay: DayNumber;
  private readonly cutoffDay: DayNumber;
  /** NIK -> first place and service periods; shared across sheets and files checked together. */
  private readonly niks = new Map<string, { first: Place; periods: Period[] }>();
  private workbook: WorkbookState = CheckSession.newWorkbook();
  private readonly finished: WorkbookResult[] = [];

  constructor(policy: Policy) {
    this.policy = policy;
    const reference = isoToDay(policy.referenceDate);
    const cutoff = isoToDay(policy.cutoffDate);
    // resolvePolicy validates dates; a hand-built policy with a bad date is a programming error.
    if (reference === null || cutoff === null) throw new RangeError("Policy dates must be YYYY-MM-DD");
    this.referenceDay = reference;
    this.cutoffDay = cutoff;
  }

  private static newWorkbook(): WorkbookState {
    return {
      sheets: [],
      pendingTraining: [],
      trainingKeys: new Map(),
      personsByNip: new Map(),
      personsByNik: new Map(),
      personsByName: new Map(),
      hasPersonnel: false,
    };
  }

  checkSheet(grid: SheetGrid, file?: string): SheetResult {
    const stream = this.openSheet(grid.name, file, grid.merges);
    const first = grid.firstRow ?? 1;
    grid.rows.forEach((cells, i) => stream.push(first + i, cells));
    return stream.end();
  }

  openSheet(name: string, file?: string, merges?: readonly MergeArea[]): SheetStream {
    return new SheetChecker(this, name, file, merges);
  }

  finishWorkbook(file?: string): WorkbookResult {
    const state = this.workbook;
    this.workbook = CheckSession.newWorkbook();
    const workbookIssues: Issue[] = [];
    const tallier = new TrainingTallier();
    const lateIssues = new Map<string, Issue[]>(); // "sheetIndex:rowIndex" -> issues
    const addLate = (p: PendingTraining, issue: Issue): void => {
      const key = `${p.sheetIndex}:${p.rowIndex}`;
      const list = lateIssues.get(key) ?? [];
      list.push(issue);
      lateIssues.set(key, list);
    };

    for (const pending of state.pendingTraining) {
      const known = lookUpPerson(state, pending.identity);
      const sheet = state.sheets[pending.sheetIndex];
      if (known === null && state.hasPersonnel) {
        addLate(
          pending,
          makeIssue("training-unknown-person", { file, sheet: sheet.name, row: pending.entry.row, column: null }),
        );
      }
      const status = pending.statusFromRow ? pending.entry.status : (known?.status ?? pending.entry.status);
      const name = pending.entry.name ?? known?.name ?? null;
      tallier.add({ ...pending.entry, status, name });
    }
    const training = tallier.finish(this.policy);
    for (const tally of training) {
      const issue = this.verdictIssue(tally, state, file);
      if (issue !== null) workbookIssues.push(issue);
    }

    const sheets = state.sheets.map((sheet, sheetIndex) => {
      if (lateIssues.size === 0 || sheet.kind !== "training") return sheet;
      const rows = sheet.rows.map((row, rowIndex) => {
        const extra = lateIssues.get(`${sheetIndex}:${rowIndex}`);
        return extra === undefined ? row : { ...row, issues: [...row.issues, ...extra] };
      });
      return { ...sheet, rows };
    });

    const result: WorkbookResult = {
      ...(file !== undefined ? { file } : {}),
      policy: this.policy,
      sheets,
      training,
      issues: workbookIssues,
      summary: summarize([{ sheets, issues: workbookIssues }]),
    };
    this.finished.push(result);
    return result;
  }

  combinedSummary(): Summary {
    return summarize(this.finished);
  }

  private verdictIssue(tally: TrainingTally, state: WorkbookState, file: string | undefined): Issue | null {
    const code: IssueCode | null =
      tally.verdict === "below-minimum"
        ? "jp-below-minimum"
        : tally.verdict === "above-maximum"
          ? "jp-above-maximum"
          : null;
    if (code === null) return null;
    const sheet = state.sheets.find((s) => s.name === tally.sheet);
    const column = sheet?.columns.jp ?? sheet?.columns.minutes ?? sheet?.columns.hours ?? null;
    const limit = code === "jp-below-minimum" ? this.policy.pnsMinJp : this.policy.pppkMaxJp;
    return makeIssue(
      code,
      { file, sheet: tally.sheet, row: tally.rows[0] ?? null, column, role: "jp" },
      { person: tally.name ?? tally.person, jp: round2(tally.jp), year: tally.year, limit },
    );
  }

  // ---- used by SheetChecker -------------------------------------------------------------

  /** @internal */
  get state(): WorkbookState {
    return this.workbook;
  }

  /** @internal */
  get reference(): DayNumber {
    return this.referenceDay;
  }

  /** @internal */
  get cutoff(): DayNumber {
    return this.cutoffDay;
  }

  /** @internal Records a NIK; returns the first place it was seen and the earlier periods, or null when new. */
  noteNik(nik: string, place: Place, period: Period | null): { first: Place; periods: Period[] } | null {
    const seen = this.niks.get(nik);
    if (seen === undefined) {
      this.niks.set(nik, { first: place, periods: period ? [period] : [] });
      return null;
    }
    const before = { first: seen.first, periods: [...seen.periods] };
    if (period) seen.periods.push(period);
    return before;
  }
}

function lookUpPerson(
  state: WorkbookState,
  id: { nip: string | null; nik: string | null; name: string | null },
): KnownPerson | null {
  return (
    (id.nip !== null ? state.personsByNip.get(id.nip) : undefined) ??
    (id.nik !== null ? state.personsByNik.get(id.nik) : undefined) ??
    (id.name !== null ? state.personsByName.get(normalizeName(id.name)) : undefined) ??
    null
  );
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

/** Blanks the headers of columns Cek Honorer wrote, so a re-run never maps them to roles. */
function withoutComputedHeaders(rows: readonly CellRow[]): CellRow[] {
  return rows.map((row) =>
    row.some((c) => c !== null && c !== undefined && c.t === "s" && isComputedHeader(c.v))
      ? row.map((c) => (c !== null && c !== undefined && c.t === "s" && isComputedHeader(c.v) ? null : c))
      : row,
  );
}

class SheetChecker implements SheetStream {
  layout: TableLayout | null = null;
  private readonly buffer: { row: number; cells: CellRow }[] = [];
  private detected = false;
  private ended = false;
  private readonly rows: (PersonRow | TrainingRow)[] = [];
  private readonly sheetIssues: Issue[] = [];
  private readonly sheetIndex: number;
  private firstData: number | null = null;
  private lastData: number | null = null;

  constructor(
    private readonly session: CheckSession,
    private readonly name: string,
    private readonly file: string | undefined,
    private readonly merges: readonly MergeArea[] | undefined,
  ) {
    this.sheetIndex = session.state.sheets.length;
  }

  push(rowNumber: number, cells: CellRow): readonly (PersonRow | TrainingRow)[] {
    if (this.ended) return [];
    const before = this.rows.length;
    if (!this.detected) {
      if (rowNumber <= HEADER_SCAN_ROWS) {
        this.buffer.push({ row: rowNumber, cells });
        return [];
      }
      this.detect(); // processes the buffered rows too: they are returned with this one
    }
    this.take(rowNumber, cells);
    return this.rows.slice(before);
  }

  end(): SheetResult {
    if (!this.detected) this.detect();
    const layout = this.layout;
    const kind = layout?.kind ?? "other";
    const columns: Partial<Record<Role, string>> = {};
    if (layout) {
      for (const [role, index] of Object.entries(layout.columns) as [Role, number][])
        columns[role] = columnLetter(index);
    }
    const result: SheetResult = {
      name: this.name,
      kind,
      headerRow: layout?.headerRow ?? null,
      headerTopRow: layout?.headerTopRow ?? null,
      columns,
      lastColumnIndex: layout?.lastColumnIndex ?? null,
      dataRange:
        this.firstData !== null && this.lastData !== null ? { first: this.firstData, last: this.lastData } : null,
      rows: this.rows,
      issues: this.sheetIssues,
    };
    this.session.state.sheets.push(result);
    this.ended = true;
    return result;
  }

  /** Finds the header in the buffered rows, then processes the buffered data rows. */
  private detect(): void {
    this.detected = true;
    const grid: CellRow[] = [];
    for (const { row, cells } of this.buffer) grid[row - 1] = cells;
    for (let i = 0; i < grid.length; i++) if (grid[i] === undefined) grid[i] = [];
    this.layout = detectTable(withoutComputedHeaders(grid), 1, this.merges);
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
    for (const role of missingRoles(layout))
      this.sheetIssues.push(makeIssue("missing-column", where, { role, sheet: this.name }));
    if (layout.kind === "personnel") this.session.state.hasPersonnel = true;
    for (const { row, cells } of this.buffer) if (!this.ended) this.take(row, cells);
    this.buffer.length = 0;
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
    if (this.firstData === null) this.firstData = rowNumber;
    this.lastData = rowNumber;
    this.rows.push(this.checkRow(rowNumber, own, layout));
  }

  /** One row; a fault in the engine costs that row a coded issue, never the whole file. */
  private checkRow(rowNumber: number, cells: CellRow, layout: TableLayout): PersonRow | TrainingRow {
    try {
      return layout.kind === "personnel"
        ? this.person(rowNumber, cells, layout)
        : this.training(rowNumber, cells, layout);
    } catch (fault) {
      const issue = makeIssue(
        "row-not-checked",
        { file: this.file, sheet: this.name, row: rowNumber, column: null },
        { detail: fault instanceof Error ? fault.name : "unknown" },
      );
      return layout.kind === "personnel" ? uncheckedPerson(rowNumber, issue) : uncheckedTraining(rowNumber, issue);
    }
  }

  // ---- personnel rows ---------------------------------------------------------------

  private person(rowNumber: number, cells: CellRow, layout: TableLayout): PersonRow {
    const policy = this.session.policy;
    const issues: Issue[] = [];
    // A combined "Tempat, Tgl Lahir" column stands for both birth roles.
    const col = (role: Role): number | undefined =>
      layout.columns[role] ??
      ((role === "birthDate" || role === "birthPlace") && layout.combinedBirthColumn !== null
        ? layout.combinedBirthColumn
        : undefined);
    const cellOf = (role: Role): Cell => {
      const i = col(role);
      return i === undefined ? null : (cells[i] ?? null);
    };
    const at = (role: Role) => {
      const i = col(role);
      return {
        file: this.file,
        sheet: this.name,
        row: rowNumber,
        column: i === undefined ? null : columnLetter(i),
        role,
      };
    };
    const add = (code: IssueCode, role: Role, params: Params = {}): void => {
      issues.push(makeIssue(code, at(role), params));
    };
    const present = (role: Role): boolean => col(role) !== undefined;

    const excelError = (role: Role): boolean => {
      const c = cellOf(role);
      if (c !== null && c.t === "e") {
        add("excel-error", role, { role, value: c.v });
        return true;
      }
      return false;
    };

    // Identity
    const name = present("name") && !excelError("name") ? readText(cellOf("name")) : null;
    if (present("name") && name === null && !isErrorCell(cellOf("name")))
      add("missing-value", "name", { role: "name" });

    const nikRead = present("nik") ? readNik(cellOf("nik")) : null;
    if (nikRead?.kind === "empty") add("missing-value", "nik", { role: "nik" });
    const nik = nikRead === null ? null : reportIdentifier(nikRead, "nik", rowNumber, at("nik").column, add);
    const nikInfo = nikRead?.kind === "ok" ? nikRead.info : null;
    if (nikInfo !== null && !nikInfo.provinceKnown) add("nik-region-unknown", "nik", { code: nikInfo.provinceCode });

    // An empty NIP is normal: non-ASN have none.
    const nipRead = present("nip") ? readNip(cellOf("nip")) : null;
    const nip = nipRead === null ? null : reportIdentifier(nipRead, "nip", rowNumber, at("nip").column, add);
    const nipInfo = nipRead?.kind === "ok" ? nipRead.info : null;
    for (const [role, reader, code] of [
      ["nib", readNib, "nib-invalid"],
      ["npwp", readNpwp, "npwp-invalid"],
    ] as const) {
      if (!present(role)) continue;
      const read = reader(cellOf(role));
      if (read.kind === "invalid") add(code, role, { value: read.raw, reason: read.detail });
      else if (read.kind === "precision-lost") add(code, role, { value: read.shown, reason: PRECISION_REASON });
      else if (read.kind === "error") add("excel-error", role, { role, value: read.text });
    }

    // Gender and status
    let gender: "L" | "P" | null = null;
    if (present("gender")) {
      const g = readGender(cellOf("gender"));
      if (g.kind === "ok") gender = g.value;
      else if (g.kind === "unknown") add("unknown-gender", "gender", { value: g.text });
      else if (g.kind === "error") add("excel-error", "gender", { role: "gender", value: g.text });
    }
    let status: EmploymentStatus | null = null;
    let statusUnknown = false;
    if (present("status")) {
      const s = readStatus(cellOf("status"));
      if (s.kind === "ok") status = s.value;
      else if (s.kind === "unknown") {
        statusUnknown = true;
        add("unknown-status", "status", { value: s.text });
      } else if (s.kind === "error") {
        statusUnknown = true;
        add("excel-error", "status", { role: "status", value: s.text });
      }
    }

    // Dates
    const birthRead: DateRead =
      layout.combinedBirthColumn !== null && col("birthDate") === layout.combinedBirthColumn
        ? readPlaceAndDate(cellOf("birthDate")).date
        : readDate(cellOf("birthDate"));
    const birth = this.dateValue(birthRead, "birthDate", present("birthDate"), add, false);
    const start = this.dateValue(readDate(cellOf("startDate")), "startDate", present("startDate"), add, true);
    const end = this.dateValue(readDate(cellOf("endDate")), "endDate", present("endDate"), add, false);
    if (present("skDate")) this.dateValue(readDate(cellOf("skDate")), "skDate", true, add, false);

    const reference = this.session.reference;
    let birthProblem = birth === null;
    let startProblem = start === null;
    if (birth !== null) {
      if (birth > reference) {
        add("implausible-date", "birthDate", {
          role: "birthDate",
          value: dayToDisplay(birth),
          reason: REASONS.birthAfterReference,
        });
        birthProblem = true;
      } else if (ageInYears(birth, reference) > 100) {
        add("implausible-date", "birthDate", {
          role: "birthDate",
          value: dayToDisplay(birth),
          reason: REASONS.birthTooOld,
        });
        birthProblem = true;
      }
    }
    if (start !== null) {
      if (start > reference) {
        add("implausible-date", "startDate", {
          role: "startDate",
          value: dayToDisplay(start),
          reason: REASONS.startAfterReference,
        });
        startProblem = true;
      } else if (birth !== null && !birthProblem && ageInYears(birth, start) < 15) {
        add("implausible-date", "startDate", {
          role: "startDate",
          value: dayToDisplay(start),
          reason: REASONS.startBeforeAge15,
        });
        startProblem = true;
      }
    }
    if (end !== null && end - reference > 50 * 366) {
      add("implausible-date", "endDate", { role: "endDate", value: dayToDisplay(end), reason: REASONS.farFuture });
    }
    if (start !== null && end !== null && end < start) {
      add("end-before-start", "endDate", { start: dayToDisplay(start), end: dayToDisplay(end) });
      startProblem = true;
    }

    // Cross-checks against identifiers
    if (nikInfo !== null && birth !== null && !birthProblem && !nikMatchesBirthDate(nikInfo, birth)) {
      add("nik-birthdate-mismatch", "nik", {
        nikDate: `${pad2(nikInfo.birthDay)}-${pad2(nikInfo.birthMonth)}-${pad2(nikInfo.birthYY)}`,
        birthDate: dayToDisplay(birth),
      });
    }
    if (nikInfo !== null && gender !== null && nikInfo.gender !== gender) {
      add("nik-gender-mismatch", "nik", { nikGender: genderWord(nikInfo.gender), gender: genderWord(gender) });
    }
    if (nipInfo !== null && birth !== null && !birthProblem && nipInfo.birthDate !== birth) {
      add("nip-birthdate-mismatch", "nip", {
        nipDate: dayToDisplay(nipInfo.birthDate),
        birthDate: dayToDisplay(birth),
      });
    }
    if (nipInfo !== null && gender !== null && nipInfo.gender !== gender) {
      add("nip-gender-mismatch", "nip", { nipGender: genderWord(nipInfo.gender), gender: genderWord(gender) });
    }

    // Duplicates and gaps, across sheets and files
    let hasServiceGap = false;
    const period = start !== null && !startProblem ? { start, end } : null;
    if (nikInfo !== null && nik !== null) {
      const place = { sheet: this.name, row: rowNumber, ...(this.file !== undefined ? { file: this.file } : {}) };
      const seen = this.session.noteNik(nik, place, period);
      if (seen !== null) {
        add("duplicate-nik", "nik", {
          value: nik,
          firstPlace: placeText(seen.first.sheet, seen.first.row, seen.first.file),
        });
        if (period !== null && seen.periods.length > 0) {
          const gaps = findServiceGaps([...seen.periods, period]);
          if (gaps.length > 0) {
            hasServiceGap = true;
            const g = gaps[0];
            add("service-gap", "startDate", { detail: `${dayToDisplay(g.from)} - ${dayToDisplay(g.to)}` });
          }
        }
      }
    }

    // Computations
    const nonAsn = isNonAsn(status, present("status"), statusUnknown);
    const tenure = start !== null && !startProblem ? computeTenure(start, end, policy) : null;
    const ageYears = birth !== null && !birthProblem ? ageInYears(birth, reference) : null;
    if (nonAsn && ageYears !== null && (ageYears < policy.minAge || ageYears > maxApplicantAge(policy))) {
      add("age-out-of-range", "birthDate", {
        age: ageYears,
        referenceDate: dayToDisplay(reference),
        minAge: policy.minAge,
        maxAge: maxApplicantAge(policy),
      });
    }
    if (nonAsn && end !== null && end > this.session.cutoff) {
      add("contract-past-cutoff", "endDate", { end: dayToDisplay(end), cutoff: dayToDisplay(this.session.cutoff) });
    }
    const endsCut = endsAtCutoff(nonAsn, end, policy);
    const eligibility = decideEligibility(
      {
        status,
        statusUnknown,
        hasStatusColumn: present("status"),
        tenure,
        ageYears,
        startProblem,
        birthProblem,
        hasServiceGap,
      },
      policy,
    );

    const bknCode = bknCodeOf(cellOf("category")) ?? bknCodeOf(cellOf("status"));
    const path = pathFields(
      {
        appointed: appointedOf(status, statusUnknown, bknCode),
        bknCode,
        tmtKnown: start !== null && !startProblem,
        tenureMonths: tenure?.totalMonths ?? null,
        serviceGap: hasServiceGap,
        ageYears,
        nik: nikState(nikRead),
        nibCell: present("nib") ? cellOf("nib") : undefined,
        npwpCell: present("npwp") ? cellOf("npwp") : undefined,
      },
      policy,
    );

    const unit = present("unit") ? readText(cellOf("unit")) : null;
    const person: PersonRow = {
      row: rowNumber,
      name,
      nik,
      nip,
      status,
      unit,
      birthDate: birth !== null ? dayToIso(birth) : null,
      startDate: start !== null ? dayToIso(start) : null,
      endDate: end !== null ? dayToIso(end) : null,
      tenure,
      meetsMinTenure: eligibility.meetsMinTenure,
      ageYears,
      endsAtCutoff: endsCut,
      daysToCutoff: endsCut ? daysToCutoff(policy) : null,
      category: eligibility.category,
      reviewFields: eligibility.reviewFields,
      ...path,
      issues,
    };

    const known: KnownPerson = { name, status };
    const state = this.session.state;
    if (nip !== null && nipInfo !== null) state.personsByNip.set(nip, known);
    if (nik !== null && nikInfo !== null) state.personsByNik.set(nik, known);
    if (name !== null) state.personsByName.set(normalizeName(name), known);
    return person;
  }

  /** Reads a date role; reports unreadable values. Returns the day, or null. */
  private dateValue(
    read: DateRead,
    role: Role,
    present: boolean,
    add: (code: IssueCode, role: Role, params?: Params) => void,
    required: boolean,
  ): DayNumber | null {
    if (!present) return null;
    switch (read.kind) {
      case "empty":
        if (required) add("missing-value", role, { role });
        return null;
      case "error":
        add("excel-error", role, { role, value: read.text });
        return null;
      case "invalid":
        add("invalid-date", role, { role, value: read.text });
        return null;
      case "date":
        if (dayToYmd(read.day).year < 1900) {
          add("implausible-date", role, { role, value: dayToDisplay(read.day), reason: REASONS.before1900 });
          return null;
        }
        return read.day;
    }
  }

  // ---- training rows ----------------------------------------------------------------

  private training(rowNumber: number, cells: CellRow, layout: TableLayout): TrainingRow {
    const policy = this.session.policy;
    const issues: Issue[] = [];
    const col = (role: Role): number | undefined => layout.columns[role];
    const cellOf = (role: Role): Cell => {
      const i = col(role);
      return i === undefined ? null : (cells[i] ?? null);
    };
    const add = (code: IssueCode, role: Role | null, params: Params = {}): void => {
      const i = role === null ? undefined : col(role);
      issues.push(
        makeIssue(
          code,
          {
            file: this.file,
            sheet: this.name,
            row: rowNumber,
            column: i === undefined ? null : columnLetter(i),
            ...(role !== null ? { role } : {}),
          },
          params,
        ),
      );
    };

    const nipRead = col("nip") !== undefined ? readNip(cellOf("nip")) : null;
    const nikRead = col("nik") !== undefined ? readNik(cellOf("nik")) : null;
    const letter = (role: Role): string | null => {
      const i = col(role);
      return i === undefined ? null : columnLetter(i);
    };
    if (nipRead !== null) reportIdentifier(nipRead, "nip", rowNumber, letter("nip"), add);
    if (nikRead !== null) reportIdentifier(nikRead, "nik", rowNumber, letter("nik"), add);
    const nip = nipRead?.kind === "ok" ? nipRead.value : null;
    const nik = nikRead?.kind === "ok" ? nikRead.value : null;
    const name = col("name") !== undefined ? readText(cellOf("name")) : null;
    const person = nip ?? nik ?? (name !== null ? normalizeName(name) : null);

    let status: EmploymentStatus | null = null;
    if (col("status") !== undefined) {
      const s = readStatus(cellOf("status"));
      if (s.kind === "ok") status = s.value;
      else if (s.kind === "unknown") add("unknown-status", "status", { value: s.text });
    }
    const trainingName = col("training") !== undefined ? readText(cellOf("training")) : null;
    if (col("training") !== undefined && trainingName === null) add("missing-value", "training", { role: "training" });

    let day: DayNumber | null = null;
    if (col("date") !== undefined) {
      const d = readDate(cellOf("date"));
      if (d.kind === "date") day = d.day;
      else if (d.kind === "invalid") add("invalid-date", "date", { role: "date", value: d.text });
      else if (d.kind === "error") add("excel-error", "date", { role: "date", value: d.text });
    }

    const jp = this.readJp(cells, layout, add, policy);

    let counted = false;
    if (person === null) {
      add("training-unknown-person", null);
    } else if (jp !== null) {
      const entry: TrainingEntry = {
        person,
        name,
        status,
        training: trainingName ?? "",
        day,
        jp,
        sheet: this.name,
        row: rowNumber,
        ...(this.file !== undefined ? { file: this.file } : {}),
      };
      const key = trainingKey(entry);
      const state = this.session.state;
      const first = state.trainingKeys.get(key);
      if (first !== undefined) {
        add("training-duplicate", "training", { firstRow: first.row });
      } else {
        state.trainingKeys.set(key, { sheet: this.name, row: rowNumber });
        counted = true;
        state.pendingTraining.push({
          sheetIndex: this.sheetIndex,
          rowIndex: this.rows.length,
          entry,
          identity: { nip, nik, name },
          statusFromRow: status !== null,
        });
      }
    }
    return {
      row: rowNumber,
      person,
      status,
      training: trainingName,
      date: day !== null ? dayToIso(day) : null,
      jp,
      counted,
      issues,
    };
  }

  /** JP from the JP column, else converted from minutes or hours. */
  private readJp(
    cells: CellRow,
    layout: TableLayout,
    add: (code: IssueCode, role: Role | null, params?: Params) => void,
    policy: Policy,
  ): number | null {
    const sources: [Role, (n: number) => number][] = [
      ["jp", (n) => n],
      ["minutes", (n) => minutesToJp(n, policy)],
      ["hours", (n) => hoursToJp(n, policy)],
    ];
    const available = sources.filter(([role]) => layout.columns[role] !== undefined);
    for (const [role, convert] of available) {
      const read = readNumber(cells[layout.columns[role] as number] ?? null);
      if (read.kind === "ok") {
        if (read.value < 0) {
          add("invalid-number", role, { role, value: String(read.value) });
          return null;
        }
        return round2(convert(read.value));
      }
      if (read.kind === "unknown") {
        add("invalid-number", role, { role, value: read.text });
        return null;
      }
      if (read.kind === "error") {
        add("excel-error", role, { role, value: read.text });
        return null;
      }
    }
    if (available.length > 0) add("missing-value", available[0][0], { role: available[0][0] });
    return null;
  }
}

const IDENTIFIER_CODES = {
  nik: { invalid: "nik-invalid", lost: "nik-precision-lost" },
  nip: { invalid: "nip-invalid", lost: "nip-precision-lost" },
} as const;

/**
 * Reports an unreadable NIK or NIP (Excel error, digits lost to a number cell, invalid)
 * and returns what the row shows for it: the normalized value, or the text as written.
 * An empty cell is left to the caller: a missing NIK is an error, a missing NIP is not.
 */
function reportIdentifier(
  read: IdRead<unknown>,
  role: "nik" | "nip",
  row: number,
  column: string | null,
  add: (code: IssueCode, role: Role, params?: Params) => void,
): string | null {
  switch (read.kind) {
    case "empty":
      return null;
    case "error":
      add("excel-error", role, { role, value: read.text });
      return null;
    case "precision-lost":
      add(IDENTIFIER_CODES[role].lost, role, { cell: `${column ?? "A"}${row}`, value: read.shown });
      return read.shown;
    case "invalid":
      add(IDENTIFIER_CODES[role].invalid, role, { value: read.raw, reason: read.detail });
      return read.raw;
    case "ok":
      return read.value;
  }
}

function uncheckedPerson(row: number, issue: Issue): PersonRow {
  return {
    row,
    name: null,
    nik: null,
    nip: null,
    status: null,
    unit: null,
    birthDate: null,
    startDate: null,
    endDate: null,
    tenure: null,
    meetsMinTenure: null,
    ageYears: null,
    endsAtCutoff: false,
    daysToCutoff: null,
    category: "needs-review",
    reviewFields: [],
    // A row the engine could not read may be anyone: it is to be looked at by hand.
    path: "perlu-diperiksa",
    pathMissing: [],
    pathReview: [],
    pathNpwpFromNik: false,
    bknCode: null,
    issues: [issue],
  };
}

function uncheckedTraining(row: number, issue: Issue): TrainingRow {
  return { row, person: null, status: null, training: null, date: null, jp: null, counted: false, issues: [issue] };
}

const PRECISION_REASON = {
  id: "disimpan sebagai angka sehingga digit terakhir hilang",
  en: "stored as a number, so its last digits are lost",
};

function isErrorCell(cell: Cell): boolean {
  return cell !== null && cell.t === "e";
}

const pad2 = (n: number): string => String(n).padStart(2, "0");

function genderWord(g: "L" | "P"): { id: string; en: string } {
  return g === "L" ? LABELS.genderMale : LABELS.genderFemale;
}

/** Counts over the given workbooks. */
export function summarize(workbooks: readonly { sheets: readonly SheetResult[]; issues: readonly Issue[] }[]): Summary {
  const bySeverity = { error: 0, warning: 0 };
  const byCode: Partial<Record<IssueCode, number>> = {};
  const byCategory: Partial<Record<Category, number>> = {};
  const byUnit: Record<string, Partial<Record<Category, number>>> = {};
  const byPath: Partial<Record<PathCode, number>> = {};
  const byUnitPath: Record<string, Partial<Record<PathCode, number>>> = {};
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
          if (row.path !== null) {
            byPath[row.path] = (byPath[row.path] ?? 0) + 1;
            const unitPaths = (byUnitPath[unit] ??= {});
            unitPaths[row.path] = (unitPaths[row.path] ?? 0) + 1;
          }
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
    byPath: Object.fromEntries(PATH_CODES.filter((c) => byPath[c] !== undefined).map((c) => [c, byPath[c]])),
    byUnitPath,
  };
}

/** One workbook, one call. */
export function checkWorkbook(sheets: readonly SheetGrid[], policy: Policy, file?: string): WorkbookResult {
  const session = new CheckSession(policy);
  for (const sheet of sheets) if (!isOwnSheetName(sheet.name)) session.checkSheet(sheet, file);
  return session.finishWorkbook(file);
}
