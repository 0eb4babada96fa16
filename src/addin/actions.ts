/**
 * The add-in's actions, as the ribbon buttons and the task pane run them. Each reads the
 * workbook into the engine (src/core), then writes what the core's output layouts say:
 * no rule lives here. Writing starts only after the whole check is done, nothing was
 * cancelled and every sheet to be written is open for writing; so a protected sheet, a
 * read-only workbook, a cell being edited or a click on Cancel leaves the workbook as it was.
 */
import type { ColumnOverrides } from "../core/column-overrides";
import {
  type CutoffAnswer,
  type OutGrid,
  type SummaryContext,
  cellMarks,
  cutoffAnswer,
  summaryChartRanges,
  summaryGrid,
  tallyGrid,
} from "../core/annotations";
import { isoToDay, dayToDisplay } from "../core/days";
import { CheckSession, STATE_SHEET_NAME, isOwnSheetName } from "../core/engine";
import { opdNameFromTitles } from "../core/opd-name";
import type { OutSheet } from "../core/out-sheet";
import { ReportCollector } from "../core/report-collector";
import type { Policy } from "../core/policy";
import { type PersonRow, type SheetResult, type WorkbookResult, isPersonRow } from "../core/results";
import type { TableLayout } from "../core/headers";
import { localStamp } from "../core/setting-dates";
import type { Bilingual, Lang, TrainingVerdict } from "../core/vocabulary";
import { LABELS, label } from "./vocabulary";
import { columnLetter } from "../core/cells";
import { parseCellA1 } from "./a1";
import { type QueuedOp, type QueuedRead, chainOps, readBatches, sendBatches } from "./batches";
import { type ComputedPlan, planComputed } from "./computed";
import { ComputedCollector, type ComputedSet } from "../core/computed-rows";
import { checkWritable } from "./guard";
import { dropLooks, lookOps, originalReads, setLooks } from "./looks";
import { capabilities, type Capabilities, officeErrorCode } from "./office";
import { type HeldLock, runLocked } from "./run-lock";
import { type ChartSpec, clearOwnSheetOps, createOwnSheetOps, loadOwnSheets, outSheetOps } from "./out-sheets";
import {
  type ActionKind,
  type ActionOutcome,
  type CutoffResult,
  type TallyResult,
  blocked,
  both,
  cancelled,
  columnsOf,
  countsOf,
  failed,
  plain,
  problemsOf,
} from "./outcome";
import { type SheetExtent, type Taken, loadExtents, readSheets } from "./read";
import { pauser, yieldToUi } from "./slices";
import {
  type AddinState,
  type Look,
  type Purpose,
  cellKey,
  createStateSheetOps,
  loadState,
  saveStateOps,
} from "./state";
import { settingsOps } from "./settings";
import { cutoffLook, markLook } from "./styles";

export type {
  ActionKind,
  ActionOutcome,
  ActionProblem,
  ActionCounts,
  CutoffResult,
  OutcomeState,
  SheetColumns,
  TallyResult,
} from "./outcome";

export interface ActionOptions {
  readonly policy: Policy;
  readonly lang: Lang;
  /** Save the policy and language in the workbook with this action's writes (after its guard). */
  readonly saveSettings?: boolean;
  /** Per-sheet column corrections saved in the workbook. */
  readonly columns?: ColumnOverrides;
  readonly onProgress?: (done: number, total: number, phase: string) => void;
  readonly isCancelled?: () => boolean;
}

/** What each action writes. */
const WRITES: Record<
  Exclude<ActionKind, "clear">,
  {
    marks: boolean;
    computed: boolean;
    cutoff: boolean;
    report: boolean;
    summary: boolean;
    tally: boolean;
    paths: boolean;
  }
