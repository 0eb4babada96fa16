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
});

export type PolicyKey = keyof Policy;

/** Labels for the policy table in reports and the task pane (words in the vocabulary). */
export const POLICY_LABELS: Readonly<Record<PolicyKey, Bilingual>> = SETTING_LABELS;

export interface PolicyProblem {
  readonly key: PolicyKey;
  readonly message: Bilingual;
}

function problem(kind: keyof typeof SETTING_PROBLEMS, key: PolicyKey, value: string): Bilingual {
  return {
    id: fillTemplate(SETTING_PROBLEMS[kind].id, { setting: POLICY_LABELS[key].id, value }, "id"),
    en: fillTemplate(SETTING_PROBLEMS[kind].en, { setting: POLICY_LABELS[key].en, value }, "en"),
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
    if (typeof def === "string") {
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
