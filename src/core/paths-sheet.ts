/**
 * The sheet *CH Jalur*: every non-ASN by path after the cut-off, with what each still
 * needs, under the policy it was decided with. Sorted so an OPD can act on it: the
 * people who need something done first (data to fix, PJLP documents to collect), then
 * by unit and name.
 */
import { type OutCell, type OutGrid, type OutStyle, outCell as cell, policyValue } from "./annotations";
import { NAME_COLLATOR, compareNames, comparePlainBytes, isPlainBytes, isPlainName } from "./name-order";
import { type OutSheet, madeRows, wholeGrid } from "./out-sheet";
import { PATH_SETTING_KEYS, POLICY_LABELS, type Policy, type PolicyKey } from "./policy";
import { type PersonRow, type Tenure, type WorkbookResult, isPersonRow } from "./results";
import { SteppedSort } from "./stepped-sort";
import { StringStore, blockOffset } from "./string-store";
import { IdList } from "./computed-rows";
import { formatTenure, tenureFromMonths } from "./tenure";
import { BKN_CODES, type BknCode } from "./values";
import { type Lang, PATH_CODES, PATHS, type PathCode, PJLP_DOCUMENTS, ROLES, label } from "./vocabulary";

/** The order of the sheet: what needs action first. */
const ACTION_ORDER: readonly PathCode[] = [
  "perlu-diperiksa",
  "pjlp-belum-siap",
  "pjlp-siap",
  "pppk-paruh-waktu",
  "usul-pppk",
  "bantuan-usaha",
];

/** The settings a path depends on, written at the top of the sheet. */
const PATH_POLICY_KEYS: readonly PolicyKey[] = [
  "cutoffDate",
  "referenceDate",
  "minTenureMonths",
  "minAge",
  "retirementAge",
  ...PATH_SETTING_KEYS,
];

const STYLE: Record<PathCode, OutStyle | undefined> = {
  "perlu-diperiksa": "warning",
  "pjlp-belum-siap": "warning",
  "pjlp-siap": "ok",
  "pppk-paruh-waktu": "ok",
  "usul-pppk": "ok",
  "bantuan-usaha": undefined,
};

/** The most rows a sheet can hold. */
const EXCEL_MAX_ROWS = 1_048_576;

/** What decides a person's "needs" text beside the path, tenure, age and BKN code: a few distinct shapes. */
export interface NeedsShape {
  readonly missing: PersonRow["pathMissing"];
  readonly review: PersonRow["pathReview"];
  readonly npwpFromNik: boolean;
}

/** What one person still needs, in words. */
export function pathNeeds(p: PersonRow, policy: Policy, lang: Lang): string {
  if (p.path === null) return "";
  const shape = { missing: p.pathMissing, review: p.pathReview, npwpFromNik: p.pathNpwpFromNik };
  return needsText(p.path, shape, p.bknCode, p.tenure, p.ageYears, policy, lang);
}

function needsText(
  path: PathCode,
  shape: NeedsShape,
  bknCode: BknCode | null,
  tenure: Tenure | null,
  ageYears: number | null,
  policy: Policy,
  lang: Lang,
): string {
  switch (path) {
    case "pjlp-belum-siap": {
      const documents = shape.missing
        .map((m) =>
          label(m.problem === "empty" ? "needDocEmpty" : "needDocInvalid", lang, {
            document: PJLP_DOCUMENTS[m.document][lang],
          }),
        )
        .join(", ");
      const where = shape.missing.some((m) => m.document === "nib") ? `; ${label("needNibWhere", lang)}` : "";
      return `${label("needMissingDocs", lang, { documents })}${where}`;
    }
    case "pjlp-siap": {
      const npwpNote = shape.npwpFromNik ? label("needNpwpFromNik", lang) : "";
      return label("needReady", lang, { npwpNote });
    }
    case "pppk-paruh-waktu":
      return label("needParuhWaktu", lang, { code: bknCode ?? "" });
    case "usul-pppk":
      return label("needUsulPppk", lang, {
        tenure: tenure !== null ? formatTenure(tenure, lang) : "",
        age: ageYears ?? "",
      });
    case "bantuan-usaha":
      return label("needBantuanUsaha", lang, {
        tenure: tenure !== null ? formatTenure(tenure, lang) : "",
        months: policy.bantuanUsahaMaxMonths,
      });
    case "perlu-diperiksa":
      return shape.review.length > 0
        ? label("needReviewData", lang, { fields: shape.review.map((f) => ROLES[f][lang]).join(", ") })
        : label("needReviewNone", lang);
  }
}

