/**
 * The people known so far in a workbook, from its personnel sheets, so training rows can
 * be matched to a person (by NIP, else NIK, else name) when the workbook ends.
 */
import { normalizeName } from "../values";
import type { EmploymentStatus } from "../vocabulary";

/** A person as known from personnel sheets, for the training sheets. */
export interface KnownPerson {
  readonly name: string | null;
  readonly status: EmploymentStatus | null;
}

/** How a row names its person: valid NIP and NIK only, and the name as written. */
export interface PersonKeys {
  readonly nip: string | null;
  readonly nik: string | null;
  readonly name: string | null;
}

export interface KnownPeople {
  readonly byNip: Map<string, KnownPerson>;
  readonly byNik: Map<string, KnownPerson>;
  /** Keyed by normalizeName. */
  readonly byName: Map<string, KnownPerson>;
}

export function noPeople(): KnownPeople {
  return { byNip: new Map(), byNik: new Map(), byName: new Map() };
}

/** Remembers a personnel row's person under each key it has; a later row with the same key wins. */
export function rememberPerson(people: KnownPeople, keys: PersonKeys, person: KnownPerson): void {
  if (keys.nip !== null) people.byNip.set(keys.nip, person);
  if (keys.nik !== null) people.byNik.set(keys.nik, person);
  if (keys.name !== null) people.byName.set(normalizeName(keys.name), person);
}

/** The person a row names: by NIP first, then NIK, then name; null when unknown. */
export function lookUpPerson(people: KnownPeople, keys: PersonKeys): KnownPerson | null {
  return (
    (keys.nip !== null ? people.byNip.get(keys.nip) : undefined) ??
    (keys.nik !== null ? people.byNik.get(keys.nik) : undefined) ??
    (keys.name !== null ? people.byName.get(normalizeName(keys.name)) : undefined) ??
    null
  );
}
