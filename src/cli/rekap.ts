/**
 * `cek-honorer rekap <folder|files…> --out rekap.xlsx [--json rekap.json]`: checks every
 * OPD file found, each on its own, and writes one rekap workbook (src/core/rekap) for the
 * BKPSDM. The terminal gets one line per file and the totals; no names, no NIKs.
 *
 * Exit codes: 0 every file ready, 1 a file has errors or was skipped, 2 bad arguments or
 * an output that cannot be written.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { resolvePolicy } from "../core/policy";
import { type Rekap, type RekapFile, type RekapFileInput, buildRekap, totalsParams } from "../core/rekap/build";
import { rekapJson } from "../core/rekap/json";
import { VERDICTS } from "../core/rekap/labels";
import { rekapIssueTitle, rekapSheets, skipText } from "../core/rekap/sheets";
import { dayToIso } from "../core/days";
import type { Lang } from "../core/vocabulary";
import { writeWorkbook } from "../package/write-workbook";
import type { CliOptions } from "./args";
import { cliMessage } from "./messages";
import { oneLine } from "./read-failure";
import { NODE_CODEC } from "./node-codec";
import { isAnInput } from "./inputs";
import { type FoundInputs, findFiles, readForRekap } from "./rekap-read";
import { isToolOutput, skipByName } from "../package/rekap-file";
import { type OpenOutput, openRealOutput, targetProblem, writeSafely } from "./safe-write";
import { workbookFileIs } from "./file-source";
import { rekapMessage } from "./rekap-messages";
import { Failure } from "./failure";

export interface RekapIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** "line": one progress line per file (--progress into a file or pipe); "overwrite": one line kept rewritten (a terminal). */
  readonly progress: "none" | "line" | "overwrite";
  /** Opens an output file; tests inject one that fails (a full disk). */
  readonly openOutput?: OpenOutput;
}

/** Writes `target` through a temporary file renamed when complete (safe-write): a failed or interrupted run leaves no half file. */
async function writeWhole(
  target: string,
  open: OpenOutput,
  produce: (write: (chunk: Uint8Array | string) => Promise<void>) => Promise<void>,
  lang: Lang,
): Promise<void> {
  try {
    await writeSafely(target, open, (out) => produce((chunk) => out.write(chunk)));
  } catch (error) {
    throw new Failure(cliMessage("writeFailed", lang, { value: target, detail: oneLine(error) }));
  }
}

/** A workbook this tool wrote (an earlier rekap or an annotated copy): replaced without --force. */
async function isEarlierOutput(file: string): Promise<boolean> {
  return workbookFileIs(file, isToolOutput);
}

/**
 * Why an output may not be written, checked before any file is read. The rekap never writes
 * one of its inputs (not even with --force); --out replaces an existing file only when it is
 * an earlier output of this tool or with --force; devices, FIFOs and links are refused.
 */
async function outputProblem(
  target: string,
  kind: "out" | "json",
  found: FoundInputs,
  force: boolean,
  lang: Lang,
): Promise<string | null> {
  const problem = await targetProblem(target, kind === "json" || force, isEarlierOutput);
  if (problem === "notRegular") return cliMessage("targetNotRegular", lang, { value: target });
  // Met in a folder given as input: an earlier output there is left out of the rekap and may be replaced; anything else is an input.
  const metAsInput =
    found.outputsFound.has(path.resolve(target)) ||
    (await isAnInput(
      target,
      found.files.map((f) => f.absolute),
    ));
  if (metAsInput) {
    const replaceable = kind === "json" ? skipByName(path.resolve(target)) !== null : await isEarlierOutput(target);
    if (!replaceable) return cliMessage("outIsInput", lang, { value: target });
  }
  return problem === "exists" ? cliMessage("targetExists", lang, { value: target }) : null;
}

/** Today in the local calendar, as the analyst reads the date of the check. */
function today(): string {
  const now = new Date();
  const local = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  return dayToIso(Math.floor(local / 86_400_000));
}

/** The link from the rekap workbook to a file: relative, when one can be made. */
function hrefFrom(outFile: string | null, file: string): string | null {
  if (outFile === null) return null;
  const relative = path.relative(path.dirname(path.resolve(outFile)), file);
  return path.isAbsolute(relative) ? null : relative.split(path.sep).join("/");
}

