import { CLI_MESSAGES, USAGE, cliMessage } from "../../src/cli/messages";
import { BROKEN_TABLE, BROKEN_TABLE_PROBLEMS, bilingualProblems } from "../vocabulary-check";

describe("the command line's vocabulary", () => {
  test("the check finds a missing language and mismatched placeholders", () => {
    expect(bilingualProblems("broken", BROKEN_TABLE)).toEqual(BROKEN_TABLE_PROBLEMS);
  });

  test("every message: both languages, same placeholders", () => {
    expect(bilingualProblems("CLI_MESSAGES", CLI_MESSAGES)).toEqual([]);
    expect(bilingualProblems("USAGE", { usage: USAGE })).toEqual([]);
  });

  test("a message is filled in the language asked for", () => {
    expect(cliMessage("writeFailed", "en", { value: "out.xlsx", detail: "EACCES" })).toBe(
      "could not write out.xlsx (EACCES).",
    );
    expect(cliMessage("writeFailed", "id", { value: "out.xlsx", detail: "EACCES" })).toBe(
      "gagal menulis out.xlsx (EACCES).",
    );
  });
});
