/**
 * Writes the rekap's sheets (src/core/rekap/sheets.ts, the same the command line writes into
 * its .xlsx) into the open workbook, for the task pane's Rekap OPD. Same rules as the other
 * actions: one run at a time (the run lock, when the workbook has the state sheet), nothing
 * written when a sheet to be written is closed for writing or the analyst cancelled, new
 * sheets first, writes packed into batches within the request budget (one sync per batch).
 * A rekap sheet already in the workbook (an earlier rekap) is cleared and rewritten.
 */
import { STATE_SHEET_NAME } from "../core/engine";
import type { NewSheet } from "../core/new-sheet";
import type { Bilingual } from "../core/vocabulary";
import { type QueuedOp, chainOps, sendBatches } from "./batches";
import { checkWritable } from "./guard";
import { capabilities, officeErrorCode } from "./office";
import { createOwnSheetOps, loadOwnSheets, outSheetOps } from "./out-sheets";
import { blockedMessages, both, failedMessages } from "./outcome";
import { runLocked } from "./run-lock";
import { AddinState } from "./state";

export interface RekapWriteOutcome {
  readonly state: "done" | "blocked" | "busy" | "cancelled" | "failed";
  /** Why it did not write, in both languages (absent when done). */
  readonly messages?: Bilingual;
  /** The sheet selected when done (the first rekap sheet). */
  readonly selected?: string;
}

export interface RekapWriteOptions {
  /** Checked once more before the first write: a Cancel until then leaves the workbook as it was. */
  readonly isCancelled?: () => boolean;
  readonly onProgress?: (done: number, total: number) => void;
}

async function writeAll(
  context: Excel.RequestContext,
  sheets: readonly NewSheet[],
  options: RekapWriteOptions,
  names: readonly string[],
  lockOps: QueuedOp[],
): Promise<RekapWriteOutcome> {
  const caps = capabilities();
  const existing = new Set(names);
  const rekapNames = sheets.map((s) => s.sheetName);
  const writable = await checkWritable(
    context,
    caps,
    rekapNames.filter((n) => existing.has(n)),
    rekapNames.some((n) => !existing.has(n)),
  );
  if (!writable.ok) return { state: "blocked", messages: blockedMessages(writable) };
  const own = await loadOwnSheets(context, rekapNames, existing);
  if (options.isCancelled?.() === true) return { state: "cancelled", messages: both("xlCancelled") };
  // The rekap's sheets are not recorded in the state sheet: they are a new result, not marks on the user's data.
  const state = new AddinState(existing.has(STATE_SHEET_NAME));
  const sheetOf = (name: string): NonNullable<ReturnType<typeof own.get>> =>
    own.get(name) ?? { name, exists: false, charts: [] };
  const creations = sheets.flatMap((s) => createOwnSheetOps(context, sheetOf(s.sheetName)));
  const writes = sheets.map((s) => outSheetOps(context, caps, state, s, sheetOf(s.sheetName)));
  const first = rekapNames[0];
  const activate: QueuedOp[] =
    first === undefined
      ? []
      : [{ requestBytes: 100, queue: () => context.workbook.worksheets.getItem(first).activate() }];
  await sendBatches(context, chainOps(creations, ...writes, activate, lockOps), {
    suspendScreen: caps.v1_9,
    afterBatch: options.onProgress,
  });
  return first === undefined ? { state: "done" } : { state: "done", selected: first };
}

/** Writes the rekap sheets into the open workbook; never throws (a failure comes back in the user's words). */
export async function writeRekapSheets(
  sheets: readonly NewSheet[],
  options: RekapWriteOptions = {},
): Promise<RekapWriteOutcome> {
  const busy = (since: number): RekapWriteOutcome => ({
    state: "busy",
    messages: both("xlRunInProgress", { minutes: Math.max(0, Math.round((Date.now() - since) / 60_000)) }),
  });
  try {
    return await runLocked(async (context, names, lock) => {
      const outcome = await writeAll(context, sheets, options, names, lock.ops);
      lock.released = outcome.state === "done";
      return outcome;
    }, busy);
  } catch (error) {
    // Two first runs both adding a sheet of the same name: Excel refuses the second before it wrote anything.
    if (officeErrorCode(error) === "ItemAlreadyExists") return busy(Date.now());
    return { state: "failed", messages: failedMessages(error) };
  }
}
