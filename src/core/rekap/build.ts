/**
 * The rekap of many OPD files: per-file counts and verdicts, NIKs found in more than one
 * file (every place told), files that repeat another's people (counted once), and totals.
 * Pure: the caller reads the files and gives each one's result, or why it was skipped.
 */
import { allIssues } from "../annotations";
import { isoToDay } from "../days";
import type { Issue } from "../issues";
import type { Policy } from "../policy";
import { type PersonRow, type WorkbookResult, isPersonRow } from "../results";
import {
  type Bilingual,
  CATEGORY_CODES,
  type Category,
  type IssueCode,
  TRAINING_VERDICTS,
  type TrainingVerdict,
} from "../vocabulary";
import {
  CUTOFF_ANSWER_CODES,
  type CutoffAnswer,
  type RekapIssueCode,
  type RepeatWhy,
  type SkipReason,
  type Verdict,
} from "./labels";
import { type OpdSource, opdOf } from "./opd";

export type FileOutcome =
  | { readonly kind: "checked"; readonly result: WorkbookResult; readonly titles: readonly string[] }
  | { readonly kind: "skipped"; readonly reason: SkipReason; readonly detail?: string };

export interface RekapFileInput {
  /** The file as the user named it (relative to the folder given). */
  readonly path: string;
  /** Last modification (ISO date-time), to tell which of two repeated files is newer. */
  readonly modified?: string | null;
  /** A link from the rekap workbook to the file, when it can have one (relative path or URL). */
  readonly href?: string | null;
  readonly outcome: FileOutcome;
}

export const TRAINING_VERDICT_CODES = Object.keys(TRAINING_VERDICTS) as TrainingVerdict[];

export interface FileCounts {
  readonly persons: number;
  readonly asn: number;
  readonly nonAsn: number;
  readonly categories: Record<Category, number>;
  readonly cutoff: Record<CutoffAnswer, number>;
  readonly errors: number;
  readonly warnings: number;
  readonly jp: Record<TrainingVerdict, number>;
  /** NIKs of this file also found (with overlapping periods) in another counted file. */
  readonly crossDuplicates: number;
}

/** A problem of one file: an engine issue, or one the rekap found across files. */
export interface RekapIssue extends Omit<Issue, "code"> {
  readonly code: IssueCode | RekapIssueCode;
  /** The person's name on that row, when the row is a person. */
  readonly name: string | null;
}

export interface RekapFile {
  readonly index: number;
  readonly path: string;
  readonly href: string | null;
  readonly modified: string | null;
  readonly opd: string;
  readonly opdSource: OpdSource | null;
  readonly status: "checked" | "skipped";
  readonly reason: SkipReason | null;
  readonly detail: string | null;
  /** Path of the file counted instead of this one. */
  readonly repeatOf: string | null;
  readonly verdict: Verdict;
  readonly counts: FileCounts;
  readonly result: WorkbookResult | null;
  readonly issues: readonly RekapIssue[];
}

export interface Place {
  readonly file: string;
  readonly opd: string;
  readonly sheet: string;
  readonly row: number;
  readonly name: string | null;
  readonly startDate: string | null;
  readonly endDate: string | null;
}

export interface CrossDuplicate {
  readonly nik: string;
  /** "overlap": periods overlap or are unknown (an error in every file); "history": one person moving between OPDs. */
  readonly kind: "overlap" | "history";
  readonly places: readonly Place[];
}

export interface Repeat {
  readonly repeat: string;
  readonly kept: string;
  readonly repeatOpd: string;
  readonly shared: number;
  readonly repeatPersons: number;
  readonly why: RepeatWhy;
  readonly whyParams: Readonly<Record<string, string | number>>;
}

export interface RekapTotals {
  readonly files: number;
  readonly checked: number;
  readonly skipped: number;
  readonly repeats: number;
  readonly ready: number;
  readonly sendBack: number;
  readonly counts: FileCounts;
}

