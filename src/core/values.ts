/**
 * Readers for the plain values of a personnel sheet: gender, employment status,
 * numbers (money, JP), text and names. Each takes a Cell as the adapter gave it and
 * never throws; what it cannot read comes back as "unknown" with the text shown, so
 * the engine can raise a coded issue.
 */
import { type Cell, cellText } from "./cells";
import type { EmploymentStatus } from "./vocabulary";

export type Gender = "L" | "P";

export type ValueRead<T> =
  | { kind: "empty" }
  | { kind: "ok"; value: T }
  | { kind: "unknown"; text: string }
  | { kind: "error"; text: string };

// Error values Excel can show; text spelling one (CSV exports, pasted values) is treated as the error.
const EXCEL_ERRORS: ReadonlySet<string> = new Set([
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
  "#PYTHON!",
]);

/** Trims and collapses every run of white space (incl. no-break and zero-width spaces) to one space. */
export function collapseSpaces(text: string): string {
  return isCollapsed(text) ? text : text.replace(/[\s\u200B-\u200D\u2060]+/g, " ").trim();
}

/**
 * True for printable ASCII with single inner spaces: the text collapseSpaces would give
 * back unchanged (most cells), found without a regex. Anything else says false.
 */
function isCollapsed(text: string): boolean {
  const last = text.length - 1;
  for (let i = 0; i <= last; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) {
      if (i === 0 || i === last || text.charCodeAt(i - 1) === 32) return false;
    } else if (c < 32 || c > 126) return false;
  }
  return true;
}

/**
 * A reader's answers for the texts seen lately: a status or gender column holds a few
 * spellings over and over. Cleared when full, so odd data cannot grow it without bound.
 */
function memoized<T>(read: (text: string) => T): (text: string) => T {
  const seen = new Map<string, T>();
  return (text) => {
    let answer = seen.get(text);
    if (answer === undefined) {
      answer = read(text);
      if (seen.size >= 2000) seen.clear();
      seen.set(text, answer);
    }
    return answer;
  };
}

/** The Excel error a text spells ("#N/A", "#ref!"), upper-cased, or null. */
export function excelErrorText(text: string): string | null {
  // Every error starts with "#": most cells are answered without trimming or upper-casing.
  if (text.indexOf("#") < 0) return null;
  const upper = text.trim().toUpperCase();
  return EXCEL_ERRORS.has(upper) ? upper : null;
}

/** A cell sorted into what the readers care about. Text is trimmed and never blank. */
export type CellClass =
  | { kind: "empty" }
  | { kind: "error"; text: string }
  | { kind: "text"; text: string }
  | { kind: "number"; value: number; isDate: boolean; format: string | undefined }
  | { kind: "boolean"; value: boolean };

export function classifyCell(cell: Cell | undefined): CellClass {
  if (cell === null || cell === undefined) return { kind: "empty" };
  switch (cell.t) {
    case "e":
      return { kind: "error", text: cell.v };
    case "b":
      return { kind: "boolean", value: cell.v };
    case "n":
    case "d":
      return { kind: "number", value: cell.v, isDate: cell.t === "d", format: cell.format };
    case "s": {
      const text = collapseSpaces(cell.v);
      if (text === "") return { kind: "empty" };
      const error = excelErrorText(text);
      return error !== null ? { kind: "error", text: error } : { kind: "text", text };
    }
  }
}

/** The cell as text: trimmed, inner white space collapsed, null when blank. Numbers as their digits; errors as written. */
export function readText(cell: Cell): string | null {
  const text = collapseSpaces(cellText(cell));
  return text === "" ? null : text;
}

/** Shared prologue of the value readers: empty and error pass through, anything else not text is "unknown". */
function textOrVerdict(cell: Cell): { kind: "text"; text: string } | Exclude<ValueRead<never>, { kind: "ok" }> {
  const c = classifyCell(cell);
  if (c.kind === "empty" || c.kind === "error" || c.kind === "text") return c;
  return { kind: "unknown", text: cellText(cell) };
}

