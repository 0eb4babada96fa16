/**
 * The sheet *CH Jalur*: every non-ASN by path after the cut-off, with what each still
 * needs, under the policy it was decided with. Sorted so an OPD can act on it: the
 * people who need something done first (data to fix, PJLP documents to collect), then
 * by unit and name.
 */
import { type OutCell, type OutGrid, type OutStyle, outCell as cell, policyValue } from "./annotations";
import { PATH_SETTING_KEYS, POLICY_LABELS, type Policy, type PolicyKey } from "./policy";
import { type PersonRow, type WorkbookResult, isPersonRow } from "./results";
import { formatTenure } from "./tenure";
import { type Lang, PATH_CODES, PATHS, type PathCode, PJLP_DOCUMENTS, ROLES, label } from "./vocabulary";

/** The order of the sheet: what needs action first. */
const ACTION_ORDER: readonly PathCode[] = [
  "perlu-diperiksa",
  "pjlp-belum-siap",
  "pjlp-siap",
  "pppk-paruh-waktu",
  "usul-pppk",
  "bantuan-usaha",
];

/** The settings a path depends on, written at the top of the sheet. */
const PATH_POLICY_KEYS: readonly PolicyKey[] = [
  "cutoffDate",
  "referenceDate",
  "minTenureMonths",
  "minAge",
  "retirementAge",
  ...PATH_SETTING_KEYS,
];

const STYLE: Record<PathCode, OutStyle | undefined> = {
  "perlu-diperiksa": "warning",
  "pjlp-belum-siap": "warning",
  "pjlp-siap": "ok",
  "pppk-paruh-waktu": "ok",
  "usul-pppk": "ok",
  "bantuan-usaha": undefined,
};

/** The most rows a sheet can hold. */
const EXCEL_MAX_ROWS = 1_048_576;

/** What one person still needs, in words. */
export function pathNeeds(p: PersonRow, policy: Policy, lang: Lang): string {
  switch (p.path) {
    case null:
      return "";
    case "pjlp-belum-siap": {
      const documents = p.pathMissing
        .map((m) =>
          label(m.problem === "empty" ? "needDocEmpty" : "needDocInvalid", lang, {
            document: PJLP_DOCUMENTS[m.document][lang],
          }),
        )
        .join(", ");
      const where = p.pathMissing.some((m) => m.document === "nib") ? `; ${label("needNibWhere", lang)}` : "";
      return `${label("needMissingDocs", lang, { documents })}${where}`;
    }
    case "pjlp-siap": {
      const npwpNote = p.pathNpwpFromNik ? label("needNpwpFromNik", lang) : "";
      return label("needReady", lang, { npwpNote });
    }
    case "pppk-paruh-waktu":
      return label("needParuhWaktu", lang, { code: p.bknCode ?? "" });
    case "usul-pppk":
      return label("needUsulPppk", lang, {
        tenure: p.tenure !== null ? formatTenure(p.tenure, lang) : "",
        age: p.ageYears ?? "",
      });
    case "bantuan-usaha":
      return label("needBantuanUsaha", lang, {
        tenure: p.tenure !== null ? formatTenure(p.tenure, lang) : "",
        months: policy.bantuanUsahaMaxMonths,
      });
    case "perlu-diperiksa":
      return p.pathReview.length > 0
        ? label("needReviewData", lang, { fields: p.pathReview.map((f) => ROLES[f][lang]).join(", ") })
        : label("needReviewNone", lang);
  }
}

interface Entry {
  readonly file: string | undefined;
  readonly policy: Policy;
  readonly sheet: string;
  readonly person: PersonRow;
  readonly path: PathCode;
}

// One collator for the whole sort: localeCompare with a locale builds one per call.
const COLLATOR = new Intl.Collator("id");
const ACTION_RANK = new Map(ACTION_ORDER.map((p, i) => [p, i]));

