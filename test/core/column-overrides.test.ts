import { type Cell, type CellRow } from "../../src/core/cells";
import { mergeOverrides, parseColumnFlag, parseColumnMapping } from "../../src/core/column-overrides";
import { applyColumnOverrides } from "../../src/core/layout-overrides";
import { detectTable } from "../../src/core/headers";

const row = (...v: (string | null)[]): CellRow => v.map((x): Cell => (x === null ? null : { t: "s", v: x }));

describe("parsing corrections", () => {
  test("SHEET!role=LETTER, the letter upper-cased; '-' says the role is not there", () => {
    expect(parseColumnFlag("Data!endDate=h")).toEqual({
      ok: true,
      value: { sheet: "Data", role: "endDate", letter: "H" },
    });
    expect(parseColumnFlag("Data! 2025!nik=-")).toEqual({
      ok: true,
      value: { sheet: "Data! 2025", role: "nik", letter: "-" },
    });
  });

  test("bad shapes, roles and letters get a reason in both languages", () => {
    for (const bad of ["endDate=H", "Data!endDate", "!endDate=H"]) {
      const r = parseColumnFlag(bad);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.reason.id).toContain(bad);
    }
    const role = parseColumnFlag("Data!tanggalAkhir=H");
    expect(role.ok === false && role.reason.en).toContain('Unknown role "tanggalAkhir"');
    const letter = parseColumnFlag("Data!endDate=H1");
    expect(letter.ok === false && letter.reason.id).toContain('"H1"');
    expect(parseColumnFlag("Data!endDate=XFE").ok).toBe(false);
  });

  test("a mapping file", () => {
    expect(parseColumnMapping({ Data: { endDate: "h", nik: "-" } })).toEqual({
      ok: true,
      value: { Data: { endDate: "H", nik: "-" } },
    });
    for (const bad of [null, [], "x", { Data: "H" }, { Data: { endDate: 8 } }])
      expect(parseColumnMapping(bad).ok).toBe(false);
    expect(parseColumnMapping({ Data: { foo: "A" } }).ok).toBe(false);
  });

  test("later corrections win role by role", () => {
    expect(
      mergeOverrides({ Data: { nik: "C", endDate: "H" } }, { Data: { endDate: "I" }, Other: { name: "B" } }),
    ).toEqual({
      Data: { nik: "C", endDate: "I" },
      Other: { name: "B" },
    });
  });
});

describe("applying corrections", () => {
  // "Selesai Tugas" is read as no role at all; "Keterangan" is ignored.
  const rows = [
    row("NO", "NAMA", "NIK", "TMT", "SELESAI TUGAS", "KETERANGAN"),
    row("1", "Budi", "6471051203900001", "01-03-2017", "30-06-2026", ""),
  ];
  const detected = detectTable(rows, 1);

  test("a role takes its column, and the column stops playing any other role", () => {
    expect(detected?.columns.endDate).toBe(4);
    const fixed = applyColumnOverrides(detected, { endDate: "F", startDate: "E" }, rows, 1);
    expect(fixed?.columns).toEqual({ name: 1, nik: 2, startDate: 4, endDate: 5 });
    expect(fixed?.lastColumnIndex).toBe(5);
  });

  test("'-' removes a role", () => {
    expect(applyColumnOverrides(detected, { endDate: "-" }, rows, 1)?.columns).toEqual({
      name: 1,
      nik: 2,
      startDate: 3,
    });
  });

  test("no correction leaves the layout as detected", () => {
    expect(applyColumnOverrides(detected, undefined, rows, 1)).toBe(detected);
    expect(applyColumnOverrides(detected, {}, rows, 1)).toBe(detected);
  });

  test("a sheet with no recognisable header becomes a table from the roles given", () => {
    const odd = [row(null), row("Kolom 1", "Kolom 2", "Kolom 3"), row("Budi", "6471051203900001", "01-03-2017")];
    expect(detectTable(odd, 1)).toBeNull();
    const layout = applyColumnOverrides(null, { name: "A", nik: "B", startDate: "C" }, odd, 1);
    expect(layout).toMatchObject({
      kind: "personnel",
      headerRow: 2,
      dataStartRow: 3,
      columns: { name: 0, nik: 1, startDate: 2 },
    });
    expect(applyColumnOverrides(null, { startDate: "C" }, odd, 1)).toBeNull(); // no identity column: still no table
  });
});
