/**
 * The report sheets as the head of department and the clerk get them: CH Ringkasan on one
 * portrait page (office, date and time, a headline, counts and shares, the cut-off's answers,
 * what to do next, the policy at the foot), CH Laporan with the person beside each problem and
 * its print layout, CH Rekap JP laid out alike.
 *
 * The sheet (worked by hand, reference date and cut-off 31-12-2025, 24 months minimum):
 *  row 5 Ani   non-ASN, TMT 01-01-2020, ends 31-12-2025 -> eligible; ends on the cut-off
 *  row 6 Budi  non-ASN, NIK 3 digits (nik-invalid), ends 31-03-2026 -> runs past (contract-past-cutoff);
 *              6 years of service, aged 34: eligible (a bad NIK is an error to fix, not a refusal)
 *  row 7 Citra non-ASN, TMT 01-06-2025, no end date -> 7 months: not eligible (tenure); no end date
 *  row 8 Dedi  PNS -> ASN, no cut-off answer
 */
import { type Cell, type CellRow, text } from "../../src/core/cells";
import { checkWorkbook } from "../../src/core/engine";
import { type OutCell, reportGrid, summaryGrid, tallyGrid, wrapWords, cutoffAnswer } from "../../src/core/annotations";
import { DEFAULT_POLICY } from "../../src/core/policy";
import { isPersonRow } from "../../src/core/results";
import { POLICY_LABELS } from "../../src/core/policy";
import { LABELS } from "../../src/core/vocabulary";

const POLICY_LABELS_ID_FOR_TEST = { cutoffDate: POLICY_LABELS.cutoffDate.id };

const s = (v: string): Cell => text(v);
const row = (...values: string[]): CellRow => values.map((v) => (v === "" ? null : s(v)));

const result = checkWorkbook(
  [
    {
      name: "Data",
      rows: [
        row("DAFTAR TENAGA NON ASN DINAS LINGKUNGAN HIDUP"),
        row("TAHUN 2025"),
        [],
        row("NO", "NAMA", "NIK", "TANGGAL LAHIR", "STATUS", "TMT", "TANGGAL AKHIR KERJA"),
        row("1", "Ani", "6471014101900001", "01-01-1990", "Non ASN", "01-01-2020", "31-12-2025"),
        row("2", "Budi", "123", "02-02-1991", "Non ASN", "01-01-2020", "31-03-2026"),
        row("3", "Citra", "6471014303920003", "03-03-1992", "Non ASN", "01-06-2025", ""),
        row("4", "Dedi", "6471010404880004", "04-04-1988", "PNS", "01-01-2010", ""),
      ],
    },
  ],
  DEFAULT_POLICY,
);

const texts = (rows: readonly (readonly OutCell[])[]): string[] =>
  rows.map((r) => r.map((c) => String(c.value ?? "")).join(" | "));