/** Where a person row was read: the workbook's file and policy, the sheet. */
export interface ReportPlace {
  readonly file: string | undefined;
  readonly sheet: string;
  readonly policy: Policy;
}

const COLLATOR = NAME_COLLATOR;
const ACTION_RANK = new Map(ACTION_ORDER.map((p, i) => [p, i]));

/** Age kept in 16 bits: these two values mean "none" and "kept aside" (not a small whole number). */
const NO_AGE = -32768;
const AGE_ASIDE = -32767;
/** Tenure kept as years * 12 + months: -1 none, -2 kept aside (not whole, or months past 11). */
const NO_TENURE = -1;
const TENURE_ASIDE = -2;
/** How a NIK is kept: none, 16 digits packed in two 8-digit halves, or as text. */
const NIK_NONE = 0;
const NIK_DIGITS = 1;
const NIK_TEXT = 2;
const SIXTEEN_DIGITS = /^\d{16}$/;

/**
 * Every non-ASN of a check, kept for CH Jalur as it is read: per person a few numbers in typed
 * arrays (row, place, path, unit, BKN code, tenure, age, needs), the name in a byte arena and the
 * NIK packed, about 60 bytes a person instead of the whole PersonRow. Units and needs are
 * interned. Rows come in the order read; `sheet` sorts them once, as pathsGrid always did.
 */
export class PathsList {
  private n = 0;
  private rows = new Uint32Array(256);
  // Small ids (a sheet, a unit, a needs shape): one byte each while they are few.
  private readonly places = new IdList();
  private paths = new Uint8Array(256);
  private bkn = new Uint8Array(256);
  private readonly units = new IdList();
  private readonly needs = new IdList();
  private tenures = new Int32Array(256);
  private ages = new Int16Array(256);
  private nikKinds = new Uint8Array(256);
  private nikHigh = new Uint32Array(256);
  private nikLow = new Uint32Array(256);
  private readonly names = new StringStore();
  private readonly nikTexts = new StringStore();
  /** Values that do not fit the arrays (odd tenures and ages): by entry. */
  private readonly aside = new Map<number, { tenure?: Tenure; age?: number }>();
  private readonly unitIds = new Map<string | null, number>();
  private readonly unitNames: (string | null)[] = [];
  private readonly needsIds = new Map<string, number>();
  private readonly needsShapes: NeedsShape[] = [];
  private readonly counts = new Map<PathCode, number>();
  private sorted: Uint32Array | null = null;

  get size(): number {
    return this.n;
  }

  /** Bytes held by the arrays and arenas (for benchmarks). */
  get byteSize(): number {
    const arrays = [this.rows, this.paths, this.bkn, this.tenures, this.ages, this.nikKinds, this.nikHigh, this.nikLow];
    const ids = this.places.byteSize + this.units.byteSize + this.needs.byteSize;
    return arrays.reduce((n, a) => n + a.byteLength, ids + this.names.byteSize + this.nikTexts.byteSize);
  }

  /** A person row read at place `place` (an index the caller keeps); ASN rows (no path) are left out. */
  add(p: PersonRow, place: number): void {
    if (p.path === null) return;
    if (this.n === this.rows.length) this.grow();
    const i = this.n++;
    this.sorted = null;
    this.rows[i] = p.row;
    this.places.push(place);
    this.paths[i] = PATH_INDEX.get(p.path) ?? 0;
    this.bkn[i] = p.bknCode === null ? 0 : ((BKN_CODES.indexOf(p.bknCode) + 1) as number);
    this.units.push(this.unitId(p.unit));
    this.needs.push(this.needsId(p));
    this.keepTenure(i, p.tenure);
    this.keepAge(i, p.ageYears);
    this.keepNik(i, p.nik);
    this.names.add(p.name);
    this.counts.set(p.path, (this.counts.get(p.path) ?? 0) + 1);
  }