> = {
  check: { marks: true, computed: false, cutoff: false, report: true, summary: true, tally: false, paths: false },
  tenure: { marks: false, computed: true, cutoff: false, report: false, summary: false, tally: false, paths: false },
  cutoff: { marks: false, computed: true, cutoff: true, report: true, summary: false, tally: false, paths: false },
  training: { marks: false, computed: false, cutoff: false, report: false, summary: false, tally: true, paths: false },
  // Jalur Pasca Batas: the path column (with the other computed columns) and the CH Jalur sheet.
  paths: { marks: false, computed: true, cutoff: false, report: false, summary: false, tally: false, paths: true },
  // "all" keeps its budget (30 syncs at 100k rows on ExcelApi 1.1): the path column comes with the
  // computed columns; the CH Jalur sheet is the Jalur Pasca Batas action's.
  all: { marks: true, computed: true, cutoff: true, report: true, summary: true, tally: true, paths: false },
};

export async function runAction(kind: ActionKind, options: ActionOptions): Promise<ActionOutcome> {
  const caps = capabilities();
  try {
    return await runLocked(
      (context, names, lock) =>
        kind === "clear"
          ? clearEverything(context, caps, options, names, lock)
          : checkAndWrite(context, caps, kind, options, names, lock),
      (since) => busy(kind, since, options.lang),
    );
  } catch (error) {
    // Two first runs both adding the state sheet: Excel refuses the second before it wrote anything.
    if (officeErrorCode(error) === "ItemAlreadyExists") return busy(kind, Date.now(), options.lang);
    return failed(kind, error, options.lang);
  }
}

/** The texts of the title rows above each personnel table (one sync), for the office's name. */
async function titleLines(context: Excel.RequestContext, result: WorkbookResult): Promise<string[]> {
  const reads = result.sheets
    .filter((s) => s.kind === "personnel" && (s.headerTopRow ?? 1) > 1 && s.lastColumnIndex !== null)
    .slice(0, 5)
    .map((s) => {
      const bottom = Math.min((s.headerTopRow ?? 1) - 1, 10);
      return context.workbook.worksheets
        .getItem(s.name)
        .getRange(`A1:${columnLetter(Math.min(s.lastColumnIndex ?? 0, 30))}${bottom}`)
        .load("values");
    });
  if (reads.length === 0) return [];
  await context.sync();
  return reads.flatMap((r) =>
    r.values.map((row) =>
      row
        .filter((v) => typeof v === "string" && v.trim() !== "")
        .join(" ")
        .trim(),
    ),
  );
}

/** Deletes own sheets (Hapus Tanda; a twin in the other language). Where Excel refuses, empties them. */
async function removeOwnSheets(
  context: Excel.RequestContext,
  caps: Capabilities,
  names: readonly string[],
  existing: ReadonlySet<string>,
): Promise<void> {
  const present = names.filter((n) => existing.has(n));
  if (present.length === 0) return;
  try {
    await sendBatches(
      context,
      present.map((name) => ({ requestBytes: 150, queue: () => context.workbook.worksheets.getItem(name).delete() })),
    );
  } catch {
    // A protected workbook structure: keep the sheets, empty.
    const own = await loadOwnSheets(context, present, existing);
    await sendBatches(
      context,
      present.flatMap((name) => clearOwnSheetOps(context, own.get(name)!)),
      { suspendScreen: caps.v1_9 },
    );
  }
}

/** Another run holds the lock: nothing was written. */
function busy(kind: ActionKind, since: number, lang: Lang): ActionOutcome {
  const minutes = Math.max(0, Math.round((Date.now() - since) / 60_000));
  return plain(kind, "busy", both("xlRunInProgress", { minutes }), lang);
}

/** Forgets what the state says about sheets that are gone (deleted or renamed by the user). */
function forgetMissing(state: AddinState, names: readonly string[]): void {
  const present = new Set(names);
  for (const sheet of [...state.cells.keys()]) if (!present.has(sheet)) state.cells.delete(sheet);
  for (const sheet of [...state.blocks.keys()]) if (!present.has(sheet)) state.blocks.delete(sheet);
}

