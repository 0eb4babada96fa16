/**
 * Identifier cross-checks: the birth date and gender coded in a NIK or a NIP against the
 * row's own birth date and gender columns. Mismatches are warnings: a NIK is not
 * re-issued when a birth date is corrected.
 */
import { type DayNumber, dayToDisplay } from "../days";
import { type NikInfo, type NipInfo, nikMatchesBirthDate } from "../identifiers";
import type { Issue } from "../issues";
import type { Gender } from "../values";
import { type Bilingual, LABELS } from "../vocabulary";
import { type RowContext, issueAt, joinIssues, NO_ISSUES } from "./row";

/** What the row says about the person, for comparing with the identifiers. */
export interface StatedPerson {
  /** A trusted birth date only (null when missing, unreadable or implausible). */
  readonly birth: DayNumber | null;
  readonly gender: Gender | null;
}

/** NIK digits 7-12 (DDMMYY, women +40 on the day) and its gender against the row. */
export function crossCheckNik(ctx: RowContext, nik: NikInfo | null, stated: StatedPerson): readonly Issue[] {
  if (nik === null) return NO_ISSUES;
  const issues: Issue[] = [];
  if (stated.birth !== null && !nikMatchesBirthDate(nik, stated.birth)) {
    issues.push(
      issueAt(ctx, "nik-birthdate-mismatch", "nik", {
        nikDate: `${pad2(nik.birthDay)}-${pad2(nik.birthMonth)}-${pad2(nik.birthYY)}`,
        birthDate: dayToDisplay(stated.birth),
      }),
    );
  }
  if (stated.gender !== null && nik.gender !== stated.gender) {
    issues.push(
      issueAt(ctx, "nik-gender-mismatch", "nik", {
        nikGender: genderWord(nik.gender),
        gender: genderWord(stated.gender),
      }),
    );
  }
  return issues;
}

/** NIP digits 1-8 (birth date) and digit 15 (gender) against the row. */
export function crossCheckNip(ctx: RowContext, nip: NipInfo | null, stated: StatedPerson): readonly Issue[] {
  if (nip === null) return NO_ISSUES;
  const issues: Issue[] = [];
  if (stated.birth !== null && nip.birthDate !== stated.birth) {
    issues.push(
      issueAt(ctx, "nip-birthdate-mismatch", "nip", {
        nipDate: dayToDisplay(nip.birthDate),
        birthDate: dayToDisplay(stated.birth),
      }),
    );
  }
  if (stated.gender !== null && nip.gender !== stated.gender) {
    issues.push(
      issueAt(ctx, "nip-gender-mismatch", "nip", {
        nipGender: genderWord(nip.gender),
        gender: genderWord(stated.gender),
      }),
    );
  }
  return issues;
}

/** Both cross-checks, NIK first. */
export function crossCheckIdentifiers(
  ctx: RowContext,
  ids: { readonly nik: NikInfo | null; readonly nip: NipInfo | null },
  stated: StatedPerson,
): readonly Issue[] {
  return joinIssues(crossCheckNik(ctx, ids.nik, stated), crossCheckNip(ctx, ids.nip, stated));
}

const pad2 = (n: number): string => String(n).padStart(2, "0");

function genderWord(g: Gender): Bilingual {
  return g === "L" ? LABELS.genderMale : LABELS.genderFemale;
}
