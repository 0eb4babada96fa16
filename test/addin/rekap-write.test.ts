/**
 * The pane rekap's writer (src/addin/rekap-write.ts) on the test host: the six rekap sheets
 * of the rekap folder (test/fixtures/make-rekap-folder.ts) written into the open workbook
 * in a few syncs on ExcelApi 1.1 and 1.17; an earlier rekap's sheet rewritten, not added
 * again; a read-only workbook and a Cancel before the first write leave it as it was.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { DEFAULT_POLICY } from "../../src/core/policy";
import { REKAP_LABELS, REKAP_SHEET_KEYS } from "../../src/core/rekap/labels";
import { rekapSheets } from "../../src/core/rekap/sheets";
import { writeRekapSheets } from "../../src/addin/rekap-write";
import { addPicked, paneRekap } from "../../src/taskpane/rekap-run";
import { createHost, workbookState } from "../host";
import { writeRekapFolder } from "../fixtures/make-rekap-folder";
import { withHost } from "./helpers";

jest.setTimeout(120_000);

const FOLDER = path.join(__dirname, "..", ".out", "rekap-write", "opd");
let sheets: ReturnType<typeof rekapSheets> = [];

beforeAll(async () => {
  await writeRekapFolder(FOLDER);
  const names = [...(await fs.readdir(FOLDER)), ...(await fs.readdir(path.join(FOLDER, "sub"))).map((f) => `sub/${f}`)];
  const picked = names
    .filter((n) => n !== "sub")
    .map((n) => ({ name: path.basename(n), absolute: path.join(FOLDER, n), size: 0, lastModified: 0 }));
  const rekap = await paneRekap(addPicked([], picked), DEFAULT_POLICY, {
    bytes: (f) => fs.readFile(f.absolute),
    checkedOn: "2026-01-05",
  });
  sheets = rekapSheets(rekap!, "id");
});

const names = (host: ReturnType<typeof createHost>): string[] =>
  workbookState(host.model, () => true).map((s) => s.name);

describe("writeRekapSheets", () => {
  test.each(["1.1", "1.17"])("ExcelApi %s: the six sheets, in a handful of syncs", async (apiVersion) => {
    const host = createHost([{ name: "Sheet1", rows: [] }], { apiVersion });
    const outcome = await withHost(host, () => writeRekapSheets(sheets));
    expect(outcome).toEqual({ state: "done", selected: REKAP_LABELS.sheetFiles.id });
    // Every rekap sheet, in the order rekapSheets gives them (the summary second).
    expect(names(host)).toEqual(["Sheet1", ...sheets.map((s) => s.sheetName)]);
    expect(new Set(names(host).slice(1))).toEqual(new Set(REKAP_SHEET_KEYS.map((k) => REKAP_LABELS[k].id)));
    // Sheet names (1), the write guard (1-2), own sheets' charts (0-1), the writes (a few batches).
    expect(host.stats.syncs).toBeLessThanOrEqual(8);
    expect(host.stats.failures).toEqual([]);
    const files = workbookState(host.model, (n) => n === REKAP_LABELS.sheetFiles.id)[0];
    // Row 3 is the first file ("~$01_DLH.xlsx", sorted as the folder walk), its verdict "Dilewati".
    expect(files.cells.B3?.value).toBe("~$01_DLH.xlsx");
    expect(files.cells.D3?.value).toBe("Dilewati");
  });

  test("a second rekap rewrites the sheets of the first: nothing of the first is left", async () => {
    const host = createHost([{ name: "Sheet1", rows: [] }], { apiVersion: "1.17" });
    const stale = [[...sheets[0].rows[0]], ...Array.from({ length: 40 }, () => [{ value: "rekap lama" }])];
    await withHost(host, () => writeRekapSheets([{ ...sheets[0], rows: stale }]));
    await withHost(host, () => writeRekapSheets(sheets));
    expect(names(host).filter((n) => n === REKAP_LABELS.sheetFiles.id)).toHaveLength(1);
    const files = workbookState(host.model, (n) => n === REKAP_LABELS.sheetFiles.id)[0];
    expect(Object.values(files.cells).some((c) => c.value === "rekap lama")).toBe(false);
  });

  test("a read-only workbook: blocked, in both languages, nothing written", async () => {
    const host = createHost([{ name: "Sheet1", rows: [] }], { apiVersion: "1.17" }, { readOnly: true });
    const outcome = await withHost(host, () => writeRekapSheets(sheets));
    expect(outcome.state).toBe("blocked");
    expect(outcome.messages?.id).toContain("hanya-baca");
    expect(names(host)).toEqual(["Sheet1"]);
  });

  test("Cancel before the first write: nothing written", async () => {
    const host = createHost([{ name: "Sheet1", rows: [] }], { apiVersion: "1.17" });
    const outcome = await withHost(host, () => writeRekapSheets(sheets, { isCancelled: () => true }));
    expect(outcome.state).toBe("cancelled");
    expect(names(host)).toEqual(["Sheet1"]);
  });
});
