/**
 * The policy a check runs under. Every value that domain.md calls unsettled lives here
 * with its default, can be changed per run, and is written into every report.
 */
import { isoToDay } from "./days";
import { type Bilingual, SETTING_LABELS, SETTING_PROBLEMS, fillTemplate } from "./vocabulary";

export interface Policy {
  /** Date at which tenure and age are counted (ISO). Default: 2025-12-31. */
  readonly referenceDate: string;
  /** Last day a non-ASN contract may run (ISO). Default: 2025-12-31 (a regional circular, not the law). */
  readonly cutoffDate: string;
  /** Minimum continuous service for PPPK, in months. Default 24 (SE MenPANRB B/3832/M.SM.01.00/2025). */
  readonly minTenureMonths: number;
  /** Tenure counts the reference day itself (TMT 2024-01-01 to 2025-12-31 = 24 months). */
  readonly countReferenceDay: boolean;
  /** PPPK applicants: minimum age. Default 20 (PP 49/2018 Pasal 16). */
  readonly minAge: number;
  /** Retirement age (BUP) of the position; the maximum applicant age is BUP - 1. Default 58. */
  readonly retirementAge: number;
  /** PNS: at least this many JP a calendar year. Default 20. */
  readonly pnsMinJp: number;
  /** PPPK: at most this many JP a contract year. Default 24. */
  readonly pppkMaxJp: number;
  /** Minutes in one JP, to convert durations. Default 45. */
  readonly minutesPerJp: number;
  // After the cut-off (domain.md, last point): which paths a region offers. All on by default.
  /** Usul PPPK: non-ASN who meet the service and age rules are proposed for PPPK. */
  readonly pathUsulPppk: boolean;
  /** PPPK paruh waktu: non-ASN in the BKN database (R2/R3/R3B/R3T) not yet appointed. */
  readonly pathParuhWaktu: boolean;
  /** PJLP / kontrak individu through procurement (needs NIB, NIK, NPWP). */
  readonly pathPjlp: boolean;
  /** Bantuan usaha (business support, Bontang). */
  readonly pathBantuanUsaha: boolean;
  /** Bantuan usaha is for those with less service than this, in months. Default 24 (Bontang: under 2 years). */
  readonly bantuanUsahaMaxMonths: number;
  /** A valid NIK serves as the NPWP when the NPWP cell is empty (PMK 112/2022). Default yes. */
  readonly nikAsNpwp: boolean;
  /** Which path wins when several fit, first to last, comma-separated (see PATH_OPTIONS). */
  readonly pathOrder: string;
}

/** The paths a region can offer, in the default order of domain.md. */
export const PATH_OPTIONS = ["pppk-paruh-waktu", "usul-pppk", "pjlp", "bantuan-usaha"] as const;
export type PathOption = (typeof PATH_OPTIONS)[number];

/** The policy switch of each path. */
export const PATH_SWITCH: Record<PathOption, "pathParuhWaktu" | "pathUsulPppk" | "pathPjlp" | "pathBantuanUsaha"> = {
  "pppk-paruh-waktu": "pathParuhWaktu",
  "usul-pppk": "pathUsulPppk",
  pjlp: "pathPjlp",
  "bantuan-usaha": "pathBantuanUsaha",
};

/**
 * Reads a path order: the four paths, each once, separated by commas, spaces, ">" or
 * arrows. Returns them in order, or null when a name is unknown, repeated or missing
 * (a partial order would leave the report unclear about the rest).
 */
export function parsePathOrder(text: string): PathOption[] | null {
  const names = text
    .trim()
    .toLowerCase()
    .split(/[\s,;>|\u2192]+/)
    .filter((n) => n !== "");
  const known = new Set<string>(PATH_OPTIONS);
  if (names.length !== PATH_OPTIONS.length || new Set(names).size !== names.length) return null;
  return names.every((n) => known.has(n)) ? (names as PathOption[]) : null;
}

