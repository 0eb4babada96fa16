/**
 * After the cut-off, each non-ASN has a path (domain.md, last point): usul PPPK, PPPK
 * paruh waktu, PJLP / kontrak individu (ready, or what is missing), bantuan usaha, or
 * perlu diperiksa when the data cannot decide. Which paths a region offers, who a path is
 * for and which wins when several fit are policy settings (src/core/policy.ts).
 *
 * Plain inputs in, a plain answer out: the engine reads the cells, this module decides.
 */
import type { Cell } from "../cells";
import type { DayNumber } from "../days";
import { isAgeWithinLimits } from "../eligibility";
import { type IdRead, readNib, readNpwp } from "../identifiers";
import { PATH_OPTIONS, PATH_SWITCH, type PathOption, type Policy, parsePathOrder } from "../policy";
import type { BknCode } from "../values";
import type { EmploymentStatus, PathCode, PjlpDocument } from "../vocabulary";
import type { CategoryValue, StatusValue } from "./category";
import type { IdentifierValue } from "./identity";
import { type Checked, type RowContext, cellOf, hasColumn } from "./row";

/** The codes of people in the BKN non-ASN database: candidates for PPPK paruh waktu. */
const IN_DATABASE: ReadonlySet<BknCode> = new Set<BknCode>(["R2", "R3", "R3B", "R3T"]);

/** Why a PJLP document does not count: nothing in the cell (or no column), or a value that is not valid. */
export type DocumentProblem = "empty" | "invalid";

export interface MissingDocument {
  readonly document: PjlpDocument;
  readonly problem: DocumentProblem;
}

/** The fields whose data kept the path from being decided. */
export type PathReviewField = "status" | "startDate" | "birthDate";

export interface PathInput {
  /**
   * The person holds an ASN appointment (PNS, PPPK, PPPK paruh waktu): no path. null when
   * the status cannot be read, so the person may be ASN.
   */
  readonly appointed: boolean | null;
  /** BKN database category code, when the sheet gives one. */
  readonly bknCode: BknCode | null;
  /** The TMT was read and is trusted. */
  readonly tmtKnown: boolean;
  /** Months of service at the policy's reference date; null when it cannot be counted. */
  readonly tenureMonths: number | null;
  /** A gap in service: the total is not continuous service (domain.md: "terus-menerus"). */
  readonly serviceGap: boolean;
  /** Age in years at the reference date; null when unknown or untrusted. */
  readonly ageYears: number | null;
  readonly nik: "valid" | DocumentProblem;
  /** The NIB cell; undefined when the sheet has no NIB column. */
  readonly nibCell: Cell | undefined;
  /** The NPWP cell; undefined when the sheet has no NPWP column. */
  readonly npwpCell: Cell | undefined;
}

export interface PersonPath {
  readonly path: PathCode;
  /** PJLP documents that are missing or invalid (pjlp-belum-siap only; empty otherwise). */
  readonly missing: readonly MissingDocument[];
  /** For perlu-diperiksa: the data that could not decide; empty when no offered path fits. */
  readonly review: readonly PathReviewField[];
  /** The NIK served as the NPWP (the NPWP cell was empty and the policy allows it). */
  readonly npwpFromNik: boolean;
}

/** Does a path fit? "unknown" when the data cannot say, which stops the search (a later path would be a guess). */
type Fit = { fits: true } | { fits: false } | { fits: "unknown"; review: PathReviewField[] };

/** Empty lists shared by every person row that has nothing in them (frozen: rows only read them). */
const NO_DOCUMENTS: readonly MissingDocument[] = Object.freeze([]);
const NO_REVIEW: readonly PathReviewField[] = Object.freeze([]);

const YES: Fit = { fits: true };
const NO: Fit = { fits: false };

function documentProblem(read: IdRead<unknown> | null): DocumentProblem | null {
  if (read === null || read.kind === "empty") return "empty";
  return read.kind === "ok" ? null : "invalid";
}

/** What a PJLP contract still needs, in the order NIB, NIK, NPWP. */
export function pjlpDocuments(
  input: Pick<PathInput, "nik" | "nibCell" | "npwpCell">,
  policy: Policy,
): { missing: MissingDocument[]; npwpFromNik: boolean } {
  const missing: MissingDocument[] = [];
  const nib = documentProblem(input.nibCell === undefined ? null : readNib(input.nibCell));
  if (nib !== null) missing.push({ document: "nib", problem: nib });
  if (input.nik !== "valid") missing.push({ document: "nik", problem: input.nik });
  let npwp = documentProblem(input.npwpCell === undefined ? null : readNpwp(input.npwpCell));
  // Only an empty NPWP is filled by the NIK: a wrong number in the cell is a problem to fix.
  const npwpFromNik = npwp === "empty" && policy.nikAsNpwp && input.nik === "valid";
  if (npwpFromNik) npwp = null;
  if (npwp !== null) missing.push({ document: "npwp", problem: npwp });
  return { missing, npwpFromNik };
}

function serviceKnown(input: PathInput): boolean {
  return input.tmtKnown && input.tenureMonths !== null && Number.isFinite(input.tenureMonths);
}

/** Usul PPPK: at least the minimum continuous service and an age within the PPPK limits. */
function usulPppkFit(input: PathInput, policy: Policy): Fit {
  const review: PathReviewField[] = [];
  if (!serviceKnown(input)) review.push("startDate");
  else if ((input.tenureMonths as number) < policy.minTenureMonths)
    return NO; // a gap cannot lengthen it
  else if (input.serviceGap) review.push("startDate");
  if (input.ageYears === null || !Number.isFinite(input.ageYears)) review.push("birthDate");
  else if (!isAgeWithinLimits(input.ageYears, policy)) return NO;
  return review.length > 0 ? { fits: "unknown", review } : YES;
}

