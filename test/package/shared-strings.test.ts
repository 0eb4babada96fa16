/**
 * The shared strings: the form Excel writes most (`<si><t>text</t></si>`) is taken whole, every
 * other form tag by tag; both must give the same texts. The command line reads them while its
 * first sheet is already being inflated: strings that cannot be read end the check with a coded
 * reason before any row reaches the session.
 */
import { unzipSync, zipSync } from "fflate";
import { NODE_CODEC } from "../../src/cli/node-codec";
import { CheckSession } from "../../src/core/engine";
import { DEFAULT_POLICY } from "../../src/core/policy";
import { checkPackageStreamed } from "../../src/package/check";
import { PackageError } from "../../src/package/errors";
import { openPackage, readSharedStrings } from "../../src/package/workbook";
import { MAIN, book, personnelSheet } from "./corpus";

/** A personnel sheet of `rows` people, past the rows the header is looked for in (so rows reach the session as read). */
function peopleSheet(rows: number): string {
  const inl = (ref: string, text: string): string => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
  const head = ["No", "Nama", "NIK", "Tanggal Lahir", "TMT"].map((h, i) => inl(`${"ABCDE"[i]}1`, h)).join("");
  const body = Array.from({ length: rows }, (_, k) => {
    const r = k + 2;
    return `<row r="${r}"><c r="A${r}"><v>${k + 1}</v></c>${inl(`B${r}`, `Pegawai ${r}`)}${inl(`C${r}`, `647101${String(1000000000 + r).slice(-10)}`)}<c r="D${r}" s="1"><v>${32000 + r}</v></c><c r="E${r}" s="1"><v>${42000 + r}</v></c></row>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData><row r="1">${head}</row>${body.join("")}</sheetData></worksheet>`;
}

/** A book with its shared strings part replaced (stored as `raw` bytes when given). */
function withStrings(sst: string, raw?: Uint8Array, sheet = personnelSheet()): Uint8Array {
  const parts = unzipSync(book({ sheets: [{ name: "Data", xml: sheet }] }));
  parts["xl/sharedStrings.xml"] = raw !== undefined ? new Uint8Array(raw) : new TextEncoder().encode(sst);
  return zipSync(parts);
}

const sstOf = (items: string, prefix = ""): string =>
  `<?xml version="1.0" encoding="UTF-8"?><${prefix}sst xmlns${prefix === "" ? "" : `:${prefix.slice(0, -1)}`}="${MAIN}">${items}</${prefix}sst>`;

test("every form of shared string gives its text, whole or tag by tag", () => {
  const items = [
    "<si><t>plain</t></si>",
    '<si><t xml:space="preserve">  spaced  </t></si>',
    "<si><t>A &amp; B &lt;C&gt; &#65;&#x42;</t></si>",
    "<si><t>line_x000D_break</t></si>",
    "<si><t>a > b</t></si>",
    "<si><t/></si>",
    "<si><r><t>rich </t></r><r><rPr><b/></rPr><t>text</t></r></si>",
    '<si><t>kanji</t><rPh sb="0" eb="1"><t>phonetic</t></rPh></si>',
    "<si><t><![CDATA[in <cdata> & raw]]></t></si>",
    "<si><t>before<!-- a comment -->after</t></si>",
    "<si>\n  <t>indented</t>\n</si>",
  ].join("");
  const expected = [
    "plain",
    "  spaced  ",
    "A & B <C> AB",
    "line\rbreak",
    "a > b",
    "",
    "rich text",
    "kanji",
    "in <cdata> & raw",
    "beforeafter",
    "indented",
  ];
  expect(readSharedStrings(openPackage(withStrings(sstOf(items))))).toEqual(expected);
  // Prefixed elements (as some writers of Strict OOXML do) take the tag-by-tag path: same texts.
  const prefixed = items.replace(/<(\/?)(si|t|r|rPr|b|rPh)\b/g, "<$1x:$2");
  expect(readSharedStrings(openPackage(withStrings(sstOf(prefixed, "x:"))))).toEqual(expected);
});

test("20,000 strings across the reader's text slices: each one, in order", () => {
  const texts = Array.from(
    { length: 20_000 },
    (_, i) => `Nama ${i} ${"é".repeat(i % 5)}${i % 7 === 0 ? " &amp; co" : ""}`,
  );
  const items = texts.map((t, i) =>
    i % 3 === 0 ? `<si><t xml:space="preserve">${t}</t></si>` : `<si><t>${t}</t></si>`,
  );
  const read = readSharedStrings(openPackage(withStrings(sstOf(items.join("")))));
  expect(read).toEqual(texts.map((t) => t.replace("&amp;", "&")));
});

test("shared strings that cannot be read: a coded reason, and no row of the file reaches the session", async () => {
  // Not XML a scanner can end on: an unclosed tag at the end of the part.
  const bytes = withStrings("", new TextEncoder().encode(`${sstOf("<si><t>a</t></si>")}<si`), peopleSheet(200));
  const pkg = openPackage(bytes, NODE_CODEC);
  const session = new CheckSession(DEFAULT_POLICY);
  let rows = 0;
  const error = await checkPackageStreamed(pkg, session, undefined, {
    onPersonRows: (_sheet, people) => {
      rows += people.length;
    },
  }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PackageError);
  expect(rows).toBe(0);
  expect(session.finishWorkbook().sheets).toEqual([]);
});