export const DEFAULT_POLICY: Policy = Object.freeze({
  referenceDate: "2025-12-31",
  cutoffDate: "2025-12-31",
  minTenureMonths: 24,
  countReferenceDay: true,
  minAge: 20,
  retirementAge: 58,
  pnsMinJp: 20,
  pppkMaxJp: 24,
  minutesPerJp: 45,
  pathUsulPppk: true,
  pathParuhWaktu: true,
  pathPjlp: true,
  pathBantuanUsaha: true,
  bantuanUsahaMaxMonths: 24,
  nikAsNpwp: true,
  pathOrder: PATH_OPTIONS.join(","),
});

export type PolicyKey = keyof Policy;

/** The settings of the paths after the cut-off, in the order reports and the pane show them. */
export const PATH_SETTING_KEYS: readonly PolicyKey[] = [
  "pathParuhWaktu",
  "pathUsulPppk",
  "pathPjlp",
  "pathBantuanUsaha",
  "bantuanUsahaMaxMonths",
  "nikAsNpwp",
  "pathOrder",
];

/** Labels for the policy table in reports and the task pane (words in the vocabulary). */
export const POLICY_LABELS: Readonly<Record<PolicyKey, Bilingual>> = SETTING_LABELS;

export interface PolicyProblem {
  readonly key: PolicyKey;
  readonly message: Bilingual;
}

function problem(kind: keyof typeof SETTING_PROBLEMS, key: PolicyKey, value: string): Bilingual {
  const paths = PATH_OPTIONS.join(", ");
  return {
    id: fillTemplate(SETTING_PROBLEMS[kind].id, { setting: POLICY_LABELS[key].id, value, paths }, "id"),
    en: fillTemplate(SETTING_PROBLEMS[kind].en, { setting: POLICY_LABELS[key].en, value, paths }, "en"),
  };
}

/**
 * Merges overrides onto the defaults and checks them. Bad values are reported, never
 * silently replaced: the caller decides whether to stop.
 */
export function resolvePolicy(overrides: Partial<Record<PolicyKey, unknown>> = {}): {
  policy: Policy;
  problems: PolicyProblem[];
} {
  const problems: PolicyProblem[] = [];
  const out: Record<string, unknown> = { ...DEFAULT_POLICY };
  for (const key of Object.keys(DEFAULT_POLICY) as PolicyKey[]) {
    const raw = overrides[key];
    if (raw === undefined || raw === null || raw === "") continue;
    const def = DEFAULT_POLICY[key];
    if (key === "pathOrder") {
      const order = parsePathOrder(String(raw));
      if (order !== null) out[key] = order.join(",");
      else problems.push({ key, message: problem("notPathOrder", key, String(raw)) });
    } else if (typeof def === "string") {
      const text = String(raw).trim();
      if (isoToDay(text) === null) {
        problems.push({ key, message: problem("notDate", key, text) });
      } else out[key] = text;
    } else if (typeof def === "number") {
      const value = typeof raw === "number" ? raw : Number(String(raw).trim().replace(",", "."));
      // Zero minutes per JP would divide by zero; zero elsewhere is a legal (if odd) setting.
      const tooSmall = key === "minutesPerJp" ? value <= 0 : value < 0;
      if (!Number.isFinite(value) || tooSmall || value > 1000) {
        problems.push({ key, message: problem("notNumber", key, String(raw)) });
      } else out[key] = value;
    } else if (typeof def === "boolean") {
      if (typeof raw === "boolean") out[key] = raw;
      else if (/^(true|ya|yes|1)$/i.test(String(raw))) out[key] = true;
      else if (/^(false|tidak|no|0)$/i.test(String(raw))) out[key] = false;
      else problems.push({ key, message: problem("notYesNo", key, String(raw)) });
    }
  }
  return { policy: out as unknown as Policy, problems };
}

/** Maximum PPPK applicant age: one year below the retirement age. */
export function maxApplicantAge(policy: Policy): number {
  return policy.retirementAge - 1;
}
