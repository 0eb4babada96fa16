/**
 * Finds the table in a sheet: which row holds the column headers (one row, or a group
 * row over sub-headers), which column plays which role, what kind of sheet it is, and
 * where the data ends (a totals row or the signature block under the table).
 */
import { type Cell, type CellRow, type MergeArea, cellText, isBlank } from "./cells";
import { type HeaderRole, headerWords, plainWords, roleOfHeader, roleUnderPeriodGroup } from "./header-synonyms";
import type { SheetKind } from "./results";
import type { Role } from "./vocabulary";

export { roleOfHeader, headerWords } from "./header-synonyms";
export type { HeaderRole } from "./header-synonyms";

export interface TableLayout {
  readonly kind: SheetKind;
  /** Excel row of the first header row (the group header for two-row headers). */
  readonly headerTopRow: number;
  /** Excel row of the last header row (data starts below). */
  readonly headerRow: number;
  /** Role -> 0-based column index. Duration units are carried by the role itself: `jp`, `minutes` or `hours`. */
  readonly columns: Partial<Record<Role, number>>;
  /** A combined "Tempat, Tgl Lahir" column: its index, when birthPlace and birthDate share one column (both roles then point to it). */
  readonly combinedBirthColumn: number | null;
  /** 0-based rightmost non-empty header column of the table. */
  readonly lastColumnIndex: number;
  /** Excel row of the first row below the header (after a "1 2 3 4" column-number row, if present). */
  readonly dataStartRow: number;
}

/** "section": a label over the rows below it ("SEKRETARIAT", "UPTD TPA MANGGAR"), not a person. */
export type RowClass = "data" | "blank" | "end" | "section";

/** How many rows from the top may hold the header. */
export const HEADER_SCAN_ROWS = 30;

const IDENTITY_ROLES: readonly Role[] = ["name", "nik", "nip"];
const PERSONNEL_SIGNS: readonly Role[] = [
  "startDate",
  "birthDate",
  "status",
  "position",
  "unit",
  "gender",
  "endDate",
  "category",
];
/** Roles that only a personnel list has; a training sheet may still carry unit, position or status. */
const PERSONNEL_ONLY: readonly Role[] = [
  "startDate",
  "endDate",
  "birthDate",
  "birthPlace",
  "gender",
  "education",
  "category",
  "skNumber",
  "skDate",
  "nib",
  "npwp",
  "tenureYears",
  "tenureMonths",
];
const DURATION_ROLES: readonly Role[] = ["jp", "minutes", "hours"];

/** One column of a header: its own text, and the text of the group header above it (two-row headers). */
interface HeaderColumn {
  readonly group: string | null;
  readonly text: string;
}

interface Mapping {
  readonly columns: Partial<Record<Role, number>>;
  readonly combinedBirthColumn: number | null;
  /** How many roles the header explains. */
  readonly score: number;
}

const textAt = (row: CellRow | undefined, j: number): string =>
  row === undefined ? "" : cellText(row[j] ?? null).trim();

function rowWidth(row: CellRow | undefined): number {
  if (row === undefined) return 0;
  let w = row.length;
  while (w > 0 && isBlank(row[w - 1])) w--;
  return w;
}

/** Role of a column, reading a group header together with its sub-header ("Tanggal" over "Lahir"). */
function roleOfColumn(col: HeaderColumn, kind: SheetKind | undefined): HeaderRole | null {
  if (col.text === "" && col.group === null) return null;
  if (col.group === null) return roleOfHeader(col.text, kind);
  if (roleOfHeader(col.group, kind) === "birthPlaceAndDate") {
    // "Tempat/Tgl Lahir" over "Tempat" | "Tanggal": each sub-column holds one part.
    const words = headerWords(col.text).words;
    if (words.includes("tempat")) return "birthPlace";
    if (words.includes("tanggal")) return "birthDate";
  }
  const period = roleUnderPeriodGroup(col.group, col.text);
  if (period !== undefined)
    return kind === "training" && (period === "startDate" || period === "endDate") ? "date" : period;
  return roleOfHeader(`${col.group} ${col.text}`, kind) ?? roleOfHeader(col.text, kind);
}

