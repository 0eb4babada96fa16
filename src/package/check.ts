/**
 * Reads a package into a check session, sheet by sheet, and keeps the few facts the
 * patcher needs later: which cells the user has beside each table (so computed columns
 * never cover them) and the header row's texts (so a re-run updates its own columns).
 */
import { COMPUTED_COLUMN_COUNT } from "../core/annotations";
import { type Cell, type MergeArea, type SheetGrid, cellText } from "../core/cells";
import { type CheckSession, isOwnSheetName } from "../core/engine";
import { HEADER_SCAN_ROWS, type TableLayout } from "../core/headers";
import { ComputedCollector, type ComputedSet } from "../core/computed-rows";
import { ReportCollector } from "../core/report-collector";
import { type PersonRow, type SheetResult, type TrainingRow, type WorkbookResult, isPersonRow } from "../core/results";
import { NumberColumn } from "../core/rules/digit-keys";
import type { Lang } from "../core/vocabulary";
import {
  type HeldPart,
  type SheetContext,
  type SheetReadFacts,
  readSheetMerges,
  readSheetMergesStreamed,
  readSheetRows,
  readSheetRowsStreamed,
  wholeSheetPart,
} from "./sheet-reader";
import { type SheetEntry, type WorkbookPackage, readCellFormats, readSharedStrings } from "./workbook";

export interface SheetFacts {
  readonly name: string;
  /** Cells with content right of the table, in the columns computed columns would take: [row, 0-based column]. */
  readonly beside: readonly (readonly [number, number])[];
  /** The texts of the header row, by 0-based column (only when the table was found). */
  readonly headerTexts: ReadonlyMap<number, string>;
  /** The sheet's first rows (up to the header scan), as a grid from row 1: the title rows above the table. */
  readonly head: SheetGrid;
  /** Its rows hold no comment, processing instruction or CDATA (as read): the copy need not look for them. */
  readonly plainRows: boolean;
}

export interface PackageCheck {
  readonly result: WorkbookResult;
  readonly facts: ReadonlyMap<string, SheetFacts>;
  /**
   * Sheet parts' texts as inflated for the check (part name -> XML), kept for the copy so
   * it does not inflate and decode them again; the patcher lets each go once written.
   */
  readonly texts: Map<string, HeldPart>;
  /** What the copy needs of every person row, kept compactly (present when asked for). */
  readonly compact?: CompactOutputs;
}

/**
 * The copy's needs at full height (issue 8): with a session that keeps only rows with issues
 * (`keepRowsWithIssues`), every person row is taken as the engine finishes it and only this is
 * kept of it: its computed cells (as ids into per-column tables), whether the cut-off ends it,
 * and what CH Jalur and CH Laporan show (ReportCollector).
 */
export interface CompactOutputs {
  /** Per sheet; the patcher lets them go once the sheets are written. */
  readonly computed: Map<string, ComputedSet>;
  /** Excel rows whose contract ends at the cut-off, per sheet, in order. */
  readonly cutoffRows: Map<string, ArrayLike<number>>;
  /** Fed with every person row; the patcher ends the workbook in it (its own issues come last). */
  readonly reports: ReportCollector;
}

export interface CheckOptions {
  /** Called after each row read (progress). */
  readonly onRow?: () => void;
  /** Keep the sheets' texts for a copy written next (PackageCheck.texts); a check without a copy lets them go. */
  readonly keepTexts?: boolean;
  /** Collect the copy's compact outputs (PackageCheck.compact), with texts in this language. */
  readonly compactFor?: Lang;
  /** Sheet parts' texts already inflated by the caller (holdSheets), by part name. */
  readonly held?: ReadonlyMap<string, HeldPart>;
  /**
   * Every person row as the engine finishes it (final: nothing changes it later), by sheet, in
   * order: the command line's JSON report takes them here, so the session need not keep them.
   */
  readonly onPersonRows?: (sheet: string, rows: readonly PersonRow[]) => void;
  /**
   * The check starts the workbook again (checkPackageStreamed: its first sheet's merged areas
   * found another table than its rows were checked with): rows counted by `onRow` are read again.
   */
  readonly onRestart?: () => void;
}

/** The session option of a compact check: rows without issues are counted and let go. */
export const keepRowsWithIssues = (row: PersonRow): boolean => row.issues.length > 0;

/** Takes the rows of one sheet as the engine finishes them. */
class CompactSheet {
  private collector: ComputedCollector | null | undefined;
  // A typed array, not a list of numbers: every row of a full-height sheet can end at the
  // cut-off, and a million numbers in the heap made V8 let its garbage grow about four times
  // that. Whole numbers in 4 bytes; a damaged file's odd row numbers widen it, kept as read.
  private readonly cutoff = new NumberColumn();

