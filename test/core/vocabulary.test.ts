import { DEFAULT_POLICY } from "../../src/core/policy";
import {
  CATEGORIES,
  ID_REASONS,
  ISSUES,
  LABELS,
  REASONS,
  ROLES,
  SETTING_LABELS,
  SETTING_PROBLEMS,
  SEVERITIES,
  STATUSES,
  TRAINING_VERDICTS,
} from "../../src/core/vocabulary";
import { BROKEN_TABLE, BROKEN_TABLE_PROBLEMS, bilingualProblems } from "../vocabulary-check";

describe("the core vocabulary", () => {
  test("the check finds a missing language and mismatched placeholders", () => {
    expect(bilingualProblems("broken", BROKEN_TABLE)).toEqual(BROKEN_TABLE_PROBLEMS);
  });

  test.each([
    ["ISSUES titles", Object.fromEntries(Object.entries(ISSUES).map(([k, v]) => [k, v.title]))],
    ["ISSUES messages", Object.fromEntries(Object.entries(ISSUES).map(([k, v]) => [k, v.message]))],
    ["ROLES", ROLES],
    ["CATEGORIES", CATEGORIES],
    ["STATUSES", STATUSES],
    ["TRAINING_VERDICTS", TRAINING_VERDICTS],
    ["SEVERITIES", SEVERITIES],
    ["LABELS", LABELS],
    ["REASONS", REASONS],
    ["ID_REASONS", ID_REASONS],
    ["SETTING_LABELS", SETTING_LABELS],
    ["SETTING_PROBLEMS", SETTING_PROBLEMS],
  ])("%s: both languages, same placeholders", (name, table) => {
    expect(bilingualProblems(name, table)).toEqual([]);
  });

  test("every policy setting has a label, and no label names a setting that does not exist", () => {
    expect(Object.keys(SETTING_LABELS).sort()).toEqual(Object.keys(DEFAULT_POLICY).sort());
  });
});
