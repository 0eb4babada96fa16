/**
 * Training rows: who took which training when, for how many JP; entries made twice are
 * counted once. When the workbook ends, each counted entry is matched to the people of
 * the personnel sheets, and each person's yearly total gets its verdict issue.
 */
import { readDate } from "../dates";
import type { DayNumber } from "../days";
import { readNik, readNip } from "../identifiers";
import { type Issue, makeIssue } from "../issues";
import type { Policy } from "../policy";
import type { SheetResult, TrainingTally } from "../results";
import { type TrainingEntry, hoursToJp, minutesToJp, trainingKey } from "../training";
import { type QuantityUnit, normalizeName, readQuantity, readStatus, readText } from "../values";
import type { EmploymentStatus, Role } from "../vocabulary";
import { readIdentifier } from "./identity";
import { type KnownPeople, type PersonKeys, lookUpPerson } from "./people";
import { type Checked, type RowContext, cellOf, hasColumn, issueAt, NO_ISSUES } from "./row";

/** A training row's person: its keys, and the one the tally uses (NIP, else NIK, else name). */
export interface Participant extends PersonKeys {
  readonly person: string | null;
}

/** A counted training row waiting for the workbook's end, when every person is known. */
export interface PendingTraining {
  /** Index of the sheet in the workbook's results, and of the row in that sheet's rows. */
  readonly sheetIndex: number;
  readonly rowIndex: number;
  readonly entry: TrainingEntry;
  readonly keys: PersonKeys;
  /** The row gave its own status: it wins over the personnel sheets'. */
  readonly statusFromRow: boolean;
}

/** Training key -> the Excel row where it was first counted (all the duplicate issue names), for one workbook. */
export type TrainingKeys = Map<string, number>;

const round2 = (n: number): number => Math.round(n * 100) / 100;

/** NIP, NIK and name of a training row; only valid identifiers name the person. */
export function checkParticipant(ctx: RowContext): Checked<Participant> {
  const nip = hasColumn(ctx, "nip") ? readNip(cellOf(ctx, "nip")) : null;
  const nik = hasColumn(ctx, "nik") ? readNik(cellOf(ctx, "nik")) : null;
  const issues = [
    ...(nip !== null ? readIdentifier(ctx, nip, "nip").issues : []),
    ...(nik !== null ? readIdentifier(ctx, nik, "nik").issues : []),
  ];
  const keys: PersonKeys = {
    nip: nip?.kind === "ok" ? nip.value : null,
    nik: nik?.kind === "ok" ? nik.value : null,
    name: hasColumn(ctx, "name") ? readText(cellOf(ctx, "name")) : null,
  };
  const person = keys.nip ?? keys.nik ?? (keys.name !== null ? normalizeName(keys.name) : null);
  return { value: { ...keys, person }, issues };
}

/** The status a training row gives; unreadable text is reported (an error cell is left as no status). */
export function checkTrainingStatus(ctx: RowContext): Checked<EmploymentStatus | null> {
  if (!hasColumn(ctx, "status")) return { value: null, issues: NO_ISSUES };
  const s = readStatus(cellOf(ctx, "status"));
  if (s.kind === "ok") return { value: s.value, issues: NO_ISSUES };
  if (s.kind === "unknown")
    return { value: null, issues: [issueAt(ctx, "unknown-status", "status", { value: s.text })] };
  return { value: null, issues: NO_ISSUES };
}

/** The training's name; required when the sheet has the column. */
export function checkTrainingName(ctx: RowContext): Checked<string | null> {
  if (!hasColumn(ctx, "training")) return { value: null, issues: NO_ISSUES };
  const name = readText(cellOf(ctx, "training"));
  return {
    value: name,
    issues: name === null ? [issueAt(ctx, "missing-value", "training", { role: "training" })] : [],
  };
}

/** The training's date; optional (undated entries count in the reference year). */
export function checkTrainingDate(ctx: RowContext): Checked<DayNumber | null> {
  if (!hasColumn(ctx, "date")) return { value: null, issues: NO_ISSUES };
  const d = readDate(cellOf(ctx, "date"));
  if (d.kind === "date") return { value: d.day, issues: NO_ISSUES };
  if (d.kind === "invalid")
    return { value: null, issues: [issueAt(ctx, "invalid-date", "date", { role: "date", value: d.text })] };
  if (d.kind === "error")
    return { value: null, issues: [issueAt(ctx, "excel-error", "date", { role: "date", value: d.text })] };
  return { value: null, issues: NO_ISSUES };
}

/** What a unit means in JP (domain.md: minutes / 45; hours x 60 / 45; JP as is). */
function toJp(value: number, unit: QuantityUnit, policy: Policy): number {
  if (unit === "minutes") return minutesToJp(value, policy);
  if (unit === "hours") return hoursToJp(value, policy);
  return value;
}

