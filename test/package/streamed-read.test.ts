/**
 * The command line reads each sheet inflated on libuv's thread pool as it is checked
 * (checkPackageStreamed: a pass for the merged areas, one for the rows, and the copy streams
 * the part again). It must give what the in-process reading gives (checkPackage with fflate,
 * the path the task pane takes), part by part, also when the sheet is several pieces long and
 * its characters of two to four bytes fall across piece ends; and a damaged sheet gets a coded
 * reason, never a library exception.
 */
import { unzipSync, zipSync } from "fflate";
import { deflateRawSync } from "zlib";
import { NODE_CODEC } from "../../src/cli/node-codec";
import { CheckSession } from "../../src/core/engine";
import { DEFAULT_POLICY } from "../../src/core/policy";
import { checkPackage, checkPackageStreamed, keepRowsWithIssues } from "../../src/package/check";
import { PackageError } from "../../src/package/errors";
import { patchPackage } from "../../src/package/patch";
import { SHEET_READ } from "../../src/package/sheet-reader";
import { SHEET_SCAN } from "../../src/package/sheet-patch";
import { openPackage } from "../../src/package/workbook";
import { MAIN, book, personnelSheet } from "./corpus";
import { partsOf } from "./package-helpers";

/** A personnel sheet of `rows` people whose names hold é (2 bytes), € (3) and 😀 (4): about 100 bytes a row. */
function bigSheet(rows: number, asciiUntil = 0): string {
  const inl = (ref: string, text: string): string => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
  const head = ["No", "Nama", "NIK", "Tanggal Lahir", "TMT", "Status"].map((h, i) => inl(`${"ABCDEF"[i]}1`, h));
  const body: string[] = [`<row r="1">${head.join("")}</row>`];
  for (let r = 2; r <= rows + 1; r++) {
    const nik = `647101${String(1000000000 + r).slice(-10)}`;
    body.push(
      `<row r="${r}"><c r="A${r}"><v>${r - 1}</v></c>${inl(`B${r}`, r < asciiUntil ? `Nama ${r}` : `Ké€😀 ${"é".repeat(r % 7)} ${r}`)}${inl(`C${r}`, nik)}` +
        `<c r="D${r}" s="1"><v>${32000 + (r % 3000)}</v></c><c r="E${r}" s="1"><v>${42000 + (r % 900)}</v></c>${inl(`F${r}`, "Honorer")}</row>`,
    );
  }
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}"><sheetData>${body.join("")}</sheetData><mergeCells count="1"><mergeCell ref="H2:I3"/></mergeCells></worksheet>`;
}

async function copyOf(bytes: Uint8Array, streamed: boolean): Promise<Record<string, Uint8Array>> {
  const pkg = streamed ? openPackage(bytes, NODE_CODEC) : openPackage(bytes);
  const session = new CheckSession(DEFAULT_POLICY, { keepPersonRow: keepRowsWithIssues });
  const options = { compactFor: "id" as const, keepTexts: !streamed };
  const check = streamed
    ? await checkPackageStreamed(pkg, session, undefined, options)
    : checkPackage(pkg, session, undefined, options);
  const chunks: Uint8Array[] = [];
  await patchPackage(pkg, check, "id", (chunk) => {
    chunks.push(chunk.slice());
  });
  const all = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) (all.set(c, at), (at += c.length));
  return partsOf(all);
}

/** The parts, with the check's time of day taken out of CH Ringkasan (the one text that differs run to run). */
const comparable = (parts: Record<string, Uint8Array>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(parts).map(([name, bytes]) => [
      name,
      new TextDecoder().decode(bytes).replace(/pukul \d\d:\d\d|at \d\d:\d\d/g, "pukul --:--"),
    ]),
  );

test.each([
  ["the corpus's personnel sheet", book({ sheets: [{ name: "Data", xml: personnelSheet() }] })],
  // 12,000 rows: about 1.4 MB of XML, so more than one piece of 1 MB (the cuts inside characters: reader.test.ts).
  [
    "a sheet of several pieces, with characters of 2-4 bytes",
    book({ sheets: [{ name: "Data", xml: bigSheet(12_000) }] }),
  ],
  // ASCII for its first megabyte and more (the copy takes unchanged runs as bytes), then not (encoded again).
  ["a sheet ASCII for its first pieces only", book({ sheets: [{ name: "Data", xml: bigSheet(14_000, 11_000) }] })],
])("%s: read on the thread pool, the same copy as read in process", async (_name, bytes) => {
  const streamed = comparable(await copyOf(bytes, true));
  const inProcess = comparable(await copyOf(bytes, false));
  expect(Object.keys(streamed).sort()).toEqual(Object.keys(inProcess).sort());
  for (const name of Object.keys(inProcess)) expect([name, streamed[name]]).toEqual([name, inProcess[name]]);
});