const MALE = new Set(["l", "lk", "laki", "lakilaki", "laki2", "pria", "cowok", "male", "m", "man"]);
const FEMALE = new Set(["p", "pr", "prp", "perempuan", "wanita", "w", "wn", "cewek", "female", "f", "woman"]);

/** L/P from the many spellings of a gender column. */
export function readGender(cell: Cell): ValueRead<Gender> {
  const t = textOrVerdict(cell);
  return t.kind !== "text" ? t : genderOfText(t.text);
}

const genderOfText = memoized((text: string): ValueRead<Gender> => {
  // "Laki-laki", "Laki Laki", "L." and "lk" all reduce to letters only.
  const key = text.toLowerCase().replace(/[^a-z0-9]+/g, "");
  if (MALE.has(key)) return { kind: "ok", value: "L" };
  if (FEMALE.has(key)) return { kind: "ok", value: "P" };
  return { kind: "unknown", text };
});

const NON_ASN_WORDS = [
  "non asn",
  "nonasn",
  "non pns",
  "nonpns",
  "honorer",
  "honor",
  "honda",
  "kontrak",
  "thl",
  "tenaga harian lepas",
  "harian lepas",
  "ptt",
  "pegawai tidak tetap",
  "tidak tetap",
  "gtt",
  "tkd",
  "tkk",
  "sukarela",
  "sukwan",
  "pjlp",
  "outsourcing",
  "alih daya",
  "thk",
];

function hasWord(text: string, word: string): boolean {
  return ` ${text} `.includes(` ${word} `);
}

/** BKN non-ASN database categories (domain.md, "Settled points"): R2/R3/R3B/R3T are in the database, R4 is not, TH did not attend the selection. */
export const BKN_CODES = ["R2", "R3", "R3B", "R3T", "R4", "TH"] as const;
export type BknCode = (typeof BKN_CODES)[number];

const statusWords = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

/**
 * The BKN category code a status (or category) cell holds: "R2", "Honorer R3", "Non ASN
 * (R3B)", "TH". "TH" counts only alone or beside other non-ASN words, since "th" also
 * abbreviates "tahun". Null when there is none or two different codes.
 */
export function readBknCode(cell: Cell): BknCode | null {
  const t = textOrVerdict(cell);
  return t.kind === "text" ? bknCodeOfCell(t.text) : null;
}

const bknCodeOfCell = memoized((text: string): BknCode | null => bknCodeOfText(statusWords(text)));

function bknCodeOfText(words: string): BknCode | null {
  const tokens = words.split(" ");
  const found = new Set<BknCode>();
  for (const token of tokens) {
    const upper = token.toUpperCase();
    if (upper === "TH") continue;
    if ((BKN_CODES as readonly string[]).includes(upper)) found.add(upper as BknCode);
  }
  if (tokens.includes("th") && (tokens.length === 1 || NON_ASN_WORDS.some((w) => hasWord(words, w)))) found.add("TH");
  return found.size === 1 ? ([...found][0] ?? null) : null;
}

/**
 * Employment status. A BKN category code (R2, R3, R3B, R3T, R4, TH) means a non-ASN
 * worker (readBknCode gives the code). A text naming two statuses ("PNS/PPPK") is
 * unknown: guessing would hide it.
 */
export function readStatus(cell: Cell): ValueRead<EmploymentStatus> {
  const t = textOrVerdict(cell);
  return t.kind !== "text" ? t : statusOfText(t.text);
}

const statusOfText = memoized((written: string): ValueRead<EmploymentStatus> => {
  const text = statusWords(written);
  // Remove the non-ASN phrases first: "non pns" must not count as "pns".
  let rest = ` ${text} `;
  let nonAsn = bknCodeOfText(text) !== null;
  for (const code of BKN_CODES) rest = rest.split(` ${code.toLowerCase()} `).join(" ");
  for (const word of NON_ASN_WORDS) {
    if (rest.includes(` ${word} `)) {
      nonAsn = true;
      rest = rest.split(` ${word} `).join(" ");
    }
  }
  rest = rest.trim();
  const compact = rest.replace(/ /g, "");
  const partTime =
    hasWord(rest, "paruh waktu") ||
    /^(pppk|p3k)pw$/.test(compact) ||
    /\b(pppk|p3k) ?pw\b/.test(rest) ||
    compact === "paruhwaktu";
  const pppk =
    partTime || /\b(pppk|p3k)\b/.test(rest) || hasWord(rest, "penuh waktu") || rest.includes("perjanjian kerja");
  const pns = /\bc?pns\b/.test(rest) || rest.includes("pegawai negeri sipil");
  const found: EmploymentStatus[] = [];
  if (nonAsn) found.push("non-asn");
  if (pppk) found.push(partTime ? "pppk-paruh-waktu" : "pppk");
  if (pns) found.push("pns");
  const [only, other] = found;
  return only !== undefined && other === undefined ? { kind: "ok", value: only } : { kind: "unknown", text: written };
});

