/**
 * Sends queued Office.js operations in requests that stay under Excel on the web's 5 MB
 * limit: operations are packed into batches of at most ~3.2 MB (request and expected
 * response), and each batch costs exactly one context.sync(). The adapter never syncs
 * inside a loop over rows or cells; the only loop with a sync is the loop over batches.
 */

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
  readonly afterBatch?: (done: number, total: number) => void;
}

/** Queues each batch and syncs once per batch. Returns the number of syncs. */
export async function sendBatches(
  context: Excel.RequestContext,
  ops: readonly QueuedOp[],
  options: SendOptions = {},
): Promise<number> {
  const batches = packBatches(ops);
  let done = 0;
  for (const batch of batches) {
    if (options.suspendScreen) context.application.suspendScreenUpdatingUntilNextSync();
    for (const op of batch) op.queue();
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per chunk of at most ~3.5 MB, never per row or cell
    await context.sync();
    done += 1;
    options.afterBatch?.(done, batches.length);
  }
  return batches.length;
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
  for (const batch of batches) {
    const collects = batch.map((b) => b.read.queue());
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per chunk of at most ~3.5 MB, never per row or cell
    await context.sync();
    for (const collect of collects) collect();
  }
  return batches.length;
}