export interface Rekap {
  readonly policy: Policy;
  /** ISO date of the check. */
  readonly checkedOn: string;
  readonly files: readonly RekapFile[];
  readonly duplicates: readonly CrossDuplicate[];
  readonly repeats: readonly Repeat[];
  readonly totals: RekapTotals;
}

const ASN_CATEGORIES = new Set<Category>(["asn-pns", "asn-pppk", "asn-pppk-paruh-waktu"]);

/** The cut-off answer of one person; null for ASN. */

export function persons(result: WorkbookResult): PersonRow[] {
  const out: PersonRow[] = [];
  for (const sheet of result.sheets) {
    if (sheet.kind !== "personnel") continue;
    for (const row of sheet.rows) if (isPersonRow(row)) out.push(row);
  }
  return out;
}

/** A NIK fit for matching across files: 16 digits, and not flagged as unreadable or cut by Excel. */
function matchableNik(p: PersonRow): string | null {
  if (p.nik === null || !/^\d{16}$/.test(p.nik)) return null;
  if (p.issues.some((i) => i.code === "nik-invalid" || i.code === "nik-precision-lost")) return null;
  return p.nik;
}

const zeroRecord = <K extends string>(keys: readonly K[]): Record<K, number> =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

function emptyCounts(): FileCounts {
  return {
    persons: 0,
    asn: 0,
    nonAsn: 0,
    categories: zeroRecord(CATEGORY_CODES),
    cutoff: zeroRecord(CUTOFF_ANSWER_CODES),
    errors: 0,
    warnings: 0,
    jp: zeroRecord(TRAINING_VERDICT_CODES),
    crossDuplicates: 0,
  };
}

function countFile(result: WorkbookResult, issues: readonly RekapIssue[], policy: Policy, cross: number): FileCounts {
  const counts = emptyCounts();
  const c = counts as { -readonly [K in keyof FileCounts]: FileCounts[K] };
  for (const p of persons(result)) {
    c.persons++;
    if (ASN_CATEGORIES.has(p.category)) c.asn++;
    else c.nonAsn++;
    c.categories[p.category]++;
    const answer = p.cutoff;
    if (answer !== null) c.cutoff[answer]++;
  }
  for (const t of result.training) c.jp[t.verdict]++;
  for (const i of issues) {
    if (i.severity === "error") c.errors++;
    else c.warnings++;
  }
  c.crossDuplicates = cross;
  return counts;
}

function addCounts(into: FileCounts, add: FileCounts): FileCounts {
  const sum = (a: Record<string, number>, b: Record<string, number>): Record<string, number> =>
    Object.fromEntries(Object.keys(a).map((k) => [k, (a[k] ?? 0) + (b[k] ?? 0)]));
  return {
    persons: into.persons + add.persons,
    asn: into.asn + add.asn,
    nonAsn: into.nonAsn + add.nonAsn,
    categories: sum(into.categories, add.categories) as Record<Category, number>,
    cutoff: sum(into.cutoff, add.cutoff) as Record<CutoffAnswer, number>,
    errors: into.errors + add.errors,
    warnings: into.warnings + add.warnings,
    jp: sum(into.jp, add.jp) as Record<TrainingVerdict, number>,
    crossDuplicates: into.crossDuplicates + add.crossDuplicates,
  };
}

/** Engine issues of a workbook, each with the name of the person on its row. */
function issuesWithNames(result: WorkbookResult): RekapIssue[] {
  const names = new Map<string, string | null>();
  for (const sheet of result.sheets)
    for (const row of sheet.rows) if (isPersonRow(row)) names.set(`${sheet.name}\u0000${row.row}`, row.name);
  return allIssues(result).map((i) => ({
    ...i,
    name: i.row === null ? null : (names.get(`${i.sheet}\u0000${i.row}`) ?? null),
  }));
}

// ---- repeated files ---------------------------------------------------------------------

/** Two files repeat each other when more than half of the smaller one's NIKs (at least two) are in both. */
export function repeatsEachOther(a: ReadonlySet<string>, b: ReadonlySet<string>): number | null {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const nik of small) if (large.has(nik)) shared++;
  return shared >= 2 && shared * 2 > small.size ? shared : null;
}

