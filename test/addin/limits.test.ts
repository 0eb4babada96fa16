/**
 * Excel's refusals the adapter recovers from: too many areas in one worksheet.getRanges
 * (InvalidArgument; real Excel has refused 513, office-js #5198) and a request over the
 * payload limit (RequestPayloadSizeLimitExceeded). The host enforces both on what is really
 * sent (the areas of the address, the JSON of every queued operation); the adapter splits
 * and retries, and the workbook ends exactly as with no limit, restorable by Hapus Tanda.
 */
import { type ActionKind } from "../../src/addin/actions";
import { type HostConfig, createHost, type ExcelHost, workbookState } from "../host";
import { act, userSheets } from "./helpers";
import { generatedPersonnel } from "./fixtures";

/**
 * Two runs are compared cell by cell, CH Ringkasan's "Diperiksa: <date> pukul <time>" included:
 * the clock stands still (only Date is faked), so a minute that turns between them on a busy
 * machine cannot fail the comparison.
 */
beforeAll(() => {
  jest.useFakeTimers({
    now: new Date(2026, 0, 5, 10, 30),
    doNotFake: [
      "hrtime",
      "nextTick",
      "performance",
      "queueMicrotask",
      "requestAnimationFrame",
      "cancelAnimationFrame",
      "requestIdleCallback",
      "cancelIdleCallback",
      "setImmediate",
      "clearImmediate",
      "setInterval",
      "clearInterval",
      "setTimeout",
      "clearTimeout",
    ],
  });
});
afterAll(() => {
  jest.useRealTimers();
});

/** 10,000 people: one NIK in 100 is short and one TMT in 250 is #N/A, so 100 + 40 marked cells, none adjacent. */
function workbook(config: Partial<HostConfig>): ExcelHost {
  return createHost([{ name: "Data", source: generatedPersonnel(10_000) }], { apiVersion: "1.17", ...config });
}

async function runThenState(
  kind: ActionKind,
  config: Partial<HostConfig>,
): Promise<{ host: ExcelHost; after: unknown }> {
  const host = workbook(config);
  const outcome = await act(host, kind);
  expect(outcome.ok).toBe(true);
  // The summary's "checked at" minute is not the same in two runs that straddle a minute.
  const stamped = JSON.stringify(workbookState(host.model)).replace(/(Diperiksa|Checked): [^"]*/g, "$1: (time)");
  return { host, after: JSON.parse(stamped) as unknown };
}

test("marks stay below the area limit: no getRanges is refused at Excel's default", async () => {
  const { host } = await runThenState("check", {});
  expect(host.stats.failures).toEqual([]);
}, 180_000);

test.each(["check", "all"] as const)(
  "%s: getRanges refused for too many areas is split and retried; the result is the same",
  async (kind) => {
    const free = await runThenState(kind, { maxAreas: 100_000 });
    const strict = await runThenState(kind, { maxAreas: 30 });
    // Refused, then split until each call holds at most 30 areas.
    expect(strict.host.stats.failures).toContain("InvalidArgument");
    expect(new Set(strict.host.stats.failures)).toEqual(new Set(["InvalidArgument"]));
    expect(strict.after).toEqual(free.after);
    const before = userSheets(workbook({}));
    expect((await act(strict.host, "clear")).ok).toBe(true);
    expect(userSheets(strict.host)).toEqual(before);
  },
  180_000,
);

test.each(["check", "all"] as const)(
  "%s: a request over the payload limit is halved and retried; the result is the same",
  async (kind) => {
    const free = await runThenState(kind, {});
    // A third of the largest request the action sends with no limit: some must be refused.
    const limit = Math.floor(free.host.stats.largestRequest!.requestBytes / 3);
    const strict = await runThenState(kind, { requestLimitBytes: limit });
    expect(strict.host.stats.failures).toContain("RequestPayloadSizeLimitExceeded");
    expect(new Set(strict.host.stats.failures)).toEqual(new Set(["RequestPayloadSizeLimitExceeded"]));
    // Every request that went through was within the limit, measured on what was sent.
    for (const r of strict.host.stats.records.filter((x) => x.error === null))
      expect(r.requestBytes).toBeLessThanOrEqual(limit);
    expect(strict.after).toEqual(free.after);
    const before = userSheets(workbook({}));
    expect((await act(strict.host, "clear", {})).ok).toBe(true);
    expect(userSheets(strict.host)).toEqual(before);
  },
  180_000,
);