  private grow(): void {
    const size = this.rows.length * 2;
    const more = <T extends Uint8Array | Uint32Array | Int32Array | Int16Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.rows = more(this.rows, (k) => new Uint32Array(k));
    this.paths = more(this.paths, (k) => new Uint8Array(k));
    this.bkn = more(this.bkn, (k) => new Uint8Array(k));
    this.tenures = more(this.tenures, (k) => new Int32Array(k));
    this.ages = more(this.ages, (k) => new Int16Array(k));
    this.nikKinds = more(this.nikKinds, (k) => new Uint8Array(k));
    this.nikHigh = more(this.nikHigh, (k) => new Uint32Array(k));
    this.nikLow = more(this.nikLow, (k) => new Uint32Array(k));
  }

  private unitId(unit: string | null): number {
    let id = this.unitIds.get(unit);
    if (id === undefined) {
      id = this.unitNames.length;
      this.unitIds.set(unit, id);
      this.unitNames.push(unit);
    }
    return id;
  }

  private needsId(p: PersonRow): number {
    const key =
      p.pathMissing.length === 0 && p.pathReview.length === 0
        ? p.pathNpwpFromNik
          ? "n"
          : ""
        : `${p.pathMissing.map((m) => `${m.document}:${m.problem}`).join(",")}|${p.pathReview.join(",")}|${p.pathNpwpFromNik ? "n" : ""}`;
    let id = this.needsIds.get(key);
    if (id === undefined) {
      id = this.needsShapes.length;
      this.needsIds.set(key, id);
      this.needsShapes.push({ missing: p.pathMissing, review: p.pathReview, npwpFromNik: p.pathNpwpFromNik });
    }
    return id;
  }

  private keepTenure(i: number, t: Tenure | null): void {
    const fits =
      t !== null &&
      Number.isInteger(t.years) &&
      Number.isInteger(t.months) &&
      t.years >= 0 &&
      t.years < 100_000_000 &&
      t.months >= 0 &&
      t.months < 12 &&
      t.totalMonths === t.years * 12 + t.months;
    if (t === null) this.tenures[i] = NO_TENURE;
    else if (fits) this.tenures[i] = t.years * 12 + t.months;
    else {
      this.tenures[i] = TENURE_ASIDE;
      this.aside.set(i, { ...this.aside.get(i), tenure: t });
    }
  }

  private keepAge(i: number, age: number | null): void {
    if (age === null) this.ages[i] = NO_AGE;
    else if (Number.isInteger(age) && age > AGE_ASIDE && age < 32768) this.ages[i] = age;
    else {
      this.ages[i] = AGE_ASIDE;
      this.aside.set(i, { ...this.aside.get(i), age });
    }
  }

  private keepNik(i: number, nik: string | null): void {
    if (nik === null) this.nikKinds[i] = NIK_NONE;
    else if (SIXTEEN_DIGITS.test(nik)) {
      this.nikKinds[i] = NIK_DIGITS;
      this.nikHigh[i] = Number(nik.slice(0, 8));
      this.nikLow[i] = Number(nik.slice(8));
    } else {
      this.nikKinds[i] = NIK_TEXT;
      this.nikLow[i] = this.nikTexts.add(nik);
    }
  }

  tenureOf(i: number): Tenure | null {
    const t = this.tenures[i] as number;
    if (t === NO_TENURE) return null;
    if (t === TENURE_ASIDE) return this.aside.get(i)?.tenure ?? null;
    return tenureFromMonths(t);
  }

  ageOf(i: number): number | null {
    const a = this.ages[i] as number;
    if (a === NO_AGE) return null;
    return a === AGE_ASIDE ? (this.aside.get(i)?.age ?? null) : a;
  }

  nikOf(i: number): string | null {
    const kind = this.nikKinds[i];
    if (kind === NIK_NONE) return null;
    if (kind === NIK_TEXT) return this.nikTexts.get(this.nikLow[i] as number);
    return `${pad8(this.nikHigh[i] as number)}${pad8(this.nikLow[i] as number)}`;
  }

