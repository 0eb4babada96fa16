/**
 * Issue parameters are typed by code: the @ts-expect-error lines below must stay errors
 * (the typecheck in npm test fails on an unused @ts-expect-error), and every placeholder
 * of every message is a declared parameter, in both languages.
 */
import { ISSUE_PARAMS } from "../../src/core/issue-params";
import { makeIssue } from "../../src/core/issues";
import { ISSUE_CODES, ISSUES, REASONS } from "../../src/core/vocabulary";

const where = { sheet: "Data", row: 7, column: "C", role: "nik" as const };

describe("typed issue parameters", () => {
  test("the right parameters compile and are kept", () => {
    const issue = makeIssue("nik-invalid", where, { value: "123", reason: REASONS.storedAsNumber });
    expect(issue.params).toEqual({ value: "123", reason: REASONS.storedAsNumber });
    expect(makeIssue("training-unknown-person", { ...where, column: null }).params).toEqual({});
  });

  test("a wrong, missing or extra parameter does not compile", () => {
    const wrong = [
      // @ts-expect-error: "reason" must be Bilingual text, not a plain string
      () => makeIssue("nik-invalid", where, { value: "123", reason: "too short" }),
      // @ts-expect-error: "reason" is missing
      () => makeIssue("nik-invalid", where, { value: "123" }),
      // @ts-expect-error: the params are missing altogether
      () => makeIssue("nik-invalid", where),
      // @ts-expect-error: "detail" is not a parameter of nik-invalid
      () => makeIssue("nik-invalid", where, { value: "1", reason: REASONS.storedAsNumber, detail: "x" }),
      // @ts-expect-error: "role" must be a column role
      () => makeIssue("missing-value", where, { role: "Nama" }),
      // @ts-expect-error: "age" is a number
      () => makeIssue("age-out-of-range", where, { age: "19", referenceDate: "31-12-2025", minAge: 20, maxAge: 57 }),
    ];
    // The calls are only compiled, never run; at run time makeIssue does not check.
    expect(wrong).toHaveLength(6);
  });
});

describe("messages and parameters agree", () => {
  const placeholders = (template: string): string[] =>
    [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? "").sort();

  test.each(ISSUE_CODES)("%s: every placeholder is a parameter, the same in id and en", (code) => {
    const { id, en } = ISSUES[code].message;
    expect(placeholders(id)).toEqual(placeholders(en));
    const declared = Object.keys(ISSUE_PARAMS[code]);
    for (const name of placeholders(id)) expect(declared).toContain(name);
  });
});