/** Columns -> roles; the leftmost column wins when two claim the same role. */
function mapRoles(cols: readonly HeaderColumn[], kind: SheetKind | undefined): Mapping {
  const columns: Partial<Record<Role, number>> = {};
  let combinedBirthColumn: number | null = null;
  cols.forEach((col, j) => {
    const role = roleOfColumn(col, kind);
    if (role === null) return;
    if (role === "birthPlaceAndDate") {
      if (columns.birthPlace !== undefined || columns.birthDate !== undefined) return;
      columns.birthPlace = j;
      columns.birthDate = j;
      combinedBirthColumn = j;
      return;
    }
    if (columns[role] === undefined) columns[role] = j;
  });
  // A combined birth column counts once, so sub-headers that split it ("Tempat" | "Tanggal") score higher.
  const score = Object.keys(columns).length - (combinedBirthColumn === null ? 0 : 1);
  return { columns, combinedBirthColumn, score };
}

const hasIdentity = (columns: Partial<Record<Role, number>>): boolean =>
  IDENTITY_ROLES.some((r) => columns[r] !== undefined);
const isUsable = (m: Mapping): boolean => m.score >= 2 && hasIdentity(m.columns);

/** Sheet kind from the roles found; training needs more training evidence than personnel-only evidence. */
export function kindOf(columns: Partial<Record<Role, number>>): SheetKind {
  if (!hasIdentity(columns)) return "other";
  const present = (r: Role): boolean => columns[r] !== undefined;
  const trainingEvidence =
    (present("training") ? 1 : 0) + (DURATION_ROLES.some(present) ? 1 : 0) + (present("date") ? 1 : 0);
  const personnelEvidence = PERSONNEL_ONLY.filter(present).length;
  // "Program/Kegiatan" in a personnel list must not turn it into a training sheet.
  if (trainingEvidence > 0 && 2 * trainingEvidence > personnelEvidence) return "training";
  if (PERSONNEL_SIGNS.some(present)) return "personnel";
  return "other";
}

/** Merged areas near the top, in 0-based columns. */
class Merges {
  private readonly areas: readonly MergeArea[];
  constructor(merges: readonly MergeArea[] | undefined, lastRow: number) {
    this.areas = (merges ?? []).filter((m) => m.top <= lastRow && m.right > 0);
  }
  get any(): boolean {
    return this.areas.length > 0;
  }
  /** The merged area holding Excel row `row`, 0-based column `j`. */
  at(row: number, j: number): MergeArea | undefined {
    return this.areas.find((m) => m.top <= row && row <= m.bottom && m.left - 1 <= j && j <= m.right - 1);
  }
  startingIn(fromRow: number, toRow: number): readonly MergeArea[] {
    return this.areas.filter((m) => m.top >= fromRow && m.top <= toRow);
  }
}

interface TwoRowHeader {
  readonly cols: readonly HeaderColumn[];
  readonly valid: boolean;
}

/** A sub-header row holds only short labels: no numbers, no identifiers, no dates. */
function looksLikeSubHeaderRow(row: CellRow | undefined): boolean {
  if (row === undefined) return false;
  let filled = 0;
  for (const c of row) {
    if (isBlank(c)) continue;
    if (c === null || c.t !== "s") return false;
    if (/\d{4,}/.test(c.v) || /^\s*\d+\s*$/.test(c.v)) return false;
    filled++;
  }
  return filled > 0;
}

/**
 * Reads rows `i` and `i + 1` as a group row over sub-headers. A group is a merged cell of
 * the top row spanning several columns, or (without merge information) a top-row label
 * followed by empty top cells that have sub-headers below them.
 */