  /** The sheet's order (sorting is done once; see sortSteps to do it in pieces). */
  order(places: readonly ReportPlace[]): Uint32Array {
    if (this.sorted === null) {
      const steps = this.sortSteps(places);
      while (steps.step()) {
        /* all at once */
      }
    }
    return this.sorted as Uint32Array;
  }

  /**
   * The sort in pieces, for an adapter that must not block its thread long: each step() does
   * about 100,000 comparisons (tens of milliseconds) of a stepped merge sort, bucket by bucket.
   * step() returns true while work remains.
   */
  sortSteps(places: readonly ReportPlace[]): { step(): boolean } {
    return new PathSort(this, places, (order) => {
      this.sorted = order;
    });
  }

  /** Internal to the sort: the fields it reads. */
  sortFields(): {
    n: number;
    paths: Uint8Array;
    units: ArrayLike<number>;
    places: ArrayLike<number>;
    rows: Uint32Array;
  } {
    return { n: this.n, paths: this.paths, units: this.units.view(), places: this.places.view(), rows: this.rows };
  }

  unitList(): readonly (string | null)[] {
    return this.unitNames;
  }

  nameOf(i: number): string | null {
    return this.names.get(i);
  }

  /** The names' arena, for the sort to read plain names in place. */
  nameStore(): StringStore {
    return this.names;
  }

  count(path: PathCode): number {
    return this.counts.get(path) ?? 0;
  }

  /** The list row of entry `i`, as pathsGrid always wrote it. */
  listRow(i: number, places: readonly ReportPlace[], several: boolean, cache: NeedsCache): OutCell[] {
    const lang = cache.lang;
    const pathIndex = this.paths[i] as number;
    const path = PATH_CODES[pathIndex] as PathCode;
    const place = places[this.places.at(i)] as ReportPlace;
    const row = this.rows[i] as number;
    const unit = this.unitNames[this.units.at(i)] ?? null;
    const b = this.bkn[i] as number;
    const bknCode = b === 0 ? null : (BKN_CODES[b - 1] as BknCode);
    const tenure = this.tenureOf(i);
    const age = this.ageOf(i);
    const t = this.tenures[i] as number;
    // Texts many rows share, made once (looked up first: no callback made for every row).
    const tenureKey = t < 0 ? null : -1 - t;
    const tenureText =
      tenureKey === null
        ? tenure !== null
          ? formatTenure(tenure, lang)
          : null
        : (cache.known(tenureKey) ?? cache.keep(tenureKey, formatTenure(tenure as Tenure, lang)));
    const shape = this.needsShapes[this.needs.at(i)] as NeedsShape;
    const needsKey = this.needsKey(i, pathIndex, place);
    const needs =
      cache.known(needsKey) ?? cache.keep(needsKey, needsText(path, shape, bknCode, tenure, age, place.policy, lang));
    const cells: OutCell[] = several ? [cell(place.file ?? "")] : [];
    cells.push(
      cell(PATHS[path][lang], STYLE[path]),
      cell(unit ?? label("unitUnknown", lang)),
      cell(this.names.get(i)),
      cell(this.nikOf(i)),
      cell(bknCode),
      cell(tenureText),
      cell(age),
      cell(needs),
      cell(place.sheet),
      // A link only works inside the workbook that holds the row.
      several ? cell(row) : cell(row, undefined, { link: { sheet: place.sheet, address: `A${row}` } }),
    );
    return cells;
  }

  /**
   * A number naming what the needs text of entry `i` depends on (path and, by path, the needs
   * shape, the BKN code, tenure and age, or tenure and the policy's months); null when a value
   * was kept aside. Non-negative, so tenure texts can use the negative numbers.
   */
  private needsKey(i: number, pathIndex: number, place: ReportPlace): number | null {
    const t = this.tenures[i] as number;
    const a = this.ages[i] as number;
    switch (PATH_CODES[pathIndex]) {
      case "pppk-paruh-waktu":
        return pathIndex + 8 * (this.bkn[i] as number);
      case "usul-pppk":
        return t === TENURE_ASIDE || a === AGE_ASIDE ? null : pathIndex + 8 * ((t + 1) * 65_536 + (a + 32_768));
      case "bantuan-usaha": {
        const months = place.policy.bantuanUsahaMaxMonths;
        const fits = Number.isInteger(months) && months >= 0 && months < 65_536 && t !== TENURE_ASIDE;
        return fits ? pathIndex + 8 * ((t + 1) * 65_536 + months) : null;
      }
      default:
        return pathIndex + 8 * this.needs.at(i);
    }
  }
}

