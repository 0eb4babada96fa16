/**
 * The command line reads a sheet's rows while its merged areas are still being found (two
 * inflates on the thread pool at once): the rows wait behind a gate (ReadGate) with up to a
 * bound of the part inflated ahead. Nothing is handed out before the gate opens, everything is
 * handed out in order after, a gate that fails ends the read with its error, and the result is
 * the in-process reading's whether the part fits ahead or not. The first sheet of a session's
 * first workbook does not wait: its rows are checked at once and the areas settled when they
 * come, the workbook checked again when they find another table.
 */
import { NODE_CODEC } from "../../src/cli/node-codec";
import type { Cell } from "../../src/core/cells";
import { CheckSession } from "../../src/core/engine";
import { DEFAULT_POLICY } from "../../src/core/policy";
import { READ_AHEAD, checkPackage, checkPackageStreamed } from "../../src/package/check";
import { PackageError } from "../../src/package/errors";
import { readSheetRowsStreamed } from "../../src/package/sheet-reader";
import { openPackage, readCellFormats, readSharedStrings } from "../../src/package/workbook";
import { MAIN, book } from "./corpus";

const inl = (ref: string, text: string): string => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

/** `rows` people from row 5 on: number, name, NIK, birth, start and end dates, position. */
function peopleRows(rows: number): string[] {
  const out: string[] = [];
  for (let r = 5; r < rows + 5; r++) {
    const nik = `647101${String(1000000000 + r).slice(-10)}`;
    out.push(
      `<row r="${r}"><c r="A${r}"><v>${r - 4}</v></c>${inl(`B${r}`, `Pegawai ${r}`)}${inl(`C${r}`, nik)}` +
        `<c r="D${r}" s="1"><v>${32000 + (r % 3000)}</v></c><c r="E${r}" s="1"><v>${42000 + (r % 900)}</v></c>` +
        `<c r="F${r}" s="1"><v>${46022}</v></c>${inl(`G${r}`, "Staf")}</row>`,
    );
  }
  return out;
}

/** A worksheet of these rows, its merged areas after them (as Excel writes them). */
const sheetXml = (rows: readonly string[], merges: readonly string[]): string =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}"><sheetData>${rows.join("")}</sheetData><mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells></worksheet>`;

/**
 * A two-row header whose group "TANGGAL" is merged over Lahir / Mulai Kerja / Akhir Kerja (the
 * merges come after the rows, as Excel writes them), then `rows` people: about 1.6 MB of XML
 * at 12,000 rows, so more than one piece of 1 MB.
 */
function groupedSheet(rows: number): string {
  const head1 = ["NO", "NAMA", "NIK", "TANGGAL", "", "", "JABATAN"].map((h, i) =>
    h === "" ? "" : inl(`${"ABCDEFG"[i]}3`, h),
  );
  const head2 = ["Lahir", "Mulai Kerja", "Akhir Kerja"].map((h, i) => inl(`${"DEF"[i]}4`, h));
  const body = [
    `<row r="1">${inl("A1", "DAFTAR PEGAWAI NON ASN")}</row>`,
    `<row r="3">${head1.join("")}</row>`,
    `<row r="4">${head2.join("")}</row>`,
  ];
  body.push(...peopleRows(rows));
  const merges = ["A1:G1", "A3:A4", "B3:B4", "C3:C4", "D3:F3", "G3:G4"];
  return sheetXml(body, merges);
}

const bytesOf = (rows: number): Uint8Array => book({ sheets: [{ name: "Data", xml: groupedSheet(rows) }] });

/**
 * A one-row header in row 3 merged down over an empty row 4, then `rows` people: only the
 * merged areas (after the rows) say the header ends in row 4, so a reading that checked the
 * rows before knowing them found another table and must start again.
 */
function mergedDownSheet(rows: number): string {
  const head = ["NO", "NAMA", "NIK", "TGL LAHIR", "TMT", "TGL AKHIR", "JABATAN"];
  const body = [
    `<row r="1">${inl("A1", "DAFTAR PEGAWAI NON ASN")}</row>`,
    `<row r="3">${head.map((h, i) => inl(`${"ABCDEFG"[i]}3`, h)).join("")}</row>`,
  ];
  body.push(...peopleRows(rows));
  const merges = [..."ABCDEFG"].map((c) => `${c}3:${c}4`);
  return sheetXml(body, merges);
}

/** Reads the rows of the book's sheet behind `ready`, counting them as they come; `waiting` settles when the read waits at the gate. */
function readBehind(bytes: Uint8Array, ready: Promise<void>, aheadBytes: number) {
  let onWait = (): void => undefined;
  const waiting = new Promise<void>((resolve) => (onWait = resolve));
  const pkg = openPackage(bytes, NODE_CODEC);
  const ctx = { sharedStrings: readSharedStrings(pkg), formats: readCellFormats(pkg), date1904: pkg.date1904 };
  const rows: number[] = [];
  const names: string[] = [];
  const done = readSheetRowsStreamed(
    pkg,
    "xl/worksheets/sheet1.xml",
    ctx,
    (row: number, cells: Cell[]) => {
      rows.push(row);
      const name = cells[1];
      if (name !== null && name !== undefined && name.t === "s") names.push(name.v);
    },
    { ready, aheadBytes, onWait },
  );
  return { rows, names, done, waiting };
}