function twoRowColumns(rows: readonly CellRow[], i: number, firstRow: number, merges: Merges): TwoRowHeader {
  const top = rows[i];
  const sub = rows[i + 1];
  const width = Math.max(rowWidth(top), rowWidth(sub));
  const topRow = firstRow + i;
  const cols: HeaderColumn[] = [];
  let group: { text: string; start: number; end: number } | null = null;
  let groupedColumns = 0;
  let topFilled = 0;
  for (let j = 0; j < width; j++) {
    const t = textAt(top, j);
    const s = textAt(sub, j);
    if (t !== "") topFilled++;
    const merge = merges.at(topRow, j);
    if (merge !== undefined && merge.bottom > topRow) {
      // Merged down over the sub row: one header standing in both rows.
      cols.push({ group: null, text: merge.left - 1 === j ? textAt(rows[merge.top - firstRow], j) : "" });
      group = null;
      continue;
    }
    if (merge !== undefined && merge.right > merge.left) {
      if (merge.left - 1 === j) group = asGroup(t, j, merge.right - 1);
    } else if (t !== "") {
      // Without merge information a group runs on over the empty top cells that have sub-headers.
      group = s !== "" ? asGroup(t, j, merges.any ? j : Infinity) : null;
    } else if (s === "" || (group !== null && j > group.end)) {
      group = null;
    }
    if (group === null) {
      cols.push({ group: null, text: s !== "" ? s : t });
    } else if (s === "") {
      cols.push({ group: null, text: j === group.start ? group.text : "" });
    } else {
      cols.push({ group: group.text, text: s });
      if (j > group.start) groupedColumns++;
    }
  }
  // A group spanning every column is a title over a one-row header, not a group header.
  const titleLike = cols.every((c) => c.text === "" || c.group !== null);
  return { cols, valid: topFilled >= 2 && groupedColumns > 0 && !titleLike && looksLikeSubHeaderRow(sub) };
}

/** A group header is a short label ("Tanggal", "Tempat/Tgl Lahir"); a long text is a title. */
function asGroup(text: string, start: number, end: number): { text: string; start: number; end: number } | null {
  const words = plainWords(text).length;
  return words > 0 && words <= 4 ? { text, start, end } : null;
}

function singleRowColumns(row: CellRow | undefined): HeaderColumn[] {
  const cols: HeaderColumn[] = [];
  for (let j = 0; j < rowWidth(row); j++) cols.push({ group: null, text: textAt(row, j) });
  return cols;
}

const SMALL_INT_TEXT = /^\(?(\d{1,5})\)?\.?$/;

/** The cell as a whole number below `max` ("3", "(3)", "3."), or null. */
function smallInt(cell: Cell | undefined, max: number): number | null {
  if (cell === null || cell === undefined) return null;
  if (cell.t === "n") return Number.isInteger(cell.v) && cell.v >= 0 && cell.v < max ? cell.v : null;
  if (cell.t === "s") {
    const m = SMALL_INT_TEXT.exec(cell.v.trim());
    return m === null || Number(m[1]) >= max ? null : Number(m[1]);
  }
  return null;
}

/** A "1 2 3 4 ..." row printed under a header to number its columns. */
export function isColumnNumberRow(row: CellRow | undefined): boolean {
  if (row === undefined) return false;
  const values: number[] = [];
  for (const c of row) {
    if (isBlank(c)) continue;
    const n = smallInt(c, 1000);
    if (n === null) return false;
    values.push(n);
  }
  if (values.length < 3 || (values[0] ?? 0) > 1) return false;
  return values.every((v, k) => k === 0 || v === (values[k - 1] ?? Number.NaN) + 1);
}

/**
 * Finds the header in the first 30 rows: the row (or group row + sub row) with the most
 * recognised roles, at least two, one of them name, NIK or NIP. rows[0] is Excel row `firstRow`.
 * Returns null when no such row exists.
 */
