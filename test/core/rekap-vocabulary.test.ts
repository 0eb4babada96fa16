/** The rekap's words (core and command line): both languages, the same placeholders. */
import {
  CUTOFF_ANSWERS,
  REKAP_ISSUES,
  REKAP_LABELS,
  REPEAT_WHY,
  SKIP_REASONS,
  VERDICTS,
} from "../../src/core/rekap/labels";
import { REKAP_MESSAGES, REKAP_USAGE } from "../../src/cli/rekap-messages";
import { bilingualProblems } from "../vocabulary-check";

test.each([
  ["SKIP_REASONS", SKIP_REASONS],
  ["CUTOFF_ANSWERS", CUTOFF_ANSWERS],
  ["VERDICTS", VERDICTS],
  ["REPEAT_WHY", REPEAT_WHY],
  ["REKAP_LABELS", REKAP_LABELS],
  ["REKAP_ISSUES titles", Object.fromEntries(Object.entries(REKAP_ISSUES).map(([k, v]) => [k, v.title]))],
  ["REKAP_ISSUES messages", Object.fromEntries(Object.entries(REKAP_ISSUES).map(([k, v]) => [k, v.message]))],
  ["REKAP_MESSAGES", REKAP_MESSAGES],
  ["REKAP_USAGE", { usage: REKAP_USAGE }],
])("%s: both languages, same placeholders", (table, entries) => {
  expect(bilingualProblems(table, entries)).toEqual([]);
});