/** Bantuan usaha: less service than the policy's limit. A short total is short also with a gap. */
function bantuanUsahaFit(input: PathInput, policy: Policy): Fit {
  if (!serviceKnown(input)) return { fits: "unknown", review: ["startDate"] };
  return (input.tenureMonths as number) < policy.bantuanUsahaMaxMonths ? YES : NO;
}

function fitOf(option: PathOption, input: PathInput, policy: Policy): Fit {
  switch (option) {
    case "pppk-paruh-waktu":
      return input.bknCode !== null && IN_DATABASE.has(input.bknCode) ? YES : NO;
    case "usul-pppk":
      return usulPppkFit(input, policy);
    case "pjlp":
      // Procurement takes anyone it can contract; readiness is what the documents say.
      return YES;
    case "bantuan-usaha":
      return bantuanUsahaFit(input, policy);
  }
}

/** The policy's order; the default order for a hand-built policy whose order would not parse. */
export function pathOrderOf(policy: Policy): readonly PathOption[] {
  // Asked for on every row: the last answer is kept for the same text.
  if (policy.pathOrder !== lastOrder.text)
    lastOrder = { text: policy.pathOrder, order: parsePathOrder(policy.pathOrder) ?? PATH_OPTIONS };
  return lastOrder.order;
}
let lastOrder: { readonly text: string | null; readonly order: readonly PathOption[] } = {
  text: null,
  order: PATH_OPTIONS,
};

/**
 * The path of one person; null for an ASN.
 *
 * The offered paths are tried in the policy's order and the first that fits is the
 * answer. A path whose fit the data cannot tell (no TMT, no age, a gap in service) ends
 * the search with perlu-diperiksa: choosing a later path would guess that the earlier one
 * does not apply. An unreadable status is perlu-diperiksa too (the person may be ASN),
 * and so is a person no offered path fits.
 */
export function decidePath(input: PathInput, policy: Policy): PersonPath | null {
  if (input.appointed === true) return null;
  const none = { missing: NO_DOCUMENTS, npwpFromNik: false } as const;
  if (input.appointed === null) return { path: "perlu-diperiksa", review: ["status"], ...none };
  for (const option of pathOrderOf(policy)) {
    if (!policy[PATH_SWITCH[option]]) continue;
    const fit = fitOf(option, input, policy);
    if (fit.fits === false) continue;
    if (fit.fits === "unknown") return { path: "perlu-diperiksa", review: fit.review, ...none };
    if (option !== "pjlp") return { path: option, review: NO_REVIEW, ...none };
    const docs = pjlpDocuments(input, policy);
    return {
      path: docs.missing.length === 0 ? "pjlp-siap" : "pjlp-belum-siap",
      missing: docs.missing,
      review: NO_REVIEW,
      npwpFromNik: docs.npwpFromNik,
    };
  }
  return { path: "perlu-diperiksa", review: NO_REVIEW, ...none };
}

/**
 * Appointed or not, from the status as read: PNS, PPPK and PPPK paruh waktu are
 * appointed; an unreadable status is unknown (null) unless it is a BKN code, which names
 * a non-ASN (domain.md, settled points).
 */
export function appointedOf(
  status: EmploymentStatus | null,
  statusUnknown: boolean,
  bknCode: BknCode | null,
): boolean | null {
  if (status !== null) return status !== "non-asn";
  return statusUnknown && bknCode === null ? null : false;
}

/** The path fields of a person row. */
export interface PathFields {
  readonly path: PathCode | null;
  readonly pathMissing: readonly MissingDocument[];
  readonly pathReview: readonly PathReviewField[];
  /** PJLP: the NIK served as the NPWP. */
  readonly pathNpwpFromNik: boolean;
}

export function pathFields(input: PathInput, policy: Policy): PathFields {
  const decided = decidePath(input, policy);
  return {
    path: decided?.path ?? null,
    pathMissing: decided?.missing ?? [],
    pathReview: decided?.review ?? [],
    pathNpwpFromNik: decided?.npwpFromNik ?? false,
  };
}

/** What the other rules of a person row found, as the path needs it. */
export interface RowPathFacts {
  readonly status: Checked<StatusValue>;
  readonly nik: Checked<IdentifierValue<unknown>>;
  /** The trusted TMT (null when missing or not trusted). */
  readonly start: DayNumber | null;
  readonly service: Checked<{ readonly hasServiceGap: boolean }>;
  readonly category: Checked<Pick<CategoryValue, "tenure" | "ageYears">>;
}

/** The path of a person row; the BKN code is the one the status rule read (status or category column). */
export function pathOfRow(ctx: RowContext, facts: RowPathFacts, policy: Policy): PathFields {
  const bknCode = facts.status.value.code;
  const nik = facts.nik.value;
  return pathFields(
    {
      appointed: appointedOf(facts.status.value.status, facts.status.value.unknown, bknCode),
      bknCode,
      tmtKnown: facts.start !== null,
      tenureMonths: facts.category.value.tenure?.totalMonths ?? null,
      serviceGap: facts.service.value.hasServiceGap,
      ageYears: facts.category.value.ageYears,
      nik: nik.info !== null ? "valid" : nik.shown === null ? "empty" : "invalid",
      nibCell: hasColumn(ctx, "nib") ? cellOf(ctx, "nib") : undefined,
      npwpCell: hasColumn(ctx, "npwp") ? cellOf(ctx, "npwp") : undefined,
    },
    policy,
  );
}
