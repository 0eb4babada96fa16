/**
 * Issue 6: the core decides what is written and how it looks; the command line's patcher
 * and the add-in only translate. The same workbook is checked both ways, through the
 * command line's annotated copy and through the add-in on the test host ("Jalankan Semua",
 * then "Jalur Pasca Batas" for CH Jalur), and every cell of every sheet both hold is
 * compared: its value (dates as serials, links by their target) and its look in the
 * properties both writers carry (fill, bold, font colour, number format).
 */
import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import * as path from "path";
import { isDeepStrictEqual } from "util";
import { type CellInit, type ExcelHost, type SheetInit, createHost, workbookState } from "../host";
import { act } from "../addin/helpers";
import { date, personnelSheet, smallPeople, trainingSheet } from "../addin/fixtures";
import { ROOT, runInProcess } from "./helpers";

const DIR = path.join(ROOT, "test", ".out", "writers-agree");

/** The adapter tests' small personnel sheet without its signature block (so the computed columns have room), and a training sheet. */
function sheets(): SheetInit[] {
  const personnel = personnelSheet("Data", smallPeople());
  return [
    { ...personnel, rows: (personnel.rows ?? []).slice(0, -3) },
    trainingSheet("Pelatihan", [
      ["", "Ani", "Non ASN", "Pelatihan Dasar", date(2025, 3, 4), 8],
      ["", "Eka", "Non ASN", "Pelatihan Dasar", date(2025, 3, 4), "delapan"],
    ]),
  ];
}

/** A cell as compared: value and the look both writers carry. */
interface Seen {
  value: string | number | boolean | null;
  link?: string;
  numberFormat?: string;
  fill?: string;
  bold?: true;
  fontColor?: string;
}

const hex = (argb: string | undefined): string | undefined =>
  argb === undefined ? undefined : `#${argb.slice(-6).toUpperCase()}`;

function put(cells: Record<string, Seen>, address: string, seen: Seen): void {
  // The summary's check time is the wall clock of each run (seconds apart, maybe across a minute).
  if (typeof seen.value === "string" && /^Diperiksa: .* pukul \d{2}:\d{2}$/.test(seen.value))
    seen.value = "Diperiksa: <waktu>";
  const { value, ...look } = seen;
  // A cell with neither value nor look is no cell.
  if ((value === null || value === "") && Object.keys(look).length === 0) return;
  cells[address] = seen;
}

/** Writes the sheets as an .xlsx (values, date formats) for the command line. */
async function writeXlsx(file: string, init: readonly SheetInit[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const s of init) {
    const ws = wb.addWorksheet(s.name);
    (s.rows ?? []).forEach((row, r) =>
      row.forEach((cell: CellInit, c) => {
        if (cell === null || cell === undefined) return;
        const target = ws.getCell(r + 1, c + 1);
        // Excel keeps 15 significant digits of a number (a 16-digit NIK typed as a number loses its last).
        if (typeof cell === "number") target.value = Number(cell.toPrecision(15));
        else if (typeof cell !== "object") target.value = cell;
        else if ("error" in cell) target.value = { error: cell.error } as ExcelJS.CellErrorValue;
        else {
          if (cell.value !== undefined && cell.value !== null && typeof cell.value !== "object")
            target.value = cell.value;
          if (cell.numberFormat !== undefined) target.numFmt = cell.numberFormat;
        }
      }),
    );
  }
  await wb.xlsx.writeFile(file);
}

