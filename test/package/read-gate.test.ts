/**
 * The command line reads a sheet's rows while its merged areas are still being found (two
 * inflates on the thread pool at once): the rows wait behind a gate (ReadGate) with up to a
 * bound of the part inflated ahead. Nothing is handed out before the gate opens, everything is
 * handed out in order after, a gate that fails ends the read with its error, and the result is
 * the in-process reading's whether the part fits ahead or not.
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
  for (let r = 5; r < rows + 5; r++) {
    const nik = `647101${String(1000000000 + r).slice(-10)}`;
    body.push(
      `<row r="${r}"><c r="A${r}"><v>${r - 4}</v></c>${inl(`B${r}`, `Pegawai ${r}`)}${inl(`C${r}`, nik)}` +
        `<c r="D${r}" s="1"><v>${32000 + (r % 3000)}</v></c><c r="E${r}" s="1"><v>${42000 + (r % 900)}</v></c>` +
        `<c r="F${r}" s="1"><v>${46022}</v></c>${inl(`G${r}`, "Staf")}</row>`,
    );
  }
  const merges = ["A1:G1", "A3:A4", "B3:B4", "C3:C4", "D3:F3", "G3:G4"];
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}"><sheetData>${body.join("")}</sheetData><mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells></worksheet>`;
}

const bytesOf = (rows: number): Uint8Array => book({ sheets: [{ name: "Data", xml: groupedSheet(rows) }] });

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
