import { type Cell, dateSerial, num, text } from "../../src/core/cells";
import { isDateFormat, parseDateText, readDate, readPlaceAndDate, TWO_DIGIT_YEAR_PIVOT } from "../../src/core/dates";
import { dayToIso, ymdToDay } from "../../src/core/days";

/** The ISO date a cell reads as, or the kind when it is not a date. */
function iso(cell: Cell): string {
  const r = readDate(cell);
  return r.kind === "date" ? dayToIso(r.day) + (r.monthOnly ? " (month)" : "") : r.kind;
}

function isoText(t: string): string | null {
  const r = parseDateText(t);
  return r === null ? null : dayToIso(r.day) + (r.monthOnly ? " (month)" : "");
}

describe("readDate: cells Excel knows as dates or numbers", () => {
  test("a date cell is its serial; the time of day is dropped", () => {
    expect(iso(dateSerial(45292))).toBe("2024-01-01");
    expect(iso(dateSerial(45292.75))).toBe("2024-01-01");
    expect(iso(dateSerial(32944, "dd/mm/yyyy"))).toBe("1990-03-12");
  });

  test("serial 45292 in a number cell is 2024-01-01", () => {
    expect(readDate(num(45292))).toEqual({ kind: "date", day: ymdToDay(2024, 1, 1), monthOnly: false });
  });

  test("serial range is 1 to 2958465", () => {
    expect(iso(num(1))).toBe("1899-12-31"); // Excel's day 1 is 1900-01-01; the pre-March-1900 shift is documented in days.ts
    expect(iso(num(2958465))).toBe("9999-12-31");
    expect(readDate(num(2958466))).toEqual({ kind: "invalid", text: "2958466" });
    expect(readDate(num(0))).toEqual({ kind: "invalid", text: "0" });
    expect(readDate(num(-5))).toEqual({ kind: "invalid", text: "-5" });
    expect(readDate(num(0.5)).kind).toBe("invalid");
  });

  test("an 8-digit integer is DDMMYYYY, else YYYYMMDD, only when valid", () => {
    expect(iso(num(12031990))).toBe("1990-03-12");
    expect(iso(num(19900312))).toBe("1990-03-12");
    expect(iso(num(29022024))).toBe("2024-02-29");
    expect(readDate(num(29022023))).toEqual({ kind: "invalid", text: "29022023" });
    expect(readDate(num(99999999)).kind).toBe("invalid");
    expect(readDate(num(20231302)).kind).toBe("invalid");
  });

  test("an 8-digit value in a cell Excel calls a date is still a serial, and out of range", () => {
    expect(readDate(dateSerial(12031990)).kind).toBe("invalid");
  });

  test("NaN and Infinity are invalid, not thrown", () => {
    expect(readDate(num(Number.NaN)).kind).toBe("invalid");
    expect(readDate(num(Number.POSITIVE_INFINITY)).kind).toBe("invalid");
  });

  test("empty, errors and booleans", () => {
    expect(readDate(null)).toEqual({ kind: "empty" });
    expect(readDate(text("   "))).toEqual({ kind: "empty" });
    expect(readDate(text("\u00a0\t"))).toEqual({ kind: "empty" });
    expect(readDate({ t: "e", v: "#N/A" })).toEqual({ kind: "error", text: "#N/A" });
    expect(readDate(text("#N/A"))).toEqual({ kind: "error", text: "#N/A" });
    expect(readDate(text(" #ref! "))).toEqual({ kind: "error", text: "#REF!" });
    expect(readDate({ t: "b", v: true })).toEqual({ kind: "invalid", text: "TRUE" });
  });
});