  constructor(
    private readonly name: string,
    private readonly lang: Lang,
    private readonly reports: ReportCollector,
  ) {}

  take(layout: TableLayout | null, rows: readonly (PersonRow | TrainingRow)[]): void {
    if (rows.length === 0 || layout === null) return;
    this.reports.addRows(this.name, rows);
    if (layout.kind !== "personnel") return;
    this.collector ??= ComputedCollector.open(this.name, layout, this.lang);
    for (const row of rows) {
      if (!isPersonRow(row)) continue;
      this.collector?.add(row);
      if (row.endsAtCutoff) this.cutoff.push(row.row);
    }
  }

  /** Excel rows whose contract ends at the cut-off, in order. */
  get cutoffRows(): ArrayLike<number> {
    return this.cutoff.view();
  }

  finish(sheet: SheetResult | undefined): ComputedSet | null {
    const collector = this.collector ?? (sheet !== undefined ? ComputedCollector.ofSheet(sheet, this.lang) : null);
    return collector?.finish() ?? null;
  }
}

/**
 * Sheet XML inflated ahead while the merges' pass runs (checkPackageStreamed): at 100k rows
 * (54 MB of XML) about 0.1 s less; bounded, since a full-height sheet is ten times that.
 * Tests shrink it so the read waits with part of the sheet ahead.
 */
export const READ_AHEAD = { bytes: 32 * 1024 * 1024 };

/** At most this many bytes of sheet XML are kept between the check and the copy. */
const KEPT_TEXT_LIMIT = 128 * 1024 * 1024;

/** The worksheets holding data, in workbook order: not chartsheets, not this tool's own report sheets. */
export function dataSheets(pkg: WorkbookPackage): SheetEntry[] {
  return pkg.sheets.filter((s) => s.kind === "worksheet" && s.part !== null && !isOwnSheetName(s.name));
}

const hasContent = (cell: Cell | undefined): boolean =>
  cell !== null && cell !== undefined && !(cell.t === "s" && cell.v === "");

/** The rows of one sheet as read, taken to the engine and the copy's compact outputs. */
interface SheetRun {
  readonly onRow: (row: number, cells: Cell[], formulas: readonly number[] | null) => void;
  /** See SheetStream.settleMerges. */
  settleMerges(merges: readonly MergeArea[]): boolean;
  finish(read: SheetReadFacts): void;
}

/**
 * What a package check gathers sheet by sheet, whichever way the sheets' text is read
 * (inflated here, or streamed from another thread: checkPackage, checkPackageStreamed).
 */
class PackageRun {
  readonly ctx: SheetContext;
  private readonly reports: ReportCollector | null;
  private readonly computed = new Map<string, ComputedSet>();
  private readonly cutoffRows = new Map<string, ArrayLike<number>>();
  /** The workbook's last data sheet, announced to the session when opened (OpenSheetOptions). */
  private readonly last: SheetEntry | undefined;
  private readonly facts = new Map<string, SheetFacts>();
  readonly texts = new Map<string, HeldPart>();

  constructor(
    private readonly pkg: WorkbookPackage,
    private readonly session: CheckSession,
    private readonly displayName: string | undefined,
    private readonly options: CheckOptions,
    /** Leave the shared strings to readStrings(), called before any row is read. */
    stringsLater = false,
  ) {
    this.reports = options.compactFor !== undefined ? new ReportCollector() : null;
    this.ctx = {
      sharedStrings: stringsLater ? [] : readSharedStrings(pkg),
      formats: readCellFormats(pkg),
      date1904: pkg.date1904,
    };
    const sheets = dataSheets(pkg);
    this.last = sheets[sheets.length - 1];
  }

  /** Reads the shared strings into the context (see the constructor's stringsLater). */
  readStrings(): void {
    readSharedStrings(this.pkg, this.ctx.sharedStrings as string[]);
  }

