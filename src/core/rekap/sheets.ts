/**
 * The rekap as sheets of a new workbook: Rekap OPD, the summary for the head of the
 * agency, Semua Pegawai, Masalah, NIK Ganda Antar OPD and Berkas Berulang. The command
 * line and the task pane write these as they are.
 */
import { type OutStyle, type OutValue, DATE_FORMAT, policyValue } from "../annotations";
import { dayToDisplay, isoToDay } from "../days";
import type { NewCell, NewSheet } from "../new-sheet";
import { type SheetLayout, linkTarget } from "../output";
import { POLICY_LABELS, type PolicyKey } from "../policy";
import { formatTenure } from "../tenure";
import {
  CATEGORY_CODES,
  ISSUES,
  type Lang,
  type Params,
  SEVERITIES,
  STATUSES,
  TRAINING_VERDICTS,
  categoryLabel,
  fillTemplate,
  issueMessage,
  issueTitle,
} from "../vocabulary";
import { type Rekap, type RekapFile, type RekapIssue, TRAINING_VERDICT_CODES, countedFiles, persons } from "./build";
import {
  CUTOFF_ANSWERS,
  CUTOFF_ANSWER_CODES,
  REKAP_ISSUES,
  REPEAT_WHY,
  SKIP_REASONS,
  type SkipReason,
  VERDICTS,
  type RekapLabelKey,
  rekapLabel,
} from "./labels";

const PERCENT = "0.0%";

const cell = (value: OutValue, style?: OutStyle, extra: Partial<NewCell> = {}): NewCell =>
  style === undefined ? { value, ...extra } : { value, style, ...extra };

const dateCell = (iso: string | null): NewCell =>
  iso === null ? cell(null) : cell({ date: iso }, undefined, { numberFormat: DATE_FORMAT });

function headers(keys: readonly RekapLabelKey[], lang: Lang): NewCell[] {
  return keys.map((k) => cell(rekapLabel(k, lang), "header"));
}

/** A file link at a cell, when the file has a link; `'Sheet'!A1` style location. */
function linkTo(file: RekapFile, sheet: string | null, address: string | null): Partial<NewCell> {
  if (file.href === null) return {};
  const location = sheet === null ? null : linkTarget(sheet, address ?? "A1");
  return { fileLink: { target: file.href, location } };
}

export function rekapIssueTitle(issue: RekapIssue, lang: Lang): string {
  return issue.code in REKAP_ISSUES
    ? REKAP_ISSUES[issue.code as keyof typeof REKAP_ISSUES].title[lang]
    : issueTitle(issue.code as keyof typeof ISSUES, lang);
}

export function rekapIssueMessage(issue: RekapIssue, lang: Lang): string {
  const params: Params = { ...issue.params, ...(issue.role !== undefined ? { role: issue.role } : {}) };
  return issue.code in REKAP_ISSUES
    ? fillTemplate(REKAP_ISSUES[issue.code as keyof typeof REKAP_ISSUES].message[lang], params, lang)
    : issueMessage(issue.code as keyof typeof ISSUES, lang, params);
}

/** The words of a file's notes column: why skipped, what it repeats, why it goes back. */
export function fileNote(file: RekapFile, lang: Lang): string {
  switch (file.verdict) {
    case "skipped":
      return file.reason === null ? "" : skipText(file.reason, file.detail, lang);
    case "repeat":
      return rekapLabel("repeatOf", lang, { file: file.repeatOf ?? "", sheet: rekapLabel("sheetRepeats", lang) });
    case "send-back":
      return rekapLabel("sendBackWhy", lang, { errors: file.counts.errors, sheet: rekapLabel("sheetProblems", lang) });
    case "ready":
      return "";
  }
}

/** Why a file was skipped, with what exactly is wrong when known ("the zip directory is damaged"). */
export function skipText(reason: SkipReason, detail: string | null, lang: Lang): string {
  const text = SKIP_REASONS[reason][lang];
  return detail === null || detail === "" ? text : `${text} (${detail})`;
}

const VERDICT_STYLE: Record<RekapFile["verdict"], OutStyle> = {
  ready: "ok",
  "send-back": "error",
  repeat: "muted",
  skipped: "warning",
};

/** A table sheet: header frozen and filtered, printed landscape one page wide with the header on every page. */
const tableLayout = (headerRow: number, filter = true): SheetLayout => ({
  freezeRows: headerRow,
  ...(filter ? { filterRow: headerRow } : {}),
  landscape: true,
  fitToWidth: true,
  repeatRows: { first: 1, last: headerRow },
});

// ---- Rekap OPD -------------------------------------------------------------------------

