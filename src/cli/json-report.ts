/**
 * The --json report. Its field names are a contract (issue 2): policy, sheets[{name,
 * kind, headerRow, columns, rows[{row, name, nik, tenure, meetsMinTenure, ageYears,
 * endsAtCutoff, category, issues[{code, severity, column, message}]}]}], training[{person,
 * status, year, jp, verdict}], summary; several files: { files: [{file, ...}], summary }.
 *
 * It is written piece by piece (one row at a time) so a full-height sheet never has to
 * become one string, which V8 could not hold.
 */
import {
  type Issue,
  type LocatedIssueView as LocatedJsonIssue,
  type RowIssueView as JsonIssue,
  renderIssue,
} from "../core/issues";
import type { PersonRow, SheetResult, Summary, TrainingRow, TrainingTally, WorkbookResult } from "../core/results";
import { isPersonRow } from "../core/results";
import type { Lang } from "../core/vocabulary";

export type { LocatedIssueView as LocatedJsonIssue, RowIssueView as JsonIssue } from "../core/issues";

/** A file that could not be checked, with the one-line reason. */
export interface UnreadableFile {
  readonly file: string;
  readonly reason: string;
}

function rowIssue(issue: Issue, lang: Lang): JsonIssue {
  const r = renderIssue(issue, lang);
  return { code: r.code, severity: r.severity, column: r.column, message: r.message, title: r.title };
}

function locatedIssue(issue: Issue, lang: Lang): LocatedJsonIssue {
  const r = renderIssue(issue, lang);
  return {
    code: r.code,
    severity: r.severity,
    column: r.column,
    message: r.message,
    title: r.title,
    sheet: r.sheet,
    row: r.row,
    ...(r.file !== undefined ? { file: r.file } : {}),
  };
}

export function personJson(p: PersonRow, lang: Lang): Record<string, unknown> {
  return {
    row: p.row,
    name: p.name,
    nik: p.nik,
    nip: p.nip,
    status: p.status,
    bknCode: p.bknCode,
    unit: p.unit,
    birthDate: p.birthDate,
    startDate: p.startDate,
    endDate: p.endDate,
    tenure: p.tenure,
    meetsMinTenure: p.meetsMinTenure,
    ageYears: p.ageYears,
    endsAtCutoff: p.endsAtCutoff,
    daysToCutoff: p.daysToCutoff,
    cutoff: p.cutoff,
    category: p.category,
    reviewFields: p.reviewFields,
    // After the cut-off (null for an ASN); what PJLP still needs; what kept it undecided.
    path: p.path,
    pathMissing: p.pathMissing,
    pathReview: p.pathReview,
    npwpFromNik: p.pathNpwpFromNik,
    issues: p.issues.map((i) => rowIssue(i, lang)),
  };
}

export function trainingRowJson(t: TrainingRow, lang: Lang): Record<string, unknown> {
  return {
    row: t.row,
    person: t.person,
    status: t.status,
    training: t.training,
    date: t.date,
    jp: t.jp,
    counted: t.counted,
    issues: t.issues.map((i) => rowIssue(i, lang)),
  };
}

export function tallyJson(t: TrainingTally): Record<string, unknown> {
  return {
    person: t.person,
    name: t.name,
    status: t.status,
    year: t.year,
    jp: t.jp,
    verdict: t.verdict,
    sheet: t.sheet,
    rows: t.rows,
    ...(t.file !== undefined ? { file: t.file } : {}),
  };
}

function sheetHead(s: SheetResult, lang: Lang): Record<string, unknown> {
  return {
    name: s.name,
    kind: s.kind,
    headerRow: s.headerRow,
    headerTopRow: s.headerTopRow,
    columns: s.columns,
    rolesNotFound: s.rolesNotFound ?? [],
    rolesCorrected: s.rolesCorrected ?? [],
    dataRange: s.dataRange,
    issues: s.issues.map((i) => locatedIssue(i, lang)),
  };
}

/** Buffers small strings and writes them in large chunks, waiting when the stream is full. */
class ChunkWriter {
  private parts: string[] = [];
  private size = 0;

  constructor(private readonly sink: (chunk: string) => Promise<void>) {}

