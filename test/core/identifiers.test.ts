import { type Cell, num, text } from "../../src/core/cells";
import { ymdToDay } from "../../src/core/days";
import {
  excelShownNumber,
  type IdRead,
  luhnValid,
  type NikInfo,
  nikMatchesBirthDate,
  provinceName,
  readNib,
  readNik,
  readNip,
  readNpwp,
} from "../../src/core/identifiers";
import { PROVINCE_CODES } from "../../src/core/regions";

// Made-up numbers with the right shapes; none is a real person's.
const NIK_MALE = "3171011203900001"; // DKI Jakarta, born 12-03-90, sequence 0001
const NIK_FEMALE = "3171015203900002"; // day 52 = 12th, woman
const NIP_PNS = "198105091999121001"; // born 1981-05-09, TMT CPNS 1999-12, man, 001
const NIP_PPPK = "199009132025242014"; // born 1990-09-13, appointed 2025, code 24, woman, 014

function reason<T>(r: IdRead<T>): string {
  return r.kind === "invalid" ? r.reason : r.kind;
}

function okValue<T>(r: IdRead<T>): string | null {
  return r.kind === "ok" ? r.value : null;
}

describe("readNik", () => {
  test("a valid male NIK", () => {
    expect(readNik(text(NIK_MALE))).toEqual({
      kind: "ok",
      value: NIK_MALE,
      info: { provinceCode: "31", provinceKnown: true, birthDay: 12, birthMonth: 3, birthYY: 90, gender: "L" },
    });
  });

  test("a woman's NIK has day + 40: day 52 is the 12th", () => {
    const r = readNik(text(NIK_FEMALE));
    expect(r.kind === "ok" && r.info).toEqual({
      provinceCode: "31",
      provinceKnown: true,
      birthDay: 12,
      birthMonth: 3,
      birthYY: 90,
      gender: "P",
    });
    expect(reason(readNik(text("3171017103900001")))).toBe("ok"); // day 71 = 31 March, woman
  });

  test.each([
    ["3171 0112 0390 0001"],
    ["3171.0112.0390.0001"],
    ["3171-0112-0390-0001"],
    ["'3171011203900001"],
    ["\u20183171011203900001\u2019"],
    ["NIK: 3171011203900001"],
    ["NIK.3171011203900001"],
    ["nik 3171011203900001"],
    ["  3171011203900001\u00a0"],
    ["\uff13\uff11\uff17\uff11011203900001"], // full-width digits
  ])("normalizes %j", (t) => {
    expect(okValue(readNik(text(t)))).toBe(NIK_MALE);
  });

  test("a 16-digit NIK held as a number has lost precision, even if it looks valid", () => {
    expect(readNik(num(3171011203900001))).toEqual({ kind: "precision-lost", shown: "3.17101E+15" });
    expect(readNik(num(3171011203900000, "0"))).toEqual({ kind: "precision-lost", shown: "3171011203900000" });
    expect(readNik(num(317101120390000))).toEqual({ kind: "precision-lost", shown: "3.17101E+14" });
    expect(readNik({ t: "d", v: 3171011203900001 }).kind).toBe("precision-lost");
  });

  test("text Excel made from a damaged number has lost precision", () => {
    expect(readNik(text("3.17101E+15"))).toEqual({ kind: "precision-lost", shown: "3.17101E+15" });
    expect(readNik(text("3,17101E+15"))).toEqual({ kind: "precision-lost", shown: "3,17101E+15" });
  });

  test("a short number cell is exact but too short", () => {
    expect(readNik(num(12345))).toMatchObject({ kind: "invalid", raw: "12345", reason: "length" });
    expect(readNik(num(-5))).toMatchObject({ kind: "invalid", reason: "format" });
    expect(readNik(num(1.5))).toMatchObject({ kind: "invalid", reason: "format" });
    expect(readNik(num(Number.NaN))).toMatchObject({ kind: "invalid", reason: "format" });
  });

  test("wrong length, with a bilingual detail", () => {
    expect(readNik(text("317101120390001"))).toEqual({
      kind: "invalid",
      raw: "317101120390001",
      reason: "length",
      detail: { id: "harus 16 digit (ada 15)", en: "must be 16 digits (has 15)" },
    });
    expect(reason(readNik(text("31710112039000011")))).toBe("length");
  });

  test("non-digits name the odd characters", () => {
    const r = readNik(text("3171O11203900001"));
    expect(r).toMatchObject({ kind: "invalid", reason: "not-digits" });
    expect(r.kind === "invalid" && r.detail.id).toContain('"O"');
    expect(r.kind === "invalid" && r.detail.en).toContain('"O"');
  });

  test.each([
    ["3171010003900001", "birth-date"], // day 00
    ["3171013203900001", "birth-date"], // day 32
    ["3171014003900001", "birth-date"], // day 40 (= 0 for a woman)
    ["3171017203900001", "birth-date"], // day 72 (= 32 for a woman)
    ["3171013104900001", "birth-date"], // 31 April
    ["3171017104900001", "birth-date"], // 31 April, woman
    ["3171012902930001", "birth-date"], // 29 Feb 93
    ["3171011213900001", "month"],
    ["3171011200900001", "month"],
    ["3171011203900000", "sequence"],
  ])("%s is invalid: %s", (nik, why) => {
    const r = readNik(text(nik));
    expect(reason(r)).toBe(why);
    expect(r.kind === "invalid" && r.detail.id.length > 0 && r.detail.en.length > 0).toBe(true);
  });

  test("29 February in a leap two-digit year is accepted", () => {
    expect(reason(readNik(text("3171012902920001")))).toBe("ok");
    expect(reason(readNik(text("3171016902000001")))).toBe("ok"); // woman, 29-02-00
  });

  test("an unknown province is still ok, flagged for a warning", () => {
    const r = readNik(text("9971011203900001"));
    expect(r.kind === "ok" && r.info.provinceKnown).toBe(false);
    expect(r.kind === "ok" && r.info.provinceCode).toBe("99");
  });

  test("two values in one cell: the one valid value, or ambiguous", () => {
    expect(okValue(readNik(text(`${NIK_MALE} / 123`)))).toBe(NIK_MALE);
    expect(okValue(readNik(text(`123; ${NIK_MALE}`)))).toBe(NIK_MALE);
    expect(okValue(readNik(text(`${NIK_MALE}\n${NIK_MALE}`)))).toBe(NIK_MALE);
    expect(okValue(readNik(text(`${NIK_MALE} (lama: 12345)`)))).toBe(NIK_MALE);
    const both = readNik(text(`${NIK_MALE} / ${NIK_FEMALE}`));
    expect(both).toMatchObject({ kind: "invalid", reason: "ambiguous" });
    expect(both.kind === "invalid" && both.detail.en).toContain(NIK_FEMALE);
    // none valid: the first part's reason
    expect(reason(readNik(text("12345 / 3171011203900000")))).toBe("length");
  });

  test("empty, dash, errors and booleans", () => {
    expect(readNik(null)).toEqual({ kind: "empty" });
    expect(readNik(text("  "))).toEqual({ kind: "empty" });
    expect(readNik(text("-"))).toEqual({ kind: "empty" });
    expect(readNik({ t: "e", v: "#N/A" })).toEqual({ kind: "error", text: "#N/A" });
    expect(readNik(text("#REF!"))).toEqual({ kind: "error", text: "#REF!" });
    expect(readNik({ t: "b", v: false })).toMatchObject({ kind: "invalid", raw: "FALSE", reason: "format" });
  });
});