describe("CH Ringkasan: one page for the head of department", () => {
  const grid = summaryGrid([result], "id", { opdName: "DINAS LINGKUNGAN HIDUP", checkedAt: "2025-12-01T09:05" });
  const lines = texts(grid.rows);

  test("opens with what, whose and when, then one headline", () => {
    expect(lines[0]).toBe(LABELS.summaryTitle.id);
    expect(lines[1]).toBe("Perangkat daerah: DINAS LINGKUNGAN HIDUP");
    expect(lines[2]).toBe("Diperiksa: 01-12-2025 pukul 09:05");
    const headline = grid.rows
      .slice(4)
      .filter((r) => r[0]?.style === "title")
      .map((r) => r[0].value)
      .join(" ");
    // 4 people; 2 eligible (Ani, Budi); Ani, Budi and Citra end at the cut-off; 1 error, 1 warning.
    expect(headline).toMatch(
      /^4 pegawai diperiksa: 2 memenuhi syarat PPPK, 3 kontrak non-ASN diakhiri pada batas 31-12-2025, 1 kesalahan dan 1 peringatan\.$/,
    );
  });

  test("counts and shares per category, and the cut-off's three answers over the non-ASN", () => {
    const find = (label: string): readonly OutCell[] => grid.rows.find((r) => r[0]?.value === label)!;
    expect(
      find("Memenuhi syarat PPPK")
        .slice(1)
        .map((c) => c.value),
    ).toEqual([2, 0.5]);
    expect(
      find("ASN - PNS")
        .slice(1)
        .map((c) => c.value),
    ).toEqual([1, 0.25]);
    expect(
      find("Tidak memenuhi: masa kerja")
        .slice(1)
        .map((c) => c.value),
    ).toEqual([1, 0.25]);
    expect(find("Memenuhi syarat PPPK")[2].numberFormat).toBe("0.0%");
    // Ani on the cut-off, Budi past it, Citra without an end date: a third each of three.
    for (const answer of ["cutoffOnOrBefore", "cutoffPast", "cutoffNoEnd"] as const)
      expect(
        find(LABELS[answer].id)
          .slice(1)
          .map((c) => c.value),
      ).toEqual([1, 1 / 3]);
  });

  test("problems by their Indonesian title (no codes), what to do next, the policy at the foot", () => {
    expect(lines.some((l) => l.includes("NIK tidak valid"))).toBe(true);
    expect(lines.some((l) => /nik-invalid/.test(l))).toBe(false);
    const next = lines.indexOf(LABELS.summaryNext.id);
    expect(next).toBeGreaterThan(0);
    expect(lines[next + 1]).toMatch(/^1\. Perbaiki \d+ kesalahan/);
    const policy = lines.findIndex((l) => l.startsWith(LABELS.policyUsed.id));
    expect(policy).toBeGreaterThan(next);
    expect(lines.slice(policy)).toContain(`${POLICY_LABELS_ID_FOR_TEST.cutoffDate} | 31-12-2025`);
  });

  test("prints on one portrait page, and no text is wider than its columns", () => {
    expect(grid.layout).toEqual({ fitToPage: true, landscape: false });
    const width = grid.columnWidths.reduce((a, b) => a + b, 0);
    for (const r of grid.rows) {
      // A text in the first column may run over the empty cells beside it, never past the last column.
      const used = r.length === 1 ? width : grid.columnWidths[0];
      const first = String(r[0]?.value ?? "");
      expect(first.length * (r[0]?.style === "title" ? 13 / 11 : 1)).toBeLessThanOrEqual(used + 2);
    }
  });

  test("without an office name in the titles, it says so", () => {
    expect(texts(summaryGrid([result], "en").rows)[1]).toBe(LABELS.summaryOpdUnknown.en);
  });
});

describe("CH Laporan and CH Rekap JP", () => {
  test("the person's name beside each problem, the code last; a frozen, filtered header; landscape, one page wide", () => {
    const grid = reportGrid([result], "id");
    expect(texts([grid.rows[2]])[0]).toBe("Lembar | Sel | Nama | Tingkat | Masalah | Keterangan | Kode");
    const budi = grid.rows.find((r) => r[6]?.value === "nik-invalid")!;
    expect(budi.slice(0, 4).map((c) => c.value)).toEqual(["Data", "C6", "Budi", "Kesalahan"]);
    expect(budi[5].style).toBe("text"); // wraps
    expect(grid.layout).toEqual({
      freezeRows: 3,
      filterRow: 3,
      landscape: true,
      fitToWidth: true,
      repeatRows: { first: 3, last: 3 },
    });
    expect(tallyGrid([result], "id").layout).toEqual(grid.layout);
  });

  test("the cut-off's answer per person; none for an ASN", () => {
    const people = result.sheets[0].rows.filter(isPersonRow);
    expect(people.map((p) => cutoffAnswer(p, DEFAULT_POLICY))).toEqual(["on-or-before", "past", "no-end", null]);
  });

  test("words wrap at spaces", () => {
    expect(wrapWords("satu dua tiga empat", 9)).toEqual(["satu dua", "tiga", "empat"]);
    expect(wrapWords("panjangsekali x", 4)).toEqual(["panjangsekali", "x"]);
  });
});