/** Every cell of the command line's copy, sheet by sheet. */
async function cliCells(file: string): Promise<Map<string, Record<string, Seen>>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out = new Map<string, Record<string, Seen>>();
  for (const ws of wb.worksheets) {
    const cells: Record<string, Seen> = {};
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        const v = cell.value;
        const seen: Seen = { value: null };
        if (v instanceof Date) seen.value = v.getTime() / 86_400_000 + 25569;
        else if (v !== null && typeof v === "object") {
          if ("error" in v) seen.value = v.error;
          else if ("formula" in v) {
            const r = v.result;
            seen.value = r === undefined || r === null || typeof r === "object" ? null : r;
            const link = /^HYPERLINK\("#(.*?)","/.exec(v.formula ?? "");
            if (link !== null) seen.link = (link[1] as string).replace(/""/g, '"');
          } else if ("richText" in v) seen.value = v.richText.map((t) => t.text).join("");
        } else if (v !== undefined) seen.value = v;
        if (cell.numFmt !== undefined && cell.numFmt !== "General") seen.numberFormat = cell.numFmt;
        const fill = cell.fill;
        const fillColor = fill?.type === "pattern" && fill.pattern === "solid" ? hex(fill.fgColor?.argb) : undefined;
        if (fillColor !== undefined) seen.fill = fillColor;
        if (cell.font?.bold === true) seen.bold = true;
        const color = hex(cell.font?.color?.argb);
        if (color !== undefined && color !== "#000000") seen.fontColor = color;
        put(cells, cell.address, seen);
      }),
    );
    out.set(ws.name, cells);
  }
  return out;
}

/** Every cell of the add-in's workbook, sheet by sheet (its hidden state sheet aside). */
function hostCells(host: ExcelHost): Map<string, Record<string, Seen>> {
  const out = new Map<string, Record<string, Seen>>();
  for (const sheet of workbookState(host.model, (n) => n !== "CH_State")) {
    const cells: Record<string, Seen> = {};
    for (const [address, c] of Object.entries(sheet.cells)) {
      const seen: Seen = { value: c.error ?? c.value ?? null };
      if (c.link !== undefined) seen.link = c.link;
      else if (c.formula !== undefined) {
        const link = /^=HYPERLINK\("#(.*?)","/.exec(c.formula);
        if (link !== null) seen.link = (link[1] as string).replace(/""/g, '"');
      }
      if (c.numberFormat !== undefined && c.numberFormat !== "General") seen.numberFormat = c.numberFormat;
      if (c.fill !== undefined) seen.fill = c.fill.toUpperCase();
      if (c.bold === true) seen.bold = true;
      if (c.fontColor !== undefined && c.fontColor.toUpperCase() !== "#000000")
        seen.fontColor = c.fontColor.toUpperCase();
      put(cells, address, seen);
    }
    out.set(sheet.name, cells);
  }
  return out;
}

test("the command line's copy and the add-in write the same values and looks, cell by cell", async () => {
  await fs.rm(DIR, { recursive: true, force: true });
  await fs.mkdir(DIR, { recursive: true });
  const input = path.join(DIR, "data.xlsx");
  const copy = path.join(DIR, "data-cek.xlsx");
  await writeXlsx(input, sheets());
  const cli = await runInProcess(["check", input, "--out", copy]);
  expect(cli.stderr).toBe("");
  expect(cli.code).toBe(1);

  const host = createHost(sheets());
  expect((await act(host, "all")).ok).toBe(true);
  expect((await act(host, "paths")).ok).toBe(true);

  const written = await cliCells(copy);
  const added = hostCells(host);
  // The same sheets, in the same order.
  expect([...written.keys()]).toEqual([...added.keys()]);
  const differences: { at: string; cli?: Seen; addin?: Seen }[] = [];
  for (const [name, cells] of written) {
    const other = added.get(name) ?? {};
    for (const address of new Set([...Object.keys(cells), ...Object.keys(other)])) {
      const [a, b] = [cells[address], other[address]];
      if (JSON.stringify(a) !== JSON.stringify(b) && !isDeepStrictEqual(a, b))
        differences.push({
          at: `${name}!${address}`,
          ...(a !== undefined ? { cli: a } : {}),
          ...(b !== undefined ? { addin: b } : {}),
        });
    }
  }
  expect(differences).toEqual([]);
  // Not vacuous: the marks, computed columns and the four report sheets were compared.
  expect(Object.keys(written.get("Data") ?? {}).length).toBeGreaterThan(60);
  expect(written.size).toBe(6);
});