describe("nikMatchesBirthDate", () => {
  const info = (nik: string): NikInfo => {
    const r = readNik(text(nik));
    if (r.kind !== "ok") throw new Error(`test NIK ${nik} should be valid`);
    return r.info;
  };
  test("day, month and two-digit year must agree", () => {
    expect(nikMatchesBirthDate(info(NIK_MALE), ymdToDay(1990, 3, 12))).toBe(true);
    expect(nikMatchesBirthDate(info(NIK_FEMALE), ymdToDay(1990, 3, 12))).toBe(true);
    expect(nikMatchesBirthDate(info(NIK_FEMALE), ymdToDay(1990, 3, 13))).toBe(false);
    expect(nikMatchesBirthDate(info(NIK_MALE), ymdToDay(1990, 4, 12))).toBe(false);
    expect(nikMatchesBirthDate(info(NIK_MALE), ymdToDay(1991, 3, 12))).toBe(false);
    expect(nikMatchesBirthDate(info("3171010101000001"), ymdToDay(2000, 1, 1))).toBe(true);
  });
});

describe("provinceName", () => {
  test("codes 11..96, including the new Papua provinces", () => {
    expect(provinceName("11")).toBe("Aceh");
    expect(provinceName("31")).toBe("DKI Jakarta");
    expect(provinceName("64")).toBe("Kalimantan Timur");
    expect(provinceName("91")).toBe("Papua");
    expect(provinceName("92")).toBe("Papua Barat");
    expect(provinceName("93")).toBe("Papua Selatan");
    expect(provinceName("94")).toBe("Papua Tengah");
    expect(provinceName("95")).toBe("Papua Pegunungan");
    expect(provinceName("96")).toBe("Papua Barat Daya");
    expect(PROVINCE_CODES).toHaveLength(38);
  });
  test("non-codes", () => {
    for (const code of ["00", "10", "20", "37", "97", "99", "1", "311", "toString", "__proto__", ""])
      expect(provinceName(code)).toBeNull();
  });
});

