/**
 * What a browser test passes into the page (the workbook) and reads back from it: the
 * contract between the Node side of the tests and test/browser/host-entry.ts.
 */
import type { HostConfig, SheetInit, SheetState, WorkbookInit } from "../host";
import type { Policy } from "../../src/core/policy";
import type { Lang } from "../../src/core/vocabulary";

export interface BrowserSeed {
  readonly sheets: readonly SheetInit[];
  readonly config?: Partial<HostConfig>;
  readonly init?: WorkbookInit;
  /** Delay before each sync, in ms (a slow round trip, to test Cancel). */
  readonly syncDelayMs?: number;
  /** Office.context.requirements answer for DialogApi 1.1 (default true). */
  readonly dialogApi?: boolean;
}

export interface TestApi {
  sheetNames(): string[];
  sheet(name: string): SheetState | null;
  selection(): { sheet: string; address: string } | null;
  /** workbook.settings as stored in the host. */
  settings(): Record<string, unknown>;
  /** The settings as the add-in reads them back (src/addin/settings through the host). */
  loadSettings(): Promise<{ policy: Policy; lang: Lang }>;
  /** URLs of the dialogs opened with Office.context.ui.displayDialogAsync. */
  dialogs(): string[];
  /** Messages sent with Office.context.ui.messageParent (from result.html). */
  parentMessages(): string[];
  /** What the page's Content-Security-Policy blocked: "directive URL". */
  blocked(): string[];
  syncs(): number;
  /** Excel.run batches started and not yet finished. */
  runsInFlight(): number;
  setSyncDelay(ms: number): void;
  failNextRun(message: string): void;
  /** Excel's cell-edit mode on or off (every request then fails as in Excel). */
  setCellEditMode(on: boolean): void;
  /** Types a value into a cell, as the user fixing a problem would. */
  setCell(sheet: string, address: string, value: string | number): void;
  /** Holds every sync from the n-th on (0-based count of syncs so far) until released. */
  holdSyncsFrom(n: number): void;
  /** Whether a sync is waiting at the hold. */
  holding(): boolean;
  release(): void;
  /** What the add-in set on a sheet's view and print set-up (test/host/layout.ts). */
  layout(sheet: string): Record<string, unknown> | null;
}
