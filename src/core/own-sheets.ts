/** Sheets and columns Cek Honorer writes itself: never read back as user data. */
import { LABELS, type LabelKey } from "./vocabulary";

/** The computed columns, in their order right of the user's table. */
export const COMPUTED_COLUMN_LABELS: readonly LabelKey[] = [
  "colStartRead",
  "colTenure",
  "colTenureMonths",
  "colMeetsTenure",
  "colAge",
  "colCutoff",
  "colEndRead",
  "colCategory",
  "colIssues",
  "colPath",
];

/** The hidden sheet where the add-in keeps its state. */
export const STATE_SHEET_NAME = "CH_State";
const OWN_SHEET_NAMES = new Set<string>([
  ...[LABELS.sheetReport, LABELS.sheetSummary, LABELS.sheetTally, LABELS.sheetPaths].flatMap((l): string[] => [
    l.id,
    l.en,
  ]),
  STATE_SHEET_NAME,
]);

export function isOwnSheetName(name: string): boolean {
  return OWN_SHEET_NAMES.has(name);
}

const COMPUTED_HEADERS = new Set(
  COMPUTED_COLUMN_LABELS.flatMap((k) => [LABELS[k].id, LABELS[k].en]).map((t) => t.trim().toLowerCase()),
);

/** True when a header text is one of the columns Cek Honorer writes (either language). */
export function isComputedHeader(text: string): boolean {
  return COMPUTED_HEADERS.has(text.trim().toLowerCase());
}
