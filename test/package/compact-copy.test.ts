/**
 * The command line without --json keeps only rows with issues and takes every other row's
 * computed cells, cut-off highlight and CH Jalur line as the engine finishes it (issue 8: a
 * full-height copy in little memory). That copy must be the one the whole result gives, part
 * by part, on every layout of the corpus and the sample workbook.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { strFromU8 } from "fflate";
import { LAYOUTS } from "../fixtures/layouts";
import { writeLayout } from "../fixtures/layouts/write-xlsx";
import { writeGeneratedWorkbook } from "../fixtures/make-fixtures";
import { annotate, partsOf } from "./package-helpers";

jest.setTimeout(120_000);

const ROOT = path.join(__dirname, "..", "..");
const DIR = path.join(ROOT, "test", ".out", "compact-copy");

/** The summary sheet says when the check ran: two runs may straddle a minute. */
// The summary's "Diperiksa: 02-12-2026 pukul 07:51" (two runs can straddle a minute).
const withoutStamp = (xml: string): string =>
  xml.replace(/\d{2}-\d{2}-\d{4},? (?:pukul |at )?\d{2}[.:]\d{2}/g, "<stamp>");

async function samePartByPart(file: string): Promise<void> {
  const bytes = new Uint8Array(await fs.readFile(file));
  const whole = partsOf((await annotate(bytes)).copy);
  const compact = partsOf((await annotate(bytes, { compact: true })).copy);
  expect(Object.keys(compact).sort()).toEqual(Object.keys(whole).sort());
  for (const name of Object.keys(whole)) {
    const a = whole[name] as Uint8Array;
    const b = compact[name] as Uint8Array;
    if (Buffer.compare(Buffer.from(a), Buffer.from(b)) === 0) continue;
    // Only a difference in the check's time stamp is allowed; the message names the part.
    expect({ name, xml: withoutStamp(strFromU8(b)) }).toEqual({ name, xml: withoutStamp(strFromU8(a)) });
  }
}

beforeAll(async () => {
  await fs.rm(DIR, { recursive: true, force: true });
  await fs.mkdir(DIR, { recursive: true });
});

test("the sample workbook: the compact copy equals the whole one", async () => {
  await samePartByPart(path.join(ROOT, "examples", "contoh-dinas.xlsx"));
});

test.each(LAYOUTS.map((l) => [l.id, l] as const))(
  "layout %s: the compact copy equals the whole one",
  async (_, layout) => {
    const file = path.join(DIR, `${layout.id}.xlsx`);
    await writeLayout(layout, file);
    await samePartByPart(file);
  },
);

test("a generated sheet of 3,000 people (several batches of computed cells): the compact copy equals the whole one", async () => {
  const file = path.join(DIR, "generated-3000.xlsx");
  await writeGeneratedWorkbook(file, 3000, { title: true });
  await samePartByPart(file);
});
