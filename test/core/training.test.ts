import { ymdToDay } from "../../src/core/days";
import { DEFAULT_POLICY, type Policy } from "../../src/core/policy";
import {
  hoursToJp,
  minutesToJp,
  normalizeForKey,
  TrainingTallier,
  trainingKey,
  type TrainingEntry,
} from "../../src/core/training";

const d = ymdToDay;
let nextRow = 2;
const entry = (change: Partial<TrainingEntry>): TrainingEntry => ({
  person: "199001012020121001",
  name: "Pegawai A",
  status: "pns",
  training: "Pelatihan Dasar",
  day: d(2025, 3, 10),
  jp: 10,
  sheet: "Diklat",
  row: nextRow++,
  ...change,
});
const tally = (entries: TrainingEntry[], policy: Policy = DEFAULT_POLICY) => {
  const t = new TrainingTallier();
  for (const e of entries) t.add(e);
  return t.finish(policy);
};

describe("minutesToJp and hoursToJp", () => {
  it("converts with 45 minutes a JP by default", () => {
    expect(minutesToJp(90, DEFAULT_POLICY)).toBe(2);
    expect(minutesToJp(45, DEFAULT_POLICY)).toBe(1);
    expect(minutesToJp(0, DEFAULT_POLICY)).toBe(0);
    expect(hoursToJp(1.5, DEFAULT_POLICY)).toBe(2);
    expect(hoursToJp(3, DEFAULT_POLICY)).toBe(4);
  });

  it("rounds to 2 decimals", () => {
    expect(minutesToJp(100, DEFAULT_POLICY)).toBe(2.22);
    expect(minutesToJp(50, DEFAULT_POLICY)).toBe(1.11);
    expect(hoursToJp(1, DEFAULT_POLICY)).toBe(1.33);
    expect(minutesToJp(40, DEFAULT_POLICY)).toBe(0.89);
  });

  it("follows policy.minutesPerJp", () => {
    const policy = { ...DEFAULT_POLICY, minutesPerJp: 60 };
    expect(minutesToJp(90, policy)).toBe(1.5);
    expect(hoursToJp(2, policy)).toBe(2);
  });

  it("gives NaN instead of dividing by zero", () => {
    expect(minutesToJp(90, { ...DEFAULT_POLICY, minutesPerJp: 0 })).toBeNaN();
    expect(hoursToJp(1, { ...DEFAULT_POLICY, minutesPerJp: Number.NaN })).toBeNaN();
  });
});

describe("trainingKey", () => {
  it("folds case, spaces and punctuation of the training name", () => {
    const a = entry({ training: "Diklat PIM-IV" });
    expect(trainingKey(entry({ training: "  diklat   pim iv " }))).toBe(trainingKey(a));
    expect(trainingKey(entry({ training: "DIKLAT PIM. IV" }))).toBe(trainingKey(a));
    expect(trainingKey(entry({ training: "Diklat PIM III" }))).not.toBe(trainingKey(a));
  });

  it("differs by person and by date", () => {
    const a = entry({});
    expect(trainingKey(entry({ person: "199202022020122002" }))).not.toBe(trainingKey(a));
    expect(trainingKey(entry({ day: d(2025, 3, 11) }))).not.toBe(trainingKey(a));
    expect(trainingKey(entry({ day: null }))).not.toBe(trainingKey(a));
  });

  it("cannot be fooled by separators inside the values", () => {
    const a = entry({ person: "A", training: "B C" });
    const b = entry({ person: "A B", training: "C" });
    expect(trainingKey(a)).not.toBe(trainingKey(b));
  });

  it("normalizeForKey folds accents and keeps text that is only punctuation", () => {
    expect(normalizeForKey("Pelatihan Café")).toBe(normalizeForKey("pelatihan cafe"));
    expect(normalizeForKey(" -- ")).toBe("--");
  });
});

describe("TrainingTallier.add", () => {
  it("counts a duplicate once and points at the first row", () => {
    const t = new TrainingTallier();
    expect(t.add(entry({ row: 5 }))).toEqual({ duplicateOf: null });
    expect(t.add(entry({ row: 9, training: "PELATIHAN  DASAR." }))).toEqual({
      duplicateOf: { sheet: "Diklat", row: 5 },
    });
    expect(t.add(entry({ row: 11, jp: 4, training: "Lain" }))).toEqual({ duplicateOf: null });
    const [only] = t.finish(DEFAULT_POLICY);
    expect(only.jp).toBe(14);
    expect(only.rows).toEqual([5, 11]);
  });

  it("names the file of the first row when there is one", () => {
    const t = new TrainingTallier();
    t.add(entry({ row: 3, sheet: "JP 2025", file: "dinas-a.xlsx" }));
    expect(t.add(entry({ row: 4, sheet: "JP 2025", file: "dinas-a.xlsx" })).duplicateOf).toEqual({
      sheet: "JP 2025",
      row: 3,
      file: "dinas-a.xlsx",
    });
  });
});

