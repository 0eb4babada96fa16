/**
 * The --json report's person rows wait in a file beside the report (RowSpill) instead of in
 * the session: the report must be, byte for byte, the one written from results that keep
 * every row (the way it was written before), for one file, for several, and when a file fails
 * after its rows were read (its rows must not appear); and the file is gone after every run.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { CheckSession, summarize } from "../../src/core/engine";
import { DEFAULT_POLICY } from "../../src/core/policy";
import type { WorkbookResult } from "../../src/core/results";
import { writeJsonReport, type UnreadableFile } from "../../src/cli/json-report";
import { NODE_CODEC } from "../../src/cli/node-codec";
import { RowSpill } from "../../src/cli/row-spill";
import { removeTemporariesNow, temporaries } from "../../src/cli/safe-write";
import { checkPackageStreamed } from "../../src/package/check";
import { openPackage } from "../../src/package/workbook";
import type { FixturePaths } from "../fixtures/make-fixtures";
import { MAIN, book, personnelSheet } from "../package/corpus";
import { runInProcess, suiteFixtures } from "./helpers";

let fx: FixturePaths;
beforeAll(async () => {
  fx = await suiteFixtures("json-spill");
});

/** The report as written from results that keep every row: the files checked in order by one session. */
async function wholeResultsReport(
  files: readonly string[],
  several: boolean,
  unreadable: readonly UnreadableFile[],
): Promise<string> {
  const session = new CheckSession(DEFAULT_POLICY);
  const failed = new Set(unreadable.map((u) => u.file));
  const results: WorkbookResult[] = [];
  for (const file of files) {
    if (failed.has(file)) continue;
    const pkg = openPackage(new Uint8Array(await fs.readFile(file)), NODE_CODEC);
    results.push((await checkPackageStreamed(pkg, session, several ? path.normalize(file) : undefined)).result);
  }
  let text = "";
  await writeJsonReport(
    async (chunk) => {
      text += chunk;
    },
    results,
    summarize(results),
    unreadable,
    "id",
    several,
  );
  return text;
}

const spillsIn = async (dir: string): Promise<string[]> =>
  (await fs.readdir(dir)).filter((n) => n.endsWith(".rows") || n.endsWith(".part"));

test("one file: the report is the one written from whole results, and no spill is left", async () => {
  const report = path.join(fx.dir, "one.json");
  const run = await runInProcess(["check", fx.dinkes, "--json", report]);
  expect(run.code).toBe(1);
  const text = await fs.readFile(report, "utf8");
  expect(JSON.parse(text).sheets.some((s: { rows: unknown[] }) => s.rows.length > 10)).toBe(true);
  expect(text).toBe(await wholeResultsReport([fx.dinkes], false, []));
  expect(await spillsIn(fx.dir)).toEqual([]);
});

test("several files, a NIK in two of them, a small sheet: the same report as from whole results", async () => {
  // A sheet of five people (within the rows the header is looked for in): its rows come at its end.
  const small = path.join(fx.dir, "small", "kecil.xlsx");
  await fs.mkdir(path.dirname(small), { recursive: true });
  await fs.writeFile(small, book({ sheets: [{ name: "Data", xml: personnelSheet() }] }));
  const files = [fx.dinkes, fx.disdik, small];
  const report = path.join(fx.dir, "several.json");
  const run = await runInProcess(["check", ...files, "--json", report]);
  expect(run.code).toBe(1);
  const text = await fs.readFile(report, "utf8");
  expect(JSON.parse(text).files).toHaveLength(3);
  expect(text).toBe(await wholeResultsReport(files, true, []));
  expect(await spillsIn(fx.dir)).toEqual([]);
});

/** The book with its sheet's stored CRC-32 changed: every row reads, then the check fails. */
function withWrongCrc(bytes: Uint8Array): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  const entry = openPackage(bytes).zip.entries.find((e) => e.name === "xl/worksheets/sheet1.xml");
  if (entry === undefined) throw new Error("no sheet");
  view.setUint32(entry.localOffset + 14, entry.crc ^ 0xffffffff, true);
  for (let p = 0; p < out.length - 46; p++)
    if (view.getUint32(p, true) === 0x02014b50 && view.getUint32(p + 42, true) === entry.localOffset)
      view.setUint32(p + 16, entry.crc ^ 0xffffffff, true);
  return out;
}

