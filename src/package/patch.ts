/**
 * The annotated copy, written by patching the original package: every part the
 * annotation does not touch is copied with its compressed bytes as they are; each checked
 * sheet is streamed through once (sheet-patch.ts); styles.xml, the sheets' comments and
 * VML parts, workbook.xml, its relationships and [Content_Types].xml get small textual
 * additions; the report sheets are new parts appended at the end of the workbook.
 */
import {
  COMPUTED_COLUMN_COUNT,
  type OutGrid,
  cellMarks,
  cutoffColumn,
  cutoffRows,
  type OutCell,
  computedColumns,
  reportGrid,
  summaryGrid,
  type SummaryContext,
  COMPUTED_COLUMN_WIDTHS,
  tallyGrid,
} from "../core/annotations";
import { opdNameFromTitles } from "../core/opd-name";
import { titleTexts } from "../core/rekap/opd";
import { localStamp } from "../core/setting-dates";
import { pathsGrid } from "../core/paths-sheet";
import { ComputedCollector, type ComputedSet } from "../core/computed-rows";
import type { OutSheet } from "../core/out-sheet";
import { columnLetter } from "../core/cells";
import { isComputedHeader, summarize } from "../core/engine";
import { makeIssue } from "../core/issues";
import { markLook, parseCellA1, placeComputedColumns, quotedSheet } from "../core/output";
import { type SheetResult, type WorkbookResult, isPersonRow } from "../core/results";
import { LABELS, type Lang } from "../core/vocabulary";
import type { PackageCheck } from "./check";
import { PackageError } from "./errors";
import { type NoteToAdd, commentRefs, patchComments, patchVml, writeNewComments, writeNewVml } from "./notes-patch";
import { cellTail } from "./out-cells";
import { UTF8 } from "./utf8-out";
import { filterRef, writeReportSheet } from "./report-sheet";
import { type RowCell, type SheetPatch, patchSheet } from "./sheet-patch";
import { SheetMarks } from "./sheet-marks";
import { StyleBook } from "./styles-patch";
import { type WorkbookPackage, entryOf, isOwnOutput, partText, relsOf, relsPartOf } from "./workbook";
import { escapeAttr, tagsOf } from "./xml";
import { type ByteSink, ZipWriter, entryText } from "./zip";

const TRANSITIONAL = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  rel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  pkgRel: "http://schemas.openxmlformats.org/package/2006/relationships",
};
const STRICT = {
  main: "http://purl.oclc.org/ooxml/spreadsheetml/main",
  rel: "http://purl.oclc.org/ooxml/officeDocument/relationships",
  pkgRel: "http://schemas.openxmlformats.org/package/2006/relationships",
};
const CT_WORKSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const CT_COMMENTS = "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml";
const CT_VML = "application/vnd.openxmlformats-officedocument.vmlDrawing";
/** Width of a computed column. */
const COMPUTED_WIDTH = 18;
const MAX_SHEET_NAME = 31;

/** A sheet name no existing sheet has, in any case (Excel treats names case-insensitively). */
export function freeSheetName(base: string, taken: Set<string>): string {
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? "" : ` (${n})`;
    const name = base.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
    if (!taken.has(name.toLowerCase())) {
      taken.add(name.toLowerCase());
      return name;
    }
  }
}

/** A part name not in the package nor already handed out: "xl/worksheets/sheet7.xml". */
function freePart(pkg: WorkbookPackage, used: Set<string>, make: (n: number) => string): string {
  for (let n = 1; ; n++) {
    const name = make(n);
    if (entryOf(pkg.zip, name) === undefined && !used.has(name.toLowerCase())) {
      used.add(name.toLowerCase());
      return name;
    }
  }
}

/** Relationship ids not in `existing`. */
function relIds(existing: readonly { id: string }[]): () => string {
  const taken = new Set(existing.map((r) => r.id));
  let n = 1;
  for (const r of existing) {
    const m = /^rId(\d+)$/.exec(r.id);
    if (m !== null) n = Math.max(n, Number(m[1]) + 1);
  }
  return () => {
    while (taken.has(`rId${n}`)) n++;
    taken.add(`rId${n}`);
    return `rId${n++}`;
  };
}

