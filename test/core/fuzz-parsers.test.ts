import fc from "fast-check";
import type { Cell } from "../../src/core/cells";
import { isDateFormat, parseDateText, readDate, readPlaceAndDate } from "../../src/core/dates";
import { dayToYmd, ymdToDay } from "../../src/core/days";
import { type IdRead, readNib, readNik, readNip, readNpwp } from "../../src/core/identifiers";
import { normalizeName, readGender, readNumber, readQuantity, readStatus, readText } from "../../src/core/values";
import { NASTY_TEXTS, readAll } from "../fixtures/nasty-texts";

// FUZZ_RUNS=20000 npx jest test/core/fuzz-parsers.test.ts for a longer search.
const RUNS = { numRuns: Number(process.env.FUZZ_RUNS ?? 400) };

// Pieces of real cells, so random text often comes close to a date, an id or a number.
const PIECES = [
  "12",
  "03",
  "1990",
  "29",
  "02",
  "2023",
  "45292",
  "-",
  "/",
  ".",
  ",",
  " ",
  "  ",
  "\n",
  "'",
  "Maret",
  "Agustus",
  "Nop",
  "Senin,",
  "NIK:",
  "NIP.",
  "3171011203900001",
  "198105091999121001",
  "E+15",
  "3.17101",
  "Rp",
  ",-",
  "#N/A",
  "0",
  "9",
  "jam",
  "JP",
  "PNS",
  "paruh waktu",
  "Honorer",
  "S.Pd",
  "Drs.",
  "(",
  ")",
  ";",
  "atau",
  "\u00a0",
  "\u200b",
  "é",
  "😀",
];

const textArb = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 30 }),
  fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }).map((a) => a.join("")),
  fc.string({ unit: "binary-ascii", minLength: 200, maxLength: 3000 }),
);

const numberArb = fc.oneof(
  fc.double(), // includes NaN, -0 and both infinities
  fc.integer({ min: -1e9, max: 1e9 }).map(Number),
  fc.constantFrom(
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    -1,
    0,
    1e14,
    1e15 - 1,
    3171011203900001,
    1e300,
    Number.MAX_VALUE,
    Number.MIN_VALUE,
    12031990,
    2958466,
  ),
  fc.integer({ min: 10_000_000, max: 99_999_999 }).map(Number),
);

const formatArb = fc.option(
  fc.oneof(fc.constantFrom("General", "0", "@", "dd/mm/yyyy", "0.00E+00"), fc.string({ maxLength: 12 })),
  { nil: undefined },
);

const cellArb: fc.Arbitrary<Cell> = fc.oneof(
  fc.constant(null),
  textArb.map((v): Cell => ({ t: "s", v })),
  fc
    .tuple(numberArb, formatArb)
    .map(([v, format]): Cell => (format === undefined ? { t: "n", v } : { t: "n", v, format })),
  numberArb.map((v): Cell => ({ t: "d", v })),
  fc.boolean().map((v): Cell => ({ t: "b", v })),
  fc
    .oneof(fc.constantFrom("#N/A", "#REF!", "#VALUE!", "#DIV/0!"), fc.string({ maxLength: 8 }))
    .map((v): Cell => ({ t: "e", v })),
);

const ID_KINDS = ["empty", "ok", "precision-lost", "invalid", "error"];
const ID_REASONS = ["length", "not-digits", "birth-date", "month", "sequence", "ambiguous", "checksum", "format"];

function wellFormedId(r: IdRead<unknown>, cell: Cell): boolean {
  if (!ID_KINDS.includes(r.kind)) return false;
  if (r.kind === "ok") return /^\d+$/.test(r.value);
  if (r.kind === "invalid")
    return ID_REASONS.includes(r.reason) && r.detail.id !== "" && r.detail.en !== "" && typeof r.raw === "string";
  if (r.kind === "precision-lost") return r.shown !== "";
  if (r.kind === "error") return cell !== null && (cell.t === "e" || cell.t === "s");
  return true;
}

