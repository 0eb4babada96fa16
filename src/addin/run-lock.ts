/**
 * One run at a time per workbook. The ribbon buttons and the task pane run in separate
 * runtimes, so a lock in memory cannot keep them apart: the lock lives in the state sheet
 * (cells F1:G1, beside the state records in A:D): the owner of the running action and
 * when it started. A second run finds it and writes nothing; a lock older than
 * LOCK_STALE_MS (a run that was ended without releasing it) is taken over.
 */
import { STATE_SHEET_NAME } from "../core/engine";
import type { QueuedOp } from "./batches";
import { officeErrorCode, runExcel } from "./office";

/** Longer than any run (a full-height sheet takes a few minutes). */
export const LOCK_STALE_MS = 15 * 60_000;
const LOCK_ADDRESS = "F1:G1";

export type LockResult =
  | { readonly kind: "acquired" }
  | { readonly kind: "busy"; readonly since: number }
  /** No state sheet yet, or the workbook cannot be written: go on, the write checks decide. */
  | { readonly kind: "none" };

/** A name for this run: no personal data, unique enough to tell two runs apart. */
export function newOwner(): string {
  return `run-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

function lockRange(context: Excel.RequestContext): Excel.Range {
  return context.workbook.worksheets.getItem(STATE_SHEET_NAME).getRange(LOCK_ADDRESS);
}

function readLock(range: Excel.Range): { owner: string; since: number } {
  const [owner, since] = range.values[0];
  return { owner: typeof owner === "string" ? owner : "", since: typeof since === "number" ? since : 0 };
}

/**
 * Takes the lock if the state sheet exists (a first run has none: two first runs cannot both
 * add it, Excel refuses the second). Writes the lock, then reads it back: of two runs that
 * wrote at the same moment, only the one whose name stayed goes on.
 */
export async function acquireLock(
  context: Excel.RequestContext,
  stateExists: boolean,
  owner: string,
  now: number,
): Promise<LockResult> {
  if (!stateExists) return { kind: "none" };
  const current = lockRange(context).load("values");
  await context.sync();
  const held = readLock(current);
  if (held.owner !== "" && held.owner !== owner && now - held.since < LOCK_STALE_MS)
    return { kind: "busy", since: held.since };
  lockRange(context).values = [[owner, now]];
  try {
    await context.sync();
  } catch (error) {
    // A read-only workbook or a cell being edited: nothing can be written, the later checks say so.
    if (officeErrorCode(error) !== null) return { kind: "none" };
    throw error;
  }
  const check = lockRange(context).load("values");
  await context.sync();
  const after = readLock(check);
  return after.owner === owner ? { kind: "acquired" } : { kind: "busy", since: after.since };
}

/** Clears the lock if this run still holds it. */
export async function releaseLock(context: Excel.RequestContext, owner: string): Promise<void> {
  const current = lockRange(context).load("values");
  await context.sync();
  if (readLock(current).owner !== owner) return;
  lockRange(context).clear("Contents");
  await context.sync();
}

/** Clears the lock as part of an action's last write (no request of its own). */
export function releaseLockOp(context: Excel.RequestContext): QueuedOp {
  return { requestBytes: 150, queue: () => lockRange(context).clear("Contents") };
}

/** The run lock a run holds: its release goes with the run's last write (`ops`), which sets `released`. */
export interface HeldLock {
  ops: QueuedOp[];
  released: boolean;
}

async function sheetNames(context: Excel.RequestContext): Promise<string[]> {
  const sheets = context.workbook.worksheets.load("items/name");
  await context.sync();
  return sheets.items.map((s) => s.name);
}

/**
 * One Excel.run under the run lock: the workbook's sheet names are loaded, the lock taken
 * (or `busy` answered, nothing written), then `body` runs. A run that ends before its last
 * write (blocked, cancelled, failed) still frees the lock, in a request of its own; the
 * release clears the lock only if it holds this run's name.
 */
export async function runLocked<T>(
  body: (context: Excel.RequestContext, names: string[], lock: HeldLock) => Promise<T>,
  busy: (since: number) => T,
): Promise<T> {
  const owner = newOwner();
  let locked = false;
  const lock: HeldLock = { ops: [], released: false };
  try {
    return await runExcel(async (context) => {
      const names = await sheetNames(context);
      // From here the lock may be this run's (even if a request fails before the answer).
      locked = names.includes(STATE_SHEET_NAME);
      const taken = await acquireLock(context, locked, owner, Date.now());
      locked = taken.kind !== "busy" && locked;
      if (taken.kind === "busy") return busy(taken.since);
      if (taken.kind === "acquired") lock.ops = [releaseLockOp(context)];
      return body(context, names, lock);
    });
  } finally {
    if (locked && !lock.released) await runExcel((context) => releaseLock(context, owner)).catch(() => undefined);
  }
}
