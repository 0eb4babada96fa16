/**
 * ReportCollector (issues 8 and 10): CH Jalur and CH Laporan built from rows taken one at a
 * time, as a full-height check gives them, must be the sheets pathsGrid and reportGrid build
 * from whole results: the same cells in the same order. And the compact stores behind them
 * give back exactly what they were given.
 */
import ExcelJS from "exceljs";
import { reportGrid } from "../../src/core/annotations";
import type { Cell, CellRow } from "../../src/core/cells";
import { CheckSession, checkWorkbook } from "../../src/core/engine";
import { wholeGrid } from "../../src/core/out-sheet";
import { pathsGrid } from "../../src/core/paths-sheet";
import { DEFAULT_POLICY } from "../../src/core/policy";
import { ReportCollector } from "../../src/core/report-collector";
import type { WorkbookResult } from "../../src/core/results";
import { SteppedSort } from "../../src/core/stepped-sort";
import { StringStore } from "../../src/core/string-store";
import { label } from "../../src/core/vocabulary";
import { compareNames, isPlainName } from "../../src/core/name-order";
import { GENERATED_COLUMNS, GENERATED_FORMATS, generatedRow } from "../fixtures/make-fixtures";

const SERIAL_OF_EPOCH = 25569;

function cellsOf(values: readonly ExcelJS.CellValue[]): Cell[] {
  return values.map((v, i): Cell => {
    const format = GENERATED_FORMATS[i];
    if (v instanceof Date)
      return { t: "d", v: v.getTime() / 86_400_000 + SERIAL_OF_EPOCH, ...(format ? { format } : {}) };
    if (typeof v === "number") return { t: "n", v };
    if (typeof v === "string") return { t: "s", v };
    return null;
  });
}

const HEADER: CellRow = GENERATED_COLUMNS.map((c): Cell => ({ t: "s", v: c.header }));

/** Generated people (about one in 50 with a faulty NIK, TMT or status), with names that tie. */
function people(count: number, offset = 0): CellRow[] {
  return Array.from({ length: count }, (_, i) => {
    const cells = cellsOf(generatedRow(i + offset));
    // Every seventh person shares a name with another (ties go to sheet and row), some with accents and case.
    if (i % 7 === 0) cells[1] = { t: "s", v: ["Ádi Saputra", "adi saputra", "Adi Saputra", "Zainab"][i % 4] as string };
    if (i % 11 === 0) cells[10] = null; // no unit
    if (i % 13 === 5) cells[2] = { t: "s", v: "12345" }; // NIK too short: an error
    if (i % 17 === 3) cells[6] = { t: "s", v: "bukan tanggal" }; // TMT not a date
    return cells;
  });
}

const t = (v: string): Cell => ({ t: "s", v });
const n = (v: number): Cell => ({ t: "n", v });

/**
 * Training first: its rows' issues come before the personnel sheets' in CH Laporan, though a
 * collector gets them last. "Adi Saputra" is a name several people share (a warning only the
 * whole workbook tells); Budi (a PNS by his NIP) has 8 JP, under the minimum (a workbook issue).
 */
const TRAINING: CellRow[] = [
  ["NO", "NIP", "NAMA", "NAMA PELATIHAN", "TANGGAL", "JP"].map(t),
  [n(1), null, t("Adi Saputra"), t("Teknis"), t("01-05-2025"), n(2)],
  [n(2), t("198105091999121001"), t("Budi"), t("Orientasi"), t("10-02-2025"), n(8)],
  [n(3), t("198105091999121001"), t("Budi"), t("Orientasi"), t("10-02-2025"), n(8)],
];

const SHEETS = [
  { name: "Diklat", rows: TRAINING },
  { name: "Data Non ASN", rows: [HEADER, ...people(240)] },
  { name: "Sheet Kecil", rows: [HEADER, ...people(12, 500)] },
];

function wholeResults(files: readonly (string | undefined)[]): WorkbookResult[] {
  const session = new CheckSession(DEFAULT_POLICY);
  return files.map((file) => {
    for (const sheet of SHEETS) session.checkSheet(sheet, file);
    return session.finishWorkbook(file);
  });
}

/** The same workbooks read row by row into a collector, the session keeping no person row. */
function streamed(files: readonly (string | undefined)[], reportRoom?: number): ReportCollector {
  const reports = new ReportCollector(reportRoom === undefined ? {} : { reportRoom });
  const session = new CheckSession(DEFAULT_POLICY, { keepPersonRow: reports.keepPersonRow(() => false) });
  for (const file of files) {
    for (const sheet of SHEETS) {
      const stream = session.openSheet(sheet.name, file);
      sheet.rows.forEach((cells, i) => reports.addRows(sheet.name, stream.push(i + 1, cells)));
      stream.end();
    }
    reports.endWorkbook(session.finishWorkbook(file));
  }
  return reports;
}