export function detectTable(
  rows: readonly CellRow[],
  firstRow: number,
  merges?: readonly MergeArea[],
): TableLayout | null {
  const limit = Math.min(rows.length, HEADER_SCAN_ROWS);
  const mergeInfo = new Merges(merges, firstRow + limit);
  let best: { top: number; bottom: number; cols: readonly HeaderColumn[]; mapping: Mapping } | null = null;
  const singles: Mapping[] = [];
  for (let i = 0; i < limit; i++) singles.push(mapRoles(singleRowColumns(rows[i]), undefined));
  for (let i = 0; i < limit; i++) {
    const single = singles[i];
    if (single === undefined) continue;
    if (isUsable(single) && (best === null || single.score > best.mapping.score)) {
      best = { top: i, bottom: i, cols: singleRowColumns(rows[i]), mapping: single };
    }
    if (i + 1 >= limit) continue;
    const two = twoRowColumns(rows, i, firstRow, mergeInfo);
    if (!two.valid) continue;
    const mapping = mapRoles(two.cols, undefined);
    // The pair must explain more than either row does alone.
    const beatsRows = mapping.score > single.score && mapping.score > (singles[i + 1]?.score ?? 0);
    if (beatsRows && isUsable(mapping) && (best === null || mapping.score > best.mapping.score)) {
      best = { top: i, bottom: i + 1, cols: two.cols, mapping };
    }
  }
  if (best === null) return null;

  let mapping = best.mapping;
  const kind = kindOf(mapping.columns);
  // A training sheet's bare "Tanggal" (or "Tanggal Mulai") is the training date: map again knowing the kind.
  if (kind === "training") mapping = mapRoles(best.cols, "training");

  const headerTopRow = firstRow + best.top;
  let headerRow = firstRow + best.bottom;
  let lastColumnIndex = -1;
  for (let i = best.top; i <= best.bottom; i++) lastColumnIndex = Math.max(lastColumnIndex, rowWidth(rows[i]) - 1);
  // Header cells merged downwards (or across) extend the header's depth and width.
  for (const m of mergeInfo.startingIn(headerTopRow, headerRow)) {
    const text = textAt(rows[m.top - firstRow], m.left - 1);
    if (text === "") continue;
    if (m.bottom > headerRow && m.bottom - headerRow <= 2) headerRow = m.bottom;
    lastColumnIndex = Math.max(lastColumnIndex, m.right - 1);
  }
  for (const j of Object.values(mapping.columns)) lastColumnIndex = Math.max(lastColumnIndex, j);
  const below = headerRow + 1 - firstRow;
  const dataStartRow = isColumnNumberRow(rows[below]) ? headerRow + 2 : headerRow + 1;
  return {
    kind,
    headerTopRow,
    headerRow,
    columns: mapping.columns,
    combinedBirthColumn: mapping.combinedBirthColumn,
    lastColumnIndex,
    dataStartRow,
  };
}

// ---- rows below the header ----------------------------------------------------------

const MONTHS =
  "januari|februari|pebruari|maret|april|mei|juni|juli|agustus|september|oktober|november|nopember|desember|" +
  "jan|feb|peb|mar|apr|jun|jul|agu|agt|agus|ags|sep|sept|okt|nov|nop|des";