describe("TrainingTallier.finish verdicts", () => {
  it("PNS: exactly 20 JP is ok, 19.5 is below the minimum", () => {
    const [ok] = tally([entry({ jp: 12 }), entry({ jp: 8, training: "Webinar" })]);
    expect(ok).toMatchObject({ jp: 20, verdict: "ok", status: "pns", year: 2025 });
    const [below] = tally([entry({ jp: 12 }), entry({ jp: 7.5, training: "Webinar" })]);
    expect(below).toMatchObject({ jp: 19.5, verdict: "below-minimum" });
  });

  it("sums fractions exactly: 19.9 + 0.1 reaches 20", () => {
    const [t] = tally([entry({ jp: 19.9 }), entry({ jp: 0.1, training: "Webinar" })]);
    expect(t.jp).toBe(20);
    expect(t.verdict).toBe("ok");
  });

  it.each(["pppk", "pppk-paruh-waktu"] as const)("%s: exactly 24 JP is ok, 24.01 is above the maximum", (status) => {
    const [ok] = tally([entry({ status, jp: 24 })]);
    expect(ok).toMatchObject({ jp: 24, verdict: "ok", status });
    const [above] = tally([entry({ status, jp: 20 }), entry({ status, jp: 4.01, training: "Webinar" })]);
    expect(above).toMatchObject({ jp: 24.01, verdict: "above-maximum" });
  });

  it("a PPPK far below 24 JP is fine, a PNS far above 20 is fine", () => {
    expect(tally([entry({ status: "pppk", jp: 2 })])[0].verdict).toBe("ok");
    expect(tally([entry({ status: "pns", jp: 60 })])[0].verdict).toBe("ok");
  });

  it("non-ASN has no JP rule; no status is unknown-status", () => {
    expect(tally([entry({ status: "non-asn", jp: 1 })])[0].verdict).toBe("ok");
    expect(tally([entry({ status: null, jp: 1 })])[0]).toMatchObject({ status: null, verdict: "unknown-status" });
  });

  it("takes the status from any row that gives it, and refuses to pick between conflicting ones", () => {
    expect(tally([entry({ status: null, jp: 5 }), entry({ status: "pns", jp: 5, training: "X" })])[0]).toMatchObject({
      status: "pns",
      verdict: "below-minimum",
    });
    expect(tally([entry({ status: "pppk", jp: 5 }), entry({ status: "pns", jp: 5, training: "X" })])[0]).toMatchObject({
      status: null,
      verdict: "unknown-status",
    });
  });

  it("follows policy.pnsMinJp and policy.pppkMaxJp", () => {
    const policy = { ...DEFAULT_POLICY, pnsMinJp: 40, pppkMaxJp: 10 };
    expect(tally([entry({ jp: 30 })], policy)[0].verdict).toBe("below-minimum");
    expect(tally([entry({ status: "pppk", jp: 11 })], policy)[0].verdict).toBe("above-maximum");
  });
});

describe("TrainingTallier.finish grouping", () => {
  it("separates calendar years and lists the rows of each", () => {
    const result = tally([
      entry({ row: 2, day: d(2024, 12, 31), jp: 20 }),
      entry({ row: 3, day: d(2025, 1, 1), jp: 6 }),
      entry({ row: 4, day: d(2025, 6, 1), jp: 6, training: "Webinar" }),
    ]);
    expect(result.map((t) => [t.year, t.jp, t.verdict, t.rows])).toEqual([
      [2024, 20, "ok", [2]],
      [2025, 12, "below-minimum", [3, 4]],
    ]);
  });

  it("puts undated entries in the year of the reference date", () => {
    const policy = { ...DEFAULT_POLICY, referenceDate: "2024-06-30" };
    const result = tally([entry({ row: 7, day: null, jp: 3 }), entry({ row: 8, day: d(2024, 2, 1), jp: 4 })], policy);
    expect(result).toHaveLength(1);
    expect(result[0]).toMatchObject({ year: 2024, jp: 7, rows: [7, 8] });
  });

  it("sorts by person then year and keeps people apart", () => {
    const result = tally([
      entry({ person: "B", name: "Budi", day: d(2025, 1, 5) }),
      entry({ person: "A", name: "Ani", day: d(2025, 1, 5) }),
      entry({ person: "B", name: "Budi", day: d(2023, 1, 5) }),
    ]);
    expect(result.map((t) => [t.person, t.name, t.year])).toEqual([
      ["A", "Ani", 2025],
      ["B", "Budi", 2023],
      ["B", "Budi", 2025],
    ]);
  });

  it("treats the same person written in other case or spacing as one person", () => {
    const result = tally([
      entry({ person: "Budi Santoso", name: null, status: null, jp: 8 }),
      entry({ person: "BUDI  SANTOSO", name: "Budi Santoso", status: "pns", jp: 8, training: "X" }),
      entry({ person: "budi santoso", name: null, status: null, jp: 8 }),
    ]);
    expect(result).toHaveLength(1);
    expect(result[0]).toMatchObject({ person: "Budi Santoso", name: "Budi Santoso", jp: 16, status: "pns" });
  });

  it("gives the sheet, file and exact sources; several sheets are listed together", () => {
    const [one] = tally([entry({ row: 4, sheet: "JP", file: "a.xlsx" })]);
    expect(one).toMatchObject({
      sheet: "JP",
      file: "a.xlsx",
      rows: [4],
      sources: [{ sheet: "JP", row: 4, file: "a.xlsx" }],
    });
    const [two] = tally([
      entry({ row: 4, sheet: "JP Jan" }),
      entry({ row: 4, sheet: "JP Feb", training: "Webinar", day: d(2025, 2, 3) }),
    ]);
    expect(two.sheet).toBe("JP Jan, JP Feb");
    expect(two.sources).toEqual([
      { sheet: "JP Jan", row: 4 },
      { sheet: "JP Feb", row: 4 },
    ]);
    expect("file" in two).toBe(false);
  });

  it("counts an unreadable or negative JP as nothing but keeps the row", () => {
    const [t] = tally([
      entry({ row: 2, jp: 10 }),
      entry({ row: 3, jp: Number.NaN, training: "X" }),
      entry({ row: 4, jp: -5, training: "Y" }),
    ]);
    expect(t.jp).toBe(10);
    expect(t.rows).toEqual([2, 3, 4]);
  });

  it("returns nothing when nothing was added", () => {
    expect(new TrainingTallier().finish(DEFAULT_POLICY)).toEqual([]);
  });
});
