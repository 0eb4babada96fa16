/**
 * `cek-honorer check <workbook.xlsx|folder>...`: the command line. The only place that
 * touches the file system and ExcelJS; the rules live in src/core.
 *
 * Exit codes: 0 no errors (warnings allowed), 1 errors found, 2 a file could not be read
 * or the arguments are wrong. Every failure is one line on stderr, never a stack trace.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { type ColumnOverrides, mergeOverrides, parseColumnMapping } from "../core/column-overrides";
import { CheckSession, summarize } from "../core/engine";
import { resolvePolicy } from "../core/policy";
import { type Lang, OVERRIDE_REASONS } from "../core/vocabulary";
import { type CliOptions, langOf, parseArgs } from "./args";
import { annotatedNames, expandInputs, isAnInput } from "./inputs";
import { type UnreadableFile, personJson, writeJsonReport } from "./json-report";
import { RowSpill } from "./row-spill";
import { type CliMessageKey, USAGE, cliMessage } from "./messages";
import { Failure } from "./failure";
import { REKAP_USAGE } from "./rekap-messages";
import { type FileOutputs, textSummary } from "./text-summary";
import { type OpenOutput, openRealOutput, removeTemporariesNow, targetProblem, writeSafely } from "./safe-write";
import { checkPackageStreamed, keepRowsWithIssues } from "../package/check";
import { isPackageError } from "../package/errors";
import { oneLine, readFailure } from "./read-failure";
import { patchPackage } from "../package/patch";
import { isMacroEnabled, isOwnOutput, openPackage } from "../package/workbook";
import { type FileSource, openFileSource, workbookFileIs } from "./file-source";
import { NODE_CODEC } from "./node-codec";
import { tuneHeapGrowth } from "./heap";

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly stderrIsTty: boolean;
  /** Opens an output file; tests inject one that fails (a full disk). */
  readonly openOutput?: OpenOutput;
}

const PREFIX = "cek-honorer";

/** The file being read, for the one-line reason when reading stalls. */
const reading: { file: string | null } = { file: null };

interface OutputPlan {
  readonly annotated: ReadonlyMap<string, string>;
  readonly json: string | null;
}

async function planOutputs(
  options: CliOptions,
  files: readonly string[],
  several: boolean,
  lang: Lang,
): Promise<OutputPlan> {
  const annotated = new Map<string, string>();
  if (options.out !== null) {
    if (several) throw new Failure(cliMessage("outNeedsOneFile", lang));
    if (await isAnInput(options.out, files)) throw new Failure(cliMessage("outIsInput", lang, { value: options.out }));
    const dir = path.dirname(path.resolve(options.out));
    if (
      !(await fs.stat(dir).then(
        (s) => s.isDirectory(),
        () => false,
      ))
    ) {
      throw new Failure(cliMessage("writeFailed", lang, { value: options.out, detail: dir }));
    }
    if (files.length === 1) annotated.set(files[0], path.resolve(options.out));
  }
  if (options.outDir !== null) {
    try {
      await fs.mkdir(options.outDir, { recursive: true });
    } catch (error) {
      throw new Failure(cliMessage("writeFailed", lang, { value: options.outDir, detail: oneLine(error) }));
    }
    for (const [file, target] of annotatedNames(files, options.outDir)) {
      if (await isAnInput(target, files)) throw new Failure(cliMessage("outIsInput", lang, { value: target }));
      annotated.set(file, target);
    }
  }
  if (options.json !== null && (await isAnInput(options.json, files))) {
    throw new Failure(cliMessage("outIsInput", lang, { value: options.json }));
  }
  return { annotated, json: options.json };
}