function compareEntries(a: Entry, b: Entry): number {
  return (
    (ACTION_RANK.get(a.path) ?? 0) - (ACTION_RANK.get(b.path) ?? 0) ||
    COLLATOR.compare(a.person.unit ?? "", b.person.unit ?? "") ||
    COLLATOR.compare(a.person.name ?? "", b.person.name ?? "") ||
    (a.file ?? "").localeCompare(b.file ?? "") ||
    a.sheet.localeCompare(b.sheet) ||
    a.person.row - b.person.row
  );
}

/** Title, the settings used, and the count per path. */
function headRows(policy: Policy | undefined, entries: readonly Entry[], lang: Lang): OutCell[][] {
  const rows: OutCell[][] = [
    [cell(label("pathsTitle", lang), "title")],
    [cell(label("pathsIntro", lang), "muted")],
    [],
  ];
  if (policy !== undefined) {
    rows.push([cell(label("policyUsed", lang), "header"), cell(label("hValue", lang), "header")]);
    for (const key of PATH_POLICY_KEYS)
      rows.push([cell(POLICY_LABELS[key][lang]), cell(policyValue(policy, key, lang))]);
    rows.push([]);
  }
  rows.push([cell(label("byPath", lang), "header"), cell(label("hCount", lang), "header")]);
  const counts = new Map<PathCode, number>();
  for (const e of entries) counts.set(e.path, (counts.get(e.path) ?? 0) + 1);
  for (const p of PATH_CODES) rows.push([cell(PATHS[p][lang], STYLE[p]), cell(counts.get(p) ?? 0)]);
  rows.push([]);
  return rows;
}

/** Every non-ASN of the results, sorted for action. */
function entriesOf(results: readonly WorkbookResult[]): Entry[] {
  const entries: Entry[] = [];
  for (const result of results)
    for (const sheet of result.sheets)
      for (const row of sheet.rows)
        if (isPersonRow(row) && row.path !== null)
          entries.push({ file: result.file, policy: result.policy, sheet: sheet.name, person: row, path: row.path });
  return entries.sort(compareEntries);
}

const LIST_HEADER = ["hPath", "hUnit", "hName", "hNik", "hBkn", "hTenure", "hAge", "hNeeds", "hSheet", "hRow"] as const;

function listRow(e: Entry, several: boolean, lang: Lang): OutCell[] {
  const p = e.person;
  return [
    ...(several ? [cell(e.file ?? "")] : []),
    cell(PATHS[e.path][lang], STYLE[e.path]),
    cell(p.unit ?? label("unitUnknown", lang)),
    cell(p.name),
    cell(p.nik),
    cell(p.bknCode),
    cell(p.tenure !== null ? formatTenure(p.tenure, lang) : null),
    cell(p.ageYears),
    cell(pathNeeds(p, e.policy, lang)),
    cell(e.sheet),
    // A link only works inside the workbook that holds the row.
    cell(p.row, undefined, several ? {} : { link: { sheet: e.sheet, address: `A${p.row}` } }),
  ];
}

export function pathsGrid(results: readonly WorkbookResult[], lang: Lang): OutGrid {
  const several = results.length > 1;
  const entries = entriesOf(results);
  const rows = headRows(results[0]?.policy, entries, lang);
  rows.push([...(several ? ["hFile" as const] : []), ...LIST_HEADER].map((k) => cell(label(k, lang), "header")));
  const headerRow = rows.length;
  if (entries.length === 0) rows.push([cell(label("noPaths", lang), "muted")]);
  // One line kept for the "more" note, as in the report sheet.
  const room = EXCEL_MAX_ROWS - rows.length - 1;
  for (const e of entries.slice(0, room)) rows.push(listRow(e, several, lang));
  if (entries.length > room)
    rows.push([cell(label("reportTruncated", lang, { count: entries.length - room }), "warning")]);
  return {
    sheetName: label("sheetPaths", lang),
    rows,
    columnWidths: [...(several ? [28] : []), 24, 24, 30, 20, 12, 18, 8, 70, 18, 8],
    // Like CH Laporan: a list to filter on screen and to print one page wide, its header on every page.
    layout: {
      freezeRows: headerRow,
      filterRow: headerRow,
      landscape: true,
      fitToWidth: true,
      repeatRows: { first: headerRow, last: headerRow },
    },
  };
}
