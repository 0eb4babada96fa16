/**
 * The people known so far in a workbook, from its personnel sheets, so training rows can
 * be matched to a person when the workbook ends (domain.md "Settled points"): by NIP
 * first, then NIK, then the name; a name matches only when exactly one known person has
 * it (case, spaces and titles such as "S.Pd." ignored).
 */
import { normalizeName } from "../values";
import { grow8, StringStore } from "../string-store";
import { DigitKeyMap, DigitTextColumn } from "./digit-keys";
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
 * The people of a workbook, held compactly (issue 10, full height). Each remembered row is
 * a few entries in plain columns; the maps that find a person (NIP and NIK packed into
 * numbers, the normalized name) are built only when a training row asks, at the end of
 * the workbook, so a workbook without training sheets never builds them.
 */
export class KnownPeople {
  // Names in a byte arena and NIP/NIK digits packed into numbers, not arrays of strings: a
  // full-height sheet's million NIKs and names cost about 190 bytes a row as strings (each a
  // slice with its own parent), about 33 here (no NIP, as honorer have none, costs nothing).
  private readonly nips = new DigitTextColumn();
  private readonly niks = new DigitTextColumn();
  private readonly names = new StringStore();
  /** The name a row is keyed by, where it is not its name (the engine gives the same one). */
  private readonly keyNames = new Map<number, string | null>();
  /** Per row: index into statusCodes. */
  private statuses: Uint8Array = new Uint8Array(1024);
  private readonly statusCodes: (EmploymentStatus | null)[] = [null];
  /** Rows remembered up to here are in the maps below. */
  private indexed = 0;
  /** Each indexed row's person key (null: the row had none and was not remembered). */
  private readonly keys: (string | null)[] = [];
  private readonly byNip = new DigitKeyMap();
  private readonly byNik = new DigitKeyMap();
  /** Normalized name -> the row of its one person, or -(i + 1) for shared[i]. */
  private readonly byName = new Map<string, number>();
  /** For the names several people share: person key -> that person's latest row under the name. */
  private readonly shared: Map<string, number>[] = [];

  /** Remembers a personnel row's person; see rememberPerson. */
  remember(keys: PersonKeys, person: Omit<KnownPerson, "key">): void {
    const row = this.names.add(person.name);
    this.nips.push(keys.nip);
    this.niks.push(keys.nik);
    if (keys.name !== person.name) this.keyNames.set(row, keys.name);
    let code = this.statusCodes.indexOf(person.status);
    if (code === -1) code = this.statusCodes.push(person.status) - 1;
    if (row >= this.statuses.length) this.statuses = grow8(this.statuses, row + 1);
    this.statuses[row] = code;
  }

  /** The person a row names: by NIP first, then NIK, then a name exactly one known person has. */
  lookUp(keys: PersonKeys): LookUp {
    this.index();
    const byId = this.byId(keys.nip, keys.nik);
    if (byId !== undefined) return { person: this.person(byId) };
    const named = keys.name !== null ? this.byName.get(normalizeName(keys.name)) : undefined;
    if (named === undefined) return { person: null, sameName: 0 };
    if (named >= 0) return { person: this.person(named) };
    const people = this.shared[-named - 1];
    const count = people?.size ?? 0;
    const only = count === 1 ? people?.values().next().value : undefined;
    return only !== undefined ? { person: this.person(only) } : { person: null, sameName: count };
  }

  /**
   * Puts the rows remembered since the last look-up into the maps, in their order: a row
   * whose NIP or NIK is known already is that person again (a service history) and keeps
   * the first key; otherwise its key is its NIP, else NIK, else normalized name.
   */
  private index(): void {
    for (let row = this.indexed; row < this.names.size; row++) {
      const nip = this.nips.at(row);
      const nik = this.niks.at(row);
      const keyName = this.keyNames.get(row);
      const name = keyName !== undefined ? keyName : this.names.get(row);
      const earlier = this.byId(nip, nik);
      const normalized = name !== null ? normalizeName(name) : null;
      const key = earlier !== undefined ? (this.keys[earlier] ?? null) : (nip ?? nik ?? normalized);
      this.keys.push(key);
      if (key === null) continue;
      if (nip !== null) this.byNip.set(nip, row);
      if (nik !== null) this.byNik.set(nik, row);
      if (normalized !== null) this.rememberName(normalized, key, row);
    }
    this.indexed = this.names.size;
  }

  private byId(nip: string | null, nik: string | null): number | undefined {
    return (nip !== null ? this.byNip.get(nip) : undefined) ?? (nik !== null ? this.byNik.get(nik) : undefined);
  }

  private person(row: number): KnownPerson {
    const status = this.statusCodes[this.statuses[row] ?? 0] ?? null;
    return { name: this.names.get(row), status, key: this.keys[row] ?? "" };
  }

  /** A row under its normalized name: a person seen again replaces their earlier row. */
  private rememberName(name: string, key: string, row: number): void {
    const at = this.byName.get(name);
    if (at === undefined || (at >= 0 && this.keys[at] === key)) {
      this.byName.set(name, row);
    } else if (at >= 0) {
      const people = new Map<string, number>();
      people.set(this.keys[at] ?? "", at);
      people.set(key, row);
      this.shared.push(people);
      this.byName.set(name, -this.shared.length);
    } else {
      // Only the count and, for a count of one, the one row are ever read: order does not matter.
      this.shared[-at - 1]?.set(key, row);
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