describe("ReportCollector gives the sheets pathsGrid and reportGrid give", () => {
  test.each([[[undefined]], [["a.xlsx", "b.xlsx"]]])("workbooks %p", (files) => {
    const whole = wholeResults(files);
    const reports = streamed(files);
    const paths = pathsGrid(whole, "id");
    expect(wholeGrid(reports.pathsSheet("id"))).toEqual(paths);
    expect(reports.pathsSheet("id").rowCount).toBe(paths.rows.length);
    const report = reportGrid(whole, "en");
    expect(wholeGrid(reports.reportSheet("en"))).toEqual(report);
    expect(reports.reportSheet("en").rowCount).toBe(report.rows.length);
    // Not vacuous: people listed, problems found.
    expect(reports.pathCount).toBeGreaterThan(200 * files.length);
    expect(reports.issueCount).toBeGreaterThan(30 * files.length);
  });

  test("the late and workbook issues are there, in the sheets' order", () => {
    const codes = reportGrid(wholeResults([undefined]), "id").rows.map((r) => r[6]?.value);
    expect(codes.indexOf("training-ambiguous-name")).toBeGreaterThan(2);
    expect(codes.indexOf("training-ambiguous-name")).toBeLessThan(codes.indexOf("nik-invalid"));
    expect(codes).toContain("jp-below-minimum");
  });

  test.each([1, 3, 40])("CH Laporan cut at %i problems lists the first ones, and says how many more", (room) => {
    const files = ["a.xlsx", "b.xlsx"];
    const all = reportGrid(wholeResults(files), "id").rows;
    const reports = streamed(files, room);
    const total = reports.issueCount;
    expect(total).toBe(all.length - 3);
    expect(wholeGrid(reports.reportSheet("id")).rows).toEqual([
      ...all.slice(0, 3 + room),
      [{ value: label("reportTruncated", "id", { count: total - room }), style: "warning" }],
    ]);
  });

  test("the sort done in steps gives the same sheet", () => {
    const reports = streamed([undefined]);
    const work = reports.sortSteps();
    let steps = 0;
    while (work.step()) steps++;
    expect(steps).toBeGreaterThan(1);
    expect(wholeGrid(reports.pathsSheet("id"))).toEqual(pathsGrid(wholeResults([undefined]), "id"));
  });

  test("without keepPersonRow's guard a short sheet's rows would come only from the result", () => {
    // The short sheet (12 rows, under the header scan) is finished in end(): its rows are not returned by push.
    const reports = new ReportCollector();
    const session = new CheckSession(DEFAULT_POLICY, { keepPersonRow: reports.keepPersonRow(() => false) });
    const sheet = SHEETS[2] as (typeof SHEETS)[number];
    const stream = session.openSheet(sheet.name);
    const pushed = sheet.rows.flatMap((cells, i) => stream.push(i + 1, cells));
    expect(pushed).toEqual([]);
    stream.end();
    reports.endWorkbook(session.finishWorkbook());
    expect(reports.pathCount).toBe(12);
  });

  test("each pass over the rows makes them afresh", () => {
    const sheet = streamed([undefined]).pathsSheet("id");
    const first = [...sheet.rows];
    const second = [...sheet.rows];
    expect(second).toEqual(first);
    expect(second[second.length - 1]).not.toBe(first[first.length - 1]);
    expect(first).toHaveLength(sheet.rowCount);
  });
});

test("checkWorkbook's whole result and the collector agree on an empty check", () => {
  const reports = new ReportCollector();
  const result = checkWorkbook([{ name: "Kosong", rows: [] }], DEFAULT_POLICY);
  reports.endWorkbook(result);
  expect(wholeGrid(reports.pathsSheet("id"))).toEqual(pathsGrid([result], "id"));
  expect(wholeGrid(reports.reportSheet("id"))).toEqual(reportGrid([result], "id"));
});

describe("StringStore", () => {
  test("gives back every string as given", () => {
    const texts = [
      "Budi",
      null,
      "",
      "Ádi Saputra",
      "Nguyễn Thị",
      "\uD83D\uDE00 emoji",
      "lone \uD800 surrogate",
      null,
      null,
      "x".repeat(10_000),
      "\u00ff\u0000end",
    ];
    const store = new StringStore();
    const ids = texts.map((t) => store.add(t));
    expect(ids).toEqual(texts.map((_, i) => i));
    expect(ids.map((id) => store.get(id))).toEqual(texts);
    expect(store.get(texts.length)).toBeNull();
  });
  test("keeps texts exact across its 1 MB blocks: one ending a block, empty ones, nulls, one longer than a block", () => {
    const store = new StringStore();
    const texts: (string | null)[] = [];
    // 1,048,575 bytes in the first block: 65,535 texts of 16 bytes leave it one byte short of
    // full, so the next text starts the second block; an empty text and a null then sit at a
    // block's very start and end, and a 1.5 MB text goes aside.
    for (let i = 0; i < 65_535; i++) texts.push(String(1_000_000_000_000_000 + i).slice(0, 16));
    texts.push("", null, "x".repeat(3), "", "y".repeat(1_500_000), null, "z");
    for (let i = 0; i < 100_000; i++) texts.push(i % 7 === 0 ? null : `nama ${i}`.repeat(1 + (i % 3)));
    const ids = texts.map((t) => store.add(t));
    expect(ids.map((id) => store.get(id))).toEqual(texts);
    // About 2.75 MB of text: three 1 MB blocks and 1 MB of starts; a doubled array took 4 MB + 1 MB.
    expect(store.byteSize).toBeLessThan(4.5 * 1024 * 1024);
  });
  test("grows past its first arena", () => {
    const store = new StringStore();
    for (let i = 0; i < 5000; i++) store.add(`nama ke-${i}`);
    expect(store.get(0)).toBe("nama ke-0");
    expect(store.get(4999)).toBe("nama ke-4999");
  });
});

