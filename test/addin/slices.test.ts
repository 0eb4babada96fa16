/**
 * The full-height work split into slices (issue 10) gives what the one-go work gave:
 * rectangles found in steps, cells that share one frozen look, Hapus Tanda's list of cells,
 * write batches built one at a time.
 */
import { type Area, areaA1, cellsToAreas, cellsToAreasInSlices } from "../../src/addin/a1";
import { type QueuedOp, sendBatches } from "../../src/addin/batches";
import { dropLooks, setLooks } from "../../src/addin/looks";
import { AddinState, type Look, cellKey, keyRow, loadState, stateRows } from "../../src/addin/state";

/** A pause that counts its calls and returns at once. */
function counter(): { pause: () => Promise<void>; calls: () => number } {
  let calls = 0;
  return {
    pause: () => {
      calls += 1;
      return Promise.resolve();
    },
    calls: () => calls,
  };
}

test("rectangles found in slices equal those found in one go, and the work does stop between slices", async () => {
  // A cut-off column of 50,000 rows with every 7th row missing, and a few cells beside it: more
  // than three steps of 16,384 cells. Worked: runs C1:C6, C8:C13, ... (7 rows, the 7th left out).
  const cells: { row: number; column: number }[] = [];
  for (let r = 0; r < 50_000; r++) if (r % 7 !== 6) cells.push({ row: r, column: 2 });
  for (let r = 0; r < 30; r += 3) cells.push({ row: r, column: 4 });
  const { pause, calls } = counter();
  const sliced = await cellsToAreasInSlices(cells, pause);
  expect(sliced).toEqual(cellsToAreas(cells));
  expect(sliced.slice(0, 3).map(areaA1)).toEqual(["C1:C6", "E1", "E4"]);
  // 42,858 cells in column C (6 of every 7 of 50,000, rounded up) and 10 in E: all covered once.
  const covered = sliced.reduce((n: number, a: Area) => n + (a.bottom - a.top + 1) * (a.right - a.left + 1), 0);
  expect(covered).toBe(42_858 + 10);
  // Two passes of more than 42,000 cells each: at least two stops each beyond the sorts.
  expect(calls()).toBeGreaterThanOrEqual(8);
});

const cutoff: Look = { fill: "#FFF2CC" };
const mark: Look = { fill: "#FFC7CE" };

test("cells that share a look share one frozen object, and changing one leaves the others as they were", async () => {
  const state = new AddinState(false);
  const looks = new Map<number, Look>();
  for (let r = 0; r < 3; r++) looks.set(cellKey(r, 1), cutoff);
  await setLooks(state, "Data", "cutoff", looks);
  const cells = state.sheetCells("Data");
  const [a, b, c] = [0, 1, 2].map((r) => cells.get(cellKey(r, 1))!);
  expect(a.looks).toBe(b.looks);
  expect(Object.isFrozen(a.looks)).toBe(true);
  expect(() => {
    (a.looks as Record<string, Look>).mark = mark;
  }).toThrow(TypeError);
  // A mark on the middle cell only.
  await setLooks(state, "Data", "mark", new Map([[cellKey(1, 1), mark]]));
  expect(b.looks).toEqual({ cutoff, mark });
  expect(a.looks).toEqual({ cutoff });
  expect(c.looks).toEqual({ cutoff });
});

test("state recorded as areas and read back equals the per-cell state; Hapus Tanda lists every cell", async () => {
  const state = new AddinState(false);
  const looks = new Map<number, Look>();
  // 10,000 cut-off cells down column B, 2 marks in column D.
  for (let r = 5; r < 10_005; r++) looks.set(cellKey(r, 1), cutoff);
  await setLooks(state, "Data", "cutoff", looks);
  await setLooks(
    state,
    "Data",
    "mark",
    new Map([
      [cellKey(7, 3), mark],
      [cellKey(9, 3), mark],
    ]),
  );
  const cells = state.sheetCells("Data");
  for (const d of cells.values()) d.original = { fill: null };
  const rows = await stateRows(state);
  // Worked: one record for B6:B10005 (same original and purpose), one for D8 and one for D10.
  expect(rows.filter((r) => r[0] === "cell").map((r) => r[2])).toEqual(["B6:B10005", "D8", "D10"]);

  // Read back through a host-less context: the rows as the state sheet holds them.
  const loaded = await loadState(fakeStateContext(rows), true);
  const back = loaded.sheetCells("Data");
  expect(back.size).toBe(cells.size);
  for (const [key, d] of cells) expect(back.get(key)).toEqual({ original: d.original, looks: d.looks });
  // The 10,000 cells of one record share one pair of objects.
  expect(back.get(cellKey(5, 1))!.looks).toBe(back.get(cellKey(10_004, 1))!.looks);

  const cleared = await dropLooks(loaded, "Data");
  expect(cleared.size).toBe(10_002);
  expect([...cleared].map(keyRow).sort((x, y) => x - y)[0]).toBe(5);
  for (const d of back.values()) expect(d.looks).toEqual({});
});

/** Just enough of a RequestContext for loadState: the used range's row count, then its values. */
function fakeStateContext(rows: string[][]): Excel.RequestContext {
  const range = (rowsOf: () => string[][]): unknown => ({
    load: () => ({
      get rowCount() {
        return rows.length;
      },
      get values() {
        return rowsOf();
      },
    }),
  });
  const sheet = {
    getUsedRange: () => range(() => rows),
    getRange: (address: string) => {
      const m = /^A(\d+):D(\d+)$/.exec(address) ?? /^A(\d+)$/.exec(address);
      const top = Number(m?.[1] ?? 1) - 1;
      const bottom = Number(m?.[2] ?? m?.[1] ?? 1);
      return range(() => rows.slice(top, bottom));
    },
  };
  return {
    workbook: { worksheets: { getItem: () => sheet } },
    sync: () => Promise.resolve(),
  } as unknown as Excel.RequestContext;
}

test("sendBatches builds a batch only after the one before it went: one batch and one operation ahead at most", async () => {
  // 10 operations of 1 MB each: the 3.2 MB budget packs them 3, 3, 3, 1 (worked: a 4th would be 4 MB).
  let built = 0;
  let sent = 0;
  const seenAtSync: number[] = [];
  function* ops(): Generator<QueuedOp> {
    for (let i = 0; i < 10; i++) {
      built += 1;
      yield { requestBytes: 1_000_000, queue: () => undefined };
    }
  }
  const context = {
    sync: () => {
      seenAtSync.push(built - sent);
      return Promise.resolve();
    },
  } as unknown as Excel.RequestContext;
  const syncs = await sendBatches(context, ops(), {
    afterBatch: (done) => {
      sent = [3, 6, 9, 10][done - 1];
    },
  });
  expect(syncs).toBe(4);
  // At each sync: the batch being sent (3, 3, 3, 1 operations) and the one operation that did
  // not fit in it (none after the last); before, the whole next batch was built too (7, 7, 4, 1).
  expect(seenAtSync).toEqual([4, 4, 4, 1]);
});