/** Looks of one purpose per sheet, from cell addresses. */
function looksBySheet(
  items: readonly { sheet: string; address: string }[],
  look: (i: number) => Look,
): Map<string, Map<number, Look>> {
  const out = new Map<string, Map<number, Look>>();
  let last: { sheet: string; map: Map<number, Look> } | null = null;
  items.forEach((item, i) => {
    const cell = parseCellA1(item.address);
    if (cell === null) return;
    if (last === null || last.sheet !== item.sheet) {
      const map = out.get(item.sheet) ?? new Map<number, Look>();
      out.set(item.sheet, map);
      last = { sheet: item.sheet, map };
    }
    last.map.set(cellKey(cell.row, cell.column), look(i));
  });
  return out;
}

/** Gives a purpose its new looks on every sheet (and removes its old ones elsewhere). */
async function planPurpose(
  state: AddinState,
  purpose: Purpose,
  looks: Map<string, Map<number, Look>>,
  changes: Map<string, Set<number>>,
): Promise<void> {
  const sheets = new Set(looks.keys());
  for (const [sheet, cells] of state.cells) {
    // Stops at the first cell with the purpose: no list of a sheet's million cells.
    for (const d of cells.values())
      if (d.looks[purpose] !== undefined) {
        sheets.add(sheet);
        break;
      }
  }
  for (const sheet of sheets)
    await mergeInto(changes, sheet, await setLooks(state, sheet, purpose, looks.get(sheet) ?? new Map()));
}

/**
 * Adds `keys` to the cells to rewrite on `sheet`. The first set for a sheet is taken as it
 * is; later ones are added in slices (a sheet may have a million changed cells).
 */
async function mergeInto(changes: Map<string, Set<number>>, sheet: string, keys: Set<number>): Promise<void> {
  const set = changes.get(sheet);
  if (set === undefined) {
    changes.set(sheet, keys);
    return;
  }
  const pause = pauser();
  let i = 0;
  for (const k of keys) {
    set.add(k);
    if ((++i & 4095) === 0) await pause();
  }
}

/**
 * Reads the originals every planned look needs (one sync, a second on ExcelApi 1.1 for mixed
 * areas). On ExcelApi 1.11 the locale's decimal separator rides along, to read number formats
 * reported in the locale's form back into en-US (src/addin/locale.ts).
 */
async function readAllOriginals(
  context: Excel.RequestContext,
  caps: Capabilities,
  state: AddinState,
  changes: ReadonlyMap<string, Set<number>>,
  extents: ReadonlyMap<string, SheetExtent>,
): Promise<void> {
  let decimal: string | null = null;
  const plans: Awaited<ReturnType<typeof originalReads>>[] = [];
  for (const [sheet, keys] of changes)
    plans.push(
      await originalReads(context, caps, state, sheet, extents.get(sheet)?.formatted ?? null, keys, () => decimal),
    );
  const reads = plans.flatMap((p) => p.reads);
  const culture: QueuedRead[] =
    caps.v1_11 && reads.length > 0
      ? [
          {
            responseBytes: 100,
            queue: () => {
              const info = context.application.cultureInfo.numberFormat.load("numberDecimalSeparator");
              return () => (decimal = info.numberDecimalSeparator);
            },
          },
        ]
      : [];
  await readBatches(context, [...culture, ...reads]);
  await readBatches(
    context,
    plans.flatMap((p) => p.mixed()),
  );
}