describe("SteppedSort", () => {
  // A fixed pseudo-random sequence (LCG), so a failure can be replayed.
  const values = (n: number): number[] => {
    let x = 12345;
    return Array.from({ length: n }, () => (x = (x * 1103515245 + 12345) % 2147483648) % 97);
  };
  test.each([0, 1, 2, 511, 512, 513, 1500, 5000])("%i items, stopped every few comparisons, as a plain sort", (n) => {
    const v = values(n);
    const compare = (a: number, b: number): number => (v[a] as number) - (v[b] as number) || a - b;
    const sort = new SteppedSort(n, compare);
    let steps = 0;
    while (sort.step(37)) steps++;
    expect(Array.from(sort.result())).toEqual(Array.from({ length: n }, (_, i) => i).sort(compare));
    if (n > 1000) expect(steps).toBeGreaterThan(n / 37);
  });
});

test("CH Jalur's sort reads plain names in place and gives the collator's order: plain, accented, wide, empty and no names", () => {
  const rows = people(400).map((cells, i) => {
    const out = [...cells];
    if (i % 5 === 1) out[1] = null;
    else if (i % 19 === 2) out[1] = t("Ádi \uD83D\uDE00");
    else if (i % 23 === 4) out[1] = t("");
    else if (i % 3 === 0) out[1] = t(["budi", "Budi", "BUDI 2", "Budi  Santoso", "Zainab"][i % 5] as string);
    return out;
  });
  const session = new CheckSession(DEFAULT_POLICY);
  session.checkSheet({ name: "Data", rows: [HEADER, ...rows] });
  const grid = pathsGrid([session.finishWorkbook()], "id");
  const at = grid.rows.findIndex((r) => r[0]?.value === label("hPath", "id"));
  const list = grid.rows.slice(at + 1).map((r) => r.map((c) => c.value));
  expect(list.length).toBeGreaterThan(300);
  let compared = 0;
  for (let k = 1; k < list.length; k++) {
    const [path, unit, name] = list[k - 1] as unknown[];
    const [nextPath, nextUnit, nextName] = list[k] as unknown[];
    if (path !== nextPath || unit !== nextUnit) continue;
    const a = (name as string | null) ?? "";
    const b = (nextName as string | null) ?? "";
    const order = compareNames(a, isPlainName(a), b, isPlainName(b));
    expect(order).toBeLessThanOrEqual(0);
    // Equal names: by row.
    if (order === 0) expect(Number(list[k - 1]?.[9])).toBeLessThan(Number(list[k]?.[9]));
    compared++;
  }
  expect(compared).toBeGreaterThan(300);
});

describe("a workbook's last sheet announced (OpenSheetOptions.lastOfWorkbook)", () => {
  const check = (sheets: typeof SHEETS, announce: boolean): { result: WorkbookResult; peopleKept: boolean } => {
    const session = new CheckSession(DEFAULT_POLICY);
    sheets.forEach((sheet, i) => {
      const stream = session.openSheet(sheet.name, undefined, undefined, {
        lastOfWorkbook: announce && i === sheets.length - 1,
      });
      sheet.rows.forEach((cells, r) => stream.push(r + 1, cells));
      stream.end();
    });
    // The workbook's people, as the session holds them before it finishes (a memory bound: not a public field).
    const peopleKept = (session as unknown as { workbook: { people: unknown } }).workbook.people !== null;
    return { result: session.finishWorkbook(), peopleKept };
  };
  const [training, personnel, small] = SHEETS as unknown as [
    (typeof SHEETS)[number],
    (typeof SHEETS)[number],
    (typeof SHEETS)[number],
  ];

  test.each([
    ["training first: the people are kept for its rows", [training, personnel, small], true],
    ["training last: the people are kept for its rows", [personnel, small, training], true],
    ["no training sheet: the people are let go at the last sheet", [personnel, small], false],
  ])("%s; the results are the same", (_, sheets, kept) => {
    const plain = check(sheets, false);
    const announced = check(sheets, true);
    expect(plain.peopleKept).toBe(true);
    expect(announced.peopleKept).toBe(kept);
    expect(announced.result).toEqual(plain.result);
    // Not vacuous: the training rows were matched to people (their tally names them).
    if (sheets.includes(training)) expect(plain.result.training.length).toBeGreaterThan(0);
  });
});