const PATH_INDEX = new Map(PATH_CODES.map((p, i) => [p, i]));
const pad8 = (n: number): string => String(n).padStart(8, "0");

/** Texts that many rows share, made once per sheet build (a million rows have a few hundred distinct ones). */
export class NeedsCache {
  private readonly texts = new Map<number, string>();
  constructor(readonly lang: Lang) {}

  /** The text kept for `key` (null: never kept), or undefined. */
  known(key: number | null): string | undefined {
    return key === null ? undefined : this.texts.get(key);
  }

  /** Keeps `text` for `key` (null: not kept) and returns it. */
  keep(key: number | null, text: string): string {
    if (key !== null && this.texts.size < 100_000) this.texts.set(key, text);
    return text;
  }
}

/** Ranks of values under a comparison, equal values sharing a rank (so the sort can compare numbers). */
function ranks<T>(values: readonly T[], compare: (a: T, b: T) => number): Uint32Array {
  const byValue = values.map((_, i) => i).sort((a, b) => compare(values[a] as T, values[b] as T));
  const out = new Uint32Array(values.length);
  let rank = 0;
  byValue.forEach((v, k) => {
    const before = byValue[k - 1];
    if (before !== undefined && compare(values[before] as T, values[v] as T) !== 0) rank++;
    out[v] = rank;
  });
  return out;
}

/**
 * The name order of a bucket's entries, by their index in `entries`. A plain name is read in
 * place in the names' arena (its start and end kept); any other is made a string for the
 * collator, as is a plain one compared with it (kept in `texts`). No string per name: a
 * bucket of a million-row sheet held tens of megabytes of them while it sorted.
 */
function nameOrder(list: PathsList, entries: Uint32Array): (x: number, y: number) => number {
  const g = entries.length;
  const store = list.nameStore();
  const starts = new Uint32Array(g);
  const ends = new Uint32Array(g);
  const texts: (string | undefined)[] = [];
  const plain = new Uint8Array(g);
  for (let k = 0; k < g; k++) {
    const e = entries[k] as number;
    const at = store.byteStart(e);
    if (at !== -1) {
      const end = store.byteEnd(e);
      starts[k] = at;
      ends[k] = end;
      plain[k] = isPlainBytes(store.bytesAt(at), blockOffset(at), blockOffset(at) + end - at) ? 1 : 0;
    } else {
      // No name sorts as an empty one (an empty span); text kept aside is compared as a string.
      const name = store.get(e);
      if (name !== null) texts[k] = name;
      plain[k] = name === null || isPlainName(name) ? 1 : 0;
    }
  }
  const text = (k: number): string => (texts[k] ??= list.nameOf(entries[k] as number) ?? "");
  return (x, y) => {
    const px = plain[x] === 1;
    const py = plain[y] === 1;
    if (px && py && texts[x] === undefined && texts[y] === undefined) {
      const ax = starts[x] as number;
      const ay = starts[y] as number;
      const ox = blockOffset(ax);
      const oy = blockOffset(ay);
      const bx = store.bytesAt(ax);
      const by = store.bytesAt(ay);
      return comparePlainBytes(bx, ox, ox + (ends[x] as number) - ax, by, oy, oy + (ends[y] as number) - ay);
    }
    return compareNames(text(x), px, text(y), py);
  };
}

/**
 * CH Jalur's order, as compareEntries always gave it: action order of the path, unit and name by
 * the Indonesian collator, file and sheet, row; ties keep the order read. Units are ranked once
 * (one collator call per pair of distinct units), people are bucketed by path and unit, and
 * names are compared only inside a bucket.
 */
class PathSort {
  private order: Uint32Array | null = null;
  /** Where each bucket starts in `order` (and, last, where the last ends). */
  private starts: Uint32Array = new Uint32Array(0);
  private bucketAt = 0;
  private group: Group | null = null;
  private placeRank: Uint32Array = new Uint32Array(0);

  constructor(
    private readonly list: PathsList,
    private readonly places: readonly ReportPlace[],
    private readonly done: (order: Uint32Array) => void,
  ) {}

