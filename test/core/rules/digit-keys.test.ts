import fc from "fast-check";
import { DigitKeyIndex, DigitKeyMap, DigitTextColumn, NumberColumn } from "../../../src/core/rules/digit-keys";

describe("DigitKeyMap: identifier digits packed into numbers", () => {
  test("keys that differ only by leading zeros, length or one digit stay apart", () => {
    const map = new DigitKeyMap();
    const keys = [
      "0",
      "00",
      "123",
      "0123",
      "6471051203900001",
      "6471051203900002",
      "199001012019032005",
      "9".repeat(18),
    ];
    keys.forEach((key, i) => map.set(key, i));
    keys.forEach((key, i) => expect(map.get(key)).toBe(i));
    expect(map.get("6471051203900003")).toBeUndefined();
    expect(map.size).toBe(keys.length);
  });

  test("text that is not 1 to 18 digits is kept too (in a plain map)", () => {
    const map = new DigitKeyMap();
    for (const [i, key] of ["", "12a", "1".repeat(19), " 1", "１２"].entries()) map.set(key, i);
    expect(map.get("")).toBe(0);
    expect(map.get("12a")).toBe(1);
    expect(map.get("1".repeat(19))).toBe(2);
    expect(map.get(" 1")).toBe(3);
    expect(map.get("１２")).toBe(4);
    expect(map.get("12")).toBeUndefined();
    expect(map.size).toBe(5);
  });

  test("answers as a Map does, through growth and overwrites", () => {
    const digits = fc.stringMatching(/^\d{1,18}$/);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.oneof(digits, fc.string({ maxLength: 20 })), fc.nat()), { maxLength: 400 }),
        (pairs) => {
          const map = new DigitKeyMap();
          const expected = new Map<string, number>();
          for (const [key, value] of pairs) {
            map.set(key, value % 2 ** 31);
            expected.set(key, value % 2 ** 31);
          }
          expect(map.size).toBe(expected.size);
          for (const [key, value] of expected) expect(map.get(key)).toBe(value);
          for (const [key] of pairs) expect(map.get(`${key}7`)).toBe(expected.get(`${key}7`));
        },
      ),
      { numRuns: 200 },
    );
  });
});

test("NumberColumn keeps every value as it grows", () => {
  const column = new NumberColumn();
  for (let i = 0; i < 1000; i++) expect(column.push(i * 1.5 - 7)).toBe(i);
  expect(column.length).toBe(1000);
  expect(column.at(999)).toBe(999 * 1.5 - 7);
  column.set(3, Number.POSITIVE_INFINITY);
  expect(column.at(3)).toBe(Number.POSITIVE_INFINITY);
});

describe("DigitKeyIndex: each key's index in the order first added", () => {
  test("answers as a Map of first positions does, digits and other text alike", () => {
    const digits = fc.stringMatching(/^\d{1,18}$/);
    fc.assert(
      fc.property(fc.array(fc.oneof(digits, fc.string({ maxLength: 20 })), { maxLength: 400 }), (keys) => {
        const index = new DigitKeyIndex();
        const expected = new Map<string, number>();
        for (const key of keys) {
          if (!expected.has(key)) expected.set(key, expected.size);
          expect(index.add(key)).toBe(expected.get(key));
        }
        expect(index.size).toBe(expected.size);
        for (const [key, i] of expected) expect(index.get(key)).toBe(i);
        for (const key of keys) expect(index.get(`${key}0`)).toBe(expected.get(`${key}0`));
      }),
      { numRuns: 200 },
    );
  });

  test("100,000 NIKs cost at most 24 bytes each (a table of entry numbers, the keys packed once)", () => {
    const index = new DigitKeyIndex();
    for (let i = 0; i < 100_000; i++) index.add(`64710512${String(i * 7919).padStart(8, "0")}`);
    expect(index.size).toBe(100_000);
    expect(index.get(`64710512${String(99_999 * 7919).padStart(8, "0")}`)).toBe(99_999);
    // Table: 262,144 slots of 4 bytes (at most half full); keys: 131,072 x (4 + 4) bytes. The
    // table of (key, value) slots it replaces held 262,144 x 16 bytes, 42 a NIK.
    expect(index.byteSize).toBe(262_144 * 4 + 131_072 * 8);
    expect(index.byteSize / 100_000).toBeLessThanOrEqual(24);
  });
});

describe("DigitTextColumn: identifiers or nulls, digits packed", () => {
  test("gives every text back as it was (leading zeros, 1 to 18 digits, other text, null)", () => {
    const digits = fc.stringMatching(/^\d{1,18}$/);
    fc.assert(
      fc.property(
        fc.array(fc.oneof(digits, fc.string({ maxLength: 20 }), fc.constant(null)), { maxLength: 300 }),
        (texts) => {
          const column = new DigitTextColumn();
          texts.forEach((t, i) => expect(column.push(t)).toBe(i));
          expect(column.length).toBe(texts.length);
          texts.forEach((t, i) => expect(column.at(i)).toBe(t));
        },
      ),
      { numRuns: 200 },
    );
    const column = new DigitTextColumn();
    const edge = [
      "0",
      "000000000",
      "0000000000",
      "6471051203900001",
      "0000000000000001",
      "9".repeat(18),
      "1".repeat(19),
    ];
    edge.forEach((t) => column.push(t));
    edge.forEach((t, i) => expect(column.at(i)).toBe(t));
  });

  test("a column of nulls holds no bytes; 16-digit NIKs take 8 bytes each", () => {
    const nips = new DigitTextColumn();
    const niks = new DigitTextColumn();
    for (let i = 0; i < 10_000; i++) {
      nips.push(null);
      niks.push(`3174${String(i).padStart(12, "0")}`);
    }
    expect(nips.byteSize).toBe(0);
    expect(nips.at(9_999)).toBeNull();
    // 16,384 slots (grown by doubling from 16) x (4 + 4) bytes.
    expect(niks.byteSize).toBe(16_384 * 8);
    expect(niks.at(9_999)).toBe("3174000000009999");
  });
});

describe("NumberColumn: nothing while all zeros, whole numbers in 4 bytes, doubles when needed", () => {
  test("zeros cost nothing until another value comes", () => {
    const column = new NumberColumn();
    for (let i = 0; i < 5_000; i++) column.push(0);
    expect(column.byteSize).toBe(0);
    expect(column.at(4_999)).toBe(0);
    expect(column.at(5_000)).toBeNaN();
    column.push(7);
    expect(column.at(5_000)).toBe(7);
    expect(column.at(0)).toBe(0);
    // 5,001 slots, then doubled on the next push.
    expect(column.byteSize).toBe(5_001 * 4);
  });

  test("whole numbers stay in 4 bytes; a fraction, -0, NaN or a large number widens it without changing the others", () => {
    const widening = [0.5, -0, Number.NaN, 2 ** 31, -(2 ** 31) - 1, 1e300, Number.NEGATIVE_INFINITY];
    for (const odd of widening) {
      const column = new NumberColumn();
      for (let i = 0; i < 100; i++) column.push(i * 3 - 50);
      expect(column.byteSize).toBe(128 * 4);
      column.push(odd);
      expect(column.byteSize).toBe(128 * 8);
      for (let i = 0; i < 100; i++) expect(column.at(i)).toBe(i * 3 - 50);
      expect(Object.is(column.at(100), odd)).toBe(true);
    }
    const fixed = new NumberColumn((n) => new Uint8Array(n));
    fixed.push(2);
    expect(fixed.byteSize).toBe(16);
  });
});