const TOTALS = /^(jumlah|total|grand total|sub total|subtotal|rekapitulasi|rekap)( |$)/;
/** What a totals cell starts with, on the raw text. */
const TOTALS_START = /^[\s\W]*(jml|jumlah|total|grand|sub|rekap)/i;
const SIGNATURE = new RegExp(
  "^(an|ub|plt|plh|pj|pjs|atas nama|mengetahui|menyetujui|diketahui|disetujui|ditetapkan|dibuat|disahkan|tertanda|ttd|" +
    "yang membuat|yang menyatakan|hormat kami|pembuat daftar|kepala|kabid|kabag|kasubag|kasubbag|kasi|sekretaris|sekda|" +
    "camat|lurah|bupati|walikota|wali kota|gubernur|direktur|bendahara|pejabat pembuat komitmen|" +
    "pembina|penata|pengatur|juru)( |$)",
);
const NIP_LINE = /^nip( [\d ]+)?$/;
/** "Balikpapan, 1 Desember 2025", "Balikpapan, Desember 2025", "Balikpapan, 01-12-2025" (as plain words). */
const PLACE_DATE = new RegExp(`^[a-z][a-z ]{1,40} ((\\d{1,2} )?(${MONTHS})|\\d{1,2} \\d{1,2}) \\d{4}$`);
/** "Balikpapan," alone, the date being in the next cell. */
const PLACE_COMMA = /^[A-Za-z][A-Za-z .]{1,40},\s*$/;
/** A name with a title or degree, as signed under a table: "Drs. H. Budi", "Budi Santoso, S.Pd., M.Si". */
const TITLED_NAME =
  /^(prof|dr|drs|dra|ir|h|hj)\.\s*\S|,\s*(s|m|a|d)\.?\s?(e|h|t|kom|pd|si|sos|ip|md|km|kep|ag|pt|p|m|ap|kes|ak|farm|ked|gz|tr|psi|hum|kom)\.?\s*(,|$)/i;

const roleColumnCache = new WeakMap<TableLayout, ReadonlySet<number>>();
function roleColumnSet(layout: TableLayout): ReadonlySet<number> {
  let set = roleColumnCache.get(layout);
  if (set === undefined) {
    set = new Set(Object.values(layout.columns));
    roleColumnCache.set(layout, set);
  }
  return set;
}

/** Non-blank and not mere punctuation such as "-" or "....". */
export function isMeaningful(cell: Cell | undefined): boolean {
  if (cell === null || cell === undefined) return false;
  if (cell.t !== "s") return true;
  // Most texts start with an ASCII letter or digit: answered without the Unicode expression,
  // which this runs for every text cell of every row.
  const c = cell.v.charCodeAt(0);
  const lower = c | 32;
  if ((c >= 48 && c <= 57) || (lower >= 97 && lower <= 122)) return true;
  return /[\p{L}\p{N}]/u.test(cell.v);
}

const isSignatureLine = (joined: string): boolean => SIGNATURE.test(joined) || NIP_LINE.test(joined);
const isPlaceDate = (joined: string, raw: string): boolean => PLACE_DATE.test(joined) || PLACE_COMMA.test(raw.trim());

/** Text no person's name cell would hold: a total, a signature line, a place and date. */
function endText(text: string): boolean {
  const joined = plainWords(text).join(" ");
  return TOTALS.test(joined) || isSignatureLine(joined) || isPlaceDate(joined, text);
}

/** True when the row's NIK or NIP cell holds what a person's row would. */
function hasIdNumber(row: CellRow, layout: TableLayout): boolean {
  for (const role of ["nik", "nip"] as const) {
    const j = layout.columns[role];
    const c = j === undefined ? null : (row[j] ?? null);
    if (c === null) continue;
    if (c.t === "n" && Math.abs(c.v) >= 1e9) return true;
    if (c.t === "s" && !/^\s*nip\b/i.test(c.v) && c.v.replace(/\D/g, "").length >= 10) return true;
  }
  return false;
}

/** True when the row's name, NIK or NIP cell holds what a person's row would. */
function hasPersonIdentity(row: CellRow, layout: TableLayout): boolean {
  if (hasIdNumber(row, layout)) return true;
  const j = layout.columns.name;
  const c = j === undefined ? null : (row[j] ?? null);
  return c !== null && c.t === "s" && /\p{L}.*\p{L}/u.test(c.v) && !endText(c.v);
}