function filesSheet(rekap: Rekap, lang: Lang): NewSheet {
  const head = [
    ...headers(["hNo", "hFile", "hOpd", "hVerdict", "hReason", "hPersons", "hAsn", "hNonAsn"], lang),
    ...CATEGORY_CODES.map((c) => cell(categoryLabel(c, lang), "header")),
    ...CUTOFF_ANSWER_CODES.map((c) => cell(CUTOFF_ANSWERS[c][lang], "header")),
    ...headers(["hErrors", "hWarnings", "hCrossDuplicates"], lang),
    ...TRAINING_VERDICT_CODES.map((v) =>
      cell(rekapLabel("hJp", lang, { verdict: TRAINING_VERDICTS[v][lang] }), "header"),
    ),
  ];
  const countsOf = (f: RekapFile["counts"], skipped: boolean): NewCell[] => {
    const n = (v: number): NewCell => cell(skipped ? null : v);
    return [
      n(f.persons),
      n(f.asn),
      n(f.nonAsn),
      ...CATEGORY_CODES.map((c) => n(f.categories[c])),
      ...CUTOFF_ANSWER_CODES.map((c) => n(f.cutoff[c])),
      cell(skipped ? null : f.errors, f.errors > 0 ? "error" : undefined),
      cell(skipped ? null : f.warnings, f.warnings > 0 ? "warning" : undefined),
      cell(skipped ? null : f.crossDuplicates, f.crossDuplicates > 0 ? "error" : undefined),
      ...TRAINING_VERDICT_CODES.map((v) => n(f.jp[v])),
    ];
  };
  const rows: NewCell[][] = [[cell(`${rekapLabel("sheetFiles", lang)}: ${dayText(rekap.checkedOn)}`, "title")], head];
  rekap.files.forEach((f, i) => {
    rows.push([
      cell(i + 1),
      cell(f.path, undefined, linkTo(f, null, null)),
      cell(f.opd),
      cell(VERDICTS[f.verdict][lang], VERDICT_STYLE[f.verdict]),
      cell(fileNote(f, lang)),
      ...countsOf(f.counts, f.status === "skipped"),
    ]);
  });
  const t = rekap.totals;
  // A blank row keeps the totals out of the filtered table.
  rows.push([]);
  rows.push([
    cell(null, "header"),
    cell(rekapLabel("total", lang), "header"),
    cell(`${t.ready + t.sendBack} OPD`, "header"),
    cell(`${VERDICTS.ready[lang]}: ${t.ready}; ${VERDICTS["send-back"][lang]}: ${t.sendBack}`, "header"),
    cell(`${VERDICTS.skipped[lang]}: ${t.skipped}; ${rekapLabel("summaryRepeats", lang)}: ${t.repeats}`, "header"),
    ...countsOf(t.counts, false).map((c) => ({ ...c, style: "header" as const })),
  ]);
  return {
    sheetName: rekapLabel("sheetFiles", lang),
    rows,
    columnWidths: [5, 34, 30, 20, 44, 10, 8, 9, ...CATEGORY_CODES.map(() => 13), 14, 16, 16, 9, 11, 12, 11, 11, 11, 11],
    layout: tableLayout(2),
  };
}

// ---- Semua Pegawai ---------------------------------------------------------------------

function peopleSheet(rekap: Rekap, lang: Lang): NewSheet {
  const head = headers(
    [
      "hFile",
      "hOpd",
      "hSheet",
      "hRow",
      "hName",
      "hNik",
      "hNip",
      "hStatus",
      "hStart",
      "hEnd",
      "hTenure",
      "hTenureMonths",
      "hCategory",
      "hCutoff",
    ],
    lang,
  );
  const rows: NewCell[][] = [head];
  for (const f of countedFiles(rekap)) {
    if (f.result === null) continue;
    for (const sheet of f.result.sheets) {
      if (sheet.kind !== "personnel") continue;
      for (const p of persons({ ...f.result, sheets: [sheet] })) {
        const answer = p.cutoff;
        rows.push([
          cell(f.path),
          cell(f.opd),
          cell(sheet.name),
          cell(p.row, undefined, linkTo(f, sheet.name, `A${p.row}`)),
          cell(p.name),
          cell(p.nik),
          cell(p.nip),
          cell(p.status === null ? null : STATUSES[p.status][lang]),
          dateCell(p.startDate),
          dateCell(p.endDate),
          cell(p.tenure === null ? null : formatTenure(p.tenure, lang)),
          cell(p.tenure?.totalMonths ?? null),
          cell(categoryLabel(p.category, lang)),
          cell(answer === null ? null : CUTOFF_ANSWERS[answer][lang]),
        ]);
      }
    }
  }
  return {
    sheetName: rekapLabel("sheetPeople", lang),
    rows,
    columnWidths: [30, 28, 16, 7, 30, 19, 21, 16, 12, 12, 18, 10, 26, 30],
    layout: tableLayout(1),
  };
}