function insertBefore(text: string, closeTag: RegExp, addition: string): string {
  let at = -1;
  for (const m of text.matchAll(closeTag)) at = m.index ?? at;
  if (at === -1) throw new PackageError("damaged", "xml-damaged");
  return text.slice(0, at) + addition + text.slice(at);
}

interface NewPart {
  readonly name: string;
  readonly write: (push: (text: string) => Promise<void>) => Promise<void>;
}

export interface PatchOutcome {
  /** The check's result with any issue the copy itself raised (computed columns blocked by user data). */
  readonly result: WorkbookResult;
}

/** Writes the annotated copy of `pkg` to `sink`. */
/** The summary's heading: the office's name from the title rows above the tables, and when the check ran. */
function summaryContext(check: PackageCheck, result: WorkbookResult): SummaryContext {
  const heads = [...check.facts.values()].map((f) => f.head);
  return { opdName: opdNameFromTitles(titleTexts(heads, result)), checkedAt: localStamp(new Date()) };
}

export async function patchPackage(
  pkg: WorkbookPackage,
  check: PackageCheck,
  lang: Lang,
  sink: ByteSink,
): Promise<PatchOutcome> {
  const ns = pkg.strict ? STRICT : TRANSITIONAL;
  const zip = pkg.zip;
  const styles = new StyleBook(pkg.stylesPart !== null ? partText(zip, pkg.stylesPart) : null);
  const usedParts = new Set<string>();
  const replaced = new Map<string, string>();
  const newParts: NewPart[] = [];
  const contentOverrides: { part: string; type: string }[] = [];
  let needVmlDefault = false;

  // 1. Where computed columns go, per checked sheet; a conflict becomes an issue.
  const placements = new Map<string, { start: number; sheet: SheetResult }>();
  const conflictIssues = [];
  const sheetsByName = new Map(pkg.sheets.map((s) => [s.name, s]));
  const commentsOf = new Map<string, { part: string | null; text: string | null; refs: Set<string> }>();
  for (const sheet of check.result.sheets) {
    const entry = sheetsByName.get(sheet.name);
    if (entry?.part == null) continue;
    const rels = relsOf(zip, entry.part);
    const comments = rels.find((r) => r.kind === "comments" && !r.external);
    const commentsPart = comments !== undefined ? (entryOf(zip, comments.target)?.name ?? null) : null;
    const text = commentsPart !== null ? partText(zip, commentsPart) : null;
    commentsOf.set(sheet.name, { part: commentsPart, text, refs: text !== null ? commentRefs(text) : new Set() });
    const columns = computedColumns({ ...sheet, rows: [] }, lang);
    if (columns === null) continue;
    const set = check.compact?.computed.get(sheet.name);
    const personRows = set === undefined ? new Set(sheet.rows.filter(isPersonRow).map((r) => r.row)) : null;
    const written = {
      has: (row: number): boolean =>
        row === columns.headerRow || (personRows !== null ? personRows.has(row) : set?.cellsAt(row) !== undefined),
    };
    const facts = check.facts.get(sheet.name);
    const refs = commentsOf.get(sheet.name)?.refs ?? new Set<string>();
    const placement = placeComputedColumns(
      columns.startColumnIndex,
      COMPUTED_COLUMN_COUNT,
      (c) =>
        (facts?.beside ?? []).some(([row, col]) => col === c && written.has(row)) ||
        [...refs].some((ref) => {
          const m = /^([A-Z]+)(\d+)$/.exec(ref);
          return m !== null && m[1] === columnLetter(c) && written.has(Number(m[2]));
        }),
      (c) => isComputedHeader(facts?.headerTexts.get(c) ?? ""),
    );
    if (placement.kind === "place") placements.set(sheet.name, { start: placement.startColumnIndex, sheet });
    else
      conflictIssues.push(
        makeIssue(
          "computed-columns-blocked",
          {
            sheet: sheet.name,
            row: columns.headerRow,
            column: columnLetter(placement.occupiedColumns[0] ?? columns.startColumnIndex),
            ...(check.result.file !== undefined ? { file: check.result.file } : {}),
          },
          { sheet: sheet.name, columns: placement.occupiedColumns.map(columnLetter).join(", ") },
        ),
      );
  }
  const result: WorkbookResult =
    conflictIssues.length === 0
      ? check.result
      : (() => {
          const issues = [...check.result.issues, ...conflictIssues];
          return { ...check.result, issues, summary: summarize([{ sheets: check.result.sheets, issues }]) };
        })();

  // 2. Marks and notes, per sheet.
  const marks = new Map<string, SheetMarks>();
  const notes = new Map<string, NoteToAdd[]>();
  const marksOf = (sheet: string): SheetMarks => {
    let bySheet = marks.get(sheet);
    if (bySheet === undefined) marks.set(sheet, (bySheet = new SheetMarks()));
    return bySheet;
  };
  const fillAt = (sheet: string, row: number, col: number, fill: string): void => marksOf(sheet).set(row, col, fill);
  // The core's cut-off highlight first, then the problem marks drawn over it, as the add-in does.
  const cutoffFill = markLook("cutoff").fill as string;
  if (check.compact !== undefined) {
    for (const sheet of result.sheets) {
      const column = parseCellA1(`${cutoffColumn(sheet)}1`)?.column ?? 0;
      const rows = check.compact.cutoffRows.get(sheet.name);
      if (rows !== undefined) marksOf(sheet.name).addColumn(column, cutoffFill, rows);
    }
  } else
    for (const c of cutoffRows(result)) {
      const at = parseCellA1(c.address);
      if (at !== null) fillAt(c.sheet, at.row, at.column, cutoffFill);
    }
  for (const mark of cellMarks(result, lang)) {
    const col = columnLetterIndex(mark.column);
    fillAt(mark.sheet, mark.row, col, markLook(mark.severity).fill as string);
    const list = notes.get(mark.sheet) ?? [];
    notes.set(mark.sheet, list);
    list.push({ row: mark.row, col, text: mark.note });
  }

  // 3. Per sheet: the patch plan, and the comments and VML parts.
  const sheetPlans = new Map<string, SheetPatch>();
  let vmlBlock = 1 + zip.entries.filter((e) => /\.vml$/i.test(e.name)).length;
  for (const sheet of check.result.sheets) {
    const entry = sheetsByName.get(sheet.name);
    if (entry?.part == null) continue;
    const part = entry.part;
    const placed = placements.get(sheet.name);
    const sheetMarks = marks.get(sheet.name) ?? new SheetMarks();
    const sheetNotes = notes.get(sheet.name) ?? [];
    if (placed === undefined && sheetMarks.isEmpty) continue;
    let legacyDrawing: SheetPatch["legacyDrawing"] = null;
    if (sheetNotes.length > 0) {
      const rels = relsOf(zip, part);
      const nextId = relIds(rels);
      const relAdds: string[] = [];
      const existing = commentsOf.get(sheet.name);
      // The user's comments part is patched as text; a new one is made as it is written
      // (megabytes at full height, not held while the sheets stream).
      let shapes: readonly NoteToAdd[] = sheetNotes;
      if (existing?.part != null && existing.text !== null) {
        const patched = patchComments(existing.text, sheetNotes);
        replaced.set(existing.part, patched.text);
        shapes = patched.shapes;
      } else {
        const name = freePart(pkg, usedParts, (n) => `xl/comments${n}.xml`);
        newParts.push({ name, write: (push) => writeNewComments(sheetNotes, push) });
        contentOverrides.push({ part: name, type: CT_COMMENTS });
        relAdds.push(
          `<Relationship Id="${nextId()}" Type="${ns.rel}/comments" Target="${relativeTarget(part, name)}"/>`,
        );
      }
      if (shapes.length > 0) {
        const vml = rels.find((r) => r.kind === "vmlDrawing" && !r.external && entryOf(zip, r.target) !== undefined);
        if (vml !== undefined) {
          const vmlPart = (entryOf(zip, vml.target) as { name: string }).name;
          replaced.set(vmlPart, patchVml(entryText(zip, entryOf(zip, vmlPart) as never), shapes, vmlBlock++));
        } else {
          const name = freePart(pkg, usedParts, (n) => `xl/drawings/vmlDrawing${n}.vml`);
          // Made as it is written (after the sheets), never whole: a shape per note is
          // about 15 MB of text at full height.
          const block = vmlBlock++;
          newParts.push({ name, write: (push) => writeNewVml(shapes, block, push) });
          needVmlDefault = true;
          const relId = nextId();
          relAdds.push(
            `<Relationship Id="${relId}" Type="${ns.rel}/vmlDrawing" Target="${relativeTarget(part, name)}"/>`,
          );
          legacyDrawing = { relId, relNamespace: ns.rel };
        }
      }
      if (relAdds.length > 0) {
        const relsPart = relsPartOf(part);
        const relsEntry = entryOf(zip, relsPart);
        const text =
          relsEntry !== undefined
            ? insertBefore(entryText(zip, relsEntry), /<\/(?:[A-Za-z0-9_]+:)?Relationships\s*>/g, relAdds.join(""))
            : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${ns.pkgRel}">${relAdds.join("")}</Relationships>`;
        if (relsEntry !== undefined) replaced.set(relsEntry.name, text);
        else newParts.push({ name: relsPart, write: (push) => push(text) });
      }
    }
    const set = check.compact?.computed.get(sheet.name);
    const computedRows = set !== undefined ? set : wholeRows(sheet, lang);
    sheetPlans.set(
      part,
      makePlan(computedRows, placed?.start ?? null, sheetMarks, styles, legacyDrawing, pkg.date1904, {
        plainRows: check.facts.get(sheet.name)?.plainRows === true,
      }),
    );
  }

  // 4. Report sheets: new parts at the end, names free in any case.
  const taken = new Set(pkg.sheets.map((s) => s.name.toLowerCase()));
  const reports = check.compact?.reports;
  reports?.endWorkbook(result);
  const grids: (OutGrid | OutSheet)[] = [
    reports !== undefined ? reports.reportSheet(lang) : reportGrid([result], lang),
    summaryGrid([result], lang, summaryContext(check, result)),
    tallyGrid([result], lang),
    reports !== undefined ? reports.pathsSheet(lang) : pathsGrid([result], lang),
  ];
  const wbRels = relsOf(zip, pkg.workbookPart);
  const nextWbId = relIds(wbRels);
  let sheetId = Math.max(0, ...pkg.sheets.map((s) => s.sheetId));
  const sheetTags: string[] = [];
  const wbRelTags: string[] = [];
  const names: string[] = [];
  let workbook = partText(zip, pkg.workbookPart);
  const relPrefix = /\sxmlns:([A-Za-z0-9_]+)\s*=\s*"([^"]+)"/g;
  let rp: string | null = null;
  for (const m of workbook.matchAll(relPrefix)) if (m[2] === ns.rel) rp = m[1] as string;
  const inPlace = new Map<string, NewPart["write"]>();
  const own = isOwnOutput(pkg);
  const gridKeys = ["sheetReport", "sheetSummary", "sheetTally", "sheetPaths"] as const;
  const baseOf = (name: string): string => name.toLowerCase().replace(/ \(\d+\)$/, "");
  const replacedSheets = new Set<string>();
  grids.forEach((grid, i) => {
    const key = gridKeys[i] as (typeof gridKeys)[number];
    // An earlier copy of this tool: its own report sheets are rewritten where they are, not stacked.
    const earlier = own
      ? pkg.sheets.find(
          (s) =>
            s.kind === "worksheet" &&
            s.part !== null &&
            !replacedSheets.has(s.name) &&
            [LABELS[key].id, LABELS[key].en].some((l) => l.toLowerCase() === baseOf(s.name)),
        )
      : undefined;
    if (earlier?.part != null) {
      replacedSheets.add(earlier.name);
      const named = { ...grid, sheetName: earlier.name };
      inPlace.set(earlier.part, (push) => writeReportSheet(named, styles, pkg.date1904, ns, push));
      names.push("");
      return;
    }
    const name = freeSheetName(grid.sheetName, taken);
    const part = freePart(pkg, usedParts, (n) => `xl/worksheets/sheet${n}.xml`);
    const relId = nextWbId();
    sheetId++;
    sheetTags.push(
      rp !== null
        ? `<sheet name="${escapeAttr(name)}" sheetId="${sheetId}" ${rp}:id="${relId}"/>`
        : `<sheet xmlns:chr="${ns.rel}" name="${escapeAttr(name)}" sheetId="${sheetId}" chr:id="${relId}"/>`,
    );
    wbRelTags.push(
      `<Relationship Id="${relId}" Type="${ns.rel}/worksheet" Target="${relativeTarget(pkg.workbookPart, part)}"/>`,
    );
    contentOverrides.push({ part, type: CT_WORKSHEET });
    const named = { ...grid, sheetName: name };
    newParts.push({ name: part, write: (push) => writeReportSheet(named, styles, pkg.date1904, ns, push) });
    names.push(name);
  });
  const wbPrefix = /<([A-Za-z0-9_]+:)?workbook\b/.exec(workbook)?.[1] ?? "";
  const withPrefix = (xml: string): string =>
    wbPrefix === "" ? xml : xml.replace(/<(\/?)(sheet|definedName)\b/g, `<$1${wbPrefix}$2`);
  workbook = insertBefore(workbook, /<\/(?:[A-Za-z0-9_]+:)?sheets\s*>/g, withPrefix(sheetTags.join("")));
  const definedNames: string[] = [];
  let added = 0;
  grids.forEach((grid, i) => {
    const name = names[i] as string;
    if (name === "") return;
    const index = pkg.sheets.length + added++;
    const rows = grid.layout?.repeatRows;
    if (rows !== undefined)
      definedNames.push(
        `<definedName name="_xlnm.Print_Titles" localSheetId="${index}">${escapeAttr(quotedSheet(name))}!$${rows.first}:$${rows.last}</definedName>`,
      );
    if (grid.layout?.filterRow !== undefined) {
      const ref = filterRef(grid).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
      definedNames.push(
        `<definedName name="_xlnm._FilterDatabase" localSheetId="${index}" hidden="1">${escapeAttr(quotedSheet(name))}!${ref}</definedName>`,
      );
    }
  });
  if (definedNames.length > 0) {
    const xml = withPrefix(definedNames.join(""));
    if (/<\/(?:[A-Za-z0-9_]+:)?definedNames\s*>/.test(workbook))
      workbook = insertBefore(workbook, /<\/(?:[A-Za-z0-9_]+:)?definedNames\s*>/g, xml);
    else {
      const after = [
        /<\/(?:[A-Za-z0-9_]+:)?externalReferences\s*>/g,
        /<\/(?:[A-Za-z0-9_]+:)?functionGroups\s*>/g,
        /<\/(?:[A-Za-z0-9_]+:)?sheets\s*>/g,
      ];
      for (const re of after) {
        const all = [...workbook.matchAll(re)];
        const last = all[all.length - 1];
        if (last?.index !== undefined) {
          const at = last.index + last[0].length;
          workbook = `${workbook.slice(0, at)}<${wbPrefix}definedNames>${xml}</${wbPrefix}definedNames>${workbook.slice(at)}`;
          break;
        }
      }
    }
  }
  replaced.set(pkg.workbookPart, workbook);
  const wbRelsEntry = entryOf(zip, pkg.workbookRelsPart);
  if (wbRelsEntry === undefined) throw new PackageError("missing-part", pkg.workbookRelsPart);
  replaced.set(
    wbRelsEntry.name,
    insertBefore(entryText(zip, wbRelsEntry), /<\/(?:[A-Za-z0-9_]+:)?Relationships\s*>/g, wbRelTags.join("")),
  );

  // 5. Content types.
  const ctEntry = entryOf(zip, "[Content_Types].xml");
  if (ctEntry === undefined) throw new PackageError("missing-part", "[Content_Types].xml");
  let types = entryText(zip, ctEntry);
  const additions = contentOverrides.map((o) => `<Override PartName="/${o.part}" ContentType="${o.type}"/>`);
  const hasVmlDefault = tagsOf(types).some(
    (t) => t.name === "Default" && /Extension\s*=\s*"vml"/i.test(types.slice(t.start, t.end)),
  );
  if (needVmlDefault && !hasVmlDefault) additions.unshift(`<Default Extension="vml" ContentType="${CT_VML}"/>`);
  let stylesNew = false;
  if (pkg.stylesPart === null) {
    stylesNew = true;
    additions.push(
      `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>`,
    );
    replaced.set(
      wbRelsEntry.name,
      insertBefore(
        replaced.get(wbRelsEntry.name) as string,
        /<\/(?:[A-Za-z0-9_]+:)?Relationships\s*>/g,
        `<Relationship Id="${nextWbId()}" Type="${ns.rel}/styles" Target="${relativeTarget(pkg.workbookPart, "xl/styles.xml")}"/>`,
      ),
    );
  }
  types = insertBefore(types, /<\/(?:[A-Za-z0-9_]+:)?Types\s*>/g, additions.join(""));
  replaced.set(ctEntry.name, types);

  // 6. Write: entries in their order, styles after the sheets (they add its records), then new parts.
  const writer = new ZipWriter(sink, zip.codec);
  for (const entry of zip.entries) {
    const text = replaced.get(entry.name);
    const plan = sheetPlans.get(entry.name);
    const rewrite = inPlace.get(entry.name);
    if (entry.name === pkg.stylesPart) continue;
    if (rewrite !== undefined) await writer.stream(entry.name, rewrite, entry.time, entry.date);
    else if (plan !== undefined) {
      const sheetText = check.texts.get(entry.name);
      check.texts.delete(entry.name);
      await writer.stream(entry.name, (push) => patchSheet(zip, entry, plan, push, sheetText), entry.time, entry.date);
      sheetPlans.delete(entry.name);
    } else if (text !== undefined) await writer.addText(entry.name, text, entry.time, entry.date);
    else await writer.copyRaw(zip, entry);
  }
  check.texts.clear();
  // The sheets are written: their computed cells and marks (tens of megabytes at full height)
  // are let go before the notes and report sheets are made.
  marks.clear();
  check.compact?.computed.clear();
  check.compact?.cutoffRows.clear();
  // Report sheets register their looks while written: they go before styles.xml. Each part is
  // let go once written (the notes, about 5 MB at full height, before CH Jalur is sorted).
  notes.clear();
  for (let part = newParts.shift(); part !== undefined; part = newParts.shift())
    await writer.stream(part.name, part.write);
  const stylesEntry = pkg.stylesPart !== null ? entryOf(zip, pkg.stylesPart) : undefined;
  if (stylesEntry !== undefined) {
    if (styles.changed) await writer.addText(stylesEntry.name, styles.render(), stylesEntry.time, stylesEntry.date);
    else await writer.copyRaw(zip, stylesEntry);
  } else if (stylesNew) await writer.addText("xl/styles.xml", styles.render());
  await writer.finish();
  return { result };
}