async function checkAndWrite(
  context: Excel.RequestContext,
  caps: Capabilities,
  kind: Exclude<ActionKind, "clear">,
  options: ActionOptions,
  names: readonly string[],
  lock: HeldLock,
): Promise<ActionOutcome> {
  const { lang, policy } = options;
  const userSheets = names.filter((n) => !isOwnSheetName(n));
  const state = await loadState(context, names.includes(STATE_SHEET_NAME));
  forgetMissing(state, names);
  const extentList = await loadExtents(context, userSheets, caps);
  const extents = new Map(extentList.map((e) => [e.name, e] as const));

  // At full height no action holds the sheet's rows (issue 10): each person row is taken as it
  // is checked (computed columns, cut-off rows, counts) and kept only if it has issues (marks,
  // report) or, for Jalur Pasca Batas, a path (the CH Jalur sheet lists every non-ASN).
  const w = WRITES[kind];
  // CH Laporan and CH Jalur are kept compactly as the rows come (core/report-collector.ts).
  const reports = w.report || w.paths ? new ReportCollector() : null;
  const rows = new RowsTaken(w.computed, lang, policy, reports, w.paths);
  const keep = (row: PersonRow): boolean => row.issues.length > 0;
  const session = new CheckSession(policy, {
    columns: options.columns ?? {},
    keepPersonRow: reports?.keepPersonRow(keep) ?? keep,
  });
  const read = await readSheets(context, session, extentList, caps, {
    onProgress: options.onProgress,
    isCancelled: options.isCancelled,
    phase: (sheet) => label("xlPhaseRead", lang, { sheet }),
    taken: rows.take,
  });
  if (read === null || options.isCancelled?.() === true) return cancelled(kind, lang);
  const result = read.result;
  reports?.endWorkbook(result);
  // Each planning step below is followed by a yield, so the task pane stays responsive.
  await yieldToUi();

  // What to write, from the core's output layouts (a yield after each: they are long on big sheets).
  const grids: { grid: OutGrid | OutSheet; chart?: ChartSpec; twin: string }[] = [];
  // Own sheets exist in both languages: a run in one language clears the other's.
  const twin = (key: "sheetReport" | "sheetSummary" | "sheetTally" | "sheetPaths"): string =>
    LABELS[key][lang === "id" ? "en" : "id"];
  if (w.report && reports !== null) grids.push({ grid: reports.reportSheet(lang), twin: twin("sheetReport") });
  if (w.summary) {
    const context_: SummaryContext = {
      opdName: opdNameFromTitles(await titleLines(context, result)),
      checkedAt: localStamp(new Date()),
    };
    const chart = { ranges: summaryChartRanges([result], lang).byCategory, title: label("byCategory", lang) };
    grids.push({ grid: summaryGrid([result], lang, context_), chart, twin: twin("sheetSummary") });
    await yieldToUi();
  }
  if (w.tally) grids.push({ grid: tallyGrid([result], lang), twin: twin("sheetTally") });
  if (w.paths && reports !== null) {
    // CH Jalur's sort in steps, with a yield between them (a million names take seconds).
    const sorting = reports.sortSteps();
    while (sorting.step()) await yieldToUi();
    // First for this action, so the sheet it selects is the list of paths.
    const paths = { grid: reports.pathsSheet(lang), twin: twin("sheetPaths") };
    if (kind === "paths") grids.unshift(paths);
    else grids.push(paths);
    await yieldToUi();
  }
  const sets = rows.computedSets(result.sheets);
  await yieldToUi();
  const marks = w.marks ? cellMarks(result, lang) : [];
  await yieldToUi();
  const cutoffs = w.cutoff ? rows.cutoffs : new Map<string, CutoffCells>();

  // Every existing sheet this action may write: stop before the first write if one is closed.
  const existing = new Set(names);
  const ownNames = grids.flatMap((g) => [g.grid.sheetName, g.twin]);
  const touched = new Set<string>([
    ...marks.map((m) => m.sheet),
    ...cutoffs.keys(),
    ...sets.map((c) => c.sheet),
    ...(w.computed ? state.blocks.keys() : []),
    ...(w.marks || w.cutoff || w.computed ? state.cells.keys() : []),
    ...ownNames,
    STATE_SHEET_NAME,
  ]);
  const addsSheets = !existing.has(STATE_SHEET_NAME) || grids.some((g) => !existing.has(g.grid.sheetName));
  const writable = await checkWritable(
    context,
    caps,
    [...touched].filter((s) => existing.has(s)),
    addsSheets,
  );
  if (!writable.ok) return blocked(kind, writable, lang);

  // Plan the changes; read what they need (user data where computed columns go, original looks).
  const changes = new Map<string, Set<number>>();
  let computed: ComputedPlan | null = null;
  if (w.computed) {
    computed = await planComputed(context, caps, state, sets, extents);
    for (const [sheet, keys] of computed.lookChanges) await mergeInto(changes, sheet, keys);
    await yieldToUi();
  }
  if (w.marks)
    await planPurpose(
      state,
      "mark",
      looksBySheet(marks, (i) => markLook(marks[i].severity)),
      changes,
    );
  if (w.cutoff) await planPurpose(state, "cutoff", await cutoffLooks(cutoffs), changes);
  await yieldToUi();
  await readAllOriginals(context, caps, state, changes, extents);
  const own = await loadOwnSheets(context, ownNames, existing);

  // Write: the state first (originals are recorded before any look changes), then the rest.
  const looks: QueuedOp[] = [];
  for (const [sheet, keys] of changes) looks.push(...(await lookOps(context, caps, state, sheet, keys)));
  await yieldToUi();
  const outputs = grids.map((g) => outSheetOps(context, caps, state, g.grid, own.get(g.grid.sheetName)!, g.chart));
  // The other language's sheets go (deleted after the writes below): one set of results only.
  const twins = grids.map((g) => g.twin).filter((t) => state.ownSheets.has(t));
  for (const t of twins) state.ownSheets.delete(t);
  const settings =
    options.saveSettings === true
      ? settingsOps(context, caps, state, { policy, lang, columns: options.columns ?? {} })
      : [];
  const select = grids[0]?.grid.sheetName ?? sets[0]?.sheet;
  const activate: QueuedOp[] =
    select === undefined
      ? []
      : [{ requestBytes: 100, queue: () => context.workbook.worksheets.getItem(select).activate() }];
  // New sheets first: if Excel refuses one (a protected workbook structure), nothing else was written.
  const creations = [
    ...createStateSheetOps(context, state, caps),
    ...grids.flatMap((g) => createOwnSheetOps(context, own.get(g.grid.sheetName)!)),
  ];
  await sendBatches(
    context,
    chainOps(
      creations,
      settings,
      await saveStateOps(context, state),
      computed?.ops ?? [],
      looks,
      ...outputs,
      activate,
      lock.ops,
    ),
    {
      suspendScreen: caps.v1_9,
      afterBatch: (done, total) => options.onProgress?.(done, total, label("xlPhaseWrite", lang)),
    },
  );
  lock.released = true;

  await removeOwnSheets(context, caps, twins, existing);

  const done = { people: computed?.people ?? 0, cutoffs: rows.cutoffCount, policy, computedSheets: sets.length };
  const message = (l: Lang): string =>
    [
      doneMessage(kind, result, l, done),
      ...(computed?.conflicts ?? []).map((c) =>
        label("xlConflict", l, { sheet: c.sheet, columns: c.columns.join(", ") }),
      ),
    ].join(" ");
  const messages: Bilingual = { id: message("id"), en: message("en") };
  // Each action shows its own result: the problems for a check, the cut-off for Kontrak, the tally for Rekap JP.
  const showsProblems = kind === "check" || kind === "all";
  return {
    ...plain(kind, "done", messages, lang),
    counts: countsOf(result),
    problems: showsProblems ? problemsOf(result) : [],
    columns: columnsOf(result),
    ...(kind === "cutoff" || kind === "all" ? { cutoff: rows.cutoffResult() } : {}),
    ...(kind === "training" || kind === "all" ? { tally: tallyResult(result, label("sheetTally", lang)) } : {}),
    ...(select !== undefined ? { selectSheet: select } : {}),
  };
}

