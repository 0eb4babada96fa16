import { num, text } from "../../../src/core/cells";
import {
  checkBusinessIds,
  checkGender,
  checkName,
  checkNik,
  checkNip,
  readIdentifier,
} from "../../../src/core/rules/identity";
import { readNik } from "../../../src/core/identifiers";
import { REASONS } from "../../../src/core/vocabulary";
import { brief, codes, rowOf } from "./helpers";

// 64 71 05 | 12 03 90 | 0001: Kota Balikpapan (Kalimantan Timur), born 12-03-1990, male.
const NIK = "6471051203900001";

describe("checkName", () => {
  test("reads the name", () => {
    expect(checkName(rowOf({ name: text("  Siti  Aminah ") }))).toEqual({ value: "Siti Aminah", issues: [] });
  });
  test("an empty name in a name column is missing", () => {
    const r = checkName(rowOf({ nik: text(NIK), name: null }));
    expect(r.value).toBeNull();
    expect(brief(r.issues)).toEqual([{ code: "missing-value", column: "B", params: { role: "name" } }]);
  });
  test("an Excel error is reported as such, not as missing", () => {
    const r = checkName(rowOf({ name: { t: "e", v: "#REF!" } }));
    expect(brief(r.issues)).toEqual([{ code: "excel-error", column: "A", params: { role: "name", value: "#REF!" } }]);
  });
  test("no name column: nothing to check", () => {
    expect(checkName(rowOf({ nik: text(NIK) }))).toEqual({ value: null, issues: [] });
  });
});

describe("checkNik", () => {
  test("a valid NIK with spaces is normalized and decoded", () => {
    const r = checkNik(rowOf({ nik: text("6471 0512 0390 0001") }));
    expect(r.issues).toEqual([]);
    expect(r.value.shown).toBe(NIK);
    expect(r.value.info).toMatchObject({ provinceCode: "64", birthDay: 12, birthMonth: 3, birthYY: 90, gender: "L" });
  });
  test("an empty NIK is missing", () => {
    expect(brief(checkNik(rowOf({ nik: null })).issues)).toEqual([
      { code: "missing-value", column: "A", params: { role: "nik" } },
    ]);
  });
  test("a NIK stored as a number has lost digits: the row shows Excel's text", () => {
    // 6471051203900001 as a double prints with 6 significant digits in General format.
    const r = checkNik(rowOf({ name: text("A"), nik: num(6471051203900001) }));
    expect(r.value).toEqual({ shown: "6.47105E+15", info: null });
    expect(brief(r.issues)).toEqual([
      { code: "nik-precision-lost", column: "B", params: { cell: "B7", value: "6.47105E+15" } },
    ]);
  });
  test("province 99 does not exist: the NIK is valid but flagged", () => {
    const r = checkNik(rowOf({ nik: text("9971051203900001") }));
    expect(r.value.shown).toBe("9971051203900001");
    expect(brief(r.issues)).toEqual([{ code: "nik-region-unknown", column: "A", params: { code: "99" } }]);
  });
  test("a 15-digit NIK is invalid and shown as written", () => {
    const r = checkNik(rowOf({ nik: text("647105120390001") }));
    expect(r.value).toEqual({ shown: "647105120390001", info: null });
    expect(codes(r.issues)).toEqual(["nik-invalid"]);
  });
});

describe("checkNip", () => {
  test("an empty NIP is normal", () => {
    expect(checkNip(rowOf({ nip: null }))).toEqual({ value: { shown: null, info: null }, issues: [] });
  });
  test("a PPPK NIP is decoded: born 13-09-1990, woman", () => {
    const r = checkNip(rowOf({ nip: text("19900913 202524 2 014") }));
    expect(r.value.shown).toBe("199009132025242014");
    expect(r.value.info).toMatchObject({ kind: "pppk", gender: "P", appointmentYear: 2025 });
  });
  test("an Excel error in the NIP column", () => {
    expect(brief(checkNip(rowOf({ nip: { t: "e", v: "#N/A" } })).issues)).toEqual([
      { code: "excel-error", column: "A", params: { role: "nip", value: "#N/A" } },
    ]);
  });
});

describe("readIdentifier", () => {
  test("an empty read is left to the caller", () => {
    expect(readIdentifier(rowOf({ nik: null }), readNik(null), "nik")).toEqual({ value: null, issues: [] });
  });
});

describe("checkBusinessIds", () => {
  test("a 12-digit NIB and a number-stored NPWP are warned about, in that order", () => {
    const issues = checkBusinessIds(rowOf({ nib: text("123456789012"), npwp: num(1234567890123456) }));
    expect(codes(issues)).toEqual(["nib-invalid", "npwp-invalid"]);
    expect(issues[1].params["reason"]).toEqual(REASONS.storedAsNumber);
  });
  test("no NIB or NPWP column: nothing", () => {
    expect(checkBusinessIds(rowOf({ name: text("A") }))).toEqual([]);
  });
});

describe("checkGender", () => {
  test.each([
    ["L", "L"],
    ["Perempuan", "P"],
  ])("%s reads as %s", (written, expected) => {
    expect(checkGender(rowOf({ gender: text(written) }))).toEqual({ value: expected, issues: [] });
  });
  test("an unknown gender is reported with its text", () => {
    expect(brief(checkGender(rowOf({ gender: text("X") })).issues)).toEqual([
      { code: "unknown-gender", column: "A", params: { value: "X" } },
    ]);
  });
});
