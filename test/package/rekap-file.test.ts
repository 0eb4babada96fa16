/**
 * The per-file read-and-classify of the rekap (src/package/rekap-file.ts), shared by the
 * command line and the task pane, and the pane's loop over picked files
 * (src/taskpane/rekap-run.ts). On the folder test/fixtures/make-rekap-folder.ts writes
 * (worked by hand in test/cli/rekap.test.ts): the pane's rekap of the picked files is the
 * command line's, file by file; every kind of skipped file gets its reason; Cancel stops
 * between files and reads no further file.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { DEFAULT_POLICY } from "../../src/core/policy";
import { buildRekap } from "../../src/core/rekap/build";
import { rekapJson } from "../../src/core/rekap/json";
import { findFiles, readForRekap } from "../../src/cli/rekap-read";
import { isSystemFile, readRekapFile, skipByName } from "../../src/package/rekap-file";
import { type PickedFile, addPicked, paneRekap, shownPath } from "../../src/taskpane/rekap-run";
import { writeRekapFolder } from "../fixtures/make-rekap-folder";
import { EXPECTED_FILES } from "../fixtures/rekap-expected";

jest.setTimeout(120_000);

const FOLDER = path.join(__dirname, "..", ".out", "rekap-file", "opd");
const CHECKED_ON = "2026-01-05";

/** A picked file as a folder pick gives it ("opd/sub/x.xlsx"), over a file on disk. */
interface DiskPick extends PickedFile {
  readonly absolute: string;
}

async function pickFolder(): Promise<DiskPick[]> {
  const out: DiskPick[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else {
        const stat = await fs.stat(full);
        const relative = path.relative(path.dirname(FOLDER), full).split(path.sep).join("/");
        out.push({
          absolute: full,
          name: entry.name,
          size: stat.size,
          lastModified: stat.mtimeMs,
          webkitRelativePath: relative,
        });
      }
    }
  };
  await walk(FOLDER);
  // The order a browser gives is its own: the pane sorts.
  return out.reverse();
}

beforeAll(async () => {
  await writeRekapFolder(FOLDER);
});

