/**
 * Notes on marked cells, through the sheet's comments part and its VML drawing. A user's
 * own parts are appended to as text (VML written by older Office may not be well-formed
 * XML, so it is never re-serialised); a note on a cell that already has one is added
 * below the user's text; a cell whose note belongs to a threaded comment keeps it as it is.
 */
import { columnLetter } from "../core/cells";
import { escapeAttr, excelText, tagsOf } from "./xml";

export interface NoteToAdd {
  readonly row: number;
  /** 0-based. */
  readonly col: number;
  readonly text: string;
}

export const NOTE_AUTHOR = "Cek Honorer";
const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

const textRun = (p: string, text: string): string =>
  `<${p}r><${p}t xml:space="preserve">${excelText(text)}</${p}t></${p}r>`;

export interface CommentsResult {
  readonly text: string;
  /** Notes that need a new VML shape (cells that had no note). */
  readonly shapes: readonly NoteToAdd[];
}

/** Characters of a new part's XML pushed at a time (a full-height sheet's notes are megabytes). */
const PIECE = 64 * 1024;

/** A new part's pieces joined into pushes of about PIECE characters. */
async function pushPieces(pieces: Iterable<string>, push: (text: string) => Promise<void>): Promise<void> {
  let buffer = "";
  for (const piece of pieces) {
    buffer += piece;
    if (buffer.length >= PIECE) {
      await push(buffer);
      buffer = "";
    }
  }
  if (buffer !== "") await push(buffer);
}

/** A new comments part for the notes, in order, piece by piece. */
function* newComments(notes: readonly NoteToAdd[]): Generator<string> {
  yield `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${MAIN_NS}"><authors><author>${NOTE_AUTHOR}</author></authors><commentList>`;
  for (const n of notes)
    yield `<comment ref="${columnLetter(n.col)}${n.row}" authorId="0"><text>${textRun("", n.text)}</text></comment>`;
  yield "</commentList></comments>";
}

/**
 * A sheet without a comments part: its new one streamed out as it is made, the same text
 * patchComments(null, notes) gives (at full height it is megabytes, not held while the sheet is written).
 */
export function writeNewComments(notes: readonly NoteToAdd[], push: (text: string) => Promise<void>): Promise<void> {
  return pushPieces(newComments(notes), push);
}

/** The comments part with the notes added (a new part when `existing` is null). */
export function patchComments(existing: string | null, notes: readonly NoteToAdd[]): CommentsResult {
  if (existing === null) return { text: [...newComments(notes)].join(""), shapes: notes };
  const s = existing;
  const tags = tagsOf(s);
  const root = tags[0];
  const p = root !== undefined && root.qname.includes(":") ? root.qname.slice(0, root.qname.indexOf(":") + 1) : "";
  const authors: string[] = [];
  let authorsEnd = -1;
  let authorsEmpty: { start: number; end: number } | null = null;
  let listEnd = -1;
  let listEmpty: { start: number; end: number } | null = null;
  /** Existing comments by ref: where their <text> closes and whether they hold a thread's placeholder. */
  const byRef = new Map<string, { textEnd: number; threaded: boolean; plain: string }>();
  let current: { ref: string; start: number } | null = null;
  for (let i = 0; i < tags.length; i++) {
    const t = tags[i] as (typeof tags)[number];
    if (t.name === "author" && !t.endTag && !t.empty) {
      const close = tags[i + 1];
      authors.push(close !== undefined ? s.slice(t.end, close.start) : "");
    } else if (t.name === "authors") {
      if (t.empty) authorsEmpty = { start: t.start, end: t.end };
      else if (t.endTag) authorsEnd = t.start;
    } else if (t.name === "commentList") {
      if (t.empty) listEmpty = { start: t.start, end: t.end };
      else if (t.endTag) listEnd = t.start;
    } else if (t.name === "comment" && !t.endTag) {
      const ref = /\sref\s*=\s*"([^"]*)"/.exec(s.slice(t.start, t.end))?.[1] ?? "";
      current = { ref: ref.toUpperCase(), start: t.end };
    } else if (t.name === "text" && t.endTag && current !== null) {
      const plain = s.slice(current.start, t.start).replace(/<[^>]*>/g, "");
      byRef.set(current.ref, { textEnd: t.start, threaded: plain.trimStart().startsWith("[Threaded comment]"), plain });
      current = null;
    }
  }
  let authorId = authors.indexOf(NOTE_AUTHOR);
  const needAuthor = authorId === -1;
  if (needAuthor) authorId = authors.length;
  const edits: { at: number; end: number; text: string }[] = [];
  const shapes: NoteToAdd[] = [];
  const added: string[] = [];
  for (const n of notes) {
    const ref = `${columnLetter(n.col)}${n.row}`;
    const known = byRef.get(ref);
    if (known !== undefined) {
      // A re-run on an earlier copy finds its own note there already.
      if (!known.threaded && !known.plain.includes(excelText(n.text)))
        edits.push({ at: known.textEnd, end: known.textEnd, text: textRun(p, `\n\n${n.text}`) });
      continue;
    }
    added.push(
      `<${p}comment ref="${ref}" authorId="${authorId}"><${p}text>${textRun(p, n.text)}</${p}text></${p}comment>`,
    );
    shapes.push(n);
  }
  if (added.length > 0 && needAuthor) {
    const author = `<${p}author>${NOTE_AUTHOR}</${p}author>`;
    if (authorsEmpty !== null)
      edits.push({ at: authorsEmpty.start, end: authorsEmpty.end, text: `<${p}authors>${author}</${p}authors>` });
    else if (authorsEnd !== -1) edits.push({ at: authorsEnd, end: authorsEnd, text: author });
  }
  if (added.length > 0) {
    if (listEmpty !== null)
      edits.push({
        at: listEmpty.start,
        end: listEmpty.end,
        text: `<${p}commentList>${added.join("")}</${p}commentList>`,
      });
    else if (listEnd !== -1) edits.push({ at: listEnd, end: listEnd, text: added.join("") });
  }
  edits.sort((a, b) => a.at - b.at);
  let out = "";
  let pos = 0;
  for (const e of edits) {
    out += s.slice(pos, e.at) + e.text;
    pos = e.end;
  }
  return { text: out + s.slice(pos), shapes };
}