  /** `merges` undefined: they come later, through the run's settleMerges. */
  open(sheet: SheetEntry, merges: readonly MergeArea[] | undefined): SheetRun {
    const { onRow } = this.options;
    const compactFor = this.options.compactFor;
    const stream = this.session.openSheet(sheet.name, this.displayName, merges, {
      lastOfWorkbook: sheet === this.last,
    });
    const compact =
      this.reports !== null && compactFor !== undefined ? new CompactSheet(sheet.name, compactFor, this.reports) : null;
    const onPersonRows = this.options.onPersonRows;
    const take = (final: readonly (PersonRow | TrainingRow)[]): void => {
      compact?.take(stream.layout, final);
      if (onPersonRows !== undefined && final.length > 0) {
        const people = final.filter(isPersonRow);
        if (people.length > 0) onPersonRows(sheet.name, people);
      }
    };
    let lastRow = 0;
    const beside: [number, number][] = [];
    const early: { row: number; cells: Cell[]; formulas: readonly number[] | null }[] = [];
    let lastColumn: number | null = null;
    const note = (row: number, cells: readonly Cell[], formulas: readonly number[] | null): void => {
      if (lastColumn === null) return;
      const first = lastColumn + 1;
      const last = first + COMPUTED_COLUMN_COUNT - 1;
      for (let c = first; c <= last && c < cells.length; c++) if (hasContent(cells[c])) beside.push([row, c]);
      for (const c of formulas ?? []) if (c >= first && c <= last) beside.push([row, c]);
    };
    const settle = (): void => {
      lastColumn = stream.layout?.lastColumnIndex ?? null;
      for (const e of early) note(e.row, e.cells, e.formulas);
    };
    let settled = false;
    return {
      settleMerges: (merges) => stream.settleMerges(merges),
      onRow: (row, cells, formulas) => {
        take(stream.push(row, cells));
        lastRow = row;
        onRow?.();
        if (!settled) {
          if (row <= HEADER_SCAN_ROWS) {
            early.push({ row, cells, formulas });
            return;
          }
          settled = true;
          settle();
        }
        note(row, cells, formulas);
      },
      finish: (read) => {
        // A sheet of at most the header scan's rows is still buffered: a blank row below makes the
        // engine decide, so its rows reach the compact outputs like any other's.
        if ((compact !== null || onPersonRows !== undefined) && lastRow <= HEADER_SCAN_ROWS)
          take(stream.push(HEADER_SCAN_ROWS + 1, []));
        const ended = stream.end();
        if (compact !== null) {
          const set = compact.finish(ended);
          if (set !== null) this.computed.set(sheet.name, set);
          if (compact.cutoffRows.length > 0) this.cutoffRows.set(sheet.name, compact.cutoffRows);
        }
        if (!settled) settle();
        const headerRow = stream.layout?.headerRow ?? null;
        const headerTexts = new Map<number, string>();
        const header = early.find((e) => e.row === headerRow);
        header?.cells.forEach((c, i) => {
          if (hasContent(c)) headerTexts.set(i, cellText(c));
        });
        const headRows: Cell[][] = [];
        for (const e of early) headRows[e.row - 1] = e.cells;
        const head: SheetGrid = { name: sheet.name, firstRow: 1, rows: Array.from(headRows, (r) => r ?? []) };
        this.facts.set(sheet.name, { name: sheet.name, beside, headerTexts, head, plainRows: !read.oddInRows });
      },
    };
  }

  finish(): PackageCheck {
    const result = this.session.finishWorkbook(this.displayName);
    const { facts, texts, computed, cutoffRows, reports } = this;
    return reports !== null
      ? { result, facts, texts, compact: { computed, cutoffRows, reports } }
      : { result, facts, texts };
  }
}

/** Checks a package, its sheets inflated here (held for the copy when `keepTexts`, up to KEPT_TEXT_LIMIT). */
export function checkPackage(
  pkg: WorkbookPackage,
  session: CheckSession,
  displayName: string | undefined,
  options: CheckOptions = {},
): PackageCheck {
  const run = new PackageRun(pkg, session, displayName, options);
  let kept = 0;
  for (const sheet of dataSheets(pkg)) {
    const part = sheet.part as string;
    const held = options.held?.get(part) ?? wholeSheetPart(pkg, part);
    if (options.keepTexts === true && held !== undefined && kept + held.size <= KEPT_TEXT_LIMIT) {
      run.texts.set(part, held);
      kept += held.size;
    }
    const sheetRun = run.open(sheet, readSheetMerges(pkg, part, held));
    sheetRun.finish(readSheetRows(pkg, part, run.ctx, sheetRun.onRow, held));
  }
  return run.finish();
}

/** The check of a workbook must start again: its first sheet's merged areas found another table (SheetStream.settleMerges). */
class RestartCheck extends Error {
  constructor(readonly merges: readonly MergeArea[]) {
    super("the merged areas found another table");
  }
}

/**
 * A sheet's two passes begun (checkPackageStreamed): the merged areas, and the rows. The rows
 * wait behind a gate that opens when the areas are known; or, when `speculate`, they are
 * checked at once, the table found without the areas, and the areas settled when they come:
 * should they find another table, the read ends with RestartCheck. `finish` waits for both
 * and ends the sheet.
 */
