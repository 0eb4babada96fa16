/**
 * Runs cut short and runs at the same time. The user can start editing a cell between any
 * two requests: Excel that honours delayForCellEdit waits, older Excel refuses the request
 * (InvalidOperationInCellEditMode, office-js #625) and the action stops there. Whatever
 * request it stops at, Hapus Tanda then gives every user cell back. The ribbon and the
 * pane are separate runtimes on one workbook: the run lock in the state sheet lets one run
 * write and tells the other that a run is in progress.
 */
import { type ActionOutcome, runAction } from "../../src/addin/actions";
import { LOCK_STALE_MS } from "../../src/addin/run-lock";
import { STATE_SHEET_NAME } from "../../src/core/engine";
import { DEFAULT_POLICY } from "../../src/core/policy";
import { UI_LABELS } from "../../src/addin/vocabulary";
import { createHost, type ExcelHost, workbookState } from "../host";
import { act, userSheets } from "./helpers";
import { personnelSheet, smallPeople } from "./fixtures";

function workbook(apiVersion: string): ExcelHost {
  return createHost(
    [personnelSheet("Data", smallPeople(), { fills: [{ address: "C5", color: "#FFFF00" }], hiddenRows: [6] })],
    { apiVersion },
  );
}

const busyText = UI_LABELS.xlRunInProgress.id.slice(0, 30);

describe.each(["1.1", "1.7"])("ExcelApi %s (no delayForCellEdit): edit mode at any request", (apiVersion) => {
  test("wherever Periksa Semua is cut short, Hapus Tanda restores every user cell", async () => {
    const original = userSheets(workbook(apiVersion));
    // How many requests a full second run makes (after a first check: the state sheet and lock exist).
    const probe = workbook(apiVersion);
    await act(probe, "check");
    const start = probe.stats.syncs;
    await act(probe, "all");
    const requests = probe.stats.syncs - start;
    expect(requests).toBeGreaterThan(5);
    let stopped = 0;
    for (let i = 1; i <= requests; i++) {
      const host = workbook(apiVersion);
      await act(host, "check");
      host.config = { ...host.config, editModeAtSyncs: [host.stats.syncs + i] };
      const outcome = await act(host, "all");
      if (!outcome.ok) stopped++;
      host.config = { ...host.config, editModeAtSyncs: [] };
      const cleared = await act(host, "clear");
      expect([i, cleared.ok, cleared.message]).toEqual([i, true, expect.any(String)]);
      expect([i, userSheets(host)]).toEqual([i, original]);
    }
    // Most cut points stop the run (the lock release after it is a request of its own).
    expect(stopped).toBeGreaterThanOrEqual(requests - 2);
  }, 180_000);
});

test("ExcelApi 1.17: requests made while the user edits a cell wait, and the run completes", async () => {
  const host = workbook("1.17");
  host.config = { ...host.config, editModeAtSyncs: [2, 5, 9] };
  const outcome = await act(host, "all");
  expect(outcome.ok).toBe(true);
  expect(host.stats.delayedForEdit).toBe(3);
  expect(host.stats.failures).toEqual([]);
});

async function together(host: ExcelHost, a: "all" | "check", b: "all" | "check"): Promise<ActionOutcome[]> {
  const restore = host.install();
  try {
    const options = { policy: DEFAULT_POLICY, lang: "id" as const };
    return await Promise.all([runAction(a, options), runAction(b, options)]);
  } finally {
    restore();
  }
}

describe.each([
  ["a new workbook", false],
  ["a workbook checked before", true],
])("two runs at once on %s (the pane and a ribbon button)", (_name, checkedBefore) => {
  test("one writes, the other says a run is in progress and writes nothing; Hapus Tanda restores", async () => {
    const original = userSheets(workbook("1.17"));
    const host = workbook("1.17");
    const alone = workbook("1.17");
    if (checkedBefore) {
      await act(host, "check");
      await act(alone, "check");
    }
    const [first, second] = await together(host, "all", "check");
    const outcomes = [first, second];
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    const refused = outcomes.find((o) => !o.ok)!;
    expect(refused.message.slice(0, 30)).toBe(busyText);
    // The workbook is exactly what the winning run alone makes.
    await act(alone, first.ok ? "all" : "check");
    expect(userSheets(host)).toEqual(userSheets(alone));
    expect((await act(host, "clear")).ok).toBe(true);
    expect(userSheets(host)).toEqual(original);
  });
});

describe("the lock in the state sheet", () => {
  async function locked(ageMs: number): Promise<ExcelHost> {
    const host = workbook("1.17");
    await act(host, "check");
    const state = host.model.sheet(STATE_SHEET_NAME)!;
    state.setValue(0, 5, "run-other");
    state.setValue(0, 6, Date.now() - ageMs);
    return host;
  }

  test("a run in progress: a second run writes nothing", async () => {
    const host = await locked(60_000);
    const before = workbookState(host.model);
    const outcome = await act(host, "all");
    expect(outcome.ok).toBe(false);
    expect(outcome.message.slice(0, 30)).toBe(busyText);
    expect(outcome.message).toContain("1 menit");
    expect(workbookState(host.model)).toEqual(before);
  });

  test("a stale lock (a run ended without releasing it) is taken over, then released", async () => {
    const host = await locked(LOCK_STALE_MS + 60_000);
    const outcome = await act(host, "all");
    expect(outcome.ok).toBe(true);
    const state = host.model.sheet(STATE_SHEET_NAME)!;
    expect([state.value(0, 5), state.value(0, 6)]).toEqual([null, null]);
  });

  test("a run releases its lock when done, even when it failed part-way", async () => {
    const host = workbook("1.1");
    await act(host, "check");
    host.config = { ...host.config, editModeAtSyncs: [host.stats.syncs + 8] };
    expect((await act(host, "all")).ok).toBe(false);
    const state = host.model.sheet(STATE_SHEET_NAME)!;
    expect(state.value(0, 5)).toBeNull();
    expect((await act(host, "check")).ok).toBe(true);
  });
});