/** Cells that already carry a note (their refs, upper case), so nothing new is written over them. */
export function commentRefs(text: string): Set<string> {
  const out = new Set<string>();
  const re = /<(?:[A-Za-z0-9_]+:)?comment\s[^>]*?\bref\s*=\s*"([^"]*)"/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) out.add((m[1] as string).toUpperCase());
  return out;
}

const VML_NS =
  'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"';

const SHAPETYPE = `<v:shapetype ${VML_NS} id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>`;

function shape(n: NoteToAdd, id: number): string {
  // Anchor: the note box to the right of its cell, four rows high, as Excel places a new note.
  const anchor = `${n.col + 1}, 15, ${Math.max(0, n.row - 2)}, 10, ${n.col + 3}, 15, ${Math.max(0, n.row - 2) + 4}, 4`;
  return `<v:shape ${VML_NS} id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:108pt;height:59.25pt;z-index:${id};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto"><v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${escapeAttr(anchor)}</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${n.row - 1}</x:Row><x:Column>${n.col}</x:Column></x:ClientData></v:shape>`;
}

/** A new VML drawing with a shape per note, piece by piece. */
function* newVml(notes: readonly NoteToAdd[], block: number): Generator<string> {
  const first = block * 1024 + 1;
  yield `<xml ${VML_NS}><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${block}"/></o:shapelayout>${SHAPETYPE}`;
  for (let i = 0; i < notes.length; i++) yield shape(notes[i] as NoteToAdd, first + i);
  yield "</xml>";
}

/** A new VML drawing streamed out as it is made: the text of patchVml(null, notes, block), never held whole. */
export function writeNewVml(
  notes: readonly NoteToAdd[],
  block: number,
  push: (text: string) => Promise<void>,
): Promise<void> {
  return pushPieces(newVml(notes, block), push);
}

/** The VML drawing with a shape per new note: appended before the user's closing </xml>, or a new part. */
export function patchVml(existing: string | null, notes: readonly NoteToAdd[], block: number): string {
  if (existing === null) return [...newVml(notes, block)].join("");
  let max = block * 1024;
  for (const m of existing.matchAll(/_x0000_s(\d+)/g)) max = Math.max(max, Number(m[1]));
  const body =
    (existing.includes("_x0000_t202") ? "" : SHAPETYPE) + notes.map((n, i) => shape(n, max + 1 + i)).join("");
  const close = existing.lastIndexOf("</xml>");
  return close === -1 ? existing + body : existing.slice(0, close) + body + existing.slice(close);
}