/** A target relative to the part holding the relationship (some readers resolve only relative ones). */
export function relativeTarget(sourcePart: string, targetPart: string): string {
  const from = sourcePart.split("/").slice(0, -1);
  const to = targetPart.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => ".."), ...to.slice(common)].join("/");
}

const columnLetterIndex = (letters: string): number => {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
};

/** A sheet's computed cells from its whole result (the JSON run keeps every row), kept as the compact run keeps them. */
function wholeRows(sheet: SheetResult, lang: Lang): ComputedSet | null {
  const collector = ComputedCollector.ofSheet(sheet, lang);
  if (collector === null) return null;
  for (const row of sheet.rows) if (isPersonRow(row)) collector.add(row);
  return collector.finish();
}

/** Distinct computed cells whose XML is kept for reuse (a set making new cells per row stops being cached here). */
const MAX_CACHED_CELLS = 4096;

/**
 * The rows of `marks` and of the computed cells, ascending, each once: the two ascending lists
 * merged as the patcher walks them (a million rows at full height: made as one list they were
 * 8 MB more while the sheet is written).
 */
export function* rowsWithCells(marks: SheetMarks, set: ComputedSet | null): Generator<number> {
  const marked = marks.eachRow();
  let next = marked.next();
  const count = set?.count ?? 0;
  // -1: the header row, then the people.
  let c = -1;
  for (;;) {
    const hasComputed = set !== null && c < count;
    if (!hasComputed && next.done === true) return;
    const computed = hasComputed ? (c === -1 ? set.headerRow : set.rowAt(c)) : 0;
    if (next.done !== true && (!hasComputed || next.value < computed)) {
      yield next.value;
      next = marked.next();
    } else {
      yield computed;
      c++;
      if (next.done !== true && next.value === computed) next = marked.next();
    }
  }
}

