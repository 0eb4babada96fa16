/**
 * The Indonesian collator's order of names, faster: sorting a million names with
 * Intl.Collator takes seconds. Indonesian has no tailoring of its own (CLDR root order), and
 * for text of ASCII letters, digits and spaces only root order is plain: compare with case
 * folded, space before digits before letters, a shorter text first when it is a prefix; when
 * that ties, the first difference in case decides, lower case first. Any other text goes to
 * the collator. test/core/name-order.test.ts checks the two agree on random and real names.
 */

/** One collator for every comparison: localeCompare with a locale builds one per call. */
export const NAME_COLLATOR = new Intl.Collator("id");

const PLAIN = /^[A-Za-z0-9 ]*$/;

/** True when `name` can be ordered without the collator. */
export const isPlainName = (name: string): boolean => PLAIN.test(name);

/** Root collation order of two plain names (see isPlainName): -1, 0 or 1, as the collator. */
export function comparePlainNames(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let byCase = 0;
  for (let i = 0; i < n; i++) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(i);
    if (ca === cb) continue;
    // Folded to lower case, ASCII codes are in root order: space, digits, letters.
    const la = ca >= 65 && ca <= 90 ? ca + 32 : ca;
    const lb = cb >= 65 && cb <= 90 ? cb + 32 : cb;
    if (la !== lb) return la < lb ? -1 : 1;
    // Same letter, other case: upper case has the lower code, and comes second.
    if (byCase === 0) byCase = ca > cb ? -1 : 1;
  }
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  return byCase;
}

/** True when bytes a[from..to) (one-byte codes) make a plain name (see isPlainName). */
export function isPlainBytes(a: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = a[i] as number;
    if (!(c === 32 || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122))) return false;
  }
  return true;
}

/**
 * comparePlainNames on names kept as one-byte codes, read in place (CH Jalur sorts a million
 * names without making a string of each: about 50 bytes of heap a name while a bucket sorts).
 */
export function comparePlainBytes(
  a: Uint8Array,
  a0: number,
  a1: number,
  b: Uint8Array,
  b0: number,
  b1: number,
): number {
  const aLength = a1 - a0;
  const bLength = b1 - b0;
  const n = Math.min(aLength, bLength);
  let byCase = 0;
  for (let i = 0; i < n; i++) {
    const ca = a[a0 + i] as number;
    const cb = b[b0 + i] as number;
    if (ca === cb) continue;
    const la = ca >= 65 && ca <= 90 ? ca + 32 : ca;
    const lb = cb >= 65 && cb <= 90 ? cb + 32 : cb;
    if (la !== lb) return la < lb ? -1 : 1;
    if (byCase === 0) byCase = ca > cb ? -1 : 1;
  }
  if (aLength !== bLength) return aLength < bLength ? -1 : 1;
  return byCase;
}

/** Two names in the collator's order; `plainA`/`plainB`: isPlainName of each, worked out once. */
export function compareNames(a: string, plainA: boolean, b: string, plainB: boolean): number {
  if (a === b) return 0;
  return plainA && plainB ? comparePlainNames(a, b) : NAME_COLLATOR.compare(a, b);
}
