/**
 * The task pane's rekap, without the page: the files the analyst picked, each read in turn
 * by the package layer's readRekapFile (the same code the command line runs), then the
 * core's rekap. One file at a time: its bytes are dropped once its outcome is taken, so
 * memory holds one file's bytes besides the results. No DOM here (the view is rekap-view.ts).
 */
import type { Policy } from "../core/policy";
import { type Rekap, type RekapFileInput, buildRekap } from "../core/rekap/build";
import { localStamp } from "../core/setting-dates";
import { isSystemFile, readRekapFile } from "../package/rekap-file";

/** What the pane uses of a File (a test or the benchmark may give its own). */
export interface PickedFile {
  readonly name: string;
  readonly size: number;
  readonly lastModified: number;
  /** "Folder/sub/file.xlsx" when picked with a folder (webkitdirectory); "" otherwise. */
  readonly webkitRelativePath?: string;
}

/**
 * The path the rekap shows: relative to the folder picked (its first part dropped, as the
 * command line shows paths relative to the folder named), or the file name.
 */
export function shownPath(file: PickedFile): string {
  const relative = file.webkitRelativePath ?? "";
  if (relative === "") return file.name;
  const parts = relative.split("/");
  return parts.length > 1 ? parts.slice(1).join("/") : relative;
}

/** Path order as the command line walks a folder: part by part, in the locale's order. */
function comparePaths(a: string, b: string): number {
  const pa = a.split("/");
  const pb = b.split("/");
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const c = pa[i].localeCompare(pb[i]);
    if (c !== 0) return c;
  }
  return pa.length - pb.length;
}

/**
 * The list after adding files: system files (.DS_Store, Thumbs.db) left out as the command
 * line leaves them, the same file picked twice kept once, sorted as a folder walk.
 */
export function addPicked<T extends PickedFile>(list: readonly T[], added: readonly T[]): T[] {
  const key = (f: T): string => `${shownPath(f)}\u0000${f.size}\u0000${f.lastModified}`;
  const seen = new Set(list.map(key));
  const out = list.slice();
  for (const f of added) {
    if (isSystemFile(f.name) || seen.has(key(f))) continue;
    seen.add(key(f));
    out.push(f);
  }
  return out.sort((a, b) => comparePaths(shownPath(a), shownPath(b)));
}

export interface PaneRekapHooks<T extends PickedFile> {
  /** The file's bytes (File.arrayBuffer, or FileReader where that is missing). */
  readonly bytes: (file: T) => Promise<Uint8Array>;
  /** Before each file is read: k of n, with its path. */
  readonly onFile?: (done: number, total: number, path: string) => void;
  /** Asked between files: true stops the rekap (nothing is built). */
  readonly isCancelled?: () => boolean;
  /** Lets the page paint and take a click between files. */
  readonly pause?: () => Promise<void>;
  /** The date of the check (ISO); today in the local calendar by default. */
  readonly checkedOn?: string;
}

/** Reads every picked file and builds the rekap; null when cancelled. */
export async function paneRekap<T extends PickedFile>(
  files: readonly T[],
  policy: Policy,
  hooks: PaneRekapHooks<T>,
): Promise<Rekap | null> {
  const inputs: RekapFileInput[] = [];
  for (let i = 0; i < files.length; i++) {
    if (hooks.isCancelled?.() === true) return null;
    const file = files[i];
    const path = shownPath(file);
    hooks.onFile?.(i + 1, files.length, path);
    if (hooks.pause !== undefined) await hooks.pause();
    if (hooks.isCancelled?.() === true) return null;
    inputs.push({
      path,
      modified: Number.isFinite(file.lastModified) ? new Date(file.lastModified).toISOString() : null,
      // The pane cannot link to a file on the analyst's disk: the rows name the file instead.
      href: null,
      outcome: await readRekapFile(file.name, () => hooks.bytes(file), policy),
    });
  }
  if (hooks.isCancelled?.() === true) return null;
  return buildRekap(inputs, policy, hooks.checkedOn ?? localStamp(new Date()).slice(0, 10));
}