  async write(text: string): Promise<void> {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= 1 << 20) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.parts.length === 0) return;
    const chunk = this.parts.join("");
    this.parts = [];
    this.size = 0;
    await this.sink(chunk);
  }

  async close(): Promise<void> {
    await this.flush();
  }
}

/**
 * Person rows kept outside the results (the command line's RowSpill): a personnel sheet's rows
 * are then written from here, as the report writes them, and the result's own (only those with
 * issues) are not used.
 */
export interface SpilledRows {
  count(key: string, sheet: string): number;
  copy(key: string, sheet: string, write: (text: string) => Promise<void>): Promise<void>;
}

/** Writes `{...head, "key": [items...], ...}` without building the whole text. */
async function writeWorkbook(
  out: ChunkWriter,
  result: WorkbookResult,
  lang: Lang,
  indent: string,
  withFile: boolean,
  spilled: { readonly rows: SpilledRows; readonly key: string } | null,
): Promise<void> {
  const field = (key: string, value: unknown): string => `${indent}  ${JSON.stringify(key)}: ${JSON.stringify(value)}`;
  await out.write(`${indent}{\n`);
  if (withFile) await out.write(`${field("file", result.file ?? null)},\n`);
  await out.write(`${field("policy", result.policy)},\n`);
  await out.write(`${indent}  "sheets": [`);
  for (let s = 0; s < result.sheets.length; s++) {
    const sheet = result.sheets[s];
    const head = JSON.stringify(sheetHead(sheet, lang));
    await out.write(`${s === 0 ? "\n" : ",\n"}${indent}    ${head.slice(0, -1)}, "rows": [`);
    let count = sheet.rows.length;
    if (spilled !== null && sheet.kind === "personnel") {
      count = spilled.rows.count(spilled.key, sheet.name);
      await spilled.rows.copy(spilled.key, sheet.name, (text) => out.write(text));
    } else
      for (let r = 0; r < sheet.rows.length; r++) {
        const row = sheet.rows[r];
        const json = isPersonRow(row) ? personJson(row, lang) : trainingRowJson(row, lang);
        await out.write(`${r === 0 ? "\n" : ",\n"}${indent}      ${JSON.stringify(json)}`);
      }
    await out.write(count > 0 ? `\n${indent}    ]}` : "]}");
  }
  await out.write(result.sheets.length > 0 ? `\n${indent}  ],\n` : "],\n");
  await out.write(`${field("training", result.training.map(tallyJson))},\n`);
  await out.write(
    `${field(
      "issues",
      result.issues.map((i) => locatedIssue(i, lang)),
    )},\n`,
  );
  await out.write(`${field("summary", result.summary)}\n${indent}}`);
}

/** Writes the JSON report through `sink` (a file written safely, or stdout). */
export async function writeJsonReport(
  sink: (chunk: string) => Promise<void>,
  results: readonly WorkbookResult[],
  combined: Summary,
  unreadable: readonly UnreadableFile[],
  lang: Lang,
  several: boolean,
  /** With the key of each result's rows (its position in `results` when absent). */
  spilled: { readonly rows: SpilledRows; readonly keys: readonly string[] } | null = null,
): Promise<void> {
  const out = new ChunkWriter(sink);
  const spilledOf = (i: number): { rows: SpilledRows; key: string } | null =>
    spilled !== null ? { rows: spilled.rows, key: spilled.keys[i] ?? String(i) } : null;
  if (!several && results.length === 1) {
    await writeWorkbook(out, results[0], lang, "", false, spilledOf(0));
    await out.write("\n");
  } else {
    await out.write('{\n  "files": [');
    for (let i = 0; i < results.length; i++) {
      await out.write(i === 0 ? "\n" : ",\n");
      await writeWorkbook(out, results[i], lang, "    ", true, spilledOf(i));
    }
    await out.write(results.length > 0 ? "\n  ],\n" : "],\n");
    await out.write(`  "policy": ${JSON.stringify(results[0]?.policy ?? null)},\n`);
    await out.write(`  "unreadable": ${JSON.stringify(unreadable)},\n`);
    await out.write(`  "summary": ${JSON.stringify(combined)}\n}\n`);
  }
  await out.close();
}
