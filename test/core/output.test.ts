import {
  hyperlinkFormula,
  linkTarget,
  lookOfStyle,
  parseCellA1,
  placeComputedColumns,
  quotedSheet,
} from "../../src/core/output";

describe("output contract", () => {
  test("sheet names are always quoted, quotes doubled", () => {
    expect(quotedSheet("DATA")).toBe("'DATA'");
    expect(quotedSheet("Guru's 2025")).toBe("'Guru''s 2025'");
    expect(linkTarget("A B", "C5")).toBe("'A B'!C5");
  });

  test("hyperlink formula escapes double quotes in the target and the text", () => {
    expect(hyperlinkFormula('Say "hi"', "B2", 'x"y')).toBe('HYPERLINK("#\'Say ""hi""\'!B2","x""y")');
  });

  test("A1 cells parse to 0-based columns and 1-based rows; anything else is null", () => {
    expect(parseCellA1("A1")).toEqual({ column: 0, row: 1 });
    expect(parseCellA1("$AB$12")).toEqual({ column: 27, row: 12 });
    expect(parseCellA1("xfd1048576")).toEqual({ column: 16383, row: 1048576 });
    expect(parseCellA1("A0")).toBeNull();
    expect(parseCellA1("B2:C3")).toBeNull();
    expect(parseCellA1("12")).toBeNull();
  });

  test("the header look is bold, filled, bordered and wrapped; no style leaves the cell as it is", () => {
    expect(lookOfStyle("header")).toMatchObject({ bold: true, border: true, wrap: true });
    expect(lookOfStyle(undefined)).toEqual({});
  });

  test("computed columns are placed right after the table, or a conflict names every occupied column", () => {
    expect(placeComputedColumns(5, 3, () => false)).toEqual({ kind: "place", startColumnIndex: 5 });
    expect(placeComputedColumns(5, 3, (c) => c === 6 || c === 7)).toEqual({
      kind: "conflict",
      occupiedColumns: [6, 7],
    });
    // A re-run finds its own headers there: not a conflict.
    expect(
      placeComputedColumns(
        5,
        3,
        () => true,
        () => true,
      ),
    ).toEqual({ kind: "place", startColumnIndex: 5 });
  });
});
