/**
 * The parameters of each issue's message, by code, so that a rule raising an issue with
 * a wrong, missing or extra parameter does not compile. The runtime table also lets a
 * test check that every {placeholder} of every message is a declared parameter.
 */
import type { Bilingual, IssueCode, Role } from "./vocabulary";

/** What each kind of parameter holds. */
interface ParamKinds {
  /** A plain value shown as written (a cell's text, a date as DD-MM-YYYY, a sheet name). */
  readonly text: string;
  readonly number: number;
  /** A column role, shown by its label in the reader's language. */
  readonly role: Role;
  /** Text that differs by language: a reason, a place, a gender word. */
  readonly bilingual: Bilingual;
}

export type ParamKind = keyof ParamKinds;

const roleAndValue = { role: "role", value: "text" } as const;
const valueAndReason = { value: "text", reason: "bilingual" } as const;
const lostDigits = { cell: "text", value: "text" } as const;
const jpVerdict = { person: "text", jp: "number", year: "number", limit: "number" } as const;

export const ISSUE_PARAMS = {
  "header-not-found": { sheet: "text" },
  "missing-column": { role: "role", sheet: "text" },
  "missing-value": { role: "role" },
  "invalid-date": roleAndValue,
  "implausible-date": { role: "role", value: "text", reason: "bilingual" },
  "end-before-start": { start: "text", end: "text" },
  "nik-invalid": valueAndReason,
  "nik-precision-lost": lostDigits,
  "nik-birthdate-mismatch": { nikDate: "text", birthDate: "text" },
  "nik-gender-mismatch": { nikGender: "bilingual", gender: "bilingual" },
  "nik-region-unknown": { code: "text" },
  "nip-invalid": valueAndReason,
  "nip-precision-lost": lostDigits,
  "nip-birthdate-mismatch": { nipDate: "text", birthDate: "text" },
  "nip-gender-mismatch": { nipGender: "bilingual", gender: "bilingual" },
  // The NIB message shows only the value; the reason stays in the JSON params for tools.
  "nib-invalid": valueAndReason,
  "npwp-invalid": valueAndReason,
  "duplicate-nik": { value: "text", firstPlace: "bilingual" },
  "age-out-of-range": { age: "number", referenceDate: "text", minAge: "number", maxAge: "number" },
  "contract-past-cutoff": { end: "text", cutoff: "text" },
  "service-gap": { detail: "text" },
  "unknown-status": { value: "text" },
  "unknown-gender": { value: "text" },
  "invalid-number": roleAndValue,
  "excel-error": roleAndValue,
  "row-not-checked": { detail: "text" },
  "jp-below-minimum": jpVerdict,
  "jp-above-maximum": jpVerdict,
  "training-duplicate": { firstRow: "number" },
  "training-unknown-person": {},
  "computed-columns-blocked": { sheet: "text", columns: "text" },
  "tenure-mismatch": { written: "bilingual", computed: "bilingual" },
  "status-nip-mismatch": { status: "text", digits: "text", nipStatus: "bilingual" },
  "training-ambiguous-name": { name: "text", count: "number" },
  "no-table-found": { headers: "text" },
} as const satisfies Record<IssueCode, Readonly<Record<string, ParamKind>>>;

type ParamSpec<C extends IssueCode> = (typeof ISSUE_PARAMS)[C];

/** The parameters of one issue code (a union of them for a union of codes). */
export type IssueParams<C extends IssueCode> = C extends IssueCode
  ? { readonly [K in keyof ParamSpec<C>]: ParamKinds[ParamSpec<C>[K] & ParamKind] }
  : never;

/** The params argument of makeIssue: optional only for codes without parameters. */
export type IssueParamsArg<C extends IssueCode> =
  object extends IssueParams<C> ? [params?: IssueParams<C>] : [params: IssueParams<C>];