describe("readNip", () => {
  test("PNS: birth date, TMT year and month, gender", () => {
    expect(readNip(text(NIP_PNS))).toEqual({
      kind: "ok",
      value: NIP_PNS,
      info: { birthDate: ymdToDay(1981, 5, 9), kind: "pns", gender: "L", appointmentYear: 1999, tmtMonth: 12 },
    });
  });

  test("PPPK: digits 13-14 are 21-29, no TMT month", () => {
    expect(readNip(text("19900913 2025 24 2 014"))).toEqual({
      kind: "ok",
      value: NIP_PPPK,
      info: { birthDate: ymdToDay(1990, 9, 13), kind: "pppk", gender: "P", appointmentYear: 2025, tmtMonth: null },
    });
    expect(readNip(text("199009132025212014")).kind).toBe("ok");
    expect(readNip(text("199009132025292014")).kind).toBe("ok");
  });

  test.each([
    ["19810509 199912 1 001"],
    ["19810509.199912.1.001"],
    ["NIP. 19810509 199912 1 001"],
    ["NIP: 198105091999121001"],
    ["'198105091999121001"],
    ["19810509 199912 1 001 / 130123456"], // NIP / NIP lama
    ["NIP lama 130123456; NIP baru 19810509 199912 1 001"],
  ])("normalizes %j", (t) => {
    expect(okValue(readNip(text(t)))).toBe(NIP_PNS);
  });

  test("as a number it has lost precision", () => {
    expect(readNip(num(198105091999121001))).toEqual({ kind: "precision-lost", shown: "1.98105E+17" });
    expect(readNip(num(198105091999121001, "0"))).toEqual({ kind: "precision-lost", shown: "198105091999121000" });
  });

  test.each([
    ["198102301999121001", "birth-date"], // 30 February
    ["189905091999121001", "birth-date"], // before 1900
    ["198105091999131001", "month"], // 13
    ["198105091999001001", "month"], // 00
    ["198105091999201001", "month"], // 20: neither month nor PPPK
    ["198105092025301001", "month"], // 30
    ["198105091970121001", "format"], // appointed before birth + 15
    ["198105092060121001", "format"], // appointed after birth + 70
    ["198105091999123001", "format"], // gender 3
    ["198105091999120001", "format"], // gender 0
    ["198105091999121000", "sequence"],
    ["19810509199912100", "length"],
  ])("%s is invalid: %s", (nip, why) => {
    const r = readNip(text(nip));
    expect(reason(r)).toBe(why);
    expect(r.kind === "invalid" && r.detail.id !== "" && r.detail.en !== "" && r.detail.id !== r.detail.en).toBe(true);
  });

  test("two different valid NIPs are ambiguous", () => {
    expect(reason(readNip(text(`${NIP_PNS} / ${NIP_PPPK}`)))).toBe("ambiguous");
  });
});

