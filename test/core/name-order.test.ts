/**
 * The fast name order agrees with Intl.Collator("id") wherever it is used: random texts of
 * ASCII letters, digits and spaces (with case and prefixes mixed), and names as OPD lists
 * have them. Text outside that alphabet must not be taken as plain.
 */
import fc from "fast-check";
import {
  NAME_COLLATOR,
  compareNames,
  comparePlainBytes,
  comparePlainNames,
  isPlainBytes,
  isPlainName,
} from "../../src/core/name-order";

const sign = (n: number): number => (n < 0 ? -1 : n > 0 ? 1 : 0);
const PLAIN_CHARS = "aAbBzZyY09 5mM";

test("plain names are ordered as the collator orders them (random texts)", () => {
  const text = fc.string({ unit: fc.constantFrom(...PLAIN_CHARS.split("")), maxLength: 8 });
  fc.assert(
    fc.property(text, text, (a, b) => {
      expect(isPlainName(a) && isPlainName(b)).toBe(true);
      expect(sign(comparePlainNames(a, b))).toBe(sign(NAME_COLLATOR.compare(a, b)));
    }),
    { numRuns: 20_000, seed: 8 },
  );
});

test("plain names are ordered as the collator orders them (every pair of a list)", () => {
  const names = [
    "",
    " ",
    "a",
    "A",
    "ab",
    "Ab",
    "aB",
    "AB",
    "abc",
    "Abc",
    "ab c",
    "ab  c",
    "abc ",
    "Budi",
    "budi",
    "BUDI",
    "Budi Santoso",
    "Budi santoso",
    "Budiman",
    "Budi 2",
    "Budi 10",
    "Budi2",
    "Z",
    "z",
    "0",
    "9",
    "Siti Aminah",
    "Siti aminah",
    "SITI AMINAH",
    "Siti  Aminah",
  ];
  for (const a of names)
    for (const b of names)
      expect([a, b, sign(comparePlainNames(a, b))]).toEqual([a, b, sign(NAME_COLLATOR.compare(a, b))]);
});

test("other names go to the collator", () => {
  for (const name of ["Ádi", "Ma'ruf", "Drs. Budi, S.Pd", "Nguyễn", "Budi-Santoso", "Budi\tSantoso", "Ruth_A"])
    expect(isPlainName(name)).toBe(false);
  expect(sign(compareNames("Ádi", false, "Adi", true))).toBe(sign(NAME_COLLATOR.compare("Ádi", "Adi")));
  expect(compareNames("Budi", true, "Budi", true)).toBe(0);
});

test("plain names read as one-byte codes in place order and classify as the strings do", () => {
  const latin1 = fc.string({ unit: fc.constantFrom(..."aAbBzZyY09 5mM.-é\u00ff\u0000".split("")), maxLength: 8 });
  fc.assert(
    fc.property(latin1, latin1, fc.nat(5), fc.nat(5), (a, b, padA, padB) => {
      // Each name in a buffer of its own, at an offset, between other bytes.
      const bytesOf = (s: string, pad: number): Uint8Array =>
        Uint8Array.from([...Array(pad).fill(120), ...s.split("").map((c) => c.charCodeAt(0)), 33]);
      const ab = bytesOf(a, padA);
      const bb = bytesOf(b, padB);
      expect(isPlainBytes(ab, padA, padA + a.length)).toBe(isPlainName(a));
      if (isPlainName(a) && isPlainName(b))
        expect(sign(comparePlainBytes(ab, padA, padA + a.length, bb, padB, padB + b.length))).toBe(
          sign(comparePlainNames(a, b)),
        );
    }),
    { numRuns: 20_000, seed: 9 },
  );
});