/** The number a cell holds: money ("Rp 1.500.000,-"), counts ("24 JP"), Indonesian decimals ("2,5"). */
export function readNumber(cell: Cell): ValueRead<number> {
  const c = classifyCell(cell);
  if (c.kind === "empty" || c.kind === "error") return c;
  if (c.kind === "number")
    return Number.isFinite(c.value) ? { kind: "ok", value: c.value } : { kind: "unknown", text: String(c.value) };
  if (c.kind === "boolean") return { kind: "unknown", text: cellText(cell) };
  // A lone dash is how Indonesian sheets write "nothing" in a money or count column.
  if (/^[-\u2013\u2014]+$/.test(c.text)) return { kind: "empty" };
  const stripped = c.text.replace(/\s*jp\.?$/i, "");
  const value = parseNumberText(stripped);
  return value === null ? { kind: "unknown", text: c.text } : { kind: "ok", value };
}

export type QuantityUnit = "jp" | "minutes" | "hours";

/**
 * A number with an optional unit word ("90 menit", "1,5 jam", "2 JP"); the unit is
 * null when none is written. The caller decides what a unit means for its column.
 */
export function readQuantity(cell: Cell): ValueRead<{ value: number; unit: QuantityUnit | null }> {
  const c = classifyCell(cell);
  if (c.kind !== "text") {
    const plain = readNumber(cell);
    return plain.kind === "ok" ? { kind: "ok", value: { value: plain.value, unit: null } } : plain;
  }
  // "2 jam 30 menit": hours and minutes together, as minutes.
  const both = /^(\d+(?:[.,]\d+)?)\s*(?:jam|j)\.?\s*(\d+)\s*(?:menit|mnt|m)\.?$/i.exec(c.text);
  if (both !== null && both[1] !== undefined) {
    const hours = parseNumberText(both[1]);
    if (hours !== null) return { kind: "ok", value: { value: hours * 60 + Number(both[2]), unit: "minutes" } };
  }
  const m = /^(.*?)\s*(jp|jpl|menit|mnt|min|minutes?|jam|hours?|hrs?)\.?$/i.exec(c.text);
  if (m === null) {
    const plain = readNumber(cell);
    return plain.kind === "ok" ? { kind: "ok", value: { value: plain.value, unit: null } } : plain;
  }
  const word = (m[2] ?? "").toLowerCase();
  const unit: QuantityUnit = word.startsWith("jp") ? "jp" : /^(jam|hour|hr)/.test(word) ? "hours" : "minutes";
  const value = parseNumberText(m[1] ?? "");
  return value === null ? { kind: "unknown", text: c.text } : { kind: "ok", value: { value, unit } };
}

/**
 * Years or months of tenure as typed by hand under "MASA KERJA" | "TAHUN" | "BULAN":
 * "5", "5 thn", "3 bulan", "03". Whole numbers from 0; anything else is unknown.
 */
export function readTenurePart(cell: Cell): ValueRead<number> {
  const c = classifyCell(cell);
  if (c.kind === "text") {
    const m = /^(\d{1,3})\s*(?:tahun|thn|th|bulan|bln|bl)?\.?$/i.exec(c.text);
    return m === null ? { kind: "unknown", text: c.text } : { kind: "ok", value: Number(m[1]) };
  }
  const n = readNumber(cell);
  if (n.kind !== "ok") return n;
  return Number.isInteger(n.value) && n.value >= 0 ? n : { kind: "unknown", text: cellText(cell) };
}