describe("readDate: text dates", () => {
  test.each([
    ["12-03-1990", "1990-03-12"],
    ["12/03/1990", "1990-03-12"],
    ["12.03.1990", "1990-03-12"],
    ["1990-03-12", "1990-03-12"],
    ["1990/3/12", "1990-03-12"],
    ["2-3-1990", "1990-03-02"],
    ["12 - 03 - 1990", "1990-03-12"],
    ["12 Maret 1990", "1990-03-12"],
    ["12 Mar 1990", "1990-03-12"],
    ["12-Mar-1990", "1990-03-12"],
    ["12-mar-90", "1990-03-12"],
    ["12 Mar. 1990", "1990-03-12"],
    ["12 MARET 1990", "1990-03-12"],
    ["  12   maret   1990  ", "1990-03-12"],
    ["12 Maret 1990.", "1990-03-12"],
    ["Senin, 12 Maret 1990", "1990-03-12"],
    ["Jum'at, 1 Desember 2023", "2023-12-01"],
    ["March 12, 1990", "1990-03-12"],
    ["12 March 1990", "1990-03-12"],
    ["1990-03-12T00:00:00Z", "1990-03-12"],
    ["2024-01-01T00:00:00", "2024-01-01"],
    ["2024-01-01T00:00:00.000Z", "2024-01-01"],
    ["2024-01-01T00:00:00+07:00", "2024-01-01"],
    ["2024-01-01 08.00", "2024-01-01"],
    ["12/03/1990 08:30", "1990-03-12"],
    ["Tgl. 12-03-1990", "1990-03-12"],
    ["12\u201303\u20131990", "1990-03-12"], // en dashes
    ["'12-03-1990", "1990-03-12"],
  ])("%j -> %s", (t, expected) => {
    expect(iso(text(t))).toBe(expected);
  });

  test("day first, always, when ambiguous: 01/03/2024 is 1 March", () => {
    expect(iso(text("01/03/2024"))).toBe("2024-03-01");
    expect(iso(text("03/01/2024"))).toBe("2024-01-03");
    // 12/31/2024 is not read month first: there is no month 31
    expect(readDate(text("12/31/2024"))).toEqual({ kind: "invalid", text: "12/31/2024" });
  });

  test("every Indonesian month name, full and short, including old spellings", () => {
    const names: [string, number][] = [
      ["Januari", 1],
      ["Februari", 2],
      ["Pebruari", 2],
      ["Maret", 3],
      ["April", 4],
      ["Mei", 5],
      ["Juni", 6],
      ["Juli", 7],
      ["Agustus", 8],
      ["September", 9],
      ["Oktober", 10],
      ["November", 11],
      ["Nopember", 11],
      ["Desember", 12],
      ["Jan", 1],
      ["Feb", 2],
      ["Peb", 2],
      ["Mar", 3],
      ["Mrt", 3],
      ["Apr", 4],
      ["Jun", 6],
      ["Jul", 7],
      ["Agu", 8],
      ["Agt", 8],
      ["Agust", 8],
      ["Sep", 9],
      ["Sept", 9],
      ["Okt", 10],
      ["Nov", 11],
      ["Nop", 11],
      ["Des", 12],
    ];
    for (const [name, month] of names) {
      expect([name, isoText(`5 ${name} 2001`)]).toEqual([name, dayToIso(ymdToDay(2001, month, 5))]);
      expect([name, isoText(`5 ${name.toLowerCase()} 2001`)]).toEqual([name, dayToIso(ymdToDay(2001, month, 5))]);
    }
  });

  test("English month names too", () => {
    const english = [
      "January",
      "February",
      "March",
      "April",
      "May",
      "June",
      "July",
      "August",
      "September",
      "October",
      "November",
      "December",
    ];
    english.forEach((name, i) => expect(isoText(`1 ${name} 2020`)).toBe(dayToIso(ymdToDay(2020, i + 1, 1))));
    expect(isoText("5 Aug 2001")).toBe("2001-08-05");
    expect(isoText("5 Oct 2001")).toBe("2001-10-05");
    expect(isoText("5 Dec 2001")).toBe("2001-12-05");
  });

  test("month only: 'Agustus 2021' is 2021-08-01 with monthOnly", () => {
    expect(readDate(text("Agustus 2021"))).toEqual({ kind: "date", day: ymdToDay(2021, 8, 1), monthOnly: true });
    expect(iso(text("agu-2021"))).toBe("2021-08-01 (month)");
    expect(iso(text("Des 2025"))).toBe("2025-12-01 (month)");
    expect(iso(text("Bulan 2021"))).toBe("invalid");
  });

  test(`two-digit years: up to ${TWO_DIGIT_YEAR_PIVOT} are 20yy, the rest 19yy (Excel's rule)`, () => {
    expect(isoText("12-03-90")).toBe("1990-03-12");
    expect(isoText("12-03-29")).toBe("2029-03-12");
    expect(isoText("12-03-30")).toBe("1930-03-12");
    expect(isoText("01-01-00")).toBe("2000-01-01");
    expect(isoText("12 Mar 05")).toBe("2005-03-12");
  });

  test("29 February: valid in 2024, invalid in 2023", () => {
    expect(iso(text("29-02-2024"))).toBe("2024-02-29");
    expect(readDate(text("29-02-2023"))).toEqual({ kind: "invalid", text: "29-02-2023" });
    expect(iso(text("29 Februari 2000"))).toBe("2000-02-29");
    expect(iso(text("29 Februari 1900"))).toBe("invalid");
  });

  test("impossible dates are invalid", () => {
    for (const t of [
      "31-04-2020",
      "32-01-2020",
      "00-01-2020",
      "15-13-2020",
      "15-00-2020",
      "31 Juni 2020",
      "2020-02-30",
    ]) {
      expect([t, readDate(text(t))]).toEqual([t, { kind: "invalid", text: t }]);
    }
  });

  test("a text holding a serial number is a date", () => {
    expect(iso(text("45292"))).toBe("2024-01-01");
    expect(iso(text("45292.5"))).toBe("2024-01-01");
  });

  test("compact digits in text: DDMMYYYY, YYYYMMDD, DDMMYY", () => {
    expect(isoText("12031990")).toBe("1990-03-12");
    expect(isoText("19900312")).toBe("1990-03-12");
    expect(isoText("120390")).toBe("1990-03-12");
    expect(isoText("320390")).toBeNull();
  });

  test("text that is not a date is invalid and keeps the text as the user sees it", () => {
    for (const t of [
      "1990",
      "12.03",
      "12 Maret",
      "Maret",
      "tidak tahu",
      "12-03-19900",
      "12 Maretto 1990",
      "1990-13-01",
      "x".repeat(500),
    ]) {
      expect(readDate(text(t))).toEqual({ kind: "invalid", text: t });
    }
    expect(readDate(text("  tidak   tahu "))).toEqual({ kind: "invalid", text: "tidak tahu" });
  });

  test("years outside 1000-9999 are not dates", () => {
    expect(parseDateText("12-03-0990")).toBeNull();
    expect(parseDateText("0990-03-12")).toBeNull();
  });
});

