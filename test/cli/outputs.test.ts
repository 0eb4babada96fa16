/**
 * Outputs are written safely (issue 8): through a temporary file renamed when complete; a
 * write failure (a full disk, simulated by an injected writer) gives exit 2 and leaves no
 * file; devices, FIFOs and symbolic links are refused; "-" is stdout for --json; an
 * existing file that is not an earlier copy is not replaced without --force. And a folder
 * run skips the tool's own copies with a line that says so (issue 7 case 10).
 */
import { execFileSync } from "child_process";
import { promises as fs } from "fs";
import * as path from "path";
import { cliMessage } from "../../src/cli/messages";
import type { FixturePaths } from "../fixtures/make-fixtures";
import { runInProcess as cli, fullDisk, leftovers, suiteFixtures } from "./helpers";
import { everythingBook } from "../package/corpus";

jest.setTimeout(60_000);

let fx: FixturePaths;
beforeAll(async () => {
  fx = await suiteFixtures("outputs");
});

test("a full disk while writing the copy: exit 2, one line naming the file, no partial file left", async () => {
  const dir = path.join(fx.dir, "full");
  await fs.mkdir(dir, { recursive: true });
  const target = path.join(dir, "hasil.xlsx");
  const r = await cli(["check", fx.dinkes, "--out", target], fullDisk(4096));
  expect(r.code).toBe(2);
  expect(r.stderr.trim().split("\n")).toHaveLength(1);
  expect(r.stderr).toContain(target);
  expect(r.stderr).toContain("ENOSPC");
  await expect(fs.stat(target)).rejects.toThrow();
  expect(await leftovers(dir)).toEqual([]);
});

test("a full disk while writing the JSON report: exit 2, and neither the report nor a partial one remains", async () => {
  const dir = path.join(fx.dir, "full-json");
  await fs.mkdir(dir, { recursive: true });
  const json = path.join(dir, "laporan.json");
  const r = await cli(["check", fx.dinkes, "--json", json], fullDisk(4096));
  expect(r.code).toBe(2);
  expect(r.stderr).toContain(json);
  await expect(fs.stat(json)).rejects.toThrow();
  expect(await leftovers(dir)).toEqual([]);
});

test("a FIFO, a symbolic link or a device as output is refused with one line; '-' writes the JSON alone to stdout", async () => {
  const dir = path.join(fx.dir, "special");
  await fs.mkdir(dir, { recursive: true });
  const fifo = path.join(dir, "pipa.json");
  execFileSync("mkfifo", [fifo]);
  const link = path.join(dir, "tautan.xlsx");
  await fs.writeFile(path.join(dir, "asli.xlsx"), "punya pengguna");
  await fs.symlink(path.join(dir, "asli.xlsx"), link);
  for (const args of [
    ["--json", fifo],
    ["--out", link],
    ["--json", "/dev/null"],
  ]) {
    const r = await cli(["check", fx.dinkes, ...args]);
    expect({ args, code: r.code }).toEqual({ args, code: 2 });
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain(cliMessage("targetNotRegular", "id", { value: args[1] as string }));
  }
  expect((await fs.lstat(fifo)).isFIFO()).toBe(true);
  expect(await fs.readFile(path.join(dir, "asli.xlsx"), "utf8")).toBe("punya pengguna");
  const out = await cli(["check", fx.dinkes, "--json", "-"]);
  expect(out.code).toBe(1);
  const parsed = JSON.parse(out.stdout) as { sheets: unknown[] };
  expect(parsed.sheets.length).toBeGreaterThan(0);
});

test("an existing file that is not an earlier copy is kept without --force; an earlier copy is replaced", async () => {
  const dir = path.join(fx.dir, "existing");
  await fs.mkdir(dir, { recursive: true });
  const target = path.join(dir, "hasil.xlsx");
  await fs.copyFile(fx.disdik, target);
  const refused = await cli(["check", fx.dinkes, "--out", target]);
  expect(refused.code).toBe(2);
  expect(refused.stderr).toContain(cliMessage("targetExists", "id", { value: target }));
  expect((await fs.readFile(target)).equals(await fs.readFile(fx.disdik))).toBe(true);
  const forced = await cli(["check", fx.dinkes, "--out", target, "--force"]);
  expect(forced.code).toBe(1);
  // Now it is a copy of this tool: a second run replaces it without --force.
  const again = await cli(["check", fx.dinkes, "--out", target]);
  expect(again.code).toBe(1);
  expect(await leftovers(dir)).toEqual([]);
});

test("a folder run skips the tool's own annotated copies with a line, and counts everyone once", async () => {
  const dir = path.join(fx.dir, "folder-with-copy");
  await fs.mkdir(dir, { recursive: true });
  await fs.copyFile(fx.dinkes, path.join(dir, "dinkes.xlsx"));
  const alone = await cli(["check", dir, "--json", path.join(fx.dir, "alone.json")]);
  expect(
    (await cli(["check", path.join(dir, "dinkes.xlsx"), "--out", path.join(dir, "dinkes-salinan.xlsx")])).code,
  ).toBe(1);
  const both = await cli(["check", dir, "--json", path.join(fx.dir, "both.json")]);
  expect(both.stderr).toContain(`${path.join(dir, "dinkes-salinan.xlsx")}: ${cliMessage("skippedOwnOutput", "id")}`);
  const people = async (f: string): Promise<number> =>
    (JSON.parse(await fs.readFile(f, "utf8")) as { summary: { people: number } }).summary.people;
  expect(await people(path.join(fx.dir, "both.json"))).toBe(await people(path.join(fx.dir, "alone.json")));
  expect(alone.code).toBe(both.code);
});

test(".xlsm in, .xlsm out: --out-dir names the copy -cek.xlsm; an --out ending in .xlsx is refused", async () => {
  const dir = path.join(fx.dir, "macro");
  await fs.mkdir(dir, { recursive: true });
  const input = path.join(dir, "gaji.xlsm");
  await fs.writeFile(input, everythingBook());
  const refused = await cli(["check", input, "--out", path.join(dir, "salinan.xlsx")]);
  expect(refused.code).toBe(2);
  expect(refused.stderr).toContain(
    cliMessage("outExtension", "id", { value: path.join(dir, "salinan.xlsx"), ext: ".xlsm" }),
  );
  const outDir = path.join(dir, "hasil");
  const ok = await cli(["check", input, "--out-dir", outDir]);
  expect(ok.stderr).toBe("");
  expect(await fs.readdir(outDir)).toEqual(["gaji-cek.xlsm"]);
});