test.each([
  ["the whole part fits ahead", Number.POSITIVE_INFINITY],
  ["the bound is reached after the first piece", 1],
])("%s: no row before the gate opens, then every row in order", async (_name, aheadBytes) => {
  let open = (): void => undefined;
  const ready = new Promise<void>((resolve) => (open = resolve));
  const read = readBehind(bytesOf(12_000), ready, aheadBytes);
  // The pool has inflated what it may ahead and the read waits: still nothing handed out.
  await read.waiting;
  expect(read.rows).toEqual([]);
  open();
  await read.done;
  expect(read.rows.length).toBe(12_000 + 3);
  expect(read.rows.slice(0, 4)).toEqual([1, 3, 4, 5]);
  expect(read.rows.every((r, i) => i === 0 || r > (read.rows[i - 1] as number))).toBe(true);
  expect(read.names[read.names.length - 1]).toBe(`Pegawai ${12_000 + 4}`);
});

test("a gate that fails ends the read with its error, and no row is handed out", async () => {
  const failure = new PackageError("damaged", "entry-damaged");
  let fail: (reason: unknown) => void = () => undefined;
  const ready = new Promise<void>((_resolve, reject) => (fail = reject));
  const read = readBehind(bytesOf(12_000), ready, 1);
  await read.waiting;
  fail(failure);
  await expect(read.done).rejects.toBe(failure);
  expect(read.rows).toEqual([]);
});

test.each([
  ["all of it ahead", 64 * 1024 * 1024],
  ["a few bytes ahead", 1],
])(
  "a grouped header merged over its sub-headers, %s: the same result as the in-process reading",
  async (_name, ahead) => {
    const bytes = bytesOf(12_000);
    const inProcess = checkPackage(openPackage(bytes), new CheckSession(DEFAULT_POLICY), undefined);
    const saved = READ_AHEAD.bytes;
    try {
      READ_AHEAD.bytes = ahead;
      const streamed = await checkPackageStreamed(
        openPackage(bytes, NODE_CODEC),
        new CheckSession(DEFAULT_POLICY),
        undefined,
      );
      const sheet = streamed.result.sheets[0];
      // The group's columns were found through the merges: birth, start and end dates.
      expect(sheet?.columns).toMatchObject({ birthDate: "D", startDate: "E", endDate: "F" });
      expect(sheet?.headerRow).toBe(4);
      expect(streamed.result.summary).toEqual(inProcess.result.summary);
      expect(JSON.stringify(streamed.result.sheets)).toBe(JSON.stringify(inProcess.result.sheets));
    } finally {
      READ_AHEAD.bytes = saved;
    }
  },
);

describe("the first sheet's rows checked before its merged areas are known", () => {
  const mergedDown = (): Uint8Array => book({ sheets: [{ name: "Data", xml: mergedDownSheet(12_000) }] });

  test("areas that find another table: the workbook is checked again, the same result as the in-process reading", async () => {
    const bytes = mergedDown();
    const inProcess = checkPackage(openPackage(bytes), new CheckSession(DEFAULT_POLICY), undefined);
    let restarts = 0;
    let rows = 0;
    const streamed = await checkPackageStreamed(openPackage(bytes, NODE_CODEC), new CheckSession(DEFAULT_POLICY), "x", {
      onRow: () => rows++,
      onRestart: () => {
        restarts++;
        rows = 0;
      },
    });
    expect(restarts).toBe(1);
    // Counted once over: every row of the sheet after the restart, none of the first reading.
    expect(rows).toBe(12_000 + 2);
    expect(streamed.result.sheets[0]?.headerRow).toBe(4);
    expect(inProcess.result.sheets[0]?.headerRow).toBe(4);
    expect(JSON.stringify(streamed.result.sheets)).toBe(
      JSON.stringify(checkPackage(openPackage(bytes), new CheckSession(DEFAULT_POLICY), "x").result.sheets),
    );
    expect(streamed.result.summary).toEqual(inProcess.result.summary);
  });

  test("areas that leave the table as found: no restart, the same result", async () => {
    const bytes = bytesOf(12_000);
    let restarts = 0;
    const streamed = await checkPackageStreamed(openPackage(bytes, NODE_CODEC), new CheckSession(DEFAULT_POLICY), "x", {
      onRestart: () => restarts++,
    });
    expect(restarts).toBe(0);
    const inProcess = checkPackage(openPackage(bytes), new CheckSession(DEFAULT_POLICY), "x");
    expect(JSON.stringify(streamed.result.sheets)).toBe(JSON.stringify(inProcess.result.sheets));
  });

  test("a session's later workbook waits for its areas (what the first added cannot be undone)", async () => {
    const session = new CheckSession(DEFAULT_POLICY);
    const reference = new CheckSession(DEFAULT_POLICY);
    let restarts = 0;
    const onRestart = (): void => void restarts++;
    await checkPackageStreamed(openPackage(bytesOf(12_000), NODE_CODEC), session, "a", { onRestart });
    checkPackage(openPackage(bytesOf(12_000)), reference, "a");
    const second = await checkPackageStreamed(openPackage(mergedDown(), NODE_CODEC), session, "b", { onRestart });
    expect(restarts).toBe(0);
    const expected = checkPackage(openPackage(mergedDown()), reference, "b");
    expect(second.result.sheets[0]?.headerRow).toBe(4);
    expect(JSON.stringify(second.result)).toBe(JSON.stringify(expected.result));
  });
});
