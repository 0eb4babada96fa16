/**
 * Training hours (JP): converting durations, dropping entries made twice, and totalling
 * per person and calendar year against the PNS minimum and the PPPK maximum.
 */
import { dayToYmd, type DayNumber } from "./days";
import type { Policy } from "./policy";
import type { TrainingTally } from "./results";
import { referenceDay } from "./tenure";
import type { EmploymentStatus, TrainingVerdict } from "./vocabulary";

export interface TrainingEntry {
  /** NIP, else NIK, else name, as the engine normalized it. */
  readonly person: string;
  readonly name: string | null;
  readonly status: EmploymentStatus | null;
  readonly training: string;
  readonly day: DayNumber | null;
  readonly jp: number;
  readonly sheet: string;
  readonly row: number;
  readonly file?: string;
}

/** Where a counted entry came from. */
export interface TrainingSource {
  readonly sheet: string;
  readonly row: number;
  readonly file?: string;
}

/**
 * A tally with the place of every row that made it. TrainingTally (results.ts) has room
 * for one sheet and one file; a person's year can span several training sheets (or
 * files), so `sheet`/`file` then list the names joined by ", " and `sources` says exactly
 * which row is where.
 */
export interface TrainingTallyDetail extends TrainingTally {
  readonly sources: readonly TrainingSource[];
}

/** 2 decimals, nudged so that x.xx5 written in binary as x.xx4999... still rounds up. */
function round2(value: number): number {
  return Math.round(value * 100 * (1 + Number.EPSILON)) / 100;
}

/**
 * Minutes to JP (policy.minutesPerJp minutes each, default 45), rounded to 2 decimals:
 * 90 minutes = 2 JP. NaN when minutesPerJp is not a positive number, so the engine can
 * report the value instead of dividing by zero.
 */
export function minutesToJp(minutes: number, policy: Policy): number {
  if (!(policy.minutesPerJp > 0) || !Number.isFinite(policy.minutesPerJp)) return Number.NaN;
  return round2(minutes / policy.minutesPerJp);
}

/** Hours to JP: hours * 60 / minutesPerJp, rounded to 2 decimals (1.5 hours = 2 JP at 45). */
export function hoursToJp(hours: number, policy: Policy): number {
  return minutesToJp(hours * 60, policy);
}

/**
 * Folds case, accents, punctuation and runs of spaces, so "Diklat PIM-IV" and
 * "diklat  pim iv" are the same text. Text that is nothing but punctuation is kept
 * trimmed as written, so it does not collide with every other such text.
 */
export function normalizeForKey(text: string): string {
  const folded = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
  return folded === "" ? text.trim() : folded;
}

/**
 * Key for duplicate detection: same person, same training (case, spaces and punctuation
 * folded), same date. Two undated entries of the same training for the same person share
 * a key: without a date they cannot be told apart, so they are flagged for a look.
 */
export function trainingKey(e: TrainingEntry): string {
  return JSON.stringify([normalizeForKey(e.person), normalizeForKey(e.training), e.day]);
}

interface Group {
  person: string;
  name: string | null;
  statuses: Set<EmploymentStatus>;
  year: number;
  /** Hundredths of a JP, summed as integers so 19.5 + 0.5 is exactly 20. */
  hundredths: number;
  sources: TrainingSource[];
}

function source(e: TrainingEntry): TrainingSource {
  return e.file === undefined ? { sheet: e.sheet, row: e.row } : { sheet: e.sheet, row: e.row, file: e.file };
}

function verdictFor(status: EmploymentStatus | null, hundredths: number, policy: Policy): TrainingVerdict {
  switch (status) {
    case null:
      return "unknown-status";
    case "pns":
      return hundredths < Math.round(policy.pnsMinJp * 100) ? "below-minimum" : "ok";
    case "pppk":
    case "pppk-paruh-waktu":
      return hundredths > Math.round(policy.pppkMaxJp * 100) ? "above-maximum" : "ok";
    case "non-asn":
      // No JP rule applies to non-ASN.
      return "ok";
  }
}

function uniqueJoined(values: readonly (string | undefined)[]): string | undefined {
  const seen = [...new Set(values.filter((v): v is string => v !== undefined))];
  return seen.length === 0 ? undefined : seen.join(", ");
}

/**
 * Collects training entries and totals them. Named TrainingTallier because results.ts
 * already exports the TrainingTally result type.
 */
export class TrainingTallier {
  private readonly firstByKey = new Map<string, TrainingSource>();
  private readonly entries: TrainingEntry[] = [];

  /**
   * Returns where the same entry was first seen when this one repeats it (it is then not
   * counted), else null. A JP that is not a finite number >= 0 counts as 0: the engine
   * reports such a cell before it gets here.
   */
  add(entry: TrainingEntry): { duplicateOf: TrainingSource | null } {
    const key = trainingKey(entry);
    const first = this.firstByKey.get(key);
    if (first !== undefined) return { duplicateOf: first };
    this.firstByKey.set(key, source(entry));
    this.entries.push(entry);
    return { duplicateOf: null };
  }

  /**
   * Totals per person per calendar year, sorted by person then year. Entries without a
   * date count in the year of policy.referenceDate. The status is the one the person's
   * rows agree on; rows that disagree (PNS on one, PPPK on another) or give none leave it
   * null and the verdict "unknown-status". Verdicts: PNS below policy.pnsMinJp is
   * below-minimum; PPPK (full or part time) above policy.pppkMaxJp is above-maximum;
   * non-ASN has no JP rule ("ok"). A PNS with no training rows at all is not listed: the
   * tally only knows people who appear in a training sheet.
   */
  finish(policy: Policy): TrainingTallyDetail[] {
    const undatedYear = Number.isFinite(referenceDay(policy)) ? dayToYmd(referenceDay(policy)).year : Number.NaN;
    const groups = new Map<string, Group>();
    for (const e of this.entries) {
      const year = e.day === null ? undatedYear : dayToYmd(e.day).year;
      const key = JSON.stringify([normalizeForKey(e.person), year]);
      let g = groups.get(key);
      if (g === undefined) {
        g = { person: e.person.trim(), name: null, statuses: new Set(), year, hundredths: 0, sources: [] };
        groups.set(key, g);
      }
      if (g.name === null && e.name !== null && e.name.trim() !== "") g.name = e.name.trim();
      if (e.status !== null) g.statuses.add(e.status);
      g.hundredths += Number.isFinite(e.jp) && e.jp > 0 ? Math.round(e.jp * 100) : 0;
      g.sources.push(source(e));
    }
    const tallies = [...groups.values()].map((g): TrainingTallyDetail => {
      const status = g.statuses.size === 1 ? ([...g.statuses][0] ?? null) : null;
      const file = uniqueJoined(g.sources.map((s) => s.file));
      return {
        person: g.person,
        name: g.name,
        status,
        year: g.year,
        jp: g.hundredths / 100,
        verdict: verdictFor(status, g.hundredths, policy),
        sheet: uniqueJoined(g.sources.map((s) => s.sheet)) ?? "",
        rows: g.sources.map((s) => s.row),
        sources: g.sources,
        ...(file === undefined ? {} : { file }),
      };
    });
    return tallies.sort((a, b) => compareText(a.person, b.person) || a.year - b.year);
  }
}

/** Code-unit order: the same on every machine, unlike locale collation. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