  step(): boolean {
    if (this.order === null) {
      this.bucket();
      return true;
    }
    if (this.group !== null) {
      this.sortPiece();
      return true;
    }
    const starts = this.starts;
    const last = starts.length - 1;
    while (this.bucketAt < last && (starts[this.bucketAt + 1] as number) - (starts[this.bucketAt] as number) < 2)
      this.bucketAt++;
    if (this.bucketAt >= last) {
      this.done(this.order);
      return false;
    }
    this.startGroup(starts[this.bucketAt] as number, starts[this.bucketAt + 1] as number);
    this.bucketAt++;
    return true;
  }

  /** Counting sort by (path rank, unit rank): stable, so equal keys stay in the order read. */
  private bucket(): void {
    const { n, paths, units } = this.list.sortFields();
    const unitRank = ranks(this.list.unitList(), (a, b) => COLLATOR.compare(a ?? "", b ?? ""));
    this.placeRank = ranks(
      this.places,
      (a, b) => (a.file ?? "").localeCompare(b.file ?? "") || a.sheet.localeCompare(b.sheet),
    );
    const unitCount = unitRank.reduce((m, r) => Math.max(m, r + 1), 0);
    const pathRank = PATH_CODES.map((p) => ACTION_RANK.get(p) ?? 0);
    const keys = new Uint32Array(n);
    const starts = new Uint32Array(PATH_CODES.length * unitCount + 1);
    for (let i = 0; i < n; i++) {
      const key = (pathRank[paths[i] as number] as number) * unitCount + (unitRank[units[i] as number] as number);
      keys[i] = key;
      starts[key + 1] = (starts[key + 1] as number) + 1;
    }
    for (let k = 1; k < starts.length; k++) starts[k] = (starts[k] as number) + (starts[k - 1] as number);
    const order = new Uint32Array(n);
    const fill = starts.slice();
    for (let i = 0; i < n; i++) {
      const key = keys[i] as number;
      order[fill[key] as number] = i;
      fill[key] = (fill[key] as number) + 1;
    }
    this.starts = starts;
    this.order = order;
  }

  /** Starts sorting one bucket: by name (the collator), then file and sheet, row, and the order read. */
  private startGroup(from: number, to: number): void {
    const order = this.order as Uint32Array;
    const { places, rows } = this.list.sortFields();
    const entries = order.slice(from, to);
    const g = entries.length;
    const compareName = nameOrder(this.list, entries);
    // Per item of the bucket, what the comparison reads: no lookups through the entry inside the sort.
    const placeRanks = new Uint32Array(g);
    const rowNumbers = new Uint32Array(g);
    for (let k = 0; k < g; k++) {
      const e = entries[k] as number;
      placeRanks[k] = this.placeRank[places[e] as number] as number;
      rowNumbers[k] = rows[e] as number;
    }
    const sort = new SteppedSort(g, (x, y) => {
      return (
        compareName(x, y) ||
        (placeRanks[x] as number) - (placeRanks[y] as number) ||
        (rowNumbers[x] as number) - (rowNumbers[y] as number) ||
        (entries[x] as number) - (entries[y] as number)
      );
    });
    this.group = { from, entries, sort };
  }

  /** A piece of the bucket being sorted; once sorted, its order is written back. */
  private sortPiece(): void {
    const group = this.group as Group;
    if (group.sort.step(STEP_COMPARISONS)) return;
    const sorted = group.sort.result();
    const order = this.order as Uint32Array;
    for (let k = 0; k < sorted.length; k++) order[group.from + k] = group.entries[sorted[k] as number] as number;
    this.group = null;
  }
}

/** Comparisons per sort step: a few tens of milliseconds with the collator. */
const STEP_COMPARISONS = 100_000;

interface Group {
  readonly from: number;
  readonly entries: Uint32Array;
  readonly sort: SteppedSort;
}

const LIST_HEADER = ["hPath", "hUnit", "hName", "hNik", "hBkn", "hTenure", "hAge", "hNeeds", "hSheet", "hRow"] as const;

/** Widths of the first two columns: the settings' labels and their values above the list. */
const LABEL_WIDTH = 34;
const VALUE_WIDTH = 24;