/** The rows of one sheet whose contract ends at the cut-off, and the column highlighted there (0-based). */
interface CutoffCells {
  readonly column: number;
  readonly rows: number[];
}

/** The cut-off's highlight looks, per sheet and cell. */
async function cutoffLooks(cutoffs: ReadonlyMap<string, CutoffCells>): Promise<Map<string, Map<number, Look>>> {
  const out = new Map<string, Map<number, Look>>();
  const pause = pauser();
  for (const [sheet, { column, rows }] of cutoffs) {
    const map = new Map<number, Look>();
    for (let i = 0; i < rows.length; i++) {
      map.set(cellKey(rows[i] - 1, column), cutoffLook);
      if ((i & 4095) === 4095) await pause();
    }
    out.set(sheet, map);
  }
  return out;
}

/**
 * What an action takes of each person row as the rows are checked (read.ts `taken`): the
 * computed columns (kept compact, computed-rows.ts), the rows the cut-off ends, and the
 * cut-off's answers; the rows themselves are let go.
 */
class RowsTaken {
  private readonly computed = new Map<string, ComputedCollector | null>();
  readonly cutoffs = new Map<string, CutoffCells>();
  cutoffCount = 0;
  private readonly answers: Record<CutoffAnswer, number> = { "on-or-before": 0, past: 0, "no-end": 0 };
  private readonly people: { sheet: string; address: string; name: string | null }[] = [];