/** Words of a unit's name: a section row in the name column must hold one ("BIDANG PERSAMPAHAN"). */
const SECTION_WORDS = new Set([
  "sekretariat",
  "bidang",
  "bagian",
  "subbagian",
  "subbag",
  "seksi",
  "uptd",
  "upt",
  "unit",
  "puskesmas",
  "pustu",
  "kecamatan",
  "kelurahan",
  "desa",
  "sekolah",
  "sdn",
  "smpn",
  "sman",
  "smkn",
  "tpa",
  "tps",
  "kantor",
  "dinas",
  "badan",
  "kelompok",
  "regu",
  "pos",
  "wilayah",
  "labkesda",
  "laboratorium",
  "instalasi",
  "rsud",
  "satuan",
  "pleton",
]);
/** A section's number or letter printed in the "No" column: "A", "II", "3.", "B)". */
const SECTION_MARK = /^\s*(?:[A-Za-z]|[IVXivx]{1,4}|\d{1,3})\s*[.)]?\s*$/;
/** Columns that hold a person's identity or dates: a section row leaves them all empty. */
const PERSON_COLUMNS: readonly Role[] = ["nik", "nip", "birthDate", "birthPlace", "startDate", "endDate", "gender"];

/**
 * The label of a section row, or null: one text (often merged across the table, so only
 * its first cell holds it) and nothing in the identity and date columns, at most beside a
 * section mark ("A", "II") in a column that plays no role. In the name column the text
 * must name a unit ("SEKRETARIAT", "UPTD TPA MANGGAR"), since a person's row may hold
 * only a name; totals and signature lines are never sections.
 */
export function sectionLabel(row: CellRow, layout: TableLayout): string | null {
  const roles = roleColumnSet(layout);
  const texts: number[] = [];
  for (let j = 0; j < row.length; j++) {
    const c = row[j];
    if (!isMeaningful(c)) continue;
    if (c === null || c === undefined || c.t !== "s") {
      // A number is allowed only as the section's mark in the "No" column.
      if (roles.has(j) || smallInt(c, 1000) === null) return null;
      continue;
    }
    texts.push(j);
  }
  const labels = texts.filter((j) => roles.has(j) || !SECTION_MARK.test(cellText(row[j])));
  if (labels.length !== 1) return null;
  const j = labels[0];
  if (j === undefined) return null;
  for (const role of PERSON_COLUMNS) {
    const k = layout.columns[role];
    if (k !== undefined && k !== j && isMeaningful(row[k])) return null;
  }
  const raw = cellText(row[j]);
  const words = plainWords(raw);
  if (words.length === 0 || endText(raw) || raw.length > 120) return null;
  // A titled name alone outside the name column is the signer under the table.
  if (j !== layout.columns.name && TITLED_NAME.test(raw.trim())) return null;
  if (j === layout.columns.name && !words.some((w) => SECTION_WORDS.has(w))) return null;
  // A lone text in an identity column (a NIK written as text) is a person's, not a label.
  if (j === layout.columns.nik || j === layout.columns.nip) return null;
  return raw.trim().replace(/\s+/g, " ");
}

/**
 * Classifies a row below the header: "blank" (nothing, or only a row number), "end" (a
 * totals row or the signature block: the table stops here), "section" (a label over the
 * rows below: see sectionLabel) or "data". A row whose name, NIK or NIP looks like a
 * person's is data, so a unit such as "Kepala Seksi" cannot end the table.
 */
/** classifyRow's list of filled columns, used again for every row (it runs for every row; not re-entered). */
const filledScratch: number[] = [];

