/** The adapter's small parts: rectangles, value conversion, request packing. */
import { cellsToAreas, parseAreaA1, areaA1, quotedSheet } from "../../src/addin/a1";
import { BATCH_BYTES, packBatches } from "../../src/addin/batches";
import { mayBeError, toCell, toExcelValue } from "../../src/addin/cells";
import { serial } from "./fixtures";

test("cells group into as few rectangles as rows or columns allow", () => {
  const column = Array.from({ length: 5 }, (_, i) => ({ row: 10 + i, column: 2 }));
  expect(cellsToAreas(column).map(areaA1)).toEqual(["C11:C15"]);
  const header = Array.from({ length: 9 }, (_, j) => ({ row: 2, column: 9 + j }));
  expect(cellsToAreas(header).map(areaA1)).toEqual(["J3:R3"]);
  // A column with one neighbour to the side: the column stays whole.
  expect(cellsToAreas([...column, { row: 12, column: 3 }]).map(areaA1)).toEqual(["C11:C15", "D13"]);
  expect(
    cellsToAreas([
      { row: 0, column: 0 },
      { row: 0, column: 0 },
    ]).map(areaA1),
  ).toEqual(["A1"]);
});

test("addresses and sheet references", () => {
  expect(parseAreaA1("B3:D9")).toEqual({ top: 2, left: 1, bottom: 8, right: 3 });
  expect(parseAreaA1("nope")).toBeNull();
  expect(quotedSheet("Data O'Brien")).toBe("'Data O''Brien'");
});

test("values from Excel become core cells; error text needs valueTypes", () => {
  expect(toCell("", false, undefined)).toBeNull();
  expect(toCell(44927, false, "dd/mm/yyyy")).toEqual({ t: "n", v: 44927, format: "dd/mm/yyyy" });
  expect(toCell("#N/A", true, undefined)).toEqual({ t: "e", v: "#N/A" });
  expect(toCell("#N/A", false, undefined)).toEqual({ t: "s", v: "#N/A" });
  expect(toCell(true, false, undefined)).toEqual({ t: "b", v: true });
  expect(mayBeError("#DIV/0!")).toBe(true);
  expect(mayBeError("#1 Jalan")).toBe(false);
});

test("values for Excel: text keeps its exact form whatever the locale, dates become serials", () => {
  expect(toExcelValue("3171234567890123")).toBe("'3171234567890123");
  expect(toExcelValue("1,5")).toBe("'1,5");
  expect(toExcelValue({ date: "2024-01-01" })).toBe(serial(2024, 1, 1));
  expect(toExcelValue(null)).toBe("");
  expect(toExcelValue(24)).toBe(24);
});

test("requests are packed within the byte and operation budgets", () => {
  const op = (requestBytes: number, responseBytes = 0) => ({ requestBytes, responseBytes, queue: () => undefined });
  expect(packBatches([op(2_000_000), op(2_000_000), op(1)]).map((b) => b.length)).toEqual([1, 2]);
  expect(packBatches([op(10, BATCH_BYTES), op(10, 1)]).map((b) => b.length)).toEqual([1, 1]);
  expect(packBatches(Array.from({ length: 12_000 }, () => op(1))).map((b) => b.length)).toEqual([5_000, 5_000, 2_000]);
  // One operation bigger than the budget still goes, alone.
  expect(packBatches([op(9_000_000)]).map((b) => b.length)).toEqual([1]);
});