/**
 * JP from the JP column, else converted from minutes or hours (the first of them that
 * holds a value), rounded to 2 decimals. A unit written in the cell wins over the
 * column's ("90 menit" in a JP column is 2 JP; "4 JP" in a minutes column is 4 JP); a
 * value with no unit is in the column's unit. A negative or unreadable value is reported
 * and gives no JP; so do all of them empty.
 */
export function readJp(ctx: RowContext, policy: Policy): Checked<number | null> {
  const sources: [Role, QuantityUnit][] = [
    ["jp", "jp"],
    ["minutes", "minutes"],
    ["hours", "hours"],
  ];
  const available = sources.filter(([role]) => hasColumn(ctx, role));
  for (const [role, columnUnit] of available) {
    const read = readQuantity(cellOf(ctx, role));
    if (read.kind === "ok") {
      const { value, unit } = read.value;
      if (value < 0)
        return { value: null, issues: [issueAt(ctx, "invalid-number", role, { role, value: String(value) })] };
      return { value: round2(toJp(value, unit ?? columnUnit, policy)), issues: NO_ISSUES };
    }
    if (read.kind === "unknown")
      return { value: null, issues: [issueAt(ctx, "invalid-number", role, { role, value: read.text })] };
    if (read.kind === "error")
      return { value: null, issues: [issueAt(ctx, "excel-error", role, { role, value: read.text })] };
  }
  const first = available[0];
  return {
    value: null,
    issues: first === undefined ? [] : [issueAt(ctx, "missing-value", first[0], { role: first[0] })],
  };
}

/**
 * Counts an entry once per workbook: the same person, training and date seen before is
 * reported with its first row and not counted. Returns whether this row counts.
 */
export function countOnce(ctx: RowContext, keys: TrainingKeys, entry: TrainingEntry): Checked<boolean> {
  const key = trainingKey(entry);
  const first = keys.get(key);
  if (first !== undefined)
    return { value: false, issues: [issueAt(ctx, "training-duplicate", "training", { firstRow: first })] };
  keys.set(key, ctx.row);
  return { value: true, issues: NO_ISSUES };
}

/** The status NIP digits 13-14 tell (01-12 a PNS, 21-29 a PPPK), for a valid NIP. */
function statusFromNip(nip: string | null): EmploymentStatus | null {
  if (nip === null) return null;
  const read = readNip({ t: "s", v: nip });
  return read.kind === "ok" ? read.info.kind : null;
}

/**
 * A pending entry completed from the personnel sheets (domain.md "Settled points"): the
 * person is matched by NIP, then NIK, then a name exactly one known person has, and
 * tallies under that person's one key whatever key the row used. The status is the
 * row's own, else the person's, else the one NIP digits 13-14 tell. `sameName` counts the
 * people who share the row's name when the name alone could not decide (2 or more: the
 * row is ambiguous and borrows no status).
 */
export function settleEntry(pending: PendingTraining, people: KnownPeople): { entry: TrainingEntry; sameName: number } {
  const found = lookUpPerson(people, pending.keys);
  const known = found.person;
  const status = pending.statusFromRow
    ? pending.entry.status
    : (known?.status ?? statusFromNip(pending.keys.nip) ?? pending.entry.status);
  const entry: TrainingEntry = {
    ...pending.entry,
    person: known?.key ?? pending.entry.person,
    status,
    name: known?.name ?? pending.entry.name,
  };
  return { entry, sameName: found.person === null ? found.sameName : 0 };
}

/** The warning for a training row whose name several known people share. */
export function ambiguousNameIssue(pending: PendingTraining, count: number, file: string | undefined): Issue {
  return makeIssue(
    "training-ambiguous-name",
    { file, sheet: pending.entry.sheet, row: pending.entry.row, column: null, role: "name" },
    { name: pending.keys.name ?? "", count },
  );
}

/** A PNS below the yearly minimum or a PPPK above the maximum; null for any other verdict. */
export function verdictIssue(
  tally: TrainingTally,
  sheets: readonly SheetResult[],
  policy: Policy,
  file: string | undefined,
): Issue | null {
  const code =
    tally.verdict === "below-minimum"
      ? "jp-below-minimum"
      : tally.verdict === "above-maximum"
        ? "jp-above-maximum"
        : null;
  if (code === null) return null;
  const sheet = sheets.find((s) => s.name === tally.sheet);
  const column = sheet?.columns.jp ?? sheet?.columns.minutes ?? sheet?.columns.hours ?? null;
  const limit = code === "jp-below-minimum" ? policy.pnsMinJp : policy.pppkMaxJp;
  return makeIssue(
    code,
    { file, sheet: tally.sheet, row: tally.rows[0] ?? null, column, role: "jp" },
    { person: tally.name ?? tally.person, jp: round2(tally.jp), year: tally.year, limit },
  );
}
