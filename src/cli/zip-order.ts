/**
 * Feeds ExcelJS's streaming WorkbookReader an .xlsx with its zip entries in the order
 * that reader needs.
 *
 * Why: the reader (exceljs 4.4 with unzipper 0.10) parses entries in file order. A
 * worksheet met before xl/workbook.xml, its rels and the shared strings is copied to a
 * temporary file and read after the loop; and the zip parser reports its end as soon as
 * its input has been written, even if entries are still waiting in its buffer, so a slow
 * consumer loses the last entries ("Cannot read properties of undefined (reading
 * 'sheets')" when xl/workbook.xml is the one lost). Excel and ExcelJS both write
 * worksheets before those parts.
 *
 * So the stream given to the reader holds: workbook.xml, its rels, the shared strings
 * (an empty table when the file has none, so worksheets are never spooled to disk) and
 * the styles first, then every other entry as it is (compressed bytes copied, not
 * re-compressed), then the original central directory and end record. The stream is
 * never ended by us: the zip parser ends itself when it reaches the end record, after
 * the last entry; `close()` releases the file afterwards.
 */
import { createReadStream, promises as fs } from "fs";
import { PassThrough, type Readable } from "stream";
import { type ZipDirectory, type ZipEntry, type ZipProblem, readZipDirectory } from "./zip-directory";

/** Entries the reader must have before any worksheet, in this order. */
const FIRST = ["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml", "xl/styles.xml"];
const SHARED_STRINGS = "xl/sharedStrings.xml";

/** A stored (uncompressed) local zip entry. The CRC is left 0: only unzipper's streaming parser reads this, and it does not check CRCs. */
function storedEntry(name: string, content: string): Buffer {
  const nameBytes = Buffer.from(name, "utf8");
  const data = Buffer.from(content, "utf8");
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4); // version needed
  header.writeUInt16LE(0, 6); // flags
  header.writeUInt16LE(0, 8); // stored
  header.writeUInt32LE(0, 14); // crc32
  header.writeUInt32LE(data.length, 18);
  header.writeUInt32LE(data.length, 22);
  header.writeUInt16LE(nameBytes.length, 26);
  header.writeUInt16LE(0, 28);
  return Buffer.concat([header, nameBytes, data]);
}

const EMPTY_SHARED_STRINGS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>';

type Piece = Buffer | { readonly start: number; readonly end: number };

export interface OrderedXlsx {
  readonly stream: Readable;
  /** Stops reading the file (call when the reader is done or has failed). */
  close(): void;
}

/** Null when the file's directory cannot be read this way (zip64): the caller then reads the file directly. */
export async function orderedXlsxStream(path: string): Promise<OrderedXlsx | null> {
  const handle = await fs.open(path, "r");
  let read: ZipDirectory | ZipProblem;
  try {
    read = await readZipDirectory(handle, (await handle.stat()).size);
  } finally {
    await handle.close();
  }
  if (typeof read === "string") return null;
  const directory = read;

  // Each entry spans from its local header to the next entry's (data descriptor included).
  const byOffset = [...directory.entries].sort((a, b) => a.localOffset - b.localOffset);
  const spanOf = (entry: ZipEntry): Piece => {
    const next = byOffset[byOffset.indexOf(entry) + 1];
    return { start: entry.localOffset, end: next?.localOffset ?? directory.directoryOffset };
  };
  const pieces: Piece[] = [];
  for (const name of FIRST) {
    const entry = directory.entries.find((e) => e.name === name);
    if (entry !== undefined) pieces.push(spanOf(entry));
    else if (name === SHARED_STRINGS) pieces.push(storedEntry(SHARED_STRINGS, EMPTY_SHARED_STRINGS));
  }
  for (const entry of byOffset) if (!FIRST.includes(entry.name)) pieces.push(spanOf(entry));
  pieces.push({ start: directory.directoryOffset, end: directory.size });

  const out = new PassThrough();
  let closed = false;
  // Waits until the reader wants more, or has gone.
  const room = (): Promise<void> =>
    new Promise((resolve) => {
      const done = (): void => {
        out.off("drain", done);
        out.off("close", done);
        resolve();
      };
      out.on("drain", done);
      out.on("close", done);
    });
  const pump = async (): Promise<void> => {
    for (const piece of pieces) {
      if (closed) return;
      if (Buffer.isBuffer(piece)) {
        if (!out.write(piece)) await room();
        continue;
      }
      if (piece.end <= piece.start) continue;
      const source = createReadStream(path, { start: piece.start, end: piece.end - 1 });
      for await (const chunk of source) {
        if (closed) {
          source.destroy();
          return;
        }
        if (!out.write(chunk)) await room();
      }
    }
  };
  pump().catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));

  return {
    stream: out,
    close: () => {
      closed = true;
      out.destroy();
    },
  };
}