const REVISION = /\b(revisi|rev|perbaikan|final|update|terbaru|baru)\b|\(\d+\)/i;

interface Candidate {
  readonly index: number;
  readonly path: string;
  readonly modified: string | null;
  readonly errors: number;
}

/** Which of two repeated files to count, and why. */
export function chooseKept(a: Candidate, b: Candidate): { kept: Candidate; other: Candidate; why: RepeatWhy } {
  const ra = REVISION.test(baseName(a.path));
  const rb = REVISION.test(baseName(b.path));
  if (ra !== rb) return ra ? { kept: a, other: b, why: "name-revision" } : { kept: b, other: a, why: "name-revision" };
  if (a.modified !== null && b.modified !== null && a.modified !== b.modified)
    return a.modified > b.modified ? { kept: a, other: b, why: "newer" } : { kept: b, other: a, why: "newer" };
  if (a.errors !== b.errors)
    return a.errors < b.errors
      ? { kept: a, other: b, why: "fewer-errors" }
      : { kept: b, other: a, why: "fewer-errors" };
  return a.path.localeCompare(b.path) >= 0
    ? { kept: a, other: b, why: "later-name" }
    : { kept: b, other: a, why: "later-name" };
}

const baseName = (path: string): string => path.split(/[\\/]/).pop() ?? path;

function whyParams(why: RepeatWhy, kept: Candidate, other: Candidate): Record<string, string | number> {
  switch (why) {
    case "name-revision":
      return { kept: baseName(kept.path) };
    case "newer":
      return { keptDate: (kept.modified ?? "").slice(0, 10), repeatDate: (other.modified ?? "").slice(0, 10) };
    case "fewer-errors":
      return { keptErrors: kept.errors, repeatErrors: other.errors };
    case "later-name":
      return {};
  }
}

// ---- cross-file duplicates --------------------------------------------------------------

interface Period {
  readonly start: number | null;
  readonly end: number | null;
}

/** True when two periods share a day, or when either cannot be placed in time. */
function overlaps(a: Period, b: Period, openEnd: number): boolean {
  if (a.start === null || b.start === null) return true;
  return a.start <= (b.end ?? openEnd) && b.start <= (a.end ?? openEnd);
}

function placesText(places: readonly Place[]): Bilingual {
  const list = (lang: "id" | "en"): string =>
    places
      .map((p) =>
        lang === "id"
          ? `${p.opd} (${p.file}, sheet "${p.sheet}" baris ${p.row})`
          : `${p.opd} (${p.file}, sheet "${p.sheet}" row ${p.row})`,
      )
      .join("; ");
  return { id: list("id"), en: list("en") };
}

// ---- the rekap ---------------------------------------------------------------------------

/** One file on its way through the rekap. */
interface Work {
  readonly input: RekapFileInput;
  readonly opd: string;
  readonly opdSource: OpdSource | null;
  readonly people: readonly PersonRow[];
  readonly niks: ReadonlySet<string>;
  readonly issues: RekapIssue[];
  repeatOf: string | null;
}

function prepare(input: RekapFileInput): Work {
  if (input.outcome.kind === "skipped") {
    const opd = opdOf([], [], input.path).name;
    return { input, opd, opdSource: null, people: [], niks: new Set(), issues: [], repeatOf: null };
  }
  const people = persons(input.outcome.result);
  const opd = opdOf(input.outcome.titles, people, input.path);
  const niks = new Set<string>();
  for (const p of people) {
    const nik = matchableNik(p);
    if (nik !== null) niks.add(nik);
  }
  const issues = issuesWithNames(input.outcome.result);
  // A file in which no person was found is not "ready": the OPD sent something else, or a table the check cannot read.
  // The engine's own no-table-found error already says so; the rekap adds its error only where it did not.
  if (people.length === 0 && !issues.some((i) => i.code === "no-table-found"))
    issues.push({
      code: "no-personnel-table",
      severity: "error",
      sheet: "",
      row: null,
      column: null,
      params: {},
      name: null,
    });
  return { input, opd: opd.name, opdSource: opd.source, people, niks, issues, repeatOf: null };
}