describe("fuzz: the readers never throw and always answer a declared kind", () => {
  test("readDate and readPlaceAndDate", () => {
    fc.assert(
      fc.property(cellArb, (cell) => {
        const r = readDate(cell);
        expect(["empty", "date", "invalid", "error"]).toContain(r.kind);
        if (r.kind === "date") expect(Number.isInteger(r.day)).toBe(true);
        const pd = readPlaceAndDate(cell);
        expect(["empty", "date", "invalid", "error"]).toContain(pd.date.kind);
        expect(pd.place === null || (pd.place.trim() === pd.place && pd.place !== "")).toBe(true);
        // A cell that reads as a date alone also reads as that date with no place.
        if (r.kind === "date") expect(pd).toEqual({ place: null, date: r });
      }),
      RUNS,
    );
  });

  test("parseDateText and isDateFormat on any text", () => {
    fc.assert(
      fc.property(textArb, (t) => {
        const r = parseDateText(t);
        expect(r === null || (Number.isInteger(r.day) && typeof r.monthOnly === "boolean")).toBe(true);
        expect(typeof isDateFormat(t)).toBe("boolean");
      }),
      RUNS,
    );
  });

  test("identifier readers", () => {
    fc.assert(
      fc.property(cellArb, (cell) => {
        for (const read of [readNik, readNip, readNib, readNpwp]) expect(wellFormedId(read(cell), cell)).toBe(true);
        // Excel keeps 15 digits: a NIK or NIP from a number cell is never ok.
        if (cell !== null && (cell.t === "n" || cell.t === "d")) {
          expect(readNik(cell).kind).not.toBe("ok");
          expect(readNip(cell).kind).not.toBe("ok");
        }
      }),
      RUNS,
    );
  });

  test("value readers", () => {
    fc.assert(
      fc.property(cellArb, (cell) => {
        for (const read of [readGender, readStatus, readNumber, readQuantity]) {
          expect(["empty", "ok", "unknown", "error"]).toContain(read(cell).kind);
        }
        const n = readNumber(cell);
        if (n.kind === "ok") expect(Number.isFinite(n.value)).toBe(true);
        const t = readText(cell);
        expect(t === null || (t !== "" && t === t.trim())).toBe(true);
      }),
      RUNS,
    );
  });

  test("normalizeName is total and idempotent", () => {
    fc.assert(
      fc.property(textArb, (name) => {
        const once = normalizeName(name);
        expect(once).toBe(once.trim());
        expect(normalizeName(once)).toBe(once);
      }),
      // Found by a random run: a lone dot after a degree ("S.Pd ." gave "12 SPD", then "12").
      { ...RUNS, examples: [["12  S.Pd\n."]] },
    );
  });
});

describe("fuzz: what is written correctly is read back", () => {
  const dayArb = fc.integer({ min: ymdToDay(1930, 1, 1), max: ymdToDay(2099, 12, 31) });
  const pad = (n: number, width = 2): string => String(n).padStart(width, "0");
  const MONTH_NAMES = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
  ];

  test("every day in DD-MM-YYYY, DD/MM/YYYY, YYYY-MM-DD and 'D Bulan YYYY'", () => {
    fc.assert(
      fc.property(dayArb, (day) => {
        const { year, month, day: d } = dayToYmd(day);
        for (const t of [
          `${pad(d)}-${pad(month)}-${year}`,
          `${d}/${month}/${year}`,
          `${year}-${pad(month)}-${pad(d)}`,
          `${d} ${MONTH_NAMES[month - 1]} ${year}`,
        ]) {
          expect([t, parseDateText(t)]).toEqual([t, { day, monthOnly: false }]);
        }
      }),
      RUNS,
    );
  });

  test("every well-formed NIK reads back its parts; as a number it is precision-lost", () => {
    const nikArb = fc.record({
      province: fc.constantFrom("11", "31", "64", "96"),
      region: fc.integer({ min: 1, max: 9999 }),
      day: dayArb,
      female: fc.boolean(),
      seq: fc.integer({ min: 1, max: 9999 }),
    });
    fc.assert(
      fc.property(nikArb, ({ province, region, day, female, seq }) => {
        const { year, month, day: d } = dayToYmd(day);
        const nik = `${province}${pad(region, 4)}${pad(female ? d + 40 : d)}${pad(month)}${pad(year % 100)}${pad(seq, 4)}`;
        const r = readNik({ t: "s", v: nik });
        expect(r).toEqual({
          kind: "ok",
          value: nik,
          info: {
            provinceCode: province,
            provinceKnown: true,
            birthDay: d,
            birthMonth: month,
            birthYY: year % 100,
            gender: female ? "P" : "L",
          },
        });
        expect(readNik({ t: "n", v: Number(nik) }).kind).toBe("precision-lost");
      }),
      RUNS,
    );
  });
});

describe("long and pathological texts", () => {
  // Excel cells hold up to 32,767 characters; regexes must not backtrack quadratically on
  // them. How fast each reader answers is timed by bench/parsers-bench.ts (npm run
  // bench:parsers), not asserted here: a test must not depend on the machine's load.
  test.each(NASTY_TEXTS.map((v) => [JSON.stringify(v.slice(0, 12)), v.length, v]))(
    "every reader answers %s... (%i characters)",
    (_start, _length, v) => {
      const answers = readAll(v);
      expect(Object.keys(answers)).toHaveLength(14);
      // None of these is a valid identifier.
      expect([answers["readNik"], answers["readNip"], answers["readNib"]]).not.toContain("ok");
    },
  );
});