  constructor(
    private readonly withComputed: boolean,
    private readonly lang: Lang,
    private readonly policy: Policy,
    private readonly reports: ReportCollector | null,
    /** CH Jalur is written: the collector takes every row, else only rows with issues (CH Laporan). */
    private readonly paths: boolean,
  ) {}

  readonly take: Taken = (sheet: string, layout: TableLayout, rows) => {
    if (this.paths) this.reports?.addRows(sheet, rows);
    else if (this.reports !== null) {
      const withIssues = rows.filter((r) => r.issues.length > 0);
      if (withIssues.length > 0) this.reports.addRows(sheet, withIssues);
    }
    if (layout.kind !== "personnel") return;
    let collector = this.computed.get(sheet);
    if (collector === undefined) {
      collector = this.withComputed ? ComputedCollector.open(sheet, layout, this.lang) : null;
      this.computed.set(sheet, collector);
    }
    const column = layout.columns.name ?? layout.columns.nik ?? 0;
    for (const row of rows) {
      if (!isPersonRow(row)) continue;
      collector?.add(row);
      const answer = cutoffAnswer(row, this.policy);
      if (answer !== null) this.answers[answer] += 1;
      if (!row.endsAtCutoff) continue;
      let cells = this.cutoffs.get(sheet);
      if (cells === undefined) {
        cells = { column, rows: [] };
        this.cutoffs.set(sheet, cells);
      }
      cells.rows.push(row.row);
      this.cutoffCount += 1;
      if (this.people.length < 200)
        this.people.push({ sheet, address: `${columnLetter(column)}${row.row}`, name: row.name });
    }
  };

  /** The computed columns of every personnel sheet, in the workbook's order (empty tables too). */
  computedSets(sheets: readonly SheetResult[]): ComputedSet[] {
    if (!this.withComputed) return [];
    return sheets.flatMap((sheet) => {
      const c = this.computed.get(sheet.name) ?? ComputedCollector.ofSheet(sheet, this.lang);
      return c === null ? [] : [c.finish()];
    });
  }

  /** The cut-off's answers over the non-ASN contracts, and the people it ends (the first 200). */
  cutoffResult(): CutoffResult {
    return { cutoffDate: this.policy.cutoffDate, answers: { ...this.answers }, people: this.people };
  }
}

function tallyResult(result: WorkbookResult, sheet: string): TallyResult {
  const byVerdict: Partial<Record<TrainingVerdict, number>> = {};
  for (const t of result.training) byVerdict[t.verdict] = (byVerdict[t.verdict] ?? 0) + 1;
  return { sheet, rows: result.training.length, byVerdict };
}

