/**
 * Sends queued Office.js operations in requests that stay under Excel on the web's 5 MB
 * limit: operations are packed into batches of at most ~3.2 MB (request and expected
 * response), and each batch costs exactly one context.sync(). The adapter never syncs
 * inside a loop over rows or cells; the only loop with a sync is the loop over batches.
 */
import type { Area } from "./a1";
import { officeErrorCode } from "./office";
import { pauser } from "./slices";

/** Request and response budget of one sync, well under the 5 MB limit (estimates run a little low). */
export const BATCH_BYTES = 3_200_000;
/** Operations per sync, to keep each request quick for Excel to run. */
const BATCH_OPERATIONS = 5_000;

export interface QueuedOp {
  /** Estimated request bytes (JSON of the arguments). */
  readonly requestBytes: number;
  /** Estimated response bytes (what it loads). */
  readonly responseBytes?: number;
  /** Queues the Office.js calls; must not sync. */
  readonly queue: () => void;
  /**
   * The same change as two or more smaller operations, for a retry after Excel refused the
   * request (too large, or too many areas for one getRanges). Absent when it cannot be split.
   */
  readonly split?: () => QueuedOp[];
  /** Areas this operation passes to one worksheet.getRanges (real Excel refuses too many: #5198). */
  readonly areas?: number;
  /**
   * Not safe to send twice (adds a sheet or a chart, deletes a chart). Such operations go in
   * batches of their own, which are never retried: a refused batch may have run in part.
   */
  readonly once?: boolean;
}

/** Splits operations into batches within the byte and operation budgets. */
export function packBatches<T extends { readonly requestBytes: number; readonly responseBytes?: number }>(
  ops: readonly T[],
  budget = BATCH_BYTES,
  maxOps = BATCH_OPERATIONS,
): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let request = 0;
  let response = 0;
  for (const op of ops) {
    const r = op.responseBytes ?? 0;
    if (
      current.length > 0 &&
      (request + op.requestBytes > budget || response + r > budget || current.length >= maxOps)
    ) {
      batches.push(current);
      current = [];
      request = 0;
      response = 0;
    }
    current.push(op);
    request += op.requestBytes;
    response += r;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

export interface SendOptions {
  /** Suspends screen updating for each write batch (ExcelApi 1.9). */
  readonly suspendScreen?: boolean;
  readonly afterBatch?: ((done: number, total: number) => void) | undefined;
}

/**
 * Queues each batch and syncs once per batch. Returns the number of syncs that succeeded.
 * A batch Excel refuses is retried smaller, within a bounded number of tries:
 * - RequestPayloadSizeLimitExceeded (the request was refused whole, nothing ran): halved by
 *   operations, and a single operation split, until it fits;
 * - InvalidArgument from a batch with multi-area getRanges: those calls split in half. The
 *   operations before the refused one did run (Office batches are not transactions), so the
 *   batch is sent again whole: every retried operation sets a value, a format or clears,
 *   which is the same done twice; operations that are not (`once`) never share a batch
 *   with a multi-area getRanges.
 */
export async function sendBatches(
  context: Excel.RequestContext,
  ops: Iterable<QueuedOp>,
  options: SendOptions = {},
): Promise<number> {
  // Batches are packed as they are sent: operations from a generator are built only once
  // the batch before them went, so a write of a million rows holds one batch at a time
  // (issue 10) besides the operation that did not fit in it.
  const source = sendable(ops)[Symbol.iterator]();
  let ahead: IteratorResult<QueuedOp[]> | null = source.next();
  const todo: QueuedOp[][] = [];
  let done = 0;
  let retries = 0;
  for (;;) {
    if (todo.length === 0 && ahead === null) ahead = source.next();
    if (todo.length === 0 && ahead?.done === true) break;
    let batch: QueuedOp[];
    if (todo.length > 0) batch = todo.shift() as QueuedOp[];
    else {
      batch = ahead?.value as QueuedOp[];
      ahead = null;
    }
    if (options.suspendScreen) context.application.suspendScreenUpdatingUntilNextSync();
    for (const op of batch) op.queue();
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per chunk of at most ~3.5 MB, never per row or cell
      await context.sync();
    } catch (error) {
      const smaller = retries < MAX_RETRIES ? retryBatches(batch, officeErrorCode(error)) : null;
      if (smaller === null) throw error;
      retries += 1;
      todo.unshift(...smaller);
      continue;
    }
    done += 1;
    // The sent batch's arguments go before the next batch is built.
    batch.length = 0;
    if (todo.length === 0) ahead = source.next();
    options.afterBatch?.(done, done + todo.length + (ahead?.done === true ? 0 : 1));
  }
  return done;
}

