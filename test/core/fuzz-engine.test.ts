/**
 * Random grids into the engine: it never throws, every row it reports comes with only
 * known issue codes, and no row ever falls back to "row-not-checked" (which would mean
 * a fault in the engine, not in the data).
 */
import fc from "fast-check";
import type { Cell, CellRow } from "../../src/core/cells";
import { CheckSession } from "../../src/core/engine";
import { allIssues } from "../../src/core/annotations";
import { renderIssue } from "../../src/core/issues";
import { DEFAULT_POLICY } from "../../src/core/policy";
import { ISSUES } from "../../src/core/vocabulary";

const headerWords = [
  "NO",
  "NAMA",
  "NIK",
  "NIP",
  "TMT",
  "Tanggal Lahir",
  "Tempat, Tgl Lahir",
  "L/P",
  "Status",
  "Unit Kerja",
  "Tanggal Akhir Kerja",
  "Nama Pelatihan",
  "Tanggal",
  "JP",
  "Durasi (menit)",
  "NIB",
  "NPWP",
  "Jabatan",
  "Tanggal SK",
];
const texts = [
  "12-03-1990",
  "31-02-2020",
  "Agustus 2021",
  "6471051203900001",
  "6471 0512 0390 0001",
  "19810509 199912 1 001",
  "PNS",
  "PPPK",
  "Honorer",
  "L",
  "P",
  "x",
  "",
  "  ",
  "JUMLAH",
  "Kepala Dinas",
  "Balikpapan, 1 Desember 2025",
  "#N/A",
  "1.500.000",
  "'0012",
];

const cellArb: fc.Arbitrary<Cell> = fc.oneof(
  fc.constant(null),
  fc.constantFrom(...headerWords, ...texts).map((v): Cell => ({ t: "s", v })),
  fc.string({ maxLength: 30 }).map((v): Cell => ({ t: "s", v })),
  fc.double({ noNaN: false }).map((v): Cell => ({ t: "n", v })),
  fc.integer({ min: -100000, max: 3_000_000 }).map((v): Cell => ({ t: "d", v })),
  fc.integer({ min: 1, max: 70000 }).map((v): Cell => ({ t: "n", v, format: "dd/mm/yyyy" })),
  fc.boolean().map((v): Cell => ({ t: "b", v })),
  fc.constantFrom("#N/A", "#REF!", "#VALUE!", "#DIV/0!").map((v): Cell => ({ t: "e", v })),
);

const rowArb: fc.Arbitrary<CellRow> = fc.array(cellArb, { maxLength: 14 });
/** Grids that often hold a real-looking header somewhere, so the row checks run too. */
const gridArb = fc
  .tuple(
    fc.array(rowArb, { maxLength: 8 }),
    fc.shuffledSubarray(headerWords, { minLength: 2 }),
    fc.array(rowArb, { maxLength: 25 }),
  )
  .map(([before, header, after]) => [...before, header.map((v): Cell => ({ t: "s", v })), ...after]);

test("the engine never throws and reports only known codes", () => {
  fc.assert(
    fc.property(fc.array(gridArb, { minLength: 1, maxLength: 3 }), (grids) => {
      const session = new CheckSession(DEFAULT_POLICY);
      grids.forEach((rows, i) => session.checkSheet({ name: `S${i}`, rows }));
      const result = session.finishWorkbook();
      for (const issue of allIssues(result)) {
        expect(issue.code in ISSUES).toBe(true);
        expect(issue.code).not.toBe("row-not-checked");
        // Every placeholder of the message template has its parameter, in both languages
        // (the user's own text may hold braces, so the rendered text is not searched).
        for (const lang of ["id", "en"] as const) {
          for (const [, key] of ISSUES[issue.code].message[lang].matchAll(/\{(\w+)\}/g)) {
            expect(key === "role" ? (issue.role ?? issue.params[key]) : issue.params[key]).toBeDefined();
          }
          expect(renderIssue(issue, lang).message.length).toBeGreaterThan(0);
        }
      }
    }),
    { numRuns: 300 },
  );
});
