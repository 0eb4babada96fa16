/**
 * The policy a check runs under. Every value that domain.md calls unsettled lives here
 * with its default, can be changed per run, and is written into every report.
 */
import { isoToDay } from "./days";

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

/** Names of the paths in the order setting, as the reports show them. */
export const PATH_OPTION_LABELS: Record<PathOption, { id: string; en: string }> = {
  "pppk-paruh-waktu": { id: "PPPK paruh waktu", en: "Part-time PPPK" },
  "usul-pppk": { id: "Usul PPPK", en: "Propose for PPPK" },
  pjlp: { id: "PJLP / kontrak individu", en: "PJLP / individual contract" },
  "bantuan-usaha": { id: "Bantuan usaha", en: "Business support" },
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

/** Labels for the policy table in reports and the task pane. */
export const POLICY_LABELS: Record<PolicyKey, { id: string; en: string }> = {
  referenceDate: { id: "Tanggal acuan (masa kerja & usia)", en: "Reference date (tenure & age)" },
  cutoffDate: { id: "Batas akhir kontrak non-ASN", en: "Non-ASN contract cut-off" },
  minTenureMonths: { id: "Masa kerja minimum (bulan)", en: "Minimum tenure (months)" },
  countReferenceDay: { id: "Hari acuan ikut dihitung", en: "Reference day counted" },
  minAge: { id: "Usia minimum PPPK", en: "PPPK minimum age" },
  retirementAge: { id: "Batas usia pensiun (BUP)", en: "Retirement age (BUP)" },
  pnsMinJp: { id: "JP minimum PNS per tahun", en: "PNS minimum JP a year" },
  pppkMaxJp: { id: "JP maksimum PPPK per tahun", en: "PPPK maximum JP a year" },
  minutesPerJp: { id: "Menit per JP", en: "Minutes per JP" },
  pathUsulPppk: { id: "Jalur usul PPPK ditawarkan", en: "Path offered: propose for PPPK" },
  pathParuhWaktu: { id: "Jalur PPPK paruh waktu ditawarkan", en: "Path offered: part-time PPPK" },
  pathPjlp: { id: "Jalur PJLP / kontrak individu ditawarkan", en: "Path offered: PJLP / individual contract" },
  pathBantuanUsaha: { id: "Jalur bantuan usaha ditawarkan", en: "Path offered: business support" },
  bantuanUsahaMaxMonths: {
    id: "Bantuan usaha: masa kerja kurang dari (bulan)",
    en: "Business support: service under (months)",
  },
  nikAsNpwp: { id: "NIK berlaku sebagai NPWP bila NPWP kosong", en: "NIK serves as NPWP when the NPWP is empty" },
  pathOrder: { id: "Urutan jalur bila beberapa cocok", en: "Path order when several fit" },
};

export interface PolicyProblem {
  readonly key: PolicyKey;
  readonly message: { id: string; en: string };
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
      const order = readPathOrder(raw);
      if (typeof order === "string") out[key] = order;
      else problems.push(order);
    } else if (typeof def === "string") {
      const text = String(raw).trim();
      if (isoToDay(text) === null) {
        problems.push({
          key,
          message: {
            id: `${POLICY_LABELS[key].id}: "${text}" bukan tanggal YYYY-MM-DD yang valid.`,
            en: `${POLICY_LABELS[key].en}: "${text}" is not a valid YYYY-MM-DD date.`,
          },
        });
      } else out[key] = text;
    } else if (typeof def === "number") {
      const value = typeof raw === "number" ? raw : Number(String(raw).trim().replace(",", "."));
      // Zero minutes per JP would divide by zero; zero elsewhere is a legal (if odd) setting.
      const tooSmall = key === "minutesPerJp" ? value <= 0 : value < 0;
      if (!Number.isFinite(value) || tooSmall || value > 1000) {
        problems.push({
          key,
          message: {
            id: `${POLICY_LABELS[key].id}: "${String(raw)}" bukan angka yang valid.`,
            en: `${POLICY_LABELS[key].en}: "${String(raw)}" is not a valid number.`,
          },
        });
      } else out[key] = value;
    } else if (typeof def === "boolean") {
      if (typeof raw === "boolean") out[key] = raw;
      else if (/^(true|ya|yes|1)$/i.test(String(raw))) out[key] = true;
      else if (/^(false|tidak|no|0)$/i.test(String(raw))) out[key] = false;
      else
        problems.push({
          key,
          message: {
            id: `${POLICY_LABELS[key].id}: "${String(raw)}" harus ya/tidak.`,
            en: `${POLICY_LABELS[key].en}: "${String(raw)}" must be yes/no.`,
          },
        });
    }
  }
  return { policy: out as unknown as Policy, problems };
}

/** The path order setting, stored comma-separated, or the problem with it. */
function readPathOrder(raw: unknown): string | PolicyProblem {
  const order = parsePathOrder(String(raw));
  if (order !== null) return order.join(",");
  const label = POLICY_LABELS.pathOrder;
  return {
    key: "pathOrder",
    message: {
      id: `${label.id}: "${String(raw)}" harus memuat ${PATH_OPTIONS.join(", ")}, masing-masing sekali.`,
      en: `${label.en}: "${String(raw)}" must list ${PATH_OPTIONS.join(", ")}, each once.`,
    },
  };
}

/** Maximum PPPK applicant age: one year below the retirement age. */
export function maxApplicantAge(policy: Policy): number {
  return policy.retirementAge - 1;
}
