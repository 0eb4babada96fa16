/**
 * One worksheet part streamed through once: every byte the annotation has no reason to
 * change is copied as it is; computed cells are added to their rows where no user cell
 * is, marked cells get their new style record, <dimension> and <cols> grow, and a
 * <legacyDrawing> is added in its schema place when the sheet gets its first notes.
 */
import { columnLetter } from "../core/cells";
import { columnOfRef } from "./sheet-reader";
import type { StyleBook } from "./styles-patch";
import { setAttr } from "./styles-patch";
import { XmlScanner, isEmptyTag, isEndTag, localName, prefixOf, qualifiedName, rawAttr } from "./xml";
import { WHOLE_PART_LIMIT } from "./sheet-reader";
import { type ZipArchive, type ZipEntry, entryText, inflateSteps } from "./zip";

/** Computed cells of a row, by 0-based column, as complete <c> elements (null: nothing for this row). */
export type RowCells = (row: number) => ReadonlyMap<number, string> | null;

export interface SheetPatch {
  readonly computed: {
    readonly start: number;
    readonly width: number;
    readonly cells: RowCells;
  } | null;
  /** Marked cells: row -> 0-based column -> fill colour. */
  readonly marks: ReadonlyMap<number, ReadonlyMap<number, string>>;
  readonly styles: StyleBook;
  /** New <col> ranges (1-based, inclusive) for columns no existing range covers. */
  readonly widths: readonly { readonly min: number; readonly max: number; readonly width: number }[];
  /** The relationship id of a new VML part, when the sheet had none. */
  readonly legacyDrawing: { readonly relId: string; readonly relNamespace: string } | null;
  /** The area the sheet's <dimension> must cover once the computed columns are in. */
  readonly dimension: { readonly maxCol: number; readonly maxRow: number } | null;
  /** Rows that get cells (ascending), so rows missing from the part are added. */
  readonly rows: () => Iterable<number>;
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

/** Output is handed on in pieces of about this many characters (the deflater works best on large ones). */
const FLUSH_AT = 1 << 20;

export async function patchSheet(
  zip: ZipArchive,
  entry: ZipEntry,
  plan: SheetPatch,
  push: (text: string) => Promise<void>,
): Promise<void> {
  let pieces: string[] = [];
  let size = 0;
  const out = (s: string): void => {
    if (s === "") return;
    pieces.push(s);
    size += s.length;
  };
  let cur: string | null = null;
  let copyStart = 0;
  const keepUntil = (buf: string, pos: number): void => {
    if (buf !== cur) {
      cur = buf;
      copyStart = 0;
    }
    if (pos > copyStart) out(buf.slice(copyStart, pos));
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
  let pending: [number, string][] = [];
  let lastCol = -1;
  const rowIter = plan.rows()[Symbol.iterator]();
  let nextRow = rowIter.next();
  const computed = plan.computed;
  const marksOf = (row: number): ReadonlyMap<number, string> | undefined => plan.marks.get(row);

  /** The cells to add to a row, ascending by column (computed cells, and marks on cells that are not there). */
  const insertsFor = (row: number): [number, string][] => {
    const list = new Map<number, string>();
    for (const [col, xml] of computed?.cells(row) ?? [])
      list.set(col, p === "" ? xml : xml.replace(/<(\/?)(c|is|t|v|f)\b/g, `<$1${p}$2`));
    for (const [col, fill] of marksOf(row) ?? []) {
      if (!list.has(col)) list.set(col, `<${p}c r="${columnLetter(col)}${row}" s="${plan.styles.markXf(0, fill)}"/>`);
    }
    return [...list.entries()].sort((a, b) => a[0] - b[0]);
  };
  const flushBefore = (col: number): void => {
    while (pending.length > 0 && (pending[0] as [number, string])[0] < col)
      out((pending.shift() as [number, string])[1]);
  };
  /** Rows that must get cells but have no <row> element before `limit`. */
  const addMissingRows = (limit: number): void => {
    while (!nextRow.done && nextRow.value < limit) {
      const row = nextRow.value;
      nextRow = rowIter.next();
      const cells = insertsFor(row);
      if (cells.length > 0) out(`<${p}row r="${row}">${cells.map((c) => c[1]).join("")}</${p}row>`);
    }
  };
  const skipRowsUpTo = (row: number): void => {
    while (!nextRow.done && nextRow.value <= row) nextRow = rowIter.next();
  };
  const newColsXml = (existing: readonly { min: number; max: number }[]): { at: number; xml: string }[] =>
    plan.widths
      .filter((w) => !existing.some((e) => e.max >= w.min && e.min <= w.max))
      .map((w) => ({ at: w.min, xml: `<${p}col min="${w.min}" max="${w.max}" width="${w.width}" customWidth="1"/>` }));

  const drop = (buf: string, end: number): void => {
    if (buf !== cur) cur = buf;
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
        if (!closing) p = prefixOf(qualifiedName(buf, start));
        else insertLegacy(buf, start);
        return;
      }
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
          inRow = false;
          return;
        }
        const r = rawAttr(buf, start, end, "r");
        rowNumber = r !== null ? Number(r) : rowNumber + 1;
        keepUntil(buf, start);
        addMissingRows(rowNumber);
        skipRowsUpTo(rowNumber);
        pending = insertsFor(rowNumber);
        lastCol = -1;
        let tag = buf.slice(start, end);
        if (pending.length > 0) {
          const spans = rawAttr(buf, start, end, "spans");
          const maxCol = (pending[pending.length - 1] as [number, string])[0] + 1;
          if (spans !== null) {
            const [x, y] = spans.split(":").map(Number);
            if (x !== undefined && y !== undefined && maxCol > y) tag = setAttr(tag, "spans", `${x}:${maxCol}`);
          }
          if (empty) tag = `${tag.replace(/\s*\/>$/, ">")}${pending.map((c) => c[1]).join("")}</${p}row>`;
        }
        replace(buf, start, end, tag);
        if (empty) pending = [];
        else inRow = true;
        return;
      }
      if (level === 3 && name === "c" && inRow && !closing) {
        const r = rawAttr(buf, start, end, "r");
        const col = r !== null ? columnOfRef(r) : lastCol + 1;
        lastCol = col;
        keepUntil(buf, start);
        flushBefore(col);
        const head = pending[0];
        if (head === undefined || head[0] !== col) return;
        pending.shift();
        const inComputed = computed !== null && col >= computed.start && col < computed.start + computed.width;
        if (inComputed) {
          // An empty styled cell (or a previous run's own value) where a computed cell goes: replaced.
          out(head[1]);
          drop(buf, end);
          if (!empty) {
            skipping = true;
            depth--;
          }
          return;
        }
        const fill = marksOf(rowNumber)?.get(col);
        if (fill !== undefined) {
          const style = Number(rawAttr(buf, start, end, "s") ?? 0);
          replace(buf, start, end, setAttr(buf.slice(start, end), "s", String(plan.styles.markXf(style, fill))));
        }
      }
    },
    text() {
      // Text is copied with the tags around it, except inside a dropped cell.
    },
    chunkEnd(buf, used) {
      if (buf !== cur) ((cur = buf), (copyStart = 0));
      if (skipping) copyStart = used;
      else if (used > copyStart) out(buf.slice(copyStart, used));
      copyStart = used;
    },
  });

  const flush = async (): Promise<void> => {
    if (size < FLUSH_AT) return;
    const text = pieces.join("");
    pieces = [];
    size = 0;
    await push(text);
  };
  if (entry.size > 0 && entry.size <= WHOLE_PART_LIMIT) {
    // Held whole (inflated natively by the CLI's codec), scanned in slices so output flows out.
    const text = entryText(zip, entry);
    for (let i = 0; i < text.length; i += FLUSH_AT) {
      scanner.feed(text.slice(i, i + FLUSH_AT));
      await flush();
    }
  } else {
    const decoder = new TextDecoder("utf-8");
    for (const chunks of inflateSteps(zip, entry)) {
      for (const chunk of chunks) scanner.feed(decoder.decode(chunk, { stream: true }));
      await flush();
    }
    const tail = decoder.decode();
    if (tail !== "") scanner.feed(tail);
  }
  scanner.end();
  await push(pieces.join(""));
}

/** Grows a "A1:L200" reference to cover `maxCol` (0-based) and `maxRow`. */
export function grownRef(ref: string, maxCol: number, maxRow: number): string {
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/i.exec(ref.trim());
  if (m === null) return `A1:${columnLetter(maxCol)}${maxRow}`;
  const c2 = Math.max(columnOfRef(m[3] ?? (m[1] as string)), maxCol);
  const r2 = Math.max(Number(m[4] ?? m[2]), maxRow);
  return `${m[1]}${m[2]}:${columnLetter(c2)}${r2}`;
}