/** Pairs of files that repeat each other; the one counted in each pair is chosen, and chains point at the last. */
function findRepeats(work: readonly Work[]): Repeat[] {
  const checked = work.filter((w) => w.input.outcome.kind === "checked");
  const repeats: Repeat[] = [];
  const candidate = (w: Work): Candidate => ({
    index: work.indexOf(w),
    path: w.input.path,
    modified: w.input.modified ?? null,
    errors: w.issues.filter((i) => i.severity === "error").length,
  });
  const byPath = new Map(work.map((w) => [w.input.path, w]));
  checked.forEach((a, i) => {
    for (const b of checked.slice(i + 1)) {
      if (a.repeatOf !== null || b.repeatOf !== null) continue;
      const shared = repeatsEachOther(a.niks, b.niks);
      if (shared === null) continue;
      const { kept, other, why } = chooseKept(candidate(a), candidate(b));
      const repeated = byPath.get(other.path);
      if (repeated === undefined) continue;
      repeated.repeatOf = kept.path;
      const whyText = whyParams(why, kept, other);
      const base = { repeat: other.path, kept: kept.path, repeatOpd: repeated.opd, shared };
      repeats.push({ ...base, repeatPersons: repeated.people.length, why, whyParams: whyText });
    }
  });
  // A chain (A repeated by "A (revisi)", itself repeated by "A (revisi 2)") points at the file finally counted.
  const finalKept = (path: string): string => {
    let at = path;
    for (let guard = 0; guard < work.length; guard++) {
      const next = work.find((w) => w.input.path === at)?.repeatOf ?? null;
      if (next === null) break;
      at = next;
    }
    return at;
  };
  for (const w of work) if (w.repeatOf !== null) w.repeatOf = finalKept(w.repeatOf);
  return repeats.map((r) => ({ ...r, kept: finalKept(r.kept) }));
}

interface Found {
  readonly work: Work;
  readonly person: PersonRow;
  readonly sheet: string;
}

/** Every matchable NIK of the files counted, with each place it is found. */
function niksOfCountedFiles(work: readonly Work[]): Map<string, Found[]> {
  const byNik = new Map<string, Found[]>();
  for (const w of work) {
    if (w.repeatOf !== null || w.input.outcome.kind !== "checked") continue;
    for (const sheet of w.input.outcome.result.sheets) {
      if (sheet.kind !== "personnel") continue;
      for (const row of sheet.rows) {
        const nik = isPersonRow(row) ? matchableNik(row) : null;
        if (nik === null || !isPersonRow(row)) continue;
        const list = byNik.get(nik) ?? [];
        list.push({ work: w, person: row, sheet: sheet.name });
        byNik.set(nik, list);
      }
    }
  }
  return byNik;
}

/** True when two places in different files have periods that share a day (or cannot be placed). */
function anyOverlap(found: readonly Found[], openEnd: number): boolean {
  const items = found.map((f) => ({
    work: f.work,
    period: {
      start: f.person.startDate === null ? null : isoToDay(f.person.startDate),
      end: f.person.endDate === null ? null : isoToDay(f.person.endDate),
    },
  }));
  return items.some((a, i) =>
    items.slice(i + 1).some((b) => a.work !== b.work && overlaps(a.period, b.period, openEnd)),
  );
}