/** Title, the settings used, and the count per path. */
function headRows(policy: Policy | undefined, list: PathsList, lang: Lang): OutCell[][] {
  const rows: OutCell[][] = [
    [cell(label("pathsTitle", lang), "title")],
    [cell(label("pathsIntro", lang), "muted")],
    [],
  ];
  if (policy !== undefined) {
    rows.push([cell(label("policyUsed", lang), "header"), cell(label("hValue", lang), "header")]);
    // Labels wrap in their column; a value that fits its column is set at the top beside them,
    // a longer one (the order of paths) runs on over the empty cells to its right.
    for (const key of PATH_POLICY_KEYS) {
      const value = policyValue(policy, key, lang);
      const fits = typeof value !== "string" || value.length <= VALUE_WIDTH;
      rows.push([cell(POLICY_LABELS[key][lang], "text"), cell(value, fits ? "text" : undefined)]);
    }
    rows.push([]);
  }
  rows.push([cell(label("byPath", lang), "header"), cell(label("hCount", lang), "header")]);
  for (const p of PATH_CODES) rows.push([cell(PATHS[p][lang], STYLE[p]), cell(list.count(p))]);
  rows.push([]);
  return rows;
}

/**
 * CH Jalur from a PathsList, row by row. `places` are the places the list's rows name;
 * `several`: more than one workbook (a file column, no links); `policy`: the first workbook's.
 */
export function pathsSheet(
  list: PathsList,
  places: readonly ReportPlace[],
  several: boolean,
  policy: Policy | undefined,
  lang: Lang,
): OutSheet {
  const head: OutCell[][] = headRows(policy, list, lang);
  const header = [...(several ? ["hFile" as const] : []), ...LIST_HEADER];
  head.push(header.map((k) => cell(label(k, lang), "header")));
  const headerRow = head.length;
  if (list.size === 0) head.push([cell(label("noPaths", lang), "muted")]);
  // One line kept for the "more" note, as in the report sheet.
  const room = EXCEL_MAX_ROWS - head.length - 1;
  const shown = Math.min(list.size, room);
  const tail = list.size > room ? [[cell(label("reportTruncated", lang, { count: list.size - room }), "warning")]] : [];
  let order: Uint32Array | null = null;
  const cache = new NeedsCache(lang);
  const make = (k: number): OutCell[] => {
    order ??= list.order(places);
    return list.listRow(order[k] as number, places, several, cache);
  };
  return {
    sheetName: label("sheetPaths", lang),
    rows: madeRows(head, shown, make, tail),
    rowCount: head.length + shown + tail.length,
    // A list row has a cell under each header (listRow): known without sorting the list.
    width: Math.max(header.length, ...head.map((r) => r.length), ...tail.map((r) => r.length)),
    // The first column also holds the settings' labels: wide enough for most on one line.
    columnWidths: [...(several ? [LABEL_WIDTH, 24] : [LABEL_WIDTH]), VALUE_WIDTH, 30, 20, 12, 18, 8, 70, 18, 8],
    // Like CH Laporan: a list to filter on screen and to print one page wide, its header on every page.
    layout: {
      freezeRows: headerRow,
      filterRow: headerRow,
      landscape: true,
      fitToWidth: true,
      repeatRows: { first: headerRow, last: headerRow },
    },
  };
}

/** Every person row of finished results, into a list (and the places its rows name). */
export function pathsListOf(results: readonly WorkbookResult[]): { list: PathsList; places: ReportPlace[] } {
  const list = new PathsList();
  const places: ReportPlace[] = [];
  for (const result of results)
    for (const sheet of result.sheets) {
      const place = places.length;
      places.push({ file: result.file, sheet: sheet.name, policy: result.policy });
      for (const row of sheet.rows) if (isPersonRow(row)) list.add(row, place);
    }
  return { list, places };
}

/** CH Jalur of finished results as one grid (the add-in and rekap; see ReportCollector for full height). */
export function pathsGrid(results: readonly WorkbookResult[], lang: Lang): OutGrid {
  const { list, places } = pathsListOf(results);
  return wholeGrid(pathsSheet(list, places, results.length > 1, results[0]?.policy, lang));
}
