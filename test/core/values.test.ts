import { type Cell, num, text } from "../../src/core/cells";
import {
  classifyCell,
  collapseSpaces,
  excelErrorText,
  normalizeName,
  parseNumberText,
  readGender,
  readNumber,
  readBknCode,
  readQuantity,
  readStatus,
  readTenurePart,
  readText,
} from "../../src/core/values";

describe("readGender", () => {
  test.each([
    "L",
    "l",
    "L.",
    " L ",
    "Laki-laki",
    "LAKI-LAKI",
    "Laki Laki",
    "laki laki",
    "Lakilaki",
    "Laki2",
    "Lk",
    "LK.",
    "Pria",
    "Male",
    "M",
    "m.",
  ])("%j is L", (t) => expect(readGender(text(t))).toEqual({ kind: "ok", value: "L" }));
  test.each(["P", "p", "P.", "Perempuan", "PEREMPUAN", "Pr", "PR.", "Wanita", "W", "Female", "F"])("%j is P", (t) =>
    expect(readGender(text(t))).toEqual({ kind: "ok", value: "P" }),
  );
  test("anything else is unknown, with the text as shown", () => {
    expect(readGender(text("X"))).toEqual({ kind: "unknown", text: "X" });
    expect(readGender(text("L/P"))).toEqual({ kind: "unknown", text: "L/P" });
    expect(readGender(text("  laki   perempuan "))).toEqual({ kind: "unknown", text: "laki perempuan" });
    expect(readGender(num(1))).toEqual({ kind: "unknown", text: "1" });
    expect(readGender({ t: "b", v: true })).toEqual({ kind: "unknown", text: "TRUE" });
  });
  test("empty and errors", () => {
    expect(readGender(null)).toEqual({ kind: "empty" });
    expect(readGender(text(" "))).toEqual({ kind: "empty" });
    expect(readGender({ t: "e", v: "#N/A" })).toEqual({ kind: "error", text: "#N/A" });
    expect(readGender(text("#n/a"))).toEqual({ kind: "error", text: "#N/A" });
  });
});

describe("readStatus", () => {
  test.each([
    ["PNS", "pns"],
    ["CPNS", "pns"],
    ["ASN - PNS", "pns"],
    ["Pegawai Negeri Sipil", "pns"],
    ["PPPK", "pppk"],
    ["P3K", "pppk"],
    ["pppk", "pppk"],
    ["PPPK Penuh Waktu", "pppk"],
    ["ASN PPPK", "pppk"],
    ["PPPK Paruh Waktu", "pppk-paruh-waktu"],
    ["P3K PW", "pppk-paruh-waktu"],
    ["PPPK-PW", "pppk-paruh-waktu"],
    ["PPPKPW", "pppk-paruh-waktu"],
    ["Paruh Waktu", "pppk-paruh-waktu"],
    ["paruh  waktu", "pppk-paruh-waktu"],
    ["Non ASN", "non-asn"],
    ["Non-ASN", "non-asn"],
    ["NON PNS", "non-asn"],
    ["Honorer", "non-asn"],
    ["Honorer Daerah", "non-asn"],
    ["Tenaga Kontrak", "non-asn"],
    ["Kontrak", "non-asn"],
    ["THL", "non-asn"],
    ["PTT", "non-asn"],
    ["Tenaga Harian Lepas", "non-asn"],
    ["Honda", "non-asn"],
    ["TKD", "non-asn"],
    ["Sukarela", "non-asn"],
    ["Tenaga Sukarela", "non-asn"],
    ["GTT", "non-asn"],
    ["PJLP", "non-asn"],
  ])("%j is %s", (t, status) => {
    expect(readStatus(text(t))).toEqual({ kind: "ok", value: status });
  });

  // Issue 7, case 7 (domain.md "Settled points"): a BKN category code is a non-ASN worker, and the code is kept.
  test.each([
    ["R2", "R2"],
    ["R3", "R3"],
    ["R3B", "R3B"],
    ["R3T", "R3T"],
    ["r4", "R4"],
    ["TH", "TH"],
    ["Honorer (R2)", "R2"],
    ["Non ASN - R3T", "R3T"],
    ["THL TH", "TH"],
  ])("the BKN category code %j is non-ASN with code %s", (t, code) => {
    expect(readStatus(text(t))).toEqual({ kind: "ok", value: "non-asn" });
    expect(readBknCode(text(t))).toBe(code);
  });

  test("no BKN code in plain statuses, in 'th' meaning tahun, or in two different codes", () => {
    for (const t of ["PNS", "Honorer", "GTT", "PPPK th 2024", "R2/R3", "R5"]) expect(readBknCode(text(t))).toBeNull();
    expect(readBknCode(null)).toBeNull();
    expect(readStatus(text("PPPK th 2024"))).toEqual({ kind: "ok", value: "pppk" });
  });

  test("GTT, PTT, THL, Honorer Sekolah are non-ASN; CPNS is ASN; P3K PW is part-time PPPK", () => {
    expect(readStatus(text("Honorer Sekolah"))).toEqual({ kind: "ok", value: "non-asn" });
    expect(readStatus(text("PPPK PW"))).toEqual({ kind: "ok", value: "pppk-paruh-waktu" });
    expect(readStatus(text("CPNS"))).toEqual({ kind: "ok", value: "pns" });
  });

  test("two statuses at once, or none, are unknown", () => {
    expect(readStatus(text("PNS/PPPK"))).toEqual({ kind: "unknown", text: "PNS/PPPK" });
    expect(readStatus(text("Honorer PNS"))).toEqual({ kind: "unknown", text: "Honorer PNS" });
    expect(readStatus(text("ASN"))).toEqual({ kind: "unknown", text: "ASN" });
    expect(readStatus(text("pensiun"))).toEqual({ kind: "unknown", text: "pensiun" });
    expect(readStatus(text("PNSX")).kind).toBe("unknown");
    expect(readStatus(num(3)).kind).toBe("unknown");
  });

  test("empty and errors", () => {
    expect(readStatus(null)).toEqual({ kind: "empty" });
    expect(readStatus({ t: "e", v: "#VALUE!" })).toEqual({ kind: "error", text: "#VALUE!" });
  });
});