/** NIKs in more than one counted file; an overlap is an error told to every place, with every other file's places. */
function findCrossDuplicates(
  work: readonly Work[],
  openEnd: number,
): { duplicates: CrossDuplicate[]; perFile: Map<Work, number> } {
  const duplicates: CrossDuplicate[] = [];
  const perFile = new Map<Work, Set<string>>();
  for (const [nik, found] of niksOfCountedFiles(work)) {
    if (new Set(found.map((f) => f.work)).size < 2) continue;
    const places: Place[] = found.map((f) => ({
      file: f.work.input.path,
      opd: f.work.opd,
      sheet: f.sheet,
      row: f.person.row,
      name: f.person.name,
      startDate: f.person.startDate,
      endDate: f.person.endDate,
    }));
    const overlap = anyOverlap(found, openEnd);
    duplicates.push({ nik, kind: overlap ? "overlap" : "history", places });
    if (!overlap) continue;
    found.forEach((f) => {
      const others = places.filter((p) => p.file !== f.work.input.path);
      const column = f.work.input.outcome.kind === "checked" ? columnOf(f.work.input.outcome.result, f.sheet) : null;
      const where = { sheet: f.sheet, row: f.person.row, column, role: "nik" as const };
      const params = { value: nik, places: placesText(others) };
      f.work.issues.push({
        code: "duplicate-nik-across-files",
        severity: "error",
        ...where,
        params,
        name: f.person.name,
      });
      perFile.set(f.work, (perFile.get(f.work) ?? new Set<string>()).add(nik));
    });
  }
  duplicates.sort((a, b) => a.nik.localeCompare(b.nik));
  return { duplicates, perFile: new Map([...perFile].map(([w, set]) => [w, set.size])) };
}

function toFile(w: Work, index: number, policy: Policy, crossDuplicates: number): RekapFile {
  const outcome = w.input.outcome;
  const result = outcome.kind === "checked" ? outcome.result : null;
  const counts = result === null ? emptyCounts() : countFile(result, w.issues, policy, crossDuplicates);
  const verdict: Verdict =
    outcome.kind === "skipped" ? "skipped" : w.repeatOf !== null ? "repeat" : counts.errors > 0 ? "send-back" : "ready";
  return {
    index,
    path: w.input.path,
    href: w.input.href ?? null,
    modified: w.input.modified ?? null,
    opd: w.opd,
    opdSource: w.opdSource,
    status: outcome.kind,
    reason: outcome.kind === "skipped" ? outcome.reason : null,
    detail: outcome.kind === "skipped" ? (outcome.detail ?? null) : null,
    repeatOf: w.repeatOf,
    verdict,
    counts,
    result,
    issues: w.issues,
  };
}

export function buildRekap(inputs: readonly RekapFileInput[], policy: Policy, checkedOn: string): Rekap {
  const openEnd = isoToDay(policy.cutoffDate) ?? Number.MAX_SAFE_INTEGER;
  const work = inputs.map(prepare);
  const repeats = findRepeats(work);
  const { duplicates, perFile } = findCrossDuplicates(work, openEnd);
  const files = work.map((w, index) => toFile(w, index, policy, perFile.get(w) ?? 0));
  let total = emptyCounts();
  for (const f of files) if (f.verdict === "ready" || f.verdict === "send-back") total = addCounts(total, f.counts);
  const count = (pick: (f: RekapFile) => boolean): number => files.filter(pick).length;
  return {
    policy,
    checkedOn,
    files,
    duplicates,
    repeats,
    totals: {
      files: files.length,
      checked: count((f) => f.status === "checked"),
      skipped: count((f) => f.status === "skipped"),
      repeats: repeats.length,
      ready: count((f) => f.verdict === "ready"),
      sendBack: count((f) => f.verdict === "send-back"),
      counts: total,
    },
  };
}

function columnOf(result: WorkbookResult, sheet: string): string | null {
  return result.sheets.find((s) => s.name === sheet)?.columns.nik ?? null;
}

/** The totals every rekap message names (the terminal's last line, the pane's done message). */
export function totalsParams(rekap: Rekap): Record<string, number> {
  const t = rekap.totals;
  return {
    files: t.files,
    checked: t.checked,
    skipped: t.skipped,
    repeats: t.repeats,
    persons: t.counts.persons,
    ready: t.ready,
    sendBack: t.sendBack,
  };
}

/** Files whose problems count: checked and not a repeat. */
export function countedFiles(rekap: Rekap): RekapFile[] {
  return rekap.files.filter((f) => f.verdict === "ready" || f.verdict === "send-back");
}