/** --columns mapping.json read and checked, under the --column flags (which win). */
async function columnCorrections(options: CliOptions, lang: Lang): Promise<ColumnOverrides> {
  if (options.columnsFile === null) return options.columns;
  let text: string;
  try {
    text = await fs.readFile(options.columnsFile, "utf8");
  } catch {
    throw new Failure(`--columns ${options.columnsFile}: ${cliMessage("fileMissing", lang)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Failure(`--columns ${options.columnsFile}: ${OVERRIDE_REASONS.mapping[lang]}`);
  }
  const parsed = parseColumnMapping(json);
  if (!parsed.ok) throw new Failure(`--columns ${options.columnsFile}: ${parsed.reason[lang]}`);
  return mergeOverrides(parsed.value, options.columns);
}

/** Runs the command; returns the exit code. Never throws. */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(argv);
  const lang: Lang = parsed.ok ? parsed.options.lang : parsed.lang;
  try {
    if (!parsed.ok) throw new Failure(parsed.reason);
    if (parsed.options.command === "rekap" && !parsed.options.help) {
      // Loaded only when asked for: a check does not pay for the rekap's modules at start.
      const { runRekap } = await import("./rekap");
      return await runRekap(parsed.options, {
        ...io,
        progress: io.stderrIsTty ? "overwrite" : parsed.options.progress ? "line" : "none",
      });
    }
    return await check(parsed.options, io);
  } catch (error) {
    const reason = error instanceof Failure ? error.reason : cliMessage("unexpected", lang, { detail: oneLine(error) });
    io.stderr(`${PREFIX}: ${reason}\n`);
    return 2;
  }
}

async function check(options: CliOptions, io: CliIo): Promise<number> {
  const lang = options.lang;
  if (options.help) {
    io.stdout(`${(options.command === "rekap" ? REKAP_USAGE : USAGE)[lang]}\n`);
    return 0;
  }
  const { policy, problems } = resolvePolicy(options.policy);
  if (problems.length > 0) throw new Failure(problems.map((p) => p.message[lang]).join(" "));

  // A folder that is also the --out-dir holds copies from an earlier run: not inputs.
  const inputs = await expandInputs(options.inputs, await earlierCopies(options.outDir));
  const several = inputs.several;
  const plan = await planOutputs(options, inputs.files, several, lang);
  const progress = options.progress || io.stderrIsTty;
  const say = (file: string, key: CliMessageKey, params: Record<string, string | number> = {}): void => {
    io.stderr(`${PREFIX}: ${file}: ${cliMessage(key, lang, params)}\n`);
  };

  const unreadable: UnreadableFile[] = [];
  for (const problem of inputs.problems) {
    say(problem.path, problem.reason, { detail: problem.detail ?? "" });
    unreadable.push({ file: problem.path, reason: cliMessage(problem.reason, lang, { detail: problem.detail ?? "" }) });
  }

  // Rows without issues are counted and let go, so a full-height sheet is not held: the copy
  // keeps what it needs compactly, and the JSON report's person rows go to a file as they are
  // finished (RowSpill), copied back into the report at the end.
  const session = new CheckSession(policy, {
    columns: await columnCorrections(options, lang),
    keepPersonRow: keepRowsWithIssues,
  });
  const open = io.openOutput ?? openRealOutput;
  const done: FileOutputs[] = [];
  /** The spill key of each result in `done`: its input's position. */
  const doneKeys: string[] = [];
  const spill = plan.json !== null ? await openSpill(plan.json, several, lang) : null;
  try {
    return await checkAll();
  } finally {
    spill?.remove();
  }

  async function checkAll(): Promise<number> {
    for (const [index, file] of inputs.files.entries()) {
      reading.file = file;
      const displayName = several ? path.normalize(file) : undefined;
      const target = plan.annotated.get(file) ?? null;
      const fail = (key: CliMessageKey, params: Record<string, string | number> = {}): void => {
        say(file, key, params);
        unreadable.push({ file, reason: cliMessage(key, lang, params) });
      };
      let pkg;
      let source: FileSource | undefined;
      try {
        source = openFileSource(file);
        pkg = openPackage(source, NODE_CODEC);
      } catch (error) {
        source?.close();
        const [key, detail] = readFailure(error);
        fail(key, { detail: detail !== null ? cliMessage(detail.key, lang, detail.params) : oneLine(error) });
        continue;
      }
      try {
        // A folder run meets the copies this tool wrote earlier: checking them would count everyone twice.
        if (several && isOwnOutput(pkg)) {
          say(file, "skippedOwnOutput");
          continue;
        }
        let rows = 0;
        const onRow = (): void => {
          rows++;
          if (progress && rows % 10_000 === 0) say(file, "progressRows", { rows });
        };
        try {
          const checked = await checkPackageStreamed(pkg, session, displayName, {
            onRow,
            // The rows are read again from the first: counted again.
            onRestart: () => (rows = 0),
            ...(target !== null ? { compactFor: lang } : {}),
            ...(spill !== null
              ? {
                  onPersonRows: (sheet, rows) =>
                    spill.add(
                      String(index),
                      sheet,
                      rows.map((row) => JSON.stringify(personJson(row, lang))),
                    ),
                }
              : {}),
          });
          // The last workbook is checked: the copy does not need what a next one would be checked against.
          if (index === inputs.files.length - 1) session.close();
          let result = checked.result;
          if (target !== null) {
            if (progress) say(file, "progressWriting");
            // Excel refuses an .xlsx whose workbook has the macro type, and the reverse.
            const wanted = isMacroEnabled(pkg) ? ".xlsm" : ".xlsx";
            if (path.extname(target).toLowerCase() !== wanted)
              throw new Failure(cliMessage("outExtension", lang, { value: target, ext: wanted }));
            const problem = await targetProblem(target, options.force, isEarlierCopy);
            if (problem !== null)
              throw new Failure(
                cliMessage(problem === "exists" ? "targetExists" : "targetNotRegular", lang, { value: target }),
              );
            try {
              result = (
                await writeSafely(target, open, (out) => patchPackage(pkg, checked, lang, (chunk) => out.write(chunk)))
              ).result;
            } catch (error) {
              if (isPackageError(error)) throw error;
              fail("writeFailed", { value: target, detail: oneLine(error) });
              continue;
            }
          }
          done.push({ result, displayName: file, annotatedCopy: target });
          doneKeys.push(String(index));
        } catch (error) {
          if (error instanceof Failure) throw error;
          const [key, detail] = readFailure(error);
          fail(key, {
            detail: detail !== null ? cliMessage(detail.key, lang, detail.params) : oneLine(error),
            value: target ?? "",
          });
        }
      } finally {
        // The file is read until the copy is written; closed whatever happened.
        source.close();
      }
    }

    reading.file = null;
    const results = done.map((d) => d.result);
    const combined = summarize(results);
    if (plan.json !== null && (results.length > 0 || several)) {
      const writeJson = (sink: (chunk: string) => Promise<void>): Promise<void> =>
        writeJsonReport(
          sink,
          results,
          combined,
          unreadable,
          lang,
          several,
          spill !== null ? { rows: spill, keys: doneKeys } : null,
        );
      // Rows that could not be put aside (a full disk) would leave the report short: nothing is written.
      const spillError = spill?.error() ?? null;
      if (spillError !== null)
        throw new Failure(cliMessage("writeFailed", lang, { value: plan.json, detail: oneLine(spillError) }));
      if (plan.json === "-") await writeJson(async (chunk) => io.stdout(chunk));
      else {
        const problem = await targetProblem(plan.json, true, async () => true);
        if (problem !== null) throw new Failure(cliMessage("targetNotRegular", lang, { value: plan.json }));
        try {
          await writeSafely(plan.json, open, (out) => writeJson((chunk) => out.write(chunk)));
        } catch (error) {
          throw new Failure(cliMessage("writeFailed", lang, { value: plan.json, detail: oneLine(error) }));
        }
      }
    }
    if (done.length > 0) {
      // With the JSON on stdout ("--json -"), the human summary goes to stderr so the JSON stays parseable.
      const print = plan.json === "-" ? io.stderr : io.stdout;
      print(
        textSummary(
          done,
          done.length > 1 ? combined : null,
          policy,
          unreadable.length,
          results.length > 0 ? plan.json : null,
          lang,
        ),
      );
    }
    if (unreadable.length > 0) return 2;
    return combined.bySeverity.error > 0 ? 1 : 0;
  }
}

/** The file the JSON report's rows wait in; a report target that cannot be written is refused before any check. */
async function openSpill(report: string, several: boolean, lang: Lang): Promise<RowSpill> {
  if (report !== "-" && (await targetProblem(report, true, async () => true)) !== null)
    throw new Failure(cliMessage("targetNotRegular", lang, { value: report }));
  try {
    return RowSpill.beside(report, several);
  } catch (error) {
    throw new Failure(cliMessage("writeFailed", lang, { value: report, detail: oneLine(error) }));
  }
}

/** Earlier annotated copies in the --out-dir, so a folder check does not read its own outputs. */
async function earlierCopies(outDir: string | null): Promise<Set<string>> {
  if (outDir === null) return new Set();
  try {
    const names = await fs.readdir(outDir);
    return new Set(names.filter((n) => /-cek(-\d+)?\.xlsx$/i.test(n)).map((n) => path.resolve(outDir, n)));
  } catch {
    return new Set();
  }
}

/** True when `file` is a workbook this tool wrote (it holds the report sheets). */
async function isEarlierCopy(file: string): Promise<boolean> {
  return workbookFileIs(file, isOwnOutput);
}

/** Entry point for bin/cek-honorer.js. */
export function main(): void {
  tuneHeapGrowth();
  const io: CliIo = {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stderrIsTty: process.stderr.isTTY === true,
  };
  const argv = process.argv.slice(2);
  // `cek-honorer check ... | head`: a closed stdout is not an error worth a stack trace.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") process.stderr.write(`${PREFIX}: ${oneLine(error)}\n`);
  });
  let finished = false;
  // If a library waits forever on a broken file, Node empties its event loop and would exit 0.
  process.exitCode = 2;
  process.once("beforeExit", () => {
    if (!finished) {
      const where = reading.file !== null ? `${reading.file}: ` : "";
      process.stderr.write(`${PREFIX}: ${where}${cliMessage("stalled", langOf(argv))}\n`);
    }
  });
  // An interrupted run leaves no half-written copy (it would hold names and NIKs).
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      removeTemporariesNow();
      process.stderr.write(`${PREFIX}: ${cliMessage("interrupted", langOf(argv))}\n`);
      process.exit(signal === "SIGINT" ? 130 : 143);
    });
  }
  run(argv, io).then(
    (code) => {
      finished = true;
      process.exitCode = code;
    },
    (error: unknown) => {
      finished = true;
      process.stderr.write(`${PREFIX}: ${oneLine(error)}\n`);
      process.exitCode = 2;
    },
  );
}