describe("readNumber", () => {
  test.each([
    ["1500000", 1500000],
    ["1.500.000", 1500000],
    ["Rp 1.500.000,-", 1500000],
    ["Rp. 1.500.000", 1500000],
    ["Rp1.500.000,00", 1500000],
    ["IDR 2.000.000", 2000000],
    ["1.500", 1500],
    ["1,5", 1.5],
    ["2,5", 2.5],
    ["1.500,75", 1500.75],
    ["1,500,000", 1500000],
    ["1,500,000.50", 1500000.5],
    ["2.5", 2.5],
    ["0.500", 0.5],
    ["1234.567", 1234.567],
    [",5", 0.5],
    ["24 JP", 24],
    ["24JP", 24],
    ["24 jp.", 24],
    ["1 500 000", 1500000],
    ["-2,5", -2.5],
    ["+3", 3],
    ["1.5e3", 1500],
    ["  32  ", 32],
  ])("%j -> %d", (t, n) => {
    expect(readNumber(text(t))).toEqual({ kind: "ok", value: n });
  });

  test("number cells are their value", () => {
    expect(readNumber(num(1500000))).toEqual({ kind: "ok", value: 1500000 });
    expect(readNumber(num(-2.5))).toEqual({ kind: "ok", value: -2.5 });
    expect(readNumber({ t: "d", v: 24 })).toEqual({ kind: "ok", value: 24 });
    expect(readNumber(num(Number.NaN))).toEqual({ kind: "unknown", text: "NaN" });
    expect(readNumber(num(Number.POSITIVE_INFINITY))).toEqual({ kind: "unknown", text: "Infinity" });
  });

  test.each(["abc", "1.2.3", "1.50.000", "1,5 jam", "90 menit", "12a", "1..5", "Rp", "1,500.000,00", "", "."])(
    "%j is not a number",
    (t) => {
      const r = readNumber(text(t));
      expect(r.kind === "unknown" || (t.trim() === "" && r.kind === "empty")).toBe(true);
    },
  );

  test("a lone dash is empty; booleans are unknown", () => {
    expect(readNumber(text("-"))).toEqual({ kind: "empty" });
    expect(readNumber(text(" \u2013 "))).toEqual({ kind: "empty" });
    expect(readNumber({ t: "b", v: false })).toEqual({ kind: "unknown", text: "FALSE" });
    expect(readNumber({ t: "e", v: "#NUM!" })).toEqual({ kind: "error", text: "#NUM!" });
  });

  test("parseNumberText rejects overflow", () => {
    expect(parseNumberText("1e999")).toBeNull();
  });
});

describe("readQuantity", () => {
  test("units are reported, not converted", () => {
    expect(readQuantity(text("90 menit"))).toEqual({ kind: "ok", value: { value: 90, unit: "minutes" } });
    expect(readQuantity(text("90 mnt"))).toEqual({ kind: "ok", value: { value: 90, unit: "minutes" } });
    expect(readQuantity(text("1,5 jam"))).toEqual({ kind: "ok", value: { value: 1.5, unit: "hours" } });
    expect(readQuantity(text("2 hours"))).toEqual({ kind: "ok", value: { value: 2, unit: "hours" } });
    expect(readQuantity(text("24 JP"))).toEqual({ kind: "ok", value: { value: 24, unit: "jp" } });
    expect(readQuantity(text("24"))).toEqual({ kind: "ok", value: { value: 24, unit: null } });
    expect(readQuantity(num(8))).toEqual({ kind: "ok", value: { value: 8, unit: null } });
  });
  // Issue 7, case 3: every unit form domain.md lists.
  test.each([
    ["4 JP", 4, "jp"],
    ["4 jp", 4, "jp"],
    ["90 menit", 90, "minutes"],
    ["135 menit", 135, "minutes"],
    ["90 mnt", 90, "minutes"],
    ["3 jam", 3, "hours"],
    ["1,5 jam", 1.5, "hours"],
    ["2 jam 30 menit", 150, "minutes"],
  ])("%j is %d %s", (t, value, unit) => {
    expect(readQuantity(text(t))).toEqual({ kind: "ok", value: { value, unit } });
  });
  test("unreadable quantities", () => {
    expect(readQuantity(text("jam"))).toEqual({ kind: "unknown", text: "jam" });
    expect(readQuantity(text("banyak"))).toEqual({ kind: "unknown", text: "banyak" });
    expect(readQuantity(null)).toEqual({ kind: "empty" });
  });
});