/** Integer part with a thousands separator every three digits. */
function groupedInteger(text: string, sep: "." | ","): string | null {
  const parts = text.split(sep);
  if (!/^\d{1,3}$/.test(parts[0] ?? "")) return null;
  for (let i = 1; i < parts.length; i += 1) if (!/^\d{3}$/.test(parts[i] ?? "")) return null;
  return parts.join("");
}

/**
 * Parses a number written the Indonesian way. Dots group thousands and the comma is
 * the decimal mark ("1.500.000", "1.500,75", "2,5"); a single dot followed by exactly
 * three digits is a thousands dot ("1.500" is 1500), otherwise a decimal point
 * ("2.5"). A single comma is always the decimal mark ("1,500" is 1.5); several commas
 * are English thousands ("1,500,000"). When both marks occur, the last one is the
 * decimal mark. "Rp"/"IDR" and a trailing ",-" are dropped. Returns null otherwise.
 */
export function parseNumberText(text: string): number | null {
  let s = collapseSpaces(text).toLowerCase();
  s = s.replace(/^(rp|idr)\.?\s*/, "");
  s = s.replace(/\s*[.,]\s*-+$/, "");
  let sign = 1;
  const signMatch = /^([+\-\u2212])\s*/.exec(s);
  if (signMatch !== null) {
    if (signMatch[1] !== "+") sign = -1;
    s = s.slice(signMatch[0].length);
  }
  // Spaces (incl. no-break) as thousands separators: "1 500 000".
  s = s.replace(/(\d) (?=\d{3}(?:\D|$))/g, "$1");
  if (/^\d+(?:\.\d+)?e[+-]?\d+$/.test(s)) return finiteOrNull(sign * Number(s));
  if (!/^[\d.,]+$/.test(s) || !/\d/.test(s)) return null;
  const lastDot = s.lastIndexOf(".");
  const lastComma = s.lastIndexOf(",");
  const dots = s.split(".").length - 1;
  const commas = s.split(",").length - 1;
  let digits: string | null;
  if (dots > 0 && commas > 0) {
    const decimal = lastDot > lastComma ? "." : ",";
    const thousands = decimal === "." ? "," : ".";
    const at = Math.max(lastDot, lastComma);
    if ((decimal === "." ? dots : commas) !== 1) return null;
    const int = groupedInteger(s.slice(0, at), thousands);
    const frac = s.slice(at + 1);
    digits = int !== null && /^\d+$/.test(frac) ? `${int}.${frac}` : null;
  } else if (dots > 1) {
    digits = groupedInteger(s, ".");
  } else if (commas > 1) {
    digits = groupedInteger(s, ",");
  } else if (dots === 1) {
    const [a = "", b = ""] = s.split(".");
    const thousands = /^[1-9]\d{0,2}$/.test(a) && /^\d{3}$/.test(b);
    digits = thousands ? a + b : /^\d*$/.test(a) && /^\d+$/.test(b) ? `${a === "" ? "0" : a}.${b}` : null;
  } else if (commas === 1) {
    const [a = "", b = ""] = s.split(",");
    digits = /^\d*$/.test(a) && /^\d+$/.test(b) ? `${a === "" ? "0" : a}.${b}` : null;
  } else {
    digits = s;
  }
  return digits === null ? null : finiteOrNull(sign * Number(digits));
}

function finiteOrNull(n: number): number | null {
  return Number.isFinite(n) ? n : null;
}