export function classifyRow(row: CellRow, layout: TableLayout): RowClass {
  // Plain loops over one list used again: closures and a new list per row were a fifth of the
  // engine's allocation for this function alone.
  const filled = filledScratch;
  let count = 0;
  for (let j = 0; j < row.length; j++) if (isMeaningful(row[j])) filled[count++] = j;
  if (count === 0) return "blank";
  const roleColumns = roleColumnSet(layout);
  // Pre-numbered empty template rows: only the "No" column is filled.
  let numbersOnly = true;
  for (let k = 0; k < count && numbersOnly; k++) {
    const j = filled[k] as number;
    numbersOnly = !roleColumns.has(j) && smallInt(row[j], 100_000) !== null;
  }
  if (numbersOnly) return "blank";
  if (count <= 2 && sectionLabel(row, layout) !== null) return "section";
  // "JUMLAH | 3 orang": a totals row ends the table even when its count sits in the name column.
  let totals = false;
  for (let k = 0; k < count && !totals; k++) {
    const c = row[filled[k] as number];
    // The cheap test first: this runs on every data row.
    totals =
      c !== null && c !== undefined && c.t === "s" && TOTALS_START.test(c.v) && TOTALS.test(plainWords(c.v).join(" "));
  }
  if (totals && !hasIdNumber(row, layout)) return "end";
  if (hasPersonIdentity(row, layout)) return "data";

  const birthColumns = new Set([layout.columns.birthPlace, layout.columns.birthDate, layout.combinedBirthColumn]);
  let signature = false;
  for (let k = 0; k < count; k++) {
    const j = filled[k] as number;
    const c = row[j];
    if (c === null || c === undefined || c.t !== "s") continue;
    const joined = plainWords(c.v).join(" ");
    if (TOTALS.test(joined)) return "end";
    if (isSignatureLine(joined)) signature = true;
    else if (!birthColumns.has(j) && isPlaceDate(joined, c.v)) signature = true;
    else if (count === 1 && j !== layout.columns.name && TITLED_NAME.test(c.v.trim())) signature = true;
  }
  // Signature lines hold one to three cells (left and right signatures); a data row holds more.
  return signature && count <= 3 ? "end" : "data";
}

/** Headers the detection looks for, as examples named when no table is found (one per role family). */
export const HEADER_EXAMPLES: readonly string[] = [
  "NAMA",
  "NIK",
  "NIP",
  "TMT / Tanggal Mulai Kerja",
  "Tanggal Akhir Kerja / S/D",
  "Tanggal Lahir / Tempat, Tgl Lahir",
  "L/P",
  "Status",
  "Jabatan",
  "Unit Kerja",
  "Nama Pelatihan",
  "Tanggal Pelatihan",
  "JP / Durasi (menit)",
];

/** The roles a report lists as found or not found, per kind of sheet. */
const REPORTED_ROLES: Readonly<Record<SheetKind, readonly Role[]>> = {
  personnel: ["name", "nik", "nip", "birthDate", "gender", "status", "startDate", "endDate", "position", "unit"],
  training: ["name", "nip", "nik", "status", "training", "date", "jp"],
  other: [],
};

/** Roles a sheet of this kind usually has that no column was read for (a duration column stands in for `jp`). */
export function rolesNotFound(layout: TableLayout): Role[] {
  return REPORTED_ROLES[layout.kind].filter(
    (r) => layout.columns[r] === undefined && !(r === "jp" && hasDuration(layout)),
  );
}

/** Roles a sheet of this kind must have. For training, `jp` is satisfied by a minutes or hours column: see `hasDuration`. */
export function requiredRoles(kind: SheetKind): readonly Role[] {
  switch (kind) {
    case "personnel":
      return ["name", "nik", "startDate"];
    case "training":
      return ["training", "jp"];
    case "other":
      return [];
  }
}

/** True when the layout has a duration column: JP, or minutes or hours to convert to JP. */
export function hasDuration(layout: TableLayout): boolean {
  return DURATION_ROLES.some((r) => layout.columns[r] !== undefined);
}

/** The required roles the layout lacks (a minutes or hours column stands in for `jp`). */
export function missingRoles(layout: TableLayout): Role[] {
  return requiredRoles(layout.kind).filter(
    (r) => layout.columns[r] === undefined && !(r === "jp" && hasDuration(layout)),
  );
}
