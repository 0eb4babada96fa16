/**
 * For an analyst without the source tree: `npm pack` makes a tarball that installs the
 * command globally (here into a temporary prefix), and the installed command runs from
 * outside the tree: --help, and a rekap of a folder.
 *
 * The tarball is packed with --ignore-scripts because npm test has just built dist-cli
 * (the prepack script runs the same `npm run build:cli`). Dependencies come from npm's
 * cache when it holds them (--prefer-offline).
 */
import { execFile } from "child_process";
import { existsSync, promises as fs } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { writeRekapFolder } from "../fixtures/make-rekap-folder";
import { ROOT } from "./helpers";

jest.setTimeout(600_000);

function run(
  command: string,
  args: readonly string[],
  cwd: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd, maxBuffer: 16 << 20 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === "number" ? error.code : -1;
      resolve({ code, stdout, stderr });
    });
  });
}

describe("npm pack + npm install -g", () => {
  let work: string;
  beforeAll(async () => {
    work = await fs.mkdtemp(path.join(tmpdir(), "ch-pack-"));
  });
  afterAll(async () => {
    await fs.rm(work, { recursive: true, force: true });
  });

  test("the tarball installs a working cek-honorer", async () => {
    const pack = await run("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", work], ROOT);
    expect(pack.code).toBe(0);
    const [info] = JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[];
    const files = info.files.map((f) => f.path);
    expect(files).toContain("bin/cek-honorer.js");
    expect(files).toContain("dist-cli/src/cli/main.js");
    expect(files).toContain("dist-cli/src/package/write-workbook.js");
    // Neither sources, tests nor benchmarks ship.
    expect(files.filter((f) => f.startsWith("src/") || f.startsWith("test/") || f.includes("/bench/"))).toEqual([]);

    const prefix = path.join(work, "prefix");
    const install = await run(
      "npm",
      [
        "install",
        "-g",
        "--prefix",
        prefix,
        "--prefer-offline",
        "--no-audit",
        "--no-fund",
        path.join(work, info.filename),
      ],
      work,
    );
    expect(install.stderr).not.toMatch(/ERR!/);
    expect(install.code).toBe(0);
    const bin =
      process.platform === "win32" ? path.join(prefix, "cek-honorer.cmd") : path.join(prefix, "bin", "cek-honorer");
    expect(existsSync(bin)).toBe(true);

    const help = await run(bin, ["rekap", "--help"], work);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("cek-honorer rekap <folder|file.xlsx>...");

    const folder = path.join(work, "opd");
    await writeRekapFolder(folder);
    const rekap = await run(bin, ["rekap", "opd", "--out", "rekap.xlsx", "--json", "rekap.json"], work);
    expect(rekap.code).toBe(1);
    expect(rekap.stdout).toContain("Jumlah: 13 berkas (6 diperiksa, 7 dilewati, 1 berulang); 14 pegawai;");
    expect((await fs.stat(path.join(work, "rekap.xlsx"))).size).toBeGreaterThan(0);
  });
});