describe("isDateFormat", () => {
  test.each([
    "dd/mm/yyyy",
    "d-mmm-yy",
    "[$-421]dd mmmm yyyy",
    "dd-mm-yyyy",
    "m/d/yyyy",
    "yyyy-mm-dd",
    "mmm-yy",
    "mmmm",
    "dd/mm/yyyy;@",
    "[$-id-ID]dddd, dd mmmm yyyy",
    "d/m/yy h:mm",
    "DD/MM/YYYY",
  ])("%s is a date format", (f) => expect(isDateFormat(f)).toBe(true));
  test.each([
    "General",
    "0.00",
    "@",
    "[Red]0",
    "#,##0",
    "0",
    "h:mm",
    "[h]:mm:ss",
    "mm:ss",
    '0 "days"',
    '"Rp"#,##0',
    "[$Rp-421]#,##0",
    "0.00E+00",
    "_(* #,##0_)",
    "Standard",
    "",
    "\\d0",
  ])("%j is not a date format", (f) => expect(isDateFormat(f)).toBe(false));
  test("undefined is not a date format", () => expect(isDateFormat(undefined)).toBe(false));
});

describe("readPlaceAndDate", () => {
  function split(cell: Cell): [string | null, string] {
    const r = readPlaceAndDate(cell);
    return [
      r.place,
      r.date.kind === "date"
        ? dayToIso(r.date.day)
        : r.date.kind === "invalid"
          ? `invalid:${r.date.text}`
          : r.date.kind,
    ];
  }

  test.each([
    ["Balikpapan, 12-03-1990", "Balikpapan", "1990-03-12"],
    ["Balikpapan 12 Maret 1990", "Balikpapan", "1990-03-12"],
    ["Balikpapan / 12-03-1990", "Balikpapan", "1990-03-12"],
    ["Balikpapan/12/03/1990", "Balikpapan", "1990-03-12"],
    ["Balikpapan,12-03-1990", "Balikpapan", "1990-03-12"],
    ["Tanjung Redeb, 1 Agustus 1985", "Tanjung Redeb", "1985-08-01"],
    ["Tanjung-Redeb 01-08-1985", "Tanjung-Redeb", "1985-08-01"],
    ["Jakarta, Senin 12 Maret 1990", "Jakarta", "1990-03-12"],
    ["Kab. Kutai Kartanegara ; 12/03/1990", "Kab. Kutai Kartanegara", "1990-03-12"],
    ["  Samarinda ,  12-03-1990 ", "Samarinda", "1990-03-12"],
    ["Samarinda, 12031990", "Samarinda", "1990-03-12"],
  ])("%j", (t, place, date) => {
    expect(split(text(t))).toEqual([place, date]);
  });

  test("a place with an unreadable date keeps both parts", () => {
    expect(split(text("Balikpapan, 31-04-1990"))).toEqual(["Balikpapan", "invalid:31-04-1990"]);
    expect(split(text("Balikpapan 31/04/1990"))).toEqual(["Balikpapan", "invalid:31/04/1990"]);
    expect(split(text("Balikpapan, 12 Maretto 1990"))).toEqual(["Balikpapan", "invalid:12 Maretto 1990"]);
  });

  test("a place alone has an empty date; bare small numbers are not dates", () => {
    expect(split(text("Balikpapan"))).toEqual(["Balikpapan", "empty"]);
    expect(split(text("Balikpapan,"))).toEqual(["Balikpapan", "empty"]);
    expect(split(text("Kota Baru 2"))).toEqual(["Kota Baru", "invalid:2"]);
  });

  // Issue 7, case 6: a day that does not exist in its month used to leave "the month alone".
  test.each([
    ["Balikpapan, 31 Nopember 1990", "Balikpapan", "invalid:31 Nopember 1990"],
    ["Balikpapan 30 Februari 1992", "Balikpapan", "invalid:30 Februari 1992"],
    ["Balikpapan, 30-02-1992", "Balikpapan", "invalid:30-02-1992"],
    ["Samarinda, 29 Feb 2023", "Samarinda", "invalid:29 Feb 2023"],
    ["31 Nopember 1990", null, "invalid:31 Nopember 1990"],
  ])("an impossible date is invalid in every form, never its month alone: %j", (t, place, date) => {
    expect(split(text(t))).toEqual([place, date]);
  });

  test("a real month-only date after a place still reads as the month", () => {
    expect(split(text("Balikpapan, Agustus 1990"))).toEqual(["Balikpapan", "1990-08-01"]);
  });

  test("a date alone has no place", () => {
    expect(split(text("12-03-1990"))).toEqual([null, "1990-03-12"]);
    expect(split(text("31-04-1990"))).toEqual([null, "invalid:31-04-1990"]);
    expect(split(dateSerial(32944))).toEqual([null, "1990-03-12"]);
    expect(split(num(32944))).toEqual([null, "1990-03-12"]);
  });

  test("empty and error cells", () => {
    expect(readPlaceAndDate(null)).toEqual({ place: null, date: { kind: "empty" } });
    expect(readPlaceAndDate({ t: "e", v: "#VALUE!" })).toEqual({
      place: null,
      date: { kind: "error", text: "#VALUE!" },
    });
  });
});
