/**
 * The rekap's JSON (`--json`), a contract (issue 9): { policy, files: [{ path, opd,
 * status, reason?, repeatOf?, persons, errors, warnings, categories }], duplicates: [{
 * nik, places: [{ file, sheet, row }] }], summary: { files, checked, skipped, repeats,
 * persons, errors, warnings, categories } }.
 */
import type { Policy } from "../policy";
import type { Category } from "../vocabulary";
import type { Rekap } from "./build";
import type { SkipReason } from "./labels";

export interface RekapJsonFile {
  readonly path: string;
  readonly opd: string;
  readonly status: "checked" | "skipped";
  readonly reason?: SkipReason;
  readonly repeatOf?: string;
  readonly persons: number;
  readonly errors: number;
  readonly warnings: number;
  readonly categories: Partial<Record<Category, number>>;
}

export interface RekapJson {
  readonly policy: Policy;
  readonly files: readonly RekapJsonFile[];
  readonly duplicates: readonly {
    readonly nik: string;
    readonly places: readonly { readonly file: string; readonly sheet: string; readonly row: number }[];
  }[];
  readonly summary: {
    readonly files: number;
    readonly checked: number;
    readonly skipped: number;
    readonly repeats: number;
    readonly persons: number;
    readonly errors: number;
    readonly warnings: number;
    readonly categories: Partial<Record<Category, number>>;
  };
}

/** Categories with at least one person (a zero says nothing a missing key does not). */
function nonZero(counts: Record<Category, number>): Partial<Record<Category, number>> {
  return Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0)) as Partial<Record<Category, number>>;
}

export function rekapJson(rekap: Rekap): RekapJson {
  const t = rekap.totals;
  return {
    policy: rekap.policy,
    files: rekap.files.map((f) => ({
      path: f.path,
      opd: f.opd,
      status: f.status,
      ...(f.reason !== null ? { reason: f.reason } : {}),
      ...(f.repeatOf !== null ? { repeatOf: f.repeatOf } : {}),
      persons: f.counts.persons,
      errors: f.counts.errors,
      warnings: f.counts.warnings,
      categories: nonZero(f.counts.categories),
    })),
    duplicates: rekap.duplicates.map((d) => ({
      nik: d.nik,
      places: d.places.map((p) => ({ file: p.file, sheet: p.sheet, row: p.row })),
    })),
    summary: {
      files: t.files,
      checked: t.checked,
      skipped: t.skipped,
      repeats: t.repeats,
      persons: t.counts.persons,
      errors: t.counts.errors,
      warnings: t.counts.warnings,
      categories: nonZero(t.counts.categories),
    },
  };
}
