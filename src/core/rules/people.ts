/**
 * The people known so far in a workbook, from its personnel sheets, so training rows can
 * be matched to a person when the workbook ends (domain.md "Settled points"): by NIP
 * first, then NIK, then the name; a name matches only when exactly one known person has
 * it (case, spaces and titles such as "S.Pd." ignored).
 */
import { normalizeName } from "../values";
import { DigitKeyMap } from "./digit-keys";
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

/**
 * The people of a workbook, held compactly (issue 10, full height): one record per
 * remembered row in plain columns (key, name, status), NIP and NIK packed into numbers,
 * and a name map that points at a record (or, for a name several people share, at a
 * small map of their keys).
 */
export class KnownPeople {
  private readonly keys: string[] = [];
  private readonly names: (string | null)[] = [];
  private readonly statuses: (EmploymentStatus | null)[] = [];
  private readonly byNip = new DigitKeyMap();
  private readonly byNik = new DigitKeyMap();
  /** Normalized name -> the record of its one person, or -(i + 1) for shared[i]. */
  private readonly byName = new Map<string, number>();
  /** For the names several people share: person key -> that person's latest record under the name. */
  private readonly shared: Map<string, number>[] = [];

  /** Remembers a personnel row's person under each key it has; see rememberPerson. */
  remember(keys: PersonKeys, person: Omit<KnownPerson, "key">): void {
    const earlier = this.byId(keys);
    const normalized = keys.name !== null ? normalizeName(keys.name) : null;
    const key = earlier !== undefined ? (this.keys[earlier] ?? null) : (keys.nip ?? keys.nik ?? normalized);
    if (key === null) return;
    const record = this.keys.push(key) - 1;
    this.names.push(person.name);
    this.statuses.push(person.status);
    if (keys.nip !== null) this.byNip.set(keys.nip, record);
    if (keys.nik !== null) this.byNik.set(keys.nik, record);
    if (normalized !== null) this.rememberName(normalized, key, record);
  }

  /** The person a row names: by NIP first, then NIK, then a name exactly one known person has. */
  lookUp(keys: PersonKeys): LookUp {
    const byId = this.byId(keys);
    if (byId !== undefined) return { person: this.person(byId) };
    const named = keys.name !== null ? this.byName.get(normalizeName(keys.name)) : undefined;
    if (named === undefined) return { person: null, sameName: 0 };
    if (named >= 0) return { person: this.person(named) };
    const people = this.shared[-named - 1];
    const count = people?.size ?? 0;
    const only = count === 1 ? people?.values().next().value : undefined;
    return only !== undefined ? { person: this.person(only) } : { person: null, sameName: count };
  }

  private byId(keys: PersonKeys): number | undefined {
    return (
      (keys.nip !== null ? this.byNip.get(keys.nip) : undefined) ??
      (keys.nik !== null ? this.byNik.get(keys.nik) : undefined)
    );
  }

  private person(record: number): KnownPerson {
    return {
      name: this.names[record] ?? null,
      status: this.statuses[record] ?? null,
      key: this.keys[record] ?? "",
    };
  }

  /** A record under its normalized name: a person seen again replaces their earlier record. */
  private rememberName(name: string, key: string, record: number): void {
    const at = this.byName.get(name);
    if (at === undefined || (at >= 0 && this.keys[at] === key)) {
      this.byName.set(name, record);
    } else if (at >= 0) {
      const people = new Map<string, number>();
      people.set(this.keys[at] ?? "", at);
      people.set(key, record);
      this.shared.push(people);
      this.byName.set(name, -this.shared.length);
    } else {
      const people = this.shared[-at - 1];
      // Only the count and, for a count of one, the one record are ever read: order does not matter.
      people?.set(key, record);
    }
  }
}

export function noPeople(): KnownPeople {
  return new KnownPeople();
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
  people.remember(keys, person);
}

/** Who a row names: the person, or null with how many people share the name (0: nobody known). */
export type LookUp = { readonly person: KnownPerson } | { readonly person: null; readonly sameName: number };

/** The person a row names: by NIP first, then NIK, then a name exactly one known person has. */
export function lookUpPerson(people: KnownPeople, keys: PersonKeys): LookUp {
  return people.lookUp(keys);
}
