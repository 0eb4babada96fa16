import { text } from "../../../src/core/cells";
import { ymdToDay } from "../../../src/core/days";
import { type NikInfo, type NipInfo, readNik, readNip } from "../../../src/core/identifiers";
import { crossCheckIdentifiers, crossCheckNik, crossCheckNip } from "../../../src/core/rules/cross-checks";
import { LABELS } from "../../../src/core/vocabulary";
import { brief, rowOf } from "./helpers";

function info<T>(read: { kind: string; info?: T }): T {
  if (read.kind !== "ok" || read.info === undefined) throw new Error("test identifier should be valid");
  return read.info;
}
// NIK 6471 05 120390 0001: born 12-03-1990, male.
const nik: NikInfo = info(readNik(text("6471051203900001")));
// NIP 19900913 2025 24 2 014: PPPK, born 13-09-1990, woman.
const nip: NipInfo = info(readNip(text("199009132025242014")));
const ctx = rowOf({ nik: text("6471051203900001"), nip: text("199009132025242014") });

describe("NIK against the row", () => {
  test("matching birth date and gender: nothing", () => {
    expect(crossCheckNik(ctx, nik, { birth: ymdToDay(1990, 3, 12), gender: "L" })).toEqual([]);
  });
  test("a different day and gender are both reported on the NIK column", () => {
    expect(brief(crossCheckNik(ctx, nik, { birth: ymdToDay(1990, 3, 13), gender: "P" }))).toEqual([
      { code: "nik-birthdate-mismatch", column: "A", params: { nikDate: "12-03-90", birthDate: "13-03-1990" } },
      {
        code: "nik-gender-mismatch",
        column: "A",
        params: { nikGender: LABELS.genderMale, gender: LABELS.genderFemale },
      },
    ]);
  });
  test("no trusted birth date and no gender: nothing to compare", () => {
    expect(crossCheckNik(ctx, nik, { birth: null, gender: null })).toEqual([]);
    expect(crossCheckNik(ctx, null, { birth: ymdToDay(2000, 1, 1), gender: "P" })).toEqual([]);
  });
});

describe("NIP against the row", () => {
  test("a birth date a day off and the wrong gender", () => {
    expect(brief(crossCheckNip(ctx, nip, { birth: ymdToDay(1990, 9, 14), gender: "L" }))).toEqual([
      { code: "nip-birthdate-mismatch", column: "B", params: { nipDate: "13-09-1990", birthDate: "14-09-1990" } },
      {
        code: "nip-gender-mismatch",
        column: "B",
        params: { nipGender: LABELS.genderFemale, gender: LABELS.genderMale },
      },
    ]);
  });
});

test("both cross-checks, NIK first", () => {
  const issues = crossCheckIdentifiers(ctx, { nik, nip }, { birth: ymdToDay(1990, 9, 13), gender: "P" });
  // The NIK says 12-03-1990 and male; the NIP agrees with the row.
  expect(issues.map((i) => i.code)).toEqual(["nik-birthdate-mismatch", "nik-gender-mismatch"]);
});