test("a file whose sheet fails its checksum after every row was read: listed as unreadable, none of its rows in the report", async () => {
  const rows = Array.from({ length: 40 }, (_, i) => i);
  const xml = personnelSheet().replace(
    "</sheetData>",
    `${rows.map((i) => `<row r="${100 + i}"><c r="B${100 + i}" t="inlineStr"><is><t>Rusak ${i}</t></is></c></row>`).join("")}</sheetData>`,
  );
  expect(xml).toContain(`xmlns="${MAIN}"`);
  const damaged = path.join(fx.dir, "damaged", "rusak-crc.xlsx");
  await fs.mkdir(path.dirname(damaged), { recursive: true });
  await fs.writeFile(damaged, withWrongCrc(book({ sheets: [{ name: "Data", xml }] })));
  const files = [fx.dinkes, damaged, fx.disdik];
  const report = path.join(fx.dir, "damaged.json");
  const run = await runInProcess(["check", ...files, "--json", report]);
  expect(run.code).toBe(2);
  const text = await fs.readFile(report, "utf8");
  const parsed = JSON.parse(text) as { files: unknown[]; unreadable: UnreadableFile[] };
  expect(parsed.files).toHaveLength(2);
  expect(parsed.unreadable.map((u) => u.file)).toEqual([damaged]);
  expect(text).not.toContain("Rusak 1");
  expect(text).toBe(await wholeResultsReport(files, true, parsed.unreadable));
  expect(await spillsIn(fx.dir)).toEqual([]);
});

test("--json -: the report on stdout is the same, its spill in the temporary folder is removed", async () => {
  const run = await runInProcess(["check", fx.dinkes, "--json", "-"]);
  expect(run.code).toBe(1);
  expect(run.stdout).toBe(await wholeResultsReport([fx.dinkes], false, []));
  expect(temporaries.size).toBe(0);
});

describe("RowSpill", () => {
  test("rows of several sheets come back as the report writes them, characters of 2-4 bytes across reads", async () => {
    const spill = RowSpill.beside(path.join(fx.dir, "unit.json"), true);
    try {
      // About 2.4 MB for the first sheet: several reads of 1 MB, cut inside characters.
      const long = Array.from({ length: 30_000 }, (_, i) =>
        JSON.stringify({ row: i, name: `Ké€😀 ${"é".repeat(i % 9)}` }),
      );
      spill.add("0", "A", long.slice(0, 10_000));
      spill.add("0", "A", long.slice(10_000));
      spill.add("0", "B", ['{"row":1}']);
      spill.add("1", "A", ['{"row":2}', '{"row":3}']);
      const read = async (key: string, sheet: string): Promise<string> => {
        let text = "";
        await spill.copy(key, sheet, async (t) => {
          text += t;
        });
        return text;
      };
      expect(await read("0", "A")).toBe(long.map((j, i) => `${i === 0 ? "\n" : ",\n"}          ${j}`).join(""));
      expect(await read("0", "B")).toBe('\n          {"row":1}');
      expect(await read("1", "A")).toBe('\n          {"row":2},\n          {"row":3}');
      expect(await read("1", "B")).toBe("");
      expect([spill.count("0", "A"), spill.count("0", "B"), spill.count("1", "A"), spill.count("9", "A")]).toEqual([
        30_000, 1, 2, 0,
      ]);
      // Rows of a sheet after another sheet's began: a misuse, refused.
      expect(() => spill.add("0", "A", ["{}"])).toThrow();
      expect(temporaries.has(spill.file)).toBe(true);
    } finally {
      spill.remove();
    }
    expect(temporaries.has(spill.file)).toBe(false);
    await expect(fs.stat(spill.file)).rejects.toThrow();
  });

  test("a write that fails (a full disk) is kept and told: nothing is copied back from a short file", async () => {
    const spill = RowSpill.beside(path.join(fx.dir, "full.json"), false);
    const inside = spill as unknown as { fd: number };
    const real = inside.fd;
    try {
      // A descriptor that is no file: the next write fails as a full disk's would.
      inside.fd = 999_999;
      spill.add("0", "A", ["{}"]);
      expect((spill.error() as { code?: string } | null)?.code).toBe("EBADF");
      await expect(spill.copy("0", "A", async () => undefined)).rejects.toMatchObject({ code: "EBADF" });
    } finally {
      inside.fd = real;
      spill.remove();
    }
    await expect(fs.stat(spill.file)).rejects.toThrow();
  });

  test("an interrupted run's spill is removed with the other temporaries", async () => {
    const spill = RowSpill.beside(path.join(fx.dir, "signal.json"), false);
    spill.add("0", "A", ['{"nik":"6471010101010001"}']);
    removeTemporariesNow();
    await expect(fs.stat(spill.file)).rejects.toThrow();
    spill.remove();
  });
});
