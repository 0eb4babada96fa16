import * as fs from "fs";
import * as path from "path";
import { LABELS, UI_LABELS, label } from "../../src/addin/vocabulary";
import { LABELS as CORE_LABELS } from "../../src/core/vocabulary";
import { BROKEN_TABLE, BROKEN_TABLE_PROBLEMS, bilingualProblems } from "../vocabulary-check";

describe("the add-in's vocabulary", () => {
  test("the check finds a missing language and mismatched placeholders", () => {
    expect(bilingualProblems("broken", BROKEN_TABLE)).toEqual(BROKEN_TABLE_PROBLEMS);
  });

  test("every UI label: both languages, same placeholders", () => {
    expect(bilingualProblems("UI_LABELS", UI_LABELS)).toEqual([]);
  });

  test("no UI label hides a core label of the same key", () => {
    expect(Object.keys(UI_LABELS).filter((key) => key in CORE_LABELS)).toEqual([]);
  });

  test("label() reads both the UI's words and the core's", () => {
    expect(label("xlDoneTenure", "en", { people: 5 })).toBe("Tenure and category columns written for 5 people.");
    expect(label("sheetReport", "id")).toBe(CORE_LABELS.sheetReport.id);
  });

  test("every data-label of the pages names a label", () => {
    const pages = ["taskpane/taskpane.html", "commands/commands.html", "commands/result.html"];
    const keys = pages.flatMap((page) => {
      const html = fs.readFileSync(path.join(__dirname, "..", "..", "src", page), "utf8");
      return [...html.matchAll(/data-label="(\w+)"/g)].map((m) => m[1] ?? "");
    });
    expect(keys.length).toBeGreaterThan(5);
    expect(keys.filter((key) => !(key in LABELS))).toEqual([]);
  });
});
