/**
 * The add-in's long loops run in slices with a yield between them, so the task pane stays
 * responsive and Office never sees the add-in block (it restarts one that blocks 5 s; issue 10
 * asks for no block over 1 s at 1,048,575 rows).
 */

/** Longest stretch of work between two yields. */
export const SLICE_MS = 40;

/** Lets the task pane repaint and take a click on Cancel between chunks. */
export const yieldToUi = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * For loops over every marked cell (a million at full height): the returned function yields
 * to the UI once SLICE_MS have passed since the last yield, else returns at once. Call it
 * every few thousand iterations.
 */
export function pauser(): () => Promise<void> {
  let last = Date.now();
  return async () => {
    if (Date.now() - last < SLICE_MS) return;
    await yieldToUi();
    last = Date.now();
  };
}