// Titles written before a name: academic (Dr., Drs., Ir., Prof.), religious (H., Hj., KH.) and forms of address.
const LEADING_TITLES = new Set([
  "DR",
  "DRS",
  "DRA",
  "DRG",
  "IR",
  "PROF",
  "H",
  "HJ",
  "KH",
  "NS",
  "TN",
  "NY",
  "NN",
  "SDR",
  "SDRI",
  "BPK",
  "BAPAK",
  "IBU",
]);
// Degrees written without dots after a name ("Budi SPd"); dotted forms are recognised by shape.
const UNDOTTED_DEGREES = new Set([
  "SPD",
  "SPDI",
  "SE",
  "SH",
  "ST",
  "SKOM",
  "SSOS",
  "SIP",
  "SAP",
  "SAG",
  "SPSI",
  "SKM",
  "SKEP",
  "SKES",
  "SSI",
  "SGZ",
  "SFARM",
  "SKED",
  "STR",
  "AMD",
  "AMDKEP",
  "AMDKEB",
  "AMK",
  "AMKEB",
  "MM",
  "MPD",
  "MSI",
  "MH",
  "MT",
  "MKES",
  "MKOM",
  "MSC",
  "MBA",
  "MAP",
  "PHD",
  "APT",
  "NERS",
  "LC",
  "MA",
  "BSC",
]);

/** "S.PD", "M.KES", "A.MD.KEP", "PH.D", "S.TR.KEB": letters with inner dots. */
function isDottedDegree(token: string): boolean {
  return /^[A-Z]{1,3}\.[A-Z]{1,4}(?:\.[A-Z]{1,4})*\.?$/.test(token);
}

function isDegree(token: string): boolean {
  return isDottedDegree(token) || UNDOTTED_DEGREES.has(token.replace(/\./g, ""));
}

/**
 * A person's name reduced for matching across sheets: upper case, no accents,
 * without titles and degrees ("Drs. H. Budi Santoso, S.Pd., M.Pd." -> "BUDI SANTOSO"),
 * without dots, commas and apostrophes, spaces collapsed. At least one word is kept.
 */
export function normalizeName(name: string): string {
  if (PLAIN_NAME.test(name)) return normalizePlainName(name);
  // Upper case before stripping accents: upper-casing can itself produce combining marks.
  const upper = collapseSpaces(
    name
      .toUpperCase()
      .normalize("NFD")
      .replace(/\p{M}/gu, "")
      .replace(/['\u2018\u2019`]/g, "")
      .replace(/[-_\p{Cc}\p{Cf}]/gu, " "),
  );
  const [first, ...after] = upper.split(",");
  // Comma-separated tails are degrees unless they look like more name.
  const kept = after.filter((segment) => {
    const words = segment.split(" ").filter((w) => w !== "");
    return words.length > 0 && !words.every(isDegree);
  });
  // "Drs.Budi": a title glued to the name by its dot.
  const spaced = [first, ...kept]
    .join(" ")
    .replace(/\b([A-Z]{1,5})\.(?=[A-Z]{2})/g, (whole, word: string) =>
      LEADING_TITLES.has(word) ? `${word}. ` : whole,
    );
  // A lone dot is no word ("S.Pd ."): left in, it would hide the degree before it until the dots go.
  const tokens = spaced.split(" ").filter((w) => w.replace(/\./g, "") !== "");
  // A one-letter title needs its dot ("H. Ahmad"); without it, it may be an initial.
  const isTitle = (token: string): boolean =>
    LEADING_TITLES.has(token.replace(/\./g, "")) && (token.endsWith(".") || token.length > 1);
  while (tokens.length > 1 && isTitle(tokens[0] ?? "")) tokens.shift();
  while (tokens.length > 1 && isDegree(tokens[tokens.length - 1] ?? "")) tokens.pop();
  return collapseSpaces(tokens.join(" ").replace(/\./g, ""));
}

/** Letters and spaces only: no accent, dot, comma, apostrophe or dash to handle. */
const PLAIN_NAME = /^[A-Za-z ]*$/;

/** normalizeName for a PLAIN_NAME, the common case: the same steps without the ones that cannot apply. */
function normalizePlainName(name: string): string {
  const tokens = name
    .toUpperCase()
    .split(" ")
    .filter((w) => w !== "");
  while (tokens.length > 1 && LEADING_TITLES.has(tokens[0] ?? "") && (tokens[0] ?? "").length > 1) tokens.shift();
  while (tokens.length > 1 && UNDOTTED_DEGREES.has(tokens[tokens.length - 1] ?? "")) tokens.pop();
  const normalized = tokens.join(" ");
  // A name already in its normal form gives back the same string: one copy kept, not two.
  return normalized === name ? name : normalized;
}
