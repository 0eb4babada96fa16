/**
 * One worksheet part streamed through once: every byte the annotation has no reason to
 * change is copied as it is; computed cells are added to their rows where no user cell
 * is, marked cells get their new style record, <dimension> and <cols> grow, and a
 * <legacyDrawing> is added in its schema place when the sheet gets its first notes.
 */
import { columnLetter } from "../core/cells";
import { lettersOf } from "./out-cells";
import type { MarkLookup, RowMarks } from "./sheet-marks";
import { columnAt, columnOfRef } from "./sheet-reader";
import type { StyleBook } from "./styles-patch";
import { setAttr } from "./styles-patch";
import { UTF8, Utf8Out } from "./utf8-out";
import {
  XmlScanner,
  attrRange,
  isEmptyTag,
  isEndTag,
  isNameEnd,
  localName,
  numberIn,
  prefixOf,
  qualifiedName,
  rawAttr,
  tagWithAttr,
} from "./xml";
import {
  type HeldPart,
  PartBytes,
  PieceDecoder,
  WHOLE_PART_LIMIT,
  allAscii,
  heldBytes,
  streamedText,
} from "./sheet-reader";
import {
  TEXT_SLICE,
  type ZipArchive,
  type ZipEntry,
  decodeSlices,
  entryBytes,
  inflateSteps,
  inflatesInPieces,
} from "./zip";

/**
 * Computed cells of a row, ascending by 0-based column (null: nothing for this row): each as
 * its column and its XML from the closing quote of its reference on (`" s="3"><v>16</v></c>`,
 * the element written as `<c r="` + letters + row + that). The pairs may be shared by every
 * row: only the reference differs, and it is written, not built, per cell.
 */
export type RowCells = (row: number) => readonly RowCell[] | null;

/** A computed cell of RowCells: its column, its XML after the reference, and that XML's UTF-8 when rows share it. */
export type RowCell = readonly [number, string, Uint8Array?];

export interface SheetPatch {
  readonly computed: {
    readonly start: number;
    readonly width: number;
    readonly cells: RowCells;
  } | null;
  /** Marked cells: row -> 0-based column -> fill colour. */
  readonly marks: MarkLookup;
  readonly styles: StyleBook;
  /** New <col> ranges (1-based, inclusive) for columns no existing range covers. */
  readonly widths: readonly { readonly min: number; readonly max: number; readonly width: number }[];
  /** The relationship id of a new VML part, when the sheet had none. */
  readonly legacyDrawing: { readonly relId: string; readonly relNamespace: string } | null;
  /** The area the sheet's <dimension> must cover once the computed columns are in. */
  readonly dimension: { readonly maxCol: number; readonly maxRow: number } | null;
  /** Rows that get cells (ascending), so rows missing from the part are added. */
  readonly rows: () => Iterable<number>;
  /** The check read no comment, processing instruction or CDATA among the rows: none is looked for. */
  readonly plainRows?: boolean;
}

/** CT_Worksheet children that come after <legacyDrawing>. */
const AFTER_LEGACY = new Set([
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
]);

const NONE: readonly RowCell[] = [];

/** `<c r="` and a column's letters as UTF-8, by 0-based column: the part of a computed cell's reference every row shares. */
const cellRefOpens: Uint8Array[] = [];
const cellRefOpen = (col: number): Uint8Array => (cellRefOpens[col] ??= UTF8.encode(`<c r="${lettersOf(col)}`));

/** An insert that is a mark on a cell the row may have: its XML is made only if it is written. */
const MARK_LATER = "";

/** The mark inserts by column: one each, shared by every row (never changed). */
const markLaters: RowCell[] = [];
const markLater = (col: number): RowCell => (markLaters[col] ??= [col, MARK_LATER]);

/** Output is handed on in pieces of about this many characters (the deflater works best on large ones). */
const FLUSH_AT = 1 << 20;

/**
 * How many bytes of a held part the scanner is given at a time. Tests shrink it so that
 * rows and cells cross buffer ends (the tag-by-tag path), which real sheets do every slice.
 */
