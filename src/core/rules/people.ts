/**
 * The people known so far in a workbook, from its personnel sheets, so training rows can
 * be matched to a person when the workbook ends (domain.md "Settled points"): by NIP
 * first, then NIK, then the name; a name matches only when exactly one known person has
 * it (case, spaces and titles such as "S.Pd." ignored).
 */
import { normalizeName } from "../values";
import type { EmploymentStatus } from "../vocabulary";

/** A person as known from personnel sheets, for the training sheets. */
export interface KnownPerson {
  /** One key per person (their NIP, else NIK, else name), so rows matched through different keys tally together. */
  readonly key: string;
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
  /** Keyed by normalizeName, then by person key: every distinct person of that name (a map, so a row costs the same however common its name). */
  readonly byName: Map<string, Map<string, KnownPerson>>;
}

export function noPeople(): KnownPeople {
  return { byNip: new Map(), byNik: new Map(), byName: new Map() };
}

/** The key a person tallies under: NIP, else NIK, else the normalized name. */
export function personKey(keys: PersonKeys): string | null {
  return keys.nip ?? keys.nik ?? (keys.name !== null ? normalizeName(keys.name) : null);
}

/**
 * Remembers a personnel row's person under each key it has. A row whose NIP or NIK is
 * known already is that person again (a service history): it keeps the first key.
 */
export function rememberPerson(people: KnownPeople, keys: PersonKeys, person: Omit<KnownPerson, "key">): void {
  const earlier =
    (keys.nip !== null ? people.byNip.get(keys.nip) : undefined) ??
    (keys.nik !== null ? people.byNik.get(keys.nik) : undefined);
  const key = earlier?.key ?? personKey(keys);
  if (key === null) return;
  const known: KnownPerson = { ...person, key };
  if (keys.nip !== null) people.byNip.set(keys.nip, known);
  if (keys.nik !== null) people.byNik.set(keys.nik, known);
  if (keys.name === null) return;
  const name = normalizeName(keys.name);
  let same = people.byName.get(name);
  if (same === undefined) people.byName.set(name, (same = new Map()));
  same.delete(key);
  same.set(key, known);
}

/** Who a row names: the person, or null with how many people share the name (0: nobody known). */
export type LookUp = { readonly person: KnownPerson } | { readonly person: null; readonly sameName: number };

/** The person a row names: by NIP first, then NIK, then a name exactly one known person has. */
export function lookUpPerson(people: KnownPeople, keys: PersonKeys): LookUp {
  const byId =
    (keys.nip !== null ? people.byNip.get(keys.nip) : undefined) ??
    (keys.nik !== null ? people.byNik.get(keys.nik) : undefined);
  if (byId !== undefined) return { person: byId };
  const named = keys.name !== null ? people.byName.get(normalizeName(keys.name)) : undefined;
  const count = named?.size ?? 0;
  const only = count === 1 ? named?.values().next().value : undefined;
  return only !== undefined ? { person: only } : { person: null, sameName: count };
}
