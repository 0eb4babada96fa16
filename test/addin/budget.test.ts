/**
 * The budgets of the issue, on a generated 100,000-row x 20-column personnel sheet: at
 * most 2 syncs per chunk plus a constant, 100k rows in at most 30 syncs, no request or
 * response over 4 MB (Excel on the web refuses 5 MB).
 */
import { createHost, type ExcelHost } from "../host";
import { act } from "./helpers";
import { generatedPersonnel } from "./fixtures";

const MB4 = 4 * 1024 * 1024;

/** Requests that read a chunk of rows. */
const chunkReads = (host: ExcelHost): number =>
  host.stats.records.filter((r) => /Range\.load\(values(,numberFormat)?\)/.test(r.summary) && r.responseBytes > 100_000)
    .length;

function report(host: ExcelHost): string {
  const { syncs, largestRequest, largestResponse } = host.stats;
  return `syncs ${syncs}, chunks ${chunkReads(host)}, largest request ${largestRequest?.requestBytes}, largest response ${largestResponse?.responseBytes}`;
}

describe("100,000 rows x 20 columns", () => {
  test.each([
    ["check", "1.17"],
    ["all", "1.1"],
  ] as const)(
    "%s on ExcelApi %s: at most 30 syncs, 2 per chunk plus a constant, nothing over 4 MB",
    async (kind, apiVersion) => {
      const host = createHost([{ name: "Data", source: generatedPersonnel(100_000) }], { apiVersion });
      const outcome = await act(host, kind);
      expect(outcome.ok).toBe(true);
      expect(outcome.counts.people).toBe(100_000);
      // One NIK in 100 is short, one TMT in 250 is #N/A.
      expect(outcome.counts.byCode).toMatchObject({ "nik-invalid": 1000, "excel-error": 400 });
      const chunks = chunkReads(host);
      expect([report(host), chunks]).toEqual([report(host), expect.any(Number)]);
      expect(chunks).toBeGreaterThanOrEqual(8);
      expect(host.stats.syncs).toBeLessThanOrEqual(30);
      expect(host.stats.syncs).toBeLessThanOrEqual(2 * chunks + 14);
      expect(host.stats.largestRequest!.requestBytes).toBeLessThanOrEqual(MB4);
      expect(host.stats.largestResponse!.responseBytes).toBeLessThanOrEqual(MB4);
      expect(host.stats.failures).toEqual([]);
    },
    180_000,
  );
});

test("a sheet with long texts: chunks shrink to stay under the limit", async () => {
  const long = "x".repeat(2_000);
  const source = generatedPersonnel(5_000);
  const host = createHost([
    {
      name: "Data",
      source: { ...source, value: (r, c) => (c === 18 && r >= 3 ? `${long}${r}` : source.value(r, c)) },
    },
  ]);
  const outcome = await act(host, "check");
  expect(outcome.ok).toBe(true);
  expect(host.stats.largestResponse!.responseBytes).toBeLessThanOrEqual(MB4);
  expect(host.stats.failures).toEqual([]);
});

test("rows far longer than the ones measured: the refused read is retried in halves", async () => {
  const long = "y".repeat(3_000);
  const source = generatedPersonnel(8_000);
  const host = createHost([
    {
      name: "Data",
      source: { ...source, value: (r, c) => (c === 18 && r >= 4_000 ? `${long}${r}` : source.value(r, c)) },
    },
  ]);
  const outcome = await act(host, "check");
  expect(outcome.ok).toBe(true);
  expect(outcome.counts.people).toBe(8_000);
  expect(host.stats.failures.length).toBeGreaterThan(0);
  expect(new Set(host.stats.failures)).toEqual(new Set(["ResponsePayloadSizeLimitExceeded"]));
}, 180_000);