function startSheet(
  pkg: WorkbookPackage,
  run: PackageRun,
  sheet: SheetEntry,
  /** Also waited for before the sheet is opened (the shared strings read); its failure ends the read. */
  before: Promise<void> | null = null,
  /** Check the rows before the merged areas are known; or the areas, when already known (a restart). */
  how: "speculate" | readonly MergeArea[] | null = null,
): { finish: () => Promise<void> } {
  const part = sheet.part as string;
  let sheetRun: SheetRun | null = null;
  // Set when the areas, known after the rows began, find another table: the next row ends the read.
  let restart: RestartCheck | null = null;
  const speculate = how === "speculate";
  const merged = how !== null && how !== "speculate" ? Promise.resolve(how) : readSheetMergesStreamed(pkg, part);
  const strings = before ?? Promise.resolve();
  let ready: Promise<void>;
  let settled: Promise<void>;
  if (speculate) {
    // The rows start once the strings are read, not after a pass over the whole part: at 100k
    // rows about 0.3 s sooner. The areas are only needed to find the table; most leave it as
    // found without them, checked when they come.
    ready = strings.then(() => {
      sheetRun = run.open(sheet, undefined);
    });
    settled = Promise.all([merged, ready]).then(([merges]) => {
      if (!(sheetRun as SheetRun | null)?.settleMerges(merges)) restart = new RestartCheck(merges);
    });
  } else {
    // The rows are inflated while the merges' pass runs (on another thread): they start from
    // memory once the merged areas are known, instead of after that pass.
    ready = Promise.all([merged, strings]).then(([merges]) => {
      sheetRun = run.open(sheet, merges);
    });
    settled = ready;
  }
  // A failure is seen by finish, below.
  settled.catch(() => undefined);
  const onRow: SheetRun["onRow"] = (row, cells, formulas) => {
    if (restart !== null) throw restart;
    sheetRun?.onRow(row, cells, formulas);
  };
  const rows = readSheetRowsStreamed(
    pkg,
    part,
    run.ctx,
    onRow,
    speculate ? { ready, aheadBytes: 0 } : { ready, aheadBytes: READ_AHEAD.bytes },
  );
  return {
    finish: async () => {
      const [areas, read] = await Promise.allSettled([settled, rows]);
      if (areas.status === "rejected") throw areas.reason;
      if ((restart as RestartCheck | null) !== null) throw restart;
      if (read.status === "rejected") throw read.reason;
      (sheetRun as SheetRun | null)?.finish(read.value);
    },
  };
}

/**
 * checkPackage with every sheet inflated away from this thread as it is read, when the
 * codec can (the command line): a pass for the merged areas and, beside it, one for the rows
 * (which wait at a gate until the areas are known; the first sheet's rows of a session's first
 * workbook do not wait, see startSheet, and should its areas find another table the workbook
 * is checked again from its start), the next piece inflated while this one is
 * checked. Nothing is held for the copy: it streams the
 * part again (holding 54 MB of a 100k-row sheet cost more in page faults than inflating it
 * twice, and a full-height sheet cannot be held). Without such a codec, checkPackage.
 */
export async function checkPackageStreamed(
  pkg: WorkbookPackage,
  session: CheckSession,
  displayName: string | undefined,
  options: CheckOptions = {},
): Promise<PackageCheck> {
  if (pkg.zip.codec.inflatePieces === undefined) return checkPackage(pkg, session, displayName, options);
  // The first sheet's rows are checked before its merged areas are known when nothing done with
  // them cannot be undone: the session's first workbook, and no rows handed out as final.
  const speculate = session.canRestartWorkbook && options.onPersonRows === undefined;
  try {
    return await checkStreamed(pkg, session, displayName, options, speculate ? "speculate" : null);
  } catch (error) {
    if (!(error instanceof RestartCheck)) throw error;
    session.restartWorkbook();
    options.onRestart?.();
    return checkStreamed(pkg, session, displayName, options, error.merges);
  }
}

async function checkStreamed(
  pkg: WorkbookPackage,
  session: CheckSession,
  displayName: string | undefined,
  options: CheckOptions,
  /** How the first sheet's rows meet its merged areas (startSheet). */
  first: "speculate" | readonly MergeArea[] | null,
): Promise<PackageCheck> {
  const run = new PackageRun(pkg, session, displayName, options, true);
  const sheets = dataSheets(pkg);
  // The shared strings are read (about 0.15 s on this thread for 100k texts) once the first
  // sheet's passes have started on the thread pool; its rows wait for them too, so no row of a
  // file whose strings cannot be read reaches the session.
  const strings = Promise.resolve().then(() => run.readStrings());
  const started = sheets[0] !== undefined ? startSheet(pkg, run, sheets[0], strings, first) : null;
  if (started === null) await strings;
  for (const [i, sheet] of sheets.entries()) {
    const passes = i === 0 && started !== null ? started : startSheet(pkg, run, sheet);
    await passes.finish();
  }
  return run.finish();
}