// ---- Masalah ---------------------------------------------------------------------------

function problemsSheet(rekap: Rekap, lang: Lang): NewSheet {
  const head = headers(
    ["hFile", "hOpd", "hSheet", "hCell", "hName", "hSeverity", "hCode", "hProblem", "hMessage"],
    lang,
  );
  const rows: NewCell[][] = [head];
  for (const f of countedFiles(rekap)) {
    for (const issue of f.issues) {
      const address = issue.row === null ? null : `${issue.column ?? "A"}${issue.row}`;
      rows.push([
        cell(f.path),
        cell(f.opd),
        cell(issue.sheet),
        cell(address ?? "", undefined, address === null ? {} : linkTo(f, issue.sheet, address)),
        cell(issue.name),
        cell(SEVERITIES[issue.severity][lang], issue.severity),
        cell(issue.code),
        cell(rekapIssueTitle(issue, lang)),
        cell(rekapIssueMessage(issue, lang)),
      ]);
    }
  }
  if (rows.length === 1) rows.push([cell(rekapLabel("noRows", lang), "ok")]);
  return {
    sheetName: rekapLabel("sheetProblems", lang),
    rows,
    columnWidths: [30, 28, 16, 8, 28, 12, 26, 32, 90],
    layout: tableLayout(1),
  };
}

// ---- NIK Ganda Antar OPD ---------------------------------------------------------------

function duplicatesSheet(rekap: Rekap, lang: Lang): NewSheet {
  const head = headers(
    ["hNik", "hKind", "hPlaces", "hFile", "hOpd", "hSheet", "hRow", "hName", "hStart", "hEnd"],
    lang,
  );
  const rows: NewCell[][] = [head];
  const byPath = new Map(rekap.files.map((f) => [f.path, f]));
  for (const d of rekap.duplicates) {
    const kind = d.kind === "overlap" ? rekapLabel("kindDuplicate", lang) : rekapLabel("kindHistory", lang);
    for (const p of d.places) {
      const file = byPath.get(p.file);
      rows.push([
        cell(d.nik),
        cell(kind, d.kind === "overlap" ? "error" : "muted"),
        cell(d.places.length),
        cell(p.file),
        cell(p.opd),
        cell(p.sheet),
        cell(p.row, undefined, file === undefined ? {} : linkTo(file, p.sheet, `A${p.row}`)),
        cell(p.name),
        dateCell(p.startDate),
        dateCell(p.endDate),
      ]);
    }
  }
  if (rows.length === 1) rows.push([cell(rekapLabel("noRows", lang), "ok")]);
  return {
    sheetName: rekapLabel("sheetDuplicates", lang),
    rows,
    columnWidths: [19, 30, 9, 30, 28, 16, 7, 28, 12, 12],
    layout: tableLayout(1),
  };
}

// ---- Berkas Berulang -------------------------------------------------------------------

function repeatsSheet(rekap: Rekap, lang: Lang): NewSheet {
  const head = headers(["hRepeatFile", "hOpd", "hKeptFile", "hShared", "hRepeatPersons", "hWhy"], lang);
  const rows: NewCell[][] = [head];
  for (const r of rekap.repeats) {
    rows.push([
      cell(r.repeat),
      cell(r.repeatOpd),
      cell(r.kept, "ok"),
      cell(r.shared),
      cell(r.repeatPersons),
      cell(fillTemplate(REPEAT_WHY[r.why][lang], r.whyParams, lang)),
    ]);
  }
  if (rows.length === 1) rows.push([cell(rekapLabel("noRows", lang), "ok")]);
  return {
    sheetName: rekapLabel("sheetRepeats", lang),
    rows,
    columnWidths: [36, 28, 36, 10, 14, 60],
    layout: tableLayout(1, false),
  };
}

// ---- the summary for the head of the agency ---------------------------------------------

const dayText = (iso: string): string => {
  const day = isoToDay(iso);
  return day === null ? iso : dayToDisplay(day);
};