test("a sheet stored without compression: checked and copied as the in-process reading does", async () => {
  const parts = unzipSync(book({ sheets: [{ name: "Data", xml: personnelSheet() }] }));
  const files: Record<string, Uint8Array | [Uint8Array, { level: 0 }]> = {};
  for (const [name, data] of Object.entries(parts))
    files[name] = name === "xl/worksheets/sheet1.xml" ? [data, { level: 0 }] : data;
  const bytes = zipSync(files);
  expect(openPackage(bytes).zip.entries.find((e) => e.name === "xl/worksheets/sheet1.xml")?.method).toBe(0);
  expect(comparable(await copyOf(bytes, true))).toEqual(comparable(await copyOf(bytes, false)));
});

test("read and copied on the thread pool in slices of a few bytes: the same copy", async () => {
  // Rows, cells and characters cross every slice end (the tag-by-tag paths of reader and patcher).
  const bytes = book({ sheets: [{ name: "Data", xml: bigSheet(60) }] });
  const whole = comparable(await copyOf(bytes, true));
  const [read, scan] = [SHEET_READ.sliceBytes, SHEET_SCAN.sliceBytes];
  try {
    SHEET_READ.sliceBytes = 7;
    SHEET_SCAN.sliceBytes = 5;
    expect(comparable(await copyOf(bytes, true))).toEqual(whole);
  } finally {
    [SHEET_READ.sliceBytes, SHEET_SCAN.sliceBytes] = [read, scan];
  }
});

/** The book with its sheet part's stored bytes replaced (central directory and local header fixed up). */
function withSheetDeflated(xml: string, damage: (raw: Uint8Array) => Uint8Array, crcOf?: number): Uint8Array {
  const good = book({ sheets: [{ name: "Data", xml }] });
  const pkg = openPackage(good);
  const entry = pkg.zip.entries.find((e) => e.name === "xl/worksheets/sheet1.xml");
  if (entry === undefined) throw new Error("no sheet");
  // Rebuild the archive by hand would be long: instead keep the same length of stored bytes.
  const view = new DataView(good.buffer, good.byteOffset, good.byteLength);
  const local = entry.localOffset;
  const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  const raw = good.slice(start, start + entry.compressedSize);
  const damaged = damage(raw);
  if (damaged.length !== raw.length) throw new Error("same length needed");
  const out = good.slice();
  out.set(damaged, start);
  if (crcOf !== undefined) {
    // The stored CRC, in the local header and the central directory entry.
    const outView = new DataView(out.buffer, out.byteOffset, out.byteLength);
    outView.setUint32(local + 14, crcOf, true);
    for (let p = 0; p < out.length - 4; p++)
      if (outView.getUint32(p, true) === 0x02014b50 && outView.getUint32(p + 42, true) === local)
        outView.setUint32(p + 16, crcOf, true);
  }
  return out;
}

test.each([
  // The checksum the directory gives does not match what inflates.
  ["a wrong checksum", (raw: Uint8Array) => raw, 0x12345678],
  // Deflate data cut into: garbage from the middle on.
  ["damaged deflate data", (raw: Uint8Array) => raw.map((b, i) => (i > raw.length / 2 ? 0xff : b)), undefined],
])("%s in a sheet read on the thread pool: a coded reason", async (_name, damage, crc) => {
  const bytes = withSheetDeflated(bigSheet(2_000), damage, crc);
  const pkg = openPackage(bytes, NODE_CODEC);
  const session = new CheckSession(DEFAULT_POLICY);
  const error = await checkPackageStreamed(pkg, session, undefined).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PackageError);
  expect(String((error as PackageError).message)).toMatch(/damaged/);
});

test("the raw deflate the codec is given a step at a time joins into the part", async () => {
  // Two steps of one stream: the inflater gets the second only when it asks for more.
  const text = "x".repeat(3_000_000) + "é".repeat(1000);
  const raw = deflateRawSync(Buffer.from(text));
  const out: Buffer[] = [];
  await NODE_CODEC.inflatePieces?.([raw.subarray(0, 1000), raw.subarray(1000)], (piece) => {
    out.push(Buffer.from(piece));
  });
  expect(out.length).toBeGreaterThan(1);
  expect(Buffer.concat(out).toString("utf8")).toBe(text);
});