describe("readNib", () => {
  test("13 digits", () => {
    expect(readNib(text("9120001234567"))).toEqual({ kind: "ok", value: "9120001234567", info: null });
    expect(okValue(readNib(text("'0220 0012 34567")))).toBe("0220001234567");
    expect(okValue(readNib(num(9120001234567)))).toBe("9120001234567"); // 13 digits fit in Excel's 15
  });
  test("wrong length or characters", () => {
    expect(readNib(text("912000123456"))).toMatchObject({
      reason: "length",
      detail: { en: "must be 13 digits (has 12)" },
    });
    expect(reason(readNib(text("91200012345X7")))).toBe("not-digits");
    expect(readNib(num(1234567890123456)).kind).toBe("precision-lost");
  });
});

describe("readNpwp", () => {
  test("Luhn over the first 9 digits", () => {
    expect(luhnValid("013121660")).toBe(true);
    expect(luhnValid("013121661")).toBe(false);
    expect(luhnValid("79927398713")).toBe(true); // the textbook Luhn example
    expect(luhnValid("79927398710")).toBe(false);
  });

  test.each([
    ["01.312.166.0-091.000", "old15", "013121660091000"],
    ["01.234.567.4-901.000", "old15", "012345674901000"],
    ["016090524017000", "old15", "016090524017000"],
    ["02.183.241.5-000.000", "old15", "021832415000000"],
    ["0013121660091000", "old16", "0013121660091000"],
    ["0 01.312.166.0-091.000", "old16", "0013121660091000"],
    [NIK_MALE, "nik", NIK_MALE],
    ["NPWP: 3171 0152 0390 0002", "nik", NIK_FEMALE],
  ])("%j is %s", (t, form, value) => {
    expect(readNpwp(text(t))).toEqual({ kind: "ok", value, info: { form } });
  });

  test("a wrong check digit", () => {
    const r = readNpwp(text("01.234.567.8-901.000"));
    expect(r).toMatchObject({ kind: "invalid", raw: "01.234.567.8-901.000", reason: "checksum" });
    expect(reason(readNpwp(text("0012345678901000")))).toBe("checksum");
  });

  test("the NIK form is validated as a NIK", () => {
    expect(reason(readNpwp(text("3171011213900001")))).toBe("month");
    expect(reason(readNpwp(text("3171011203900000")))).toBe("sequence");
  });

  test("wrong lengths", () => {
    expect(readNpwp(text("0131216600910"))).toMatchObject({
      reason: "length",
      detail: { id: "harus 15 atau 16 digit (ada 13)" },
    });
  });

  test("a number keeps 15 digits; a dropped leading zero is restored", () => {
    expect(readNpwp(num(13121660091000))).toEqual({ kind: "ok", value: "013121660091000", info: { form: "old15" } });
    expect(readNpwp(num(3171011203900001)).kind).toBe("precision-lost");
    expect(reason(readNpwp(num(1234)))).toBe("length");
  });
});

describe("excelShownNumber", () => {
  test("General shows six significant digits in scientific notation", () => {
    expect(excelShownNumber(3171011203900001)).toBe("3.17101E+15");
    expect(excelShownNumber(3170000000000000, "General")).toBe("3.17E+15");
    expect(excelShownNumber(3000000000000000)).toBe("3E+15");
  });
  test("a number format shows the 15 digits Excel kept", () => {
    expect(excelShownNumber(3171011203900001, "0")).toBe("3171011203900000");
    expect(excelShownNumber(3171011203900001, "0.00E+00")).toBe("3.17101E+15");
  });
});

describe("every reader handles every kind of cell", () => {
  const cells: Cell[] = [
    null,
    text(""),
    text("abc"),
    num(0),
    num(-1),
    { t: "b", v: true },
    { t: "e", v: "#DIV/0!" },
    { t: "d", v: 45292 },
  ];
  test.each([readNik, readNip, readNib, readNpwp].map((f) => [f.name, f] as const))("%s", (_name, read) => {
    for (const cell of cells) expect(["empty", "ok", "precision-lost", "invalid", "error"]).toContain(read(cell).kind);
  });
});

describe("text far too long to be an id", () => {
  test("is not split but reported as not an identity number", () => {
    const long = `${NIK_MALE} `.repeat(20);
    expect(readNik(text(long))).toMatchObject({
      kind: "invalid",
      reason: "format",
      detail: { en: "is not an identity number" },
    });
  });
});
