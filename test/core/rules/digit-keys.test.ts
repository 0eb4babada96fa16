import fc from "fast-check";
import { DigitKeyMap, NumberColumn } from "../../../src/core/rules/digit-keys";

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