function doneMessage(
  kind: Exclude<ActionKind, "clear">,
  result: WorkbookResult,
  lang: Lang,
  done: { people: number; cutoffs: number; policy: Policy; computedSheets: number },
): string {
  const s = result.summary;
  const report = label("sheetReport", lang);
  switch (kind) {
    case "check":
      return label("xlDoneCheck", lang, {
        errors: s.bySeverity.error,
        warnings: s.bySeverity.warning,
        people: s.people,
        report,
      });
    case "tenure":
      return done.computedSheets === 0
        ? label("xlNoPersonnel", lang)
        : label("xlDoneTenure", lang, { people: done.people });
    case "cutoff": {
      const day = isoToDay(done.policy.cutoffDate);
      return label("xlDoneCutoff", lang, {
        count: done.cutoffs,
        cutoff: day === null ? done.policy.cutoffDate : dayToDisplay(day),
        report,
      });
    }
    case "training":
      return label("xlDoneTraining", lang, { sheet: label("sheetTally", lang), count: result.training.length });
    case "paths": {
      const byPath = s.byPath;
      const count = Object.values(byPath).reduce((a, b) => a + b, 0);
      if (count === 0 && done.computedSheets === 0) return label("xlNoPersonnel", lang);
      return label("xlDonePaths", lang, {
        count,
        sheet: label("sheetPaths", lang),
        pjlpMissing: byPath["pjlp-belum-siap"] ?? 0,
        review: byPath["perlu-diperiksa"] ?? 0,
      });
    }
    case "all":
      return label("xlDoneAll", lang, {
        errors: s.bySeverity.error,
        warnings: s.bySeverity.warning,
        people: s.people,
        cutoffs: done.cutoffs,
        tallies: result.training.length,
      });
  }
}

/** Hapus Tanda: every look back to its original, computed columns gone, own sheets removed. */
async function clearEverything(
  context: Excel.RequestContext,
  caps: Capabilities,
  options: ActionOptions,
  names: readonly string[],
  lock: HeldLock,
): Promise<ActionOutcome> {
  const lang = options.lang;
  const state = await loadState(context, names.includes(STATE_SHEET_NAME));
  forgetMissing(state, names);
  const own = names.filter((n) => isOwnSheetName(n) && n !== STATE_SHEET_NAME && state.ownSheets.has(n));
  if (state.isEmpty || (state.cells.size === 0 && state.blocks.size === 0 && own.length === 0)) {
    return plain("clear", "nothing-to-clear", both("xlNothingToClear"), lang);
  }
  const touched = [...new Set([...state.cells.keys(), ...state.blocks.keys(), ...own, STATE_SHEET_NAME])].filter((s) =>
    names.includes(s),
  );
  const writable = await checkWritable(context, caps, touched, false);
  if (!writable.ok) return blocked("clear", writable, lang);

  const computed = await planComputed(context, caps, state, [], new Map());
  const changes = new Map<string, Set<number>>();
  for (const [sheet, keys] of computed.lookChanges) await mergeInto(changes, sheet, keys);
  for (const sheet of state.cells.keys()) await mergeInto(changes, sheet, await dropLooks(state, sheet));
  const looks: QueuedOp[] = [];
  for (const [sheet, keys] of changes) looks.push(...(await lookOps(context, caps, state, sheet, keys)));
  for (const name of own) state.ownSheets.delete(name);
  const settings =
    options.saveSettings === true
      ? settingsOps(context, caps, state, { policy: options.policy, lang, columns: options.columns ?? {} })
      : [];
  // The looks go back first; the state, now empty of cells, is written after them (with the
  // lock's release); the report sheets go last.
  await sendBatches(
    context,
    [...computed.ops, ...looks, ...settings, ...(await saveStateOps(context, state)), ...lock.ops],
    {
      suspendScreen: caps.v1_9,
    },
  );
  lock.released = true;
  await removeOwnSheets(context, caps, own, new Set(names));
  return plain("clear", "cleared", both("xlDoneClear"), lang);
}