/** Operations from several sources, in order, each taken only as the batches reach it. */
export function* chainOps(...parts: Iterable<QueuedOp>[]): Generator<QueuedOp> {
  for (const part of parts) yield* part;
}

/** Refused requests retried per sendBatches call: enough to halve a batch down to single cells many times over. */
const MAX_RETRIES = 200;

/**
 * The batches of `ops`, packed within the budgets, such that no batch holds both a `once`
 * operation and a multi-area getRanges: an InvalidArgument retry resends a batch that may have
 * run in part.
 */
function* sendable(ops: Iterable<QueuedOp>): Generator<QueuedOp[]> {
  const kind = (op: QueuedOp): "once" | "areas" | null =>
    op.once === true ? "once" : (op.areas ?? 0) > 1 ? "areas" : null;
  let current: QueuedOp[] = [];
  let currentKind: "once" | "areas" | null = null;
  let request = 0;
  let response = 0;
  for (const op of ops) {
    const k = kind(op);
    const r = op.responseBytes ?? 0;
    if (
      current.length > 0 &&
      ((k !== null && currentKind !== null && k !== currentKind) ||
        request + op.requestBytes > BATCH_BYTES ||
        response + r > BATCH_BYTES ||
        current.length >= BATCH_OPERATIONS)
    ) {
      yield current;
      current = [];
      currentKind = null;
      request = 0;
      response = 0;
    }
    current.push(op);
    currentKind = currentKind ?? k;
    request += op.requestBytes;
    response += r;
  }
  if (current.length > 0) yield current;
}

/** The batches to send instead of a refused one, or null when a retry cannot help. */
export function retryBatches(batch: readonly QueuedOp[], code: string | null): QueuedOp[][] | null {
  // Refused whole before anything ran: safe to resend, `once` operations included.
  if (code === "RequestPayloadSizeLimitExceeded") {
    if (batch.length > 1) {
      const half = Math.ceil(batch.length / 2);
      return [batch.slice(0, half), batch.slice(half)];
    }
    const parts = batch[0].split?.() ?? [];
    if (parts.length < 2) return null;
    const half = Math.ceil(parts.length / 2);
    return [parts.slice(0, half), parts.slice(half)];
  }
  if (code === "InvalidArgument") {
    if (batch.some((op) => op.once === true)) return null;
    if (!batch.some((op) => (op.areas ?? 0) > 1 && op.split !== undefined)) return null;
    return [batch.flatMap((op) => ((op.areas ?? 0) > 1 && op.split !== undefined ? op.split() : [op]))];
  }
  return null;
}

/** Splits an area in two by rows; null for a single row (the writes here are never one huge row). */
export function halveArea(area: Area): [Area, Area] | null {
  if (area.bottom === area.top) return null;
  const middle = area.top + Math.floor((area.bottom - area.top) / 2);
  return [
    { ...area, bottom: middle },
    { ...area, top: middle + 1 },
  ];
}

/**
 * A write over one rectangle (values, formulas, number formats) that splits into its halves
 * when Excel refuses the request as too large.
 */
export function areaWriteOp(area: Area, bytes: (area: Area) => number, queue: (area: Area) => void): QueuedOp {
  const halves = halveArea(area);
  return {
    requestBytes: bytes(area),
    queue: () => queue(area),
    ...(halves === null ? {} : { split: () => halves.map((half) => areaWriteOp(half, bytes, queue)) }),
  };
}

/** Rough JSON size of a 2-D array of cell values, without building the JSON. */
export function gridBytes(grid: readonly (readonly unknown[])[]): number {
  let n = 2;
  for (const row of grid) {
    n += 2;
    for (const v of row) n += valueBytes(v) + 1;
  }
  return n;
}

function valueBytes(v: unknown): number {
  if (typeof v === "string") return v.length + 2 + (v.length >> 4);
  if (typeof v === "number") return String(v).length;
  if (typeof v === "boolean") return 5;
  return 4;
}

export interface QueuedRead {
  /** Estimated response bytes. */
  readonly responseBytes: number;
  /** Queues the loads; returns what to do with the results after the sync. */
  readonly queue: () => () => void;
}

/** Queues reads in batches within the response budget: one sync per batch. */
export async function readBatches(context: Excel.RequestContext, reads: readonly QueuedRead[]): Promise<number> {
  const batches = packBatches(reads.map((read) => ({ requestBytes: 150, responseBytes: read.responseBytes, read })));
  const pause = pauser();
  for (const batch of batches) {
    const collects = batch.map((b) => b.read.queue());
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per chunk of at most ~3.5 MB, never per row or cell
    await context.sync();
    // Each answer is recorded in one go (bands are sized for it); a yield between them when due.
    for (const collect of collects) {
      collect();
      await pause();
    }
  }
  return batches.length;
}
