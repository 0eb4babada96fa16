/**
 * Identity rules: the name, NIK, NIP, NIB and NPWP of a row, and its gender. Each
 * reports what it cannot read and returns what the row shows.
 */
import { type IdRead, type NikInfo, type NipInfo, readNib, readNik, readNip, readNpwp } from "../identifiers";
import type { Issue } from "../issues";
import { type Gender, readGender, readText } from "../values";
import { type IssueCode, REASONS } from "../vocabulary";
import { type Checked, type RowContext, cellOf, columnOf, hasColumn, issueAt, NO_ISSUES } from "./row";

const IDENTIFIER_CODES = {
  nik: { invalid: "nik-invalid", lost: "nik-precision-lost" },
  nip: { invalid: "nip-invalid", lost: "nip-precision-lost" },
} as const satisfies Record<"nik" | "nip", { invalid: IssueCode; lost: IssueCode }>;

/** The name; an Excel error or an empty cell in a name column is reported. */
export function checkName(ctx: RowContext): Checked<string | null> {
  if (!hasColumn(ctx, "name")) return { value: null, issues: NO_ISSUES };
  const cell = cellOf(ctx, "name");
  if (cell !== null && cell.t === "e") {
    return { value: null, issues: [issueAt(ctx, "excel-error", "name", { role: "name", value: cell.v })] };
  }
  const name = readText(cell);
  return { value: name, issues: name === null ? [issueAt(ctx, "missing-value", "name", { role: "name" })] : [] };
}

/**
 * Reports an unreadable NIK or NIP (Excel error, digits lost to a number cell, invalid)
 * and returns what the row shows for it: the normalized value, or the text as written.
 * An empty cell is left to the caller: a missing NIK is an error, a missing NIP is not.
 */
export function readIdentifier(ctx: RowContext, read: IdRead<unknown>, role: "nik" | "nip"): Checked<string | null> {
  switch (read.kind) {
    case "empty":
      return { value: null, issues: NO_ISSUES };
    case "error":
      return { value: null, issues: [issueAt(ctx, "excel-error", role, { role, value: read.text })] };
    case "precision-lost": {
      const cell = `${columnOf(ctx, role) ?? "A"}${ctx.row}`;
      const issue = issueAt(ctx, IDENTIFIER_CODES[role].lost, role, { cell, value: read.shown });
      return { value: read.shown, issues: [issue] };
    }
    case "invalid": {
      const issue = issueAt(ctx, IDENTIFIER_CODES[role].invalid, role, { value: read.raw, reason: read.detail });
      return { value: read.raw, issues: [issue] };
    }
    case "ok":
      return { value: read.value, issues: NO_ISSUES };
  }
}

/** An identifier as the row shows it, and what a valid one says (null when not valid). */
export interface IdentifierValue<T> {
  readonly shown: string | null;
  readonly info: T | null;
}

/** The NIK of a personnel row: required, and its province must be known. */
export function checkNik(ctx: RowContext): Checked<IdentifierValue<NikInfo>> {
  if (!hasColumn(ctx, "nik")) return { value: { shown: null, info: null }, issues: NO_ISSUES };
  const read = readNik(cellOf(ctx, "nik"));
  const issues: Issue[] = read.kind === "empty" ? [issueAt(ctx, "missing-value", "nik", { role: "nik" })] : [];
  const shown = readIdentifier(ctx, read, "nik");
  issues.push(...shown.issues);
  const info = read.kind === "ok" ? read.info : null;
  if (info !== null && !info.provinceKnown)
    issues.push(issueAt(ctx, "nik-region-unknown", "nik", { code: info.provinceCode }));
  return { value: { shown: shown.value, info }, issues };
}

/** The NIP of a personnel row. An empty NIP is normal: non-ASN have none. */
export function checkNip(ctx: RowContext): Checked<IdentifierValue<NipInfo>> {
  if (!hasColumn(ctx, "nip")) return { value: { shown: null, info: null }, issues: NO_ISSUES };
  const read = readNip(cellOf(ctx, "nip"));
  const shown = readIdentifier(ctx, read, "nip");
  return { value: { shown: shown.value, info: read.kind === "ok" ? read.info : null }, issues: shown.issues };
}

/** NIB and NPWP, when the sheet has them: only checked, never used by another rule. */
export function checkBusinessIds(ctx: RowContext): readonly Issue[] {
  const issues: Issue[] = [];
  for (const [role, reader, code] of [
    ["nib", readNib, "nib-invalid"],
    ["npwp", readNpwp, "npwp-invalid"],
  ] as const) {
    if (!hasColumn(ctx, role)) continue;
    const read = reader(cellOf(ctx, role));
    if (read.kind === "invalid") issues.push(issueAt(ctx, code, role, { value: read.raw, reason: read.detail }));
    else if (read.kind === "precision-lost")
      issues.push(issueAt(ctx, code, role, { value: read.shown, reason: REASONS.storedAsNumber }));
    else if (read.kind === "error") issues.push(issueAt(ctx, "excel-error", role, { role, value: read.text }));
  }
  return issues;
}

/** Gender (L/P); unreadable text and Excel errors are reported. */
export function checkGender(ctx: RowContext): Checked<Gender | null> {
  if (!hasColumn(ctx, "gender")) return { value: null, issues: NO_ISSUES };
  const g = readGender(cellOf(ctx, "gender"));
  if (g.kind === "ok") return { value: g.value, issues: NO_ISSUES };
  if (g.kind === "unknown")
    return { value: null, issues: [issueAt(ctx, "unknown-gender", "gender", { value: g.text })] };
  if (g.kind === "error")
    return { value: null, issues: [issueAt(ctx, "excel-error", "gender", { role: "gender", value: g.text })] };
  return { value: null, issues: NO_ISSUES };
}