/** The summary's problems and lists: the OPDs to send back, the files skipped, the policy used. */
function summaryLists(rekap: Rekap, lang: Lang): NewCell[][] {
  const c = rekap.totals.counts;
  const rows: NewCell[][] = [
    [],
    [cell(rekapLabel("summaryProblems", lang), "header"), cell(rekapLabel("hCount", lang), "header")],
    [cell(SEVERITIES.error[lang]), cell(c.errors, c.errors > 0 ? "error" : undefined)],
    [cell(SEVERITIES.warning[lang]), cell(c.warnings, c.warnings > 0 ? "warning" : undefined)],
    [cell(rekapLabel("summaryDuplicates", lang)), cell(rekap.duplicates.filter((d) => d.kind === "overlap").length)],
  ];
  rows.push([]);
  rows.push([
    cell(rekapLabel("summaryToSendBack", lang), "header"),
    cell(rekapLabel("hErrors", lang), "header"),
    cell(rekapLabel("hFile", lang), "header"),
  ]);
  const back = rekap.files.filter((f) => f.verdict === "send-back");
  for (const f of back) rows.push([cell(f.opd), cell(f.counts.errors, "error"), cell(f.path)]);
  if (back.length === 0) rows.push([cell(rekapLabel("summaryNoneToSendBack", lang), "ok")]);

  const skipped = rekap.files.filter((f) => f.verdict === "skipped");
  if (skipped.length > 0) {
    rows.push([]);
    rows.push([cell(rekapLabel("summarySkippedFiles", lang), "header"), cell(rekapLabel("hReason", lang), "header")]);
    for (const f of skipped) rows.push([cell(f.path), cell(fileNote(f, lang), "warning")]);
  }

  rows.push([]);
  rows.push([cell(rekapLabel("summaryPolicy", lang), "header"), cell(rekapLabel("hValue", lang), "header")]);
  for (const key of Object.keys(POLICY_LABELS) as PolicyKey[])
    rows.push([cell(POLICY_LABELS[key][lang]), cell(policyValue(rekap.policy, key, lang))]);

  return rows;
}

function summarySheet(rekap: Rekap, lang: Lang): NewSheet {
  const t = rekap.totals;
  const c = t.counts;
  const rows: NewCell[][] = [];
  const share = (n: number, of: number): NewCell =>
    cell(of === 0 ? null : n / of, undefined, { numberFormat: PERCENT });
  const section = (key: RekapLabelKey, params: Params = {}): void => {
    rows.push([]);
    rows.push(
      [key, "hCount", "hPercent"].map((k, i) =>
        cell(rekapLabel(k as RekapLabelKey, lang, i === 0 ? params : {}), "header"),
      ),
    );
  };
  rows.push([cell(rekapLabel("summaryTitle", lang), "title")]);
  rows.push([cell(rekapLabel("summaryDate", lang)), cell(dayText(rekap.checkedOn))]);

  const counted = t.ready + t.sendBack;
  section("summaryFiles");
  rows.push([cell(rekapLabel("summaryFilesFound", lang)), cell(t.files)]);
  rows.push([cell(rekapLabel("summaryChecked", lang)), cell(t.checked), share(t.checked, t.files)]);
  rows.push([
    cell(rekapLabel("summarySkipped", lang)),
    cell(t.skipped, t.skipped > 0 ? "warning" : undefined),
    share(t.skipped, t.files),
  ]);
  rows.push([cell(rekapLabel("summaryRepeats", lang)), cell(t.repeats)]);
  rows.push([cell(rekapLabel("summaryReady", lang)), cell(t.ready, "ok"), share(t.ready, counted)]);
  rows.push([
    cell(rekapLabel("summarySendBack", lang)),
    cell(t.sendBack, t.sendBack > 0 ? "error" : undefined),
    share(t.sendBack, counted),
  ]);

  section("summaryPeople");
  rows.push([cell(rekapLabel("summaryPersons", lang)), cell(c.persons)]);
  rows.push([cell(rekapLabel("hAsn", lang)), cell(c.asn), share(c.asn, c.persons)]);
  rows.push([cell(rekapLabel("hNonAsn", lang)), cell(c.nonAsn), share(c.nonAsn, c.persons)]);
  for (const code of CATEGORY_CODES)
    rows.push([cell(`  ${categoryLabel(code, lang)}`), cell(c.categories[code]), share(c.categories[code], c.persons)]);

  section("summaryCutoff", { cutoff: dayText(rekap.policy.cutoffDate) });
  for (const code of CUTOFF_ANSWER_CODES)
    rows.push([cell(CUTOFF_ANSWERS[code][lang]), cell(c.cutoff[code]), share(c.cutoff[code], c.nonAsn)]);

  rows.push(...summaryLists(rekap, lang));

  return {
    sheetName: rekapLabel("sheetSummary", lang),
    rows,
    columnWidths: [46, 12, 34],
    layout: { fitToPage: true },
  };
}

/** Every sheet of the rekap workbook, in the order they are written. */
export function rekapSheets(rekap: Rekap, lang: Lang): NewSheet[] {
  return [
    filesSheet(rekap, lang),
    summarySheet(rekap, lang),
    peopleSheet(rekap, lang),
    problemsSheet(rekap, lang),
    duplicatesSheet(rekap, lang),
    repeatsSheet(rekap, lang),
  ];
}