export const SHEET_SCAN = { sliceBytes: TEXT_SLICE };

export async function patchSheet(
  zip: ZipArchive,
  entry: ZipEntry,
  plan: SheetPatch,
  push: (data: Uint8Array) => Promise<void>,
  /** The part when the caller already holds it (inflated for the check). */
  held?: HeldPart,
): Promise<void> {
  const output = new Utf8Out();
  const out = (s: string): void => output.write(s);
  let cur: string | null = null;
  // The scanner's buffer starts at this offset of the whole text (for copying ASCII bytes).
  let feedEnd = 0;
  let base = 0;
  // Held from the check, or inflated whole here when small and the codec cannot stream it from another thread.
  const streamed = held === undefined && inflatesInPieces(zip, entry);
  const part =
    held ??
    (!streamed && entry.size > 0 && entry.size <= WHOLE_PART_LIMIT ? heldBytes(entryBytes(zip, entry)) : undefined);
  // Unchanged runs are copied as bytes while every byte so far is one character (ASCII, as
  // sheet XML mostly is); otherwise their text is encoded again.
  // A streamed part's pieces are copied into three reused buffers: the codec reuses its own.
  let bytes = part?.ascii === true ? new PartBytes(part.pieces) : streamed ? new PartBytes([], 3) : null;
  const copyBytes = (piece: Uint8Array): void => output.copy(piece);
  const takePiece = (piece: Uint8Array): void => {
    if (bytes !== null && !allAscii(piece)) bytes = null;
    bytes?.add(piece);
  };
  const setCur = (buf: string): void => {
    cur = buf;
    base = feedEnd - buf.length;
  };
  /** Unchanged text buf[from..to): its original bytes when the part is ASCII, else encoded again. */
  const verbatim = (buf: string, from: number, to: number): void => {
    if (bytes === null || !bytes.each(base + from, base + to, copyBytes)) out(buf.slice(from, to));
  };
  let copyStart = 0;
  const keepUntil = (buf: string, pos: number): void => {
    if (buf !== cur) {
      setCur(buf);
      copyStart = 0;
    }
    if (pos > copyStart) verbatim(buf, copyStart, pos);
    copyStart = pos;
  };
  const replace = (buf: string, start: number, end: number, text: string): void => {
    keepUntil(buf, start);
    out(text);
    copyStart = end;
  };

  let p = "";
  let depth = 0;
  let sawCols = false;
  let legacyDone = plan.legacyDrawing === null;
  let inCols = false;
  let colsRaw: { min: number; max: number; raw: string }[] = [];
  let skipping = false;
  let rowNumber = 0;
  let inRow = false;
  let pending: readonly RowCell[] = NONE;
  let next = 0;
  let lastCol = -1;
  const rowIter = plan.rows()[Symbol.iterator]();
  let nextRow = rowIter.next();
  const computed = plan.computed;
  const marksOf = (row: number): RowMarks | undefined => plan.marks.get(row);
  const inComputed = (col: number): boolean =>
    computed !== null && col >= computed.start && col < computed.start + computed.width;
  // Element names with the part's prefix, set at the root tag.
  let rowClose = "</row>";
  let cellOpen = "<c";
  let cellClose = "</c>";

  // The columns of the last marks asked for: a band's marks are one map shared by its rows.
  let columnsOf: RowMarks | null = null;
  let markColumns: number[] = [];
  /** The cells to add to a row, ascending by column (computed cells, and marks on cells that are not there). */
  const insertsFor = (row: number): readonly RowCell[] => {
    const list = computed?.cells(row) ?? NONE;
    const marks = marksOf(row);
    if (marks === undefined) return list;
    if (marks !== columnsOf) ((columnsOf = marks), (markColumns = [...marks.keys()]));
    // Each mark goes in its column's place (a row has a few): no set, no sort, per row.
    let merged: RowCell[] | null = null;
    for (let k = 0; k < markColumns.length; k++) {
      const col = markColumns[k] as number;
      const into: readonly RowCell[] = merged ?? list;
      let at = 0;
      while (at < into.length && (into[at] as RowCell)[0] < col) at++;
      if (at < into.length && (into[at] as RowCell)[0] === col) continue;
      // Its XML only if it is written: most marks fall on a cell the row has, which keeps its own.
      if (merged === null) {
        // The row's list with the mark in its place, made in one go (not copied, then spliced).
        merged = new Array<RowCell>(list.length + 1);
        for (let i = 0; i < at; i++) merged[i] = list[i] as RowCell;
        merged[at] = markLater(col);
        for (let i = at; i < list.length; i++) merged[i + 1] = list[i] as RowCell;
      } else merged.splice(at, 0, markLater(col));
    }
    return merged ?? list;
  };
  // The row number as text, for a prefixed part's computed cells: made once per row.
  let refRow = -1;
  let refRowText = "";
  /** Writes an insert: a computed cell (its reference written in three pieces, not built), or an empty cell with a mark's fill. */
  const writeInsert = (entry: RowCell, row: number): void => {
    const col = entry[0];
    if (entry[1] === MARK_LATER) {
      const fill = marksOf(row)?.get(col);
      if (fill !== undefined) out(`<${p}c r="${lettersOf(col)}${row}" s="${plan.styles.markXf(0, fill)}"/>`);
      return;
    }
    if (p === "") {
      output.copy(cellRefOpen(col));
      output.digits(row);
      const bytes = entry[2];
      if (bytes !== undefined) output.copy(bytes);
      else out(entry[1]);
      return;
    }
    if (row !== refRow) ((refRow = row), (refRowText = String(row)));
    out(`<c r="${lettersOf(col)}${refRowText}${entry[1]}`.replace(/<(\/?)(c|is|t|v|f)\b/g, `<$1${p}$2`));
  };
  const flushBefore = (col: number): void => {
    while (next < pending.length && (pending[next] as RowCell)[0] < col)
      writeInsert(pending[next++] as RowCell, rowNumber);
  };
  /** Rows that must get cells but have no <row> element before `limit`. */
  const addMissingRows = (limit: number): void => {
    while (!nextRow.done && nextRow.value < limit) {
      const row = nextRow.value;
      nextRow = rowIter.next();
      const cells = insertsFor(row);
      if (cells.length > 0) {
        out(`<${p}row r="${row}">`);
        for (const c of cells) writeInsert(c, row);
        out(rowClose);
      }
    }
  };
  const skipRowsUpTo = (row: number): void => {
    while (!nextRow.done && nextRow.value <= row) nextRow = rowIter.next();
  };
  const newColsXml = (existing: readonly { min: number; max: number }[]): { at: number; xml: string }[] =>
    plan.widths
      .filter((w) => !existing.some((e) => e.max >= w.min && e.min <= w.max))
      .map((w) => ({ at: w.min, xml: `<${p}col min="${w.min}" max="${w.max}" width="${w.width}" customWidth="1"/>` }));

  /** A <row> start tag: the row's number, rows missing before it, its inserts and its (grown) tag. */
  const openRow = (buf: string, start: number, end: number, empty: boolean): void => {
    const r = attrRange(buf, start, end, "r");
    rowNumber = r !== null ? numberIn(buf, r[0], r[1]) : rowNumber + 1;
    keepUntil(buf, start);
    addMissingRows(rowNumber);
    skipRowsUpTo(rowNumber);
    pending = insertsFor(rowNumber);
    next = 0;
    lastCol = -1;
    if (pending.length === 0) return;
    // spans="1:12" grown to the last column written: only the number after the colon changes,
    // so the tag is copied around it rather than made again (once a row).
    const maxCol = (pending[pending.length - 1] as RowCell)[0] + 1;
    let grow = -1;
    let growEnd = -1;
    const spans = attrRange(buf, start, end, "spans");
    if (spans !== null) {
      const colon = buf.indexOf(":", spans[0]);
      const y = colon !== -1 && colon < spans[1] ? numberIn(buf, colon + 1, spans[1]) : NaN;
      if (Number.isFinite(y) && maxCol > y) ((grow = colon + 1), (growEnd = spans[1]));
    }
    if (empty) {
      const tag = grow !== -1 ? `${buf.slice(start, grow)}${maxCol}${buf.slice(growEnd, end)}` : buf.slice(start, end);
      replace(buf, start, end, tag.replace(/\s*\/>$/, ">"));
      for (const c of pending) writeInsert(c, rowNumber);
      out(rowClose);
      pending = NONE;
    } else if (grow !== -1) {
      keepUntil(buf, grow);
      output.digits(maxCol);
      copyStart = growEnd;
    }
  };

  /** The column of a cell's tag by its r attribute (-1 when it has no letters), or null when it has none. */
  const refColumn = (buf: string, start: number, end: number): number | null => {
    // As Excel writes it, r comes first: ` r="` right after the name.
    const at = start + cellOpen.length;
    if (buf.startsWith(' r="', at)) return columnAt(buf, at + 4, end);
    const ref = attrRange(buf, start, end, "r");
    return ref !== null ? columnAt(buf, ref[0], ref[1]) : null;
  };

  /** A user's cell start tag inside a row: inserts before it, a computed cell in its place, or its mark. */
  const meetCell = (buf: string, start: number, end: number, cellEnd: number): boolean => {
    const found = refColumn(buf, start, end);
    const col = found ?? lastCol + 1;
    lastCol = col;
    if (next >= pending.length) return false;
    if ((pending[next] as RowCell)[0] < col) {
      keepUntil(buf, start);
      flushBefore(col);
    }
    const head = pending[next];
    if (head === undefined || head[0] !== col) return false;
    next++;
    if (inComputed(col)) {
      // An empty styled cell (or a previous run's own value) where a computed cell goes: replaced.
      keepUntil(buf, start);
      writeInsert(head, rowNumber);
      copyStart = cellEnd;
      return true;
    }
    const fill = marksOf(rowNumber)?.get(col);
    if (fill !== undefined) {
      const style = attrRange(buf, start, end, "s");
      const original = style !== null ? Number(buf.slice(style[0], style[1])) : 0;
      replace(buf, start, end, tagWithAttr(buf, start, end, "s", String(plan.styles.markXf(original, fill))));
    }
    return false;
  };

  // Comments, CDATA and processing instructions could hide "</c>" or "</row>": rows holding one take the tag-by-tag path.
  let oddBuf: string | null = null;
  let oddAt = -1;
  const oddBefore = (buf: string, from: number, limit: number): boolean => {
    if (plan.plainRows === true) return false;
    if (buf !== oddBuf || (oddAt !== -1 && oddAt < from)) {
      oddBuf = buf;
      const bang = buf.indexOf("<!", from);
      const question = buf.indexOf("<?", from);
      oddAt = bang === -1 ? question : question === -1 ? bang : Math.min(bang, question);
    }
    return oddAt !== -1 && oddAt < limit;
  };

  /**
   * A whole row held in the buffer, its cells found with indexOf (no call per tag): returns
   * where scanning resumes, or -1 when the row is not plain enough (then tag by tag).
   */
  const wholeRow = (buf: string, start: number, end: number): number => {
    const close = buf.indexOf(rowClose, end);
    if (close === -1 || oddBefore(buf, end, close)) return -1;
    openRow(buf, start, end, false);
    if (pending.length > 0) {
      // The column of the row's last cell (-1: no cell; null: not known): inserts right of it
      // all go at the end without a walk, as every insert does in most rows.
      let lastUser: number | null = -1;
      const last = buf.lastIndexOf(cellOpen, close);
      if (last >= end && isNameEnd(buf.charCodeAt(last + cellOpen.length)))
        lastUser = refColumn(buf, last, buf.indexOf(">", last) + 1);
      // The row's own text (a view, not a copy), so finding a cell by reference stops at the row's end.
      let rowText: string | null = null;
      for (let pos = end; pos < close && next < pending.length; ) {
        const want = (pending[next] as RowCell)[0];
        if (lastUser !== null && want > lastUser) break;
        // A marked cell as Excel writes it, found by its reference: the cells before it need nothing.
        rowText ??= buf.slice(end, close);
        const jump = rowText.indexOf(`${cellOpen} r="${lettersOf(want)}${rowNumber}"`, pos - end);
        if (jump !== -1) pos = end + jump;
        let at = buf.indexOf(cellOpen, pos);
        while (at !== -1 && at < close && !isNameEnd(buf.charCodeAt(at + cellOpen.length)))
          at = buf.indexOf(cellOpen, at + 1);
        if (at === -1 || at >= close) break;
        const tagEnd = buf.indexOf(">", at) + 1;
        let cellEnd = tagEnd;
        if (buf.charCodeAt(tagEnd - 2) !== 47) {
          const c = buf.indexOf(cellClose, tagEnd);
          cellEnd = c === -1 || c > close ? close : c + cellClose.length;
        }
        void meetCell(buf, at, tagEnd, cellEnd);
        pos = cellEnd;
      }
      if (next < pending.length) {
        keepUntil(buf, close);
        flushBefore(Infinity);
      }
    }
    pending = NONE;
    return close + rowClose.length;
  };

  const drop = (buf: string, end: number): void => {
    if (buf !== cur) setCur(buf);
    copyStart = end;
  };
  const insertLegacy = (buf: string, start: number): void => {
    if (legacyDone || plan.legacyDrawing === null) return;
    keepUntil(buf, start);
    const ld = plan.legacyDrawing;
    out(`<${p}legacyDrawing xmlns:chr="${ld.relNamespace}" chr:id="${ld.relId}"/>`);
    legacyDone = true;
  };
  let inSheetData = false;

  const scanner = new XmlScanner({
    tag(buf, start, end) {
      const closing = isEndTag(buf, start);
      const empty = !closing && isEmptyTag(buf, end);
      if (skipping) {
        drop(buf, end);
        if (closing && localName(buf, start) === "c") skipping = false;
        return;
      }
      const level = closing ? depth - 1 : depth;
      if (closing) depth--;
      else if (!empty) depth++;
      if (level === 0) {
        if (!closing) {
          p = prefixOf(qualifiedName(buf, start));
          rowClose = `</${p}row>`;
          cellOpen = `<${p}c`;
          cellClose = `</${p}c>`;
        } else insertLegacy(buf, start);
        return;
      }
      // Inside a cell (values, formulas, inline text): nothing to change.
      if (level >= 4 && inSheetData) return;
      const name = localName(buf, start);
      if (level === 1) {
        if (!closing && AFTER_LEGACY.has(name)) insertLegacy(buf, start);
        if (name === "dimension" && !closing && plan.dimension !== null) {
          const ref = rawAttr(buf, start, end, "ref");
          if (ref !== null) {
            const grown = grownRef(ref, plan.dimension.maxCol, plan.dimension.maxRow);
            replace(buf, start, end, setAttr(buf.slice(start, end), "ref", grown));
          }
        } else if (name === "cols") {
          sawCols = true;
          if (empty)
            replace(
              buf,
              start,
              end,
              `<${p}cols>${newColsXml([])
                .map((c) => c.xml)
                .join("")}</${p}cols>`,
            );
          else if (!closing) ((inCols = true), (colsRaw = []));
          else {
            const added = newColsXml(colsRaw);
            const all = [...colsRaw.map((c) => ({ at: c.min, xml: c.raw })), ...added].sort((x, y) => x.at - y.at);
            replace(buf, start, end, `${all.map((c) => c.xml).join("")}</${p}cols>`);
            inCols = false;
          }
        } else if (name === "sheetData") {
          if (!closing) {
            if (!sawCols) {
              sawCols = true;
              const cols = newColsXml([]);
              if (cols.length > 0) {
                keepUntil(buf, start);
                out(`<${p}cols>${cols.map((c) => c.xml).join("")}</${p}cols>`);
              }
            }
            if (empty) {
              replace(buf, start, end, buf.slice(start, end).replace(/\s*\/>$/, ">"));
              addMissingRows(Infinity);
              out(`</${p}sheetData>`);
            } else inSheetData = true;
          } else {
            keepUntil(buf, start);
            addMissingRows(Infinity);
            inSheetData = false;
          }
        }
        return;
      }
      if (inCols) {
        if (level === 2 && name === "col" && !closing) {
          const min = Number(rawAttr(buf, start, end, "min") ?? 0);
          const max = Number(rawAttr(buf, start, end, "max") ?? 0);
          colsRaw.push({ min, max, raw: buf.slice(start, end) });
        }
        // The <cols> content is re-emitted in order at its end tag.
        replace(buf, start, end, "");
        return;
      }
      if (!inSheetData) return;
      if (level === 2 && name === "row") {
        if (closing) {
          keepUntil(buf, start);
          flushBefore(Infinity);
          pending = NONE;
          inRow = false;
          return;
        }
        if (!empty) {
          const resume = wholeRow(buf, start, end);
          if (resume !== -1) {
            depth--;
            return resume;
          }
        }
        openRow(buf, start, end, empty);
        inRow = !empty;
        return;
      }
      if (level === 3 && name === "c" && inRow && !closing) {
        // The cell's end when it is in this buffer: then it is passed over whole.
        let cellEnd = end;
        if (!empty) {
          const c = buf.indexOf(cellClose, end);
          cellEnd = c === -1 || oddBefore(buf, end, c) ? -1 : c + cellClose.length;
        }
        if (cellEnd !== -1) {
          meetCell(buf, start, end, cellEnd);
          if (!empty) depth--;
          return cellEnd;
        }
        // A cell running past the buffer: a replaced one is dropped tag by tag up to its end.
        if (meetCell(buf, start, end, end)) {
          skipping = true;
          depth--;
        }
      }
    },
    text() {
      // Text is copied with the tags around it, except inside a dropped cell.
    },
    chunkEnd(buf, used) {
      if (buf !== cur) (setCur(buf), (copyStart = 0));
      if (skipping) copyStart = used;
      else if (used > copyStart) verbatim(buf, copyStart, used);
      copyStart = used;
    },
  });

  const flush = async (): Promise<void> => {
    if (output.size < FLUSH_AT) return;
    for (const piece of output.take()) await push(piece);
  };
  const feed = (text: string): void => {
    feedEnd += text.length;
    scanner.feed(text);
  };
  if (part !== undefined) {
    // Held (inflated for the check, or here whole), decoded and scanned in slices so output flows out.
    const decoder = new PieceDecoder(SHEET_SCAN.sliceBytes);
    for (const piece of part.pieces)
      for (let i = 0; i < piece.length; i += FLUSH_AT) {
        decoder.push(piece.subarray(i, i + FLUSH_AT), feed);
        await flush();
      }
    decoder.end(feed);
  } else if (streamed) await streamedText(zip, entry, feed, flush, SHEET_SCAN.sliceBytes, takePiece);
  else {
    const decoder = new TextDecoder("utf-8");
    for (const chunks of inflateSteps(zip, entry)) {
      for (const chunk of chunks) decodeSlices(decoder, chunk, (text) => scanner.feed(text));
      await flush();
    }
    const tail = decoder.decode();
    if (tail !== "") scanner.feed(tail);
  }
  scanner.end();
  for (const piece of output.take()) await push(piece);
}

/** Grows a "A1:L200" reference to cover `maxCol` (0-based) and `maxRow`. */
export function grownRef(ref: string, maxCol: number, maxRow: number): string {
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/i.exec(ref.trim());
  if (m === null) return `A1:${columnLetter(maxCol)}${maxRow}`;
  const c2 = Math.max(columnOfRef(m[3] ?? (m[1] as string)), maxCol);
  const r2 = Math.max(Number(m[4] ?? m[2]), maxRow);
  return `${m[1]}${m[2]}:${columnLetter(c2)}${r2}`;
}
