/**
 * Tenure the OPD typed by hand ("MASA KERJA" over "TAHUN" | "BULAN"): compared with the
 * tenure computed from the TMT, and warned about where they differ (domain.md "Settled
 * points"). Nothing typed, or no computed tenure, gives nothing to compare.
 */
import type { Issue } from "../issues";
import type { Tenure } from "../results";
import { formatTenure, tenureFromMonths } from "../tenure";
import { readTenurePart } from "../values";
import type { Role } from "../vocabulary";
import { type RowContext, NO_ISSUES, cellOf, hasColumn, issueAt } from "./row";

/** A typed part: its number, 0 when empty, null when unreadable. */
function part(ctx: RowContext, role: Role): number | null {
  if (!hasColumn(ctx, role)) return 0;
  const read = readTenurePart(cellOf(ctx, role));
  if (read.kind === "ok") return read.value;
  return read.kind === "empty" ? 0 : null;
}

/** The typed tenure in months; null when nothing (or something unreadable) is typed. */
export function writtenTenureMonths(ctx: RowContext): number | null {
  if (!hasColumn(ctx, "tenureYears") && !hasColumn(ctx, "tenureMonths")) return null;
  const empty = (role: Role): boolean => readTenurePart(cellOf(ctx, role)).kind === "empty";
  if (empty("tenureYears") && empty("tenureMonths")) return null;
  const years = part(ctx, "tenureYears");
  const months = part(ctx, "tenureMonths");
  return years === null || months === null ? null : years * 12 + months;
}

/** A warning when the typed tenure differs from the computed one. */
export function checkWrittenTenure(ctx: RowContext, computed: Tenure | null): readonly Issue[] {
  const written = writtenTenureMonths(ctx);
  if (written === null || computed === null || written === computed.totalMonths) return NO_ISSUES;
  const role: Role = hasColumn(ctx, "tenureYears") ? "tenureYears" : "tenureMonths";
  return [
    issueAt(ctx, "tenure-mismatch", role, {
      written: { id: formatTenure(tenureFromMonths(written), "id"), en: formatTenure(tenureFromMonths(written), "en") },
      computed: { id: formatTenure(computed, "id"), en: formatTenure(computed, "en") },
    }),
  ];
}