export async function runRekap(options: CliOptions, io: RekapIo): Promise<number> {
  const lang = options.lang;
  if (options.outDir !== null) throw new Failure(rekapMessage("noOutDir", lang));
  if (options.out === null && options.json === null) throw new Failure(rekapMessage("needsOutput", lang));
  const { policy, problems } = resolvePolicy(options.policy);
  if (problems.length > 0) throw new Failure(problems.map((p) => p.message[lang]).join(" "));

  const outputs = [options.out, options.json].filter((o): o is string => o !== null);
  const found = await findFiles(options.inputs, outputs);
  for (const [o, kind] of [
    [options.out, "out"],
    [options.json, "json"],
  ] as const) {
    if (o === null) continue;
    const problem = await outputProblem(o, kind, found, options.force, lang);
    if (problem !== null) throw new Failure(problem);
    const dir = path.dirname(path.resolve(o));
    const isDir = await fs.stat(dir).then(
      (s) => s.isDirectory(),
      () => false,
    );
    if (!isDir) throw new Failure(cliMessage("writeFailed", lang, { value: o, detail: dir }));
  }
  if (found.missing.length > 0) throw new Failure(rekapMessage("missing", lang, { value: found.missing.join(", ") }));
  if (found.files.length === 0)
    throw new Failure(rekapMessage("nothingFound", lang, { value: found.empty.join(", ") }));

  const inputs: RekapFileInput[] = [];
  let done = 0;
  for (const file of found.files) {
    done++;
    if (io.progress !== "none") {
      const text = `cek-honorer: ${rekapMessage("reading", lang, { file: file.shown, done, total: found.files.length })}`;
      // On a terminal the line is rewritten in place, so 40 files do not add 40 lines.
      io.stderr(io.progress === "overwrite" ? `\r\u001b[K${text}` : `${text}\n`);
    }
    const stat = await fs.stat(file.absolute).catch(() => null);
    inputs.push({
      path: file.shown,
      modified: stat === null ? null : stat.mtime.toISOString(),
      href: hrefFrom(options.out, file.absolute),
      outcome: await readForRekap(file, policy, lang),
    });
  }

  if (io.progress === "overwrite") io.stderr("\r\u001b[K");
  const rekap = buildRekap(inputs, policy, today());
  const open = io.openOutput ?? openRealOutput;
  if (options.out !== null)
    await writeWhole(options.out, open, (write) => writeWorkbook(rekapSheets(rekap, lang), write, NODE_CODEC), lang);
  if (options.json !== null)
    await writeWhole(options.json, open, (write) => write(`${JSON.stringify(rekapJson(rekap), null, 2)}\n`), lang);
  io.stdout(terminalReport(rekap, options, lang));
  const t = rekap.totals;
  return t.skipped > 0 || t.counts.errors > 0 ? 1 : 0;
}

const MARK: Record<RekapFile["verdict"], string> = { ready: "OK", "send-back": "!!", repeat: "==", skipped: "--" };

/** One line per file, the totals, and where the outputs went (about files + 4 lines). */
export function terminalReport(rekap: Rekap, options: CliOptions, lang: Lang): string {
  const lines: string[] = [rekapMessage("header", lang, { files: rekap.files.length })];
  for (const f of rekap.files) {
    const what =
      f.verdict === "skipped" && f.reason !== null
        ? skipText(f.reason, f.detail, lang)
        : f.verdict === "repeat"
          ? `${VERDICTS.repeat[lang]}: ${f.repeatOf ?? ""}`
          : `${VERDICTS[f.verdict][lang]}: ${rekapMessage("lineChecked", lang, {
              persons: f.counts.persons,
              errors: f.counts.errors,
              warnings: f.counts.warnings,
            })}`;
    lines.push(`  ${MARK[f.verdict]} ${f.path} [${f.opd}] ${what}`);
    if (options.verbose && f.status === "checked") {
      const byCode = new Map<string, { count: number; title: string }>();
      for (const issue of f.issues) {
        const seen = byCode.get(issue.code) ?? { count: 0, title: rekapIssueTitle(issue, lang) };
        seen.count++;
        byCode.set(issue.code, seen);
      }
      for (const [code, { count, title }] of byCode)
        lines.push(rekapMessage("verboseCode", lang, { code, title, count }));
    }
  }
  const t = rekap.totals;
  lines.push(
    rekapMessage("totals", lang, {
      ...totalsParams(rekap),
      errors: t.counts.errors,
      warnings: t.counts.warnings,
      duplicates: rekap.duplicates.filter((d) => d.kind === "overlap").length,
    }),
  );
  if (options.out !== null) lines.push(rekapMessage("wroteWorkbook", lang, { path: options.out }));
  if (options.json !== null) lines.push(rekapMessage("wroteJson", lang, { path: options.json }));
  return `${lines.join("\n")}\n`;
}