function makePlan(
  set: ComputedSet | null,
  start: number | null,
  marks: SheetMarks,
  styles: StyleBook,
  legacyDrawing: SheetPatch["legacyDrawing"],
  date1904: boolean,
  read: { readonly plainRows: boolean },
): SheetPatch {
  const header = start !== null ? set : null;
  // A column's cells are a few distinct objects shared by every row (the collector's tables):
  // each one's pair (column, XML after its reference) is made once and handed out for every
  // row; the patcher writes the reference itself (RowCells).
  // By column offset from the first computed column (an array: a lookup a cell of every row).
  const pairs: Map<OutCell, RowCell | null>[] = [];
  let cached = 0;
  const pairOf = (col: number, k: number, c: OutCell): RowCell | null => {
    let ofColumn = pairs[k];
    if (ofColumn === undefined) pairs[k] = ofColumn = new Map();
    const known = ofColumn.get(c);
    if (known !== undefined) return known;
    const tail = cellTail(c, styles, date1904);
    // A pair kept for every row carries its UTF-8, copied per row instead of encoded again.
    const keep = cached < MAX_CACHED_CELLS;
    const pair: RowCell | null = tail === "" ? null : keep ? [col, tail, UTF8.encode(tail)] : [col, tail];
    // A set making new cells per row (none does today) stops being cached here.
    cached++;
    if (keep) ofColumn.set(c, pair);
    return pair;
  };
  const pairsOf = (line: readonly OutCell[], from: number): RowCell[] => {
    const out: RowCell[] = [];
    for (let k = 0; k < line.length; k++) {
      const pair = pairOf(from + k, k, line[k] as OutCell);
      if (pair !== null) out.push(pair);
    }
    return out;
  };
  const cells = (row: number): readonly RowCell[] | null => {
    if (header === null || start === null) return null;
    if (row === header.headerRow) return pairsOf(header.headers, start);
    const line = header.cellsAt(row);
    return line === undefined ? null : pairsOf(line, start);
  };
  let maxRow = marks.maxRow;
  if (header !== null) maxRow = Math.max(maxRow, header.headerRow, header.lastRow);
  return {
    computed: start !== null ? { start, width: COMPUTED_COLUMN_COUNT, cells } : null,
    marks,
    styles,
    widths:
      start !== null
        ? Array.from({ length: COMPUTED_COLUMN_COUNT }, (_, k) => ({
            min: start + k + 1,
            max: start + k + 1,
            width: COMPUTED_COLUMN_WIDTHS[k] ?? COMPUTED_WIDTH,
          }))
        : [],
    legacyDrawing,
    dimension: start !== null ? { maxCol: start + COMPUTED_COLUMN_COUNT - 1, maxRow } : null,
    rows: () => rowsWithCells(marks, header),
    plainRows: read.plainRows,
  };
}
