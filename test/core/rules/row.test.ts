import { num, text } from "../../../src/core/cells";
import { cellOf, columnOf, hasColumn, issueAt, issuesOf, rowContext } from "../../../src/core/rules/row";

describe("row context", () => {
  // Columns: A name, C NIK; "Tempat, Tgl Lahir" in column E (index 4).
  const ctx = rowContext(
    { file: "a.xlsx", sheet: "Data", row: 9 },
    [text("Ani"), null, text("6471051203900001"), null, text("Balikpapan, 12-03-1990")],
    { columns: { name: 0, nik: 2 }, combinedBirthColumn: 4 },
  );

  test("a combined place-and-date column stands for both birth roles", () => {
    expect(ctx.columns).toEqual({ name: 0, nik: 2, birthDate: 4, birthPlace: 4 });
    expect(cellOf(ctx, "birthDate")).toEqual(text("Balikpapan, 12-03-1990"));
    expect(columnOf(ctx, "birthPlace")).toBe("E");
  });

  test("a missing role has no column and no cell", () => {
    expect(hasColumn(ctx, "gender")).toBe(false);
    expect(cellOf(ctx, "gender")).toBeNull();
    expect(columnOf(ctx, "gender")).toBeNull();
  });

  test("an issue sits in its role's column, or on the whole row", () => {
    expect(issueAt(ctx, "missing-value", "nik", { role: "nik" })).toEqual({
      code: "missing-value",
      severity: "error",
      file: "a.xlsx",
      sheet: "Data",
      row: 9,
      column: "C",
      role: "nik",
      params: { role: "nik" },
    });
    const whole = issueAt(ctx, "training-unknown-person", null);
    expect(whole.column).toBeNull();
    expect(whole.role).toBeUndefined();
  });

  test("issuesOf keeps the order of the checks", () => {
    const a = issueAt(ctx, "unknown-gender", "name", { value: "X" });
    const b = issueAt(ctx, "unknown-status", "nik", { value: "Y" });
    expect(issuesOf({ issues: [b] }, { issues: [] }, { issues: [a] })).toEqual([b, a]);
  });

  test("a sheet without a combined column keeps its own map", () => {
    const plain = rowContext({ file: undefined, sheet: "S", row: 2 }, [num(1)], {
      columns: { jp: 0 },
      combinedBirthColumn: null,
    });
    expect(plain.columns).toEqual({ jp: 0 });
  });
});