describe("skipByName and isSystemFile", () => {
  test.each([
    ["~$01_DLH.xlsx", "lock-file"],
    ["data.ods", "ods"],
    ["data.FODS", "ods"],
    ["buku.xlsb", "xlsb"],
    ["surat pengantar.pdf", "not-workbook"],
    ["tanpa-ekstensi", "not-workbook"],
    ["folder/sub/01.xlsx", null],
    ["makro.XLSM", null],
    ["lama.xls", null], // opened: the reader tells an old .xls from an .xlsx saved under that name
  ])("%s -> %s", (name, reason) => {
    expect(skipByName(name)).toBe(reason);
  });

  test("system files are left out, the analyst's are not", () => {
    expect(["opd/.DS_Store", "Thumbs.db", "desktop.ini", ".~lock.x#"].map(isSystemFile)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(["01_DLH.xlsx", "~$01_DLH.xlsx", "sub/data.ods"].map(isSystemFile)).toEqual([false, false, false]);
  });
});

describe("readRekapFile", () => {
  const read = (name: string) =>
    readRekapFile(name, () => fs.readFile(path.join(FOLDER, name)), DEFAULT_POLICY).then((o) =>
      o.kind === "skipped" ? o.reason : `checked ${o.result.summary.people}`,
    );

  test("each kind of file: checked with its people, or skipped with its reason (fflate, no Node codec)", async () => {
    expect(await read("01_DLH.xlsx")).toBe("checked 4");
    expect(await read("sub/04_Satpol PP.xlsx")).toBe("checked 2");
    expect(await read("~$01_DLH.xlsx")).toBe("lock-file");
    expect(await read("01_DLH-cek.xlsx")).toBe("own-output");
    expect(await read("rusak.xlsx")).toBe("damaged");
    expect(await read("lama.xls")).toBe("old-xls");
    expect(await read("terkunci.xlsx")).toBe("password");
    expect(await read("data.ods")).toBe("ods");
    expect(await read("surat pengantar.pdf")).toBe("not-workbook");
  });

  test("a file whose name says skip is never loaded", async () => {
    const load = jest.fn(() => Promise.resolve(new Uint8Array(0)));
    expect(await readRekapFile("~$x.xlsx", load, DEFAULT_POLICY)).toEqual({ kind: "skipped", reason: "lock-file" });
    expect(load).not.toHaveBeenCalled();
  });

  test("a file that cannot be loaded is unreadable; the caller's words win when given", async () => {
    const fail = (): Promise<Uint8Array> => Promise.reject(new Error("NotReadableError"));
    expect(await readRekapFile("a.xlsx", fail, DEFAULT_POLICY)).toEqual({ kind: "skipped", reason: "unreadable" });
    const said = await readRekapFile("a.xlsx", fail, DEFAULT_POLICY, {
      describe: (_error, stage) => ({ detail: `stage ${stage}` }),
    });
    expect(said).toEqual({ kind: "skipped", reason: "unreadable", detail: "stage load" });
  });

  test("a renamed text file and an empty file", async () => {
    const text = new TextEncoder().encode("NAMA;NIK\nAni;123");
    expect(await readRekapFile("a.xlsx", () => Promise.resolve(text), DEFAULT_POLICY)).toEqual({
      kind: "skipped",
      reason: "not-workbook",
    });
    expect(await readRekapFile("b.xlsx", () => Promise.resolve(new Uint8Array(0)), DEFAULT_POLICY)).toEqual({
      kind: "skipped",
      reason: "empty",
    });
  });
});

describe("the pane's rekap of picked files", () => {
  test("sorted as a folder walk, system files and files picked twice left out, paths relative to the folder", async () => {
    const picked = await pickFolder();
    const list = addPicked(addPicked([], picked), picked.slice(0, 3));
    const shown = list.map(shownPath);
    expect(shown).not.toContain(".DS_Store");
    expect(shown).toHaveLength(13);
    expect(shown.slice(0, 3)).toEqual(["~$01_DLH.xlsx", "01_DLH-cek.xlsx", "01_DLH.xlsx"]);
    expect(shown.slice(-4)).toEqual([
      "sub/04_Satpol PP.xlsx",
      "sub/05_BPBD.xlsx",
      "surat pengantar.pdf",
      "terkunci.xlsx",
    ]);
    // A file picked alone (no folder) shows its name.
    expect(shownPath({ name: "x.xlsx", size: 1, lastModified: 0, webkitRelativePath: "" })).toBe("x.xlsx");
  });

  test("gives the command line's rekap of the same folder, file by file", async () => {
    const picked = addPicked([], await pickFolder());
    const pane = await paneRekap(picked, DEFAULT_POLICY, {
      bytes: (f) => fs.readFile(f.absolute),
      checkedOn: CHECKED_ON,
    });
    expect(pane).not.toBeNull();
    const json = rekapJson(pane!);
    const sorted = <T extends { path: string }>(l: readonly T[]): T[] =>
      [...l].sort((a, b) => (a.path < b.path ? -1 : 1));
    expect(sorted(json.files)).toEqual(sorted(EXPECTED_FILES));

    // The command line's path through the same shared reader (Node's zlib, fs): the same JSON.
    const found = await findFiles([FOLDER], []);
    const inputs = [];
    for (const file of found.files) {
      const stat = await fs.stat(file.absolute);
      inputs.push({
        path: file.shown,
        modified: stat.mtime.toISOString(),
        href: null,
        outcome: await readForRekap(file, DEFAULT_POLICY, "id"),
      });
    }
    const cli = rekapJson(buildRekap(inputs, DEFAULT_POLICY, CHECKED_ON));
    expect(json).toEqual(cli);
  });

  test("Cancel stops between files: no rekap, and no further file is read", async () => {
    const picked = addPicked([], await pickFolder());
    const read: string[] = [];
    let cancel = false;
    const rekap = await paneRekap(picked, DEFAULT_POLICY, {
      bytes: (f) => {
        read.push(f.name);
        return fs.readFile(f.absolute);
      },
      onFile: (done) => {
        // The analyst clicks Cancel while the third file is announced.
        if (done === 3) cancel = true;
      },
      isCancelled: () => cancel,
    });
    expect(rekap).toBeNull();
    // "~$01_DLH.xlsx" is skipped by its name (never loaded); "01_DLH-cek.xlsx" is the only one read.
    expect(read).toEqual(["01_DLH-cek.xlsx"]);
  });
});
