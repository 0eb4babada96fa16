/**
 * A protected sheet, a read-only workbook, a cell being edited, or Cancel: a clear message
 * and the workbook exactly as it was (no state sheet, no report, no mark).
 */
import { LABELS } from "../../src/addin/vocabulary";
import { createHost, workbookState, type ExcelHost, type HostConfig, type WorkbookInit } from "../host";
import { act } from "./helpers";
import { generatedPersonnel, personnelSheet, smallPeople } from "./fixtures";

function workbook(config: Partial<HostConfig>, init: WorkbookInit = {}, locked = false): ExcelHost {
  return createHost(
    [personnelSheet("Data", smallPeople(), { protected: locked }), { name: "Lain", rows: [["x"]] }],
    config,
    init,
  );
}

const everything = (host: ExcelHost): unknown => ({
  sheets: workbookState(host.model),
  settings: [...host.model.settings],
});

describe.each(["1.17", "1.7", "1.1"])("on ExcelApi %s", (apiVersion) => {
  test.each(["check", "tenure", "cutoff", "paths", "all"] as const)(
    "%s on a protected sheet writes nothing",
    async (kind) => {
      const host = workbook({ apiVersion }, {}, true);
      const before = everything(host);
      const outcome = await act(host, kind);
      expect(outcome.ok).toBe(false);
      // ExcelApi 1.2 tells protection; on 1.1 a write that changes nothing finds it out.
      const expected =
        apiVersion === "1.1"
          ? LABELS.xlProtectedOrReadOnly.id.replace("{sheets}", `"Data"`)
          : LABELS.xlProtected.id.replace("{sheets}", `"Data"`);
      expect(outcome.message).toBe(expected);
      expect(everything(host)).toEqual(before);
      // Nothing was written: no counts or problems that would look like a finished check.
      expect(outcome.state).toBe("blocked");
      expect(outcome.counts.errors).toBe(0);
      expect(outcome.problems).toEqual([]);
    },
  );

  test("a read-only workbook: a clear message, nothing written", async () => {
    const host = workbook({ apiVersion }, { readOnly: true });
    const before = everything(host);
    const outcome = await act(host, "all");
    expect(outcome.ok).toBe(false);
    // workbook.readOnly is ExcelApi 1.8.
    expect(outcome.message).toBe(
      apiVersion === "1.17" ? LABELS.xlReadOnly.id : LABELS.xlProtectedOrReadOnly.id.replace("{sheets}", `"Data"`),
    );
    expect(everything(host)).toEqual(before);
  });

  test("a cell in edit mode: Excel that honours delayForCellEdit waits; older Excel gets a clear message, nothing written", async () => {
    const host = workbook({ apiVersion }, { cellEditMode: true });
    const before = everything(host);
    const outcome = await act(host, "check");
    if (apiVersion === "1.17") {
      // The first request waited until the user left the cell, then the run went on.
      expect(outcome.ok).toBe(true);
      expect(host.stats.delayedForEdit).toBe(1);
      expect(host.stats.failures).toEqual([]);
    } else {
      expect(outcome).toMatchObject({ ok: false, message: LABELS.xlEditMode.id });
      expect(everything(host)).toEqual(before);
    }
  });

  test("clear on a protected sheet restores nothing half-way", async () => {
    const host = workbook({ apiVersion });
    await act(host, "all");
    host.model.sheet("Data")!.protected = true;
    const before = everything(host);
    const outcome = await act(host, "clear");
    expect(outcome.ok).toBe(false);
    expect(everything(host)).toEqual(before);
  });
});

test("Cancel during the read: nothing written, and the progress was reported", async () => {
  const host = createHost([{ name: "Data", source: generatedPersonnel(20_000) }]);
  const before = everything(host);
  const seen: [number, number, string][] = [];
  const outcome = await act(host, "all", {
    onProgress: (done, total, phase) => seen.push([done, total, phase]),
    isCancelled: () => seen.length >= 2,
  });
  expect(outcome).toMatchObject({ ok: false, message: LABELS.xlCancelled.id });
  expect(everything(host)).toEqual(before);
  expect(seen[0][1]).toBe(20_003);
  expect(seen[0][2]).toBe(LABELS.xlPhaseRead.id.replace("{sheet}", "Data"));
  expect(seen[1][0]).toBeGreaterThan(seen[0][0]);
});

test("Cancel pressed after the read is done still writes nothing", async () => {
  const host = workbook({});
  const before = everything(host);
  let reads = 0;
  const outcome = await act(host, "check", { onProgress: () => (reads += 1), isCancelled: () => reads > 0 });
  expect(outcome.message).toBe(LABELS.xlCancelled.id);
  expect(everything(host)).toEqual(before);
});

describe.each(["1.17", "1.1"])("a workbook whose structure is protected, on ExcelApi %s", (apiVersion) => {
  test("no sheet can be added: a message, and nothing written", async () => {
    const host = workbook({ apiVersion }, { structureProtected: true });
    const before = everything(host);
    const outcome = await act(host, "check");
    expect(outcome.ok).toBe(false);
    // ExcelApi 1.7 tells; before it the first write (adding a sheet) is refused before any other.
    expect(outcome.message).toBe(
      apiVersion === "1.17" ? LABELS.xlStructureProtected.id : LABELS.xlFailed.id.replace("{code}", "AccessDenied"),
    );
    expect(everything(host)).toEqual(before);
  });
});
