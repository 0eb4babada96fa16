/**
 * Attribute reading of the package's XML scanner (walkAttrs, attrRange, rawAttr): generated
 * tags, written every way XML allows (spaces, tabs and line ends around "=", either quote,
 * prefixed names, ">" and "/" inside values), must give back exactly the attributes they were
 * made from; a malformed attribute ends the walk without reading past the tag.
 */
import { attrRange, rawAttr, walkAttrs } from "../../src/package/xml";

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(next: () => number, items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;

const NAMES = ["r", "s", "t", "spans", "x14ac:dyDescent", "r:id", "ht", "customHeight", "rr", "sp"];
const SPACES = ["", " ", "\t", "\n", "\r\n", "  "];
const VALUE_CHARS = ["a", "1", ":", " ", ">", "/", "=", "&amp;", "x"];

interface Made {
  readonly tag: string;
  readonly attrs: readonly (readonly [string, string])[];
}

function makeTag(next: () => number): Made {
  const attrs: [string, string][] = [];
  let tag = `<${pick(next, ["c", "row", "x:c"])}`;
  const count = Math.floor(next() * 5);
  for (let i = 0; i < count; i++) {
    const name = pick(next, NAMES);
    let value = "";
    for (let k = Math.floor(next() * 6); k > 0; k--) value += pick(next, VALUE_CHARS);
    const quote = next() < 0.5 ? '"' : "'";
    tag += `${pick(next, [" ", "\t", "\n", "  "])}${name}${pick(next, SPACES)}=${pick(next, SPACES)}${quote}${value}${quote}`;
    attrs.push([name, value]);
  }
  tag += `${pick(next, SPACES)}${next() < 0.5 ? "/>" : ">"}`;
  return { tag, attrs };
}

describe("attributes of a tag", () => {
  test("walkAttrs gives every attribute, in order, with its raw value (generated tags)", () => {
    const next = random(8);
    for (let n = 0; n < 2000; n++) {
      const { tag, attrs } = makeTag(next);
      // The tag inside a longer text, as the scanner hands it: offsets, not a string of its own.
      const buf = `<row r="1">${tag}<v>1</v>`;
      const start = buf.indexOf(tag, 1);
      const end = start + tag.length;
      const seen: [string, string][] = [];
      walkAttrs(buf, start, end, (ns, ne, vs, ve) => {
        seen.push([buf.slice(ns, ne), buf.slice(vs, ve)]);
        return true;
      });
      expect({ tag, seen }).toEqual({ tag, seen: attrs });
      for (const [name] of attrs) {
        const first = attrs.find(([n2]) => n2 === name)?.[1];
        expect({ tag, name, value: rawAttr(buf, start, end, name) }).toEqual({ tag, name, value: first });
        const range = attrRange(buf, start, end, name);
        expect(range !== null && buf.slice(range[0], range[1])).toBe(first);
      }
      expect(attrRange(buf, start, end, "absent")).toBeNull();
    }
  });

  test("the walk stops when the visitor says so", () => {
    const buf = '<c r="A1" s="3" t="s">';
    const names: string[] = [];
    walkAttrs(buf, 0, buf.length, (ns, ne) => {
      names.push(buf.slice(ns, ne));
      return names.length < 2;
    });
    expect(names).toEqual(["r", "s"]);
  });

  test("a malformed attribute ends the walk; nothing past the tag is read", () => {
    // An unquoted value, a quote never closed inside the tag, a name at the tag's end.
    const cases: [string, string[]][] = [
      ['<c r="A1" s=3 t="s">', ["r"]],
      ['<c r="A1" s="3>', ["r"]],
      ['<c r="A1" s', ["r"]],
      ['<c r="A1" =', ["r"]],
    ];
    for (const [tag, expected] of cases) {
      // What follows the tag in the buffer would complete the broken attribute: it must not be used.
      const buf = `${tag}"/><c t="n">`;
      const names: string[] = [];
      walkAttrs(buf, 0, tag.length, (ns, ne) => (names.push(buf.slice(ns, ne)), true));
      expect({ tag, names }).toEqual({ tag, names: expected });
      expect(rawAttr(buf, 0, tag.length, "t")).toBeNull();
    }
  });
});