describe("readTenurePart", () => {
  test("whole years or months as typed under MASA KERJA", () => {
    expect(readTenurePart(num(5))).toEqual({ kind: "ok", value: 5 });
    expect(readTenurePart(text("5 thn"))).toEqual({ kind: "ok", value: 5 });
    expect(readTenurePart(text("03"))).toEqual({ kind: "ok", value: 3 });
    expect(readTenurePart(text("11 bulan"))).toEqual({ kind: "ok", value: 11 });
    expect(readTenurePart(null)).toEqual({ kind: "empty" });
  });
  test("fractions, negatives and words are unknown", () => {
    expect(readTenurePart(num(2.5)).kind).toBe("unknown");
    expect(readTenurePart(num(-1)).kind).toBe("unknown");
    expect(readTenurePart(text("lima")).kind).toBe("unknown");
  });
});

describe("readText", () => {
  test("trimmed, collapsed, null when blank; numbers as their digits", () => {
    expect(readText(text("  Dinas   Kesehatan \n Kota "))).toBe("Dinas Kesehatan Kota");
    expect(readText(text(" \u00a0 "))).toBeNull();
    expect(readText(null)).toBeNull();
    expect(readText(num(3171011203900001))).toBe("3171011203900001");
    expect(readText(num(2.5))).toBe("2.5");
    expect(readText({ t: "b", v: true })).toBe("TRUE");
    expect(readText({ t: "e", v: "#N/A" })).toBe("#N/A");
  });
});

describe("normalizeName", () => {
  test.each([
    ["Budi Santoso", "BUDI SANTOSO"],
    ["  budi   santoso ", "BUDI SANTOSO"],
    ["Budi Santoso, S.Pd.", "BUDI SANTOSO"],
    ["Budi Santoso, S.Pd., M.Pd.", "BUDI SANTOSO"],
    ["Budi Santoso S.Pd", "BUDI SANTOSO"],
    ["Budi Santoso, SE", "BUDI SANTOSO"],
    ["Budi Santoso, A.Md.Kep", "BUDI SANTOSO"],
    ["Drs. Budi Santoso", "BUDI SANTOSO"],
    ["Drs.Budi Santoso, M.Si", "BUDI SANTOSO"],
    ["Dr. H. Budi Santoso, S.H., M.H.", "BUDI SANTOSO"],
    ["Hj. Siti Aminah", "SITI AMINAH"],
    ["dr. Siti Aminah, Sp.PD", "SITI AMINAH"],
    ["Ir. Siti Aminah, M.T., Ph.D", "SITI AMINAH"],
    ["Prof. Dr. Ir. Siti Aminah", "SITI AMINAH"],
    ["M. Yusuf", "M YUSUF"],
    ["Ma'ruf Amin", "MARUF AMIN"],
    ["Siti Nur-Aini", "SITI NUR AINI"],
    ["José Ramos", "JOSE RAMOS"],
    ["H Ahmad", "H AHMAD"], // without the dot it may be an initial
  ])("%j -> %j", (name, expected) => {
    expect(normalizeName(name)).toBe(expected);
  });

  test("the same person written two ways matches", () => {
    expect(normalizeName("DRS. H. AHMAD FAUZI, M.Pd")).toBe(normalizeName("Ahmad Fauzi"));
  });

  test("a name that is only a title keeps a word", () => {
    expect(normalizeName("Dr.")).toBe("DR");
    expect(normalizeName("")).toBe("");
  });
});

describe("cell helpers", () => {
  test("collapseSpaces handles no-break and zero-width spaces", () => {
    expect(collapseSpaces("\u00a0a\u200b \t b\n")).toBe("a b");
  });
  test("excelErrorText knows Excel's error values", () => {
    for (const e of ["#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!"])
      expect(excelErrorText(e)).toBe(e);
    expect(excelErrorText("#hashtag")).toBeNull();
    expect(excelErrorText("N/A")).toBeNull();
  });
  test("classifyCell", () => {
    const cases: [Cell, string][] = [
      [null, "empty"],
      [text(" "), "empty"],
      [text("x"), "text"],
      [text("#N/A"), "error"],
      [num(1), "number"],
      [{ t: "d", v: 1 }, "number"],
      [{ t: "b", v: true }, "boolean"],
      [{ t: "e", v: "#REF!" }, "error"],
    ];
    for (const [cell, kind] of cases) expect(classifyCell(cell).kind).toBe(kind);
    expect(classifyCell({ t: "d", v: 1 })).toEqual({ kind: "number", value: 1, isDate: true, format: undefined });
  });
});
