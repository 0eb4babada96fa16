/**
 * CH Jalur and CH Laporan at full height (issues 8 and 10): the rows a check session returns
 * are taken one at a time and only what the two sheets show is kept (see PathsList and
 * IssueList), so no adapter holds a million PersonRows or a million-row grid. The sheets come
 * out row by row (OutSheet), the same cells in the same order as pathsGrid and reportGrid.
 *
 *   const reports = new ReportCollector();
 *   const session = new CheckSession(policy, { keepPersonRow: reports.keepPersonRow(() => false) });
 *   const stream = session.openSheet(name, file);
 *   for (...) reports.addRows(name, stream.push(rowNumber, cells));
 *   stream.end();
 *   reports.endWorkbook(session.finishWorkbook(file));
 *   writer(reports.pathsSheet(lang)); writer(reports.reportSheet(lang));
 */
import { IssueList } from "./annotations";
import { HEADER_SCAN_ROWS } from "./headers";
import type { OutSheet } from "./out-sheet";
import { PathsList, type ReportPlace, pathsSheet } from "./paths-sheet";
import type { Policy } from "./policy";
import { type PersonRow, type TrainingRow, type WorkbookResult, isPersonRow } from "./results";
import type { Lang } from "./vocabulary";

/** A sheet of the workbook being read: where its person rows are listed, the last row taken. */
interface OpenSheet {
  readonly place: number;
  lastRow: number;
}

export class ReportCollector {
  private readonly paths = new PathsList();
  private readonly issues: IssueList;
  private readonly places: (ReportPlace | undefined)[] = [];
  private readonly open = new Map<string, OpenSheet>();
  private workbooks = 0;
  private firstPolicy: Policy | undefined;

  /** `options.reportRoom`: the problems CH Laporan may list (default: what a sheet holds; fewer in tests). */
  constructor(options: { readonly reportRoom?: number } = {}) {
    this.issues = new IssueList(options.reportRoom);
  }

  /** Non-ASN listed in CH Jalur so far. */
  get pathCount(): number {
    return this.paths.size;
  }

  /** Problems seen so far (CH Laporan shows at most what a sheet holds). */
  get issueCount(): number {
    return this.issues.count;
  }

  /** Bytes held for CH Jalur (for benchmarks). */
  get byteSize(): number {
    return this.paths.byteSize;
  }

  /**
   * Rows of sheet `sheet` as SheetStream.push returns them (in the order read). Training rows
   * are read from the finished workbook instead: some of their issues come only then.
   */
  addRows(sheet: string, rows: readonly (PersonRow | TrainingRow)[]): void {
    if (rows.length === 0) return;
    let open = this.open.get(sheet);
    if (open === undefined) {
      open = { place: this.places.length, lastRow: 0 };
      this.places.push(undefined);
      this.open.set(sheet, open);
    }
    for (const row of rows) {
      if (!isPersonRow(row)) continue;
      this.paths.add(row, open.place);
      this.issues.addRow(sheet, row);
      open.lastRow = Math.max(open.lastRow, row.row);
    }
  }

  /**
   * The finished workbook (CheckSession.finishWorkbook): its file and policy, its sheets' and
   * workbook issues, and every row the result holds that addRows was not given (all of them
   * when addRows was never called, as the wrappers do).
   */
  endWorkbook(result: WorkbookResult): void {
    this.workbooks++;
    this.firstPolicy ??= result.policy;
    for (const sheet of result.sheets) {
      const open = this.open.get(sheet.name);
      const place = open?.place ?? this.places.length;
      if (open === undefined) this.places.push(undefined);
      this.places[place] = { file: result.file, sheet: sheet.name, policy: result.policy };
      for (const row of sheet.rows)
        if (isPersonRow(row) && (open === undefined || row.row > open.lastRow)) this.paths.add(row, place);
    }
    // A sheet given to addRows that the result does not name (not expected): listed under its name.
    for (const [name, open] of this.open)
      this.places[open.place] ??= { file: result.file, sheet: name, policy: result.policy };
    this.issues.endWorkbook(result, (sheet) => this.open.get(sheet)?.lastRow);
    this.open.clear();
  }

  /**
   * A keepPersonRow for the session that loses no row: rows the engine finishes only in end()
   * (a sheet no longer than the header scan) reach the collector only through the result.
   */
  keepPersonRow(keep: (row: PersonRow) => boolean): (row: PersonRow) => boolean {
    return (row) => row.row <= HEADER_SCAN_ROWS || keep(row);
  }

  /** CH Jalur's sort in pieces: `while (work.step()) await yieldToUi();` before pathsSheet. */
  sortSteps(): { step(): boolean } {
    return this.paths.sortSteps(this.knownPlaces());
  }

  pathsSheet(lang: Lang): OutSheet {
    return pathsSheet(this.paths, this.knownPlaces(), this.workbooks > 1, this.firstPolicy, lang);
  }

  reportSheet(lang: Lang): OutSheet {
    return this.issues.sheet(this.workbooks > 1, lang);
  }

  private knownPlaces(): ReportPlace[] {
    if (this.open.size > 0) throw new Error("ReportCollector: endWorkbook must come before the sheets");
    return this.places.map((p, i) => p ?? { file: undefined, sheet: `${i}`, policy: this.firstPolicy as Policy });
  }
}
