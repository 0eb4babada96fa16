/**
 * Shows what an action did: counts by severity, by issue code and by category, and the
 * problems as a list of buttons (click or Enter selects the cell in Excel). Only a
 * short summary sits in the live region, so a screen reader is not read a long list.
 */
import type { ActionOutcome } from "../addin/actions";
import type { SheetColumns } from "../addin/outcome";
import {
  CATEGORIES,
  Category,
  ISSUES,
  IssueCode,
  Lang,
  PATH_CODES,
  PATHS,
  SEVERITIES,
  Severity,
  roleLabel,
} from "../core/vocabulary";
import { label } from "../addin/vocabulary";

export type Problem = ActionOutcome["problems"][number];

/** Enough to find a cell quickly; the report sheet holds every problem. */
export const MAX_LISTED_PROBLEMS = 200;

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className !== undefined) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function codeTitle(code: string, lang: Lang, fallback?: string): string {
  return code in ISSUES ? ISSUES[code as IssueCode].title[lang] : (fallback ?? code);
}

function categoryTitle(category: string, lang: Lang): string {
  return category in CATEGORIES ? CATEGORIES[category as Category][lang] : category;
}

function severityTitle(severity: string, lang: Lang): string {
  return severity in SEVERITIES ? SEVERITIES[severity as Severity][lang] : severity;
}

function countTable(caption: string, rows: [string, number][], className: string): HTMLElement {
  const table = element("table", `count-table ${className}`);
  table.append(element("caption", undefined, caption));
  const body = element("tbody");
  for (const [name, count] of rows) {
    const row = element("tr");
    row.append(element("th", undefined, name), element("td", "count", String(count)));
    body.append(row);
  }
  table.append(body);
  return table;
}

function sortedEntries(counts: Record<string, number>): [string, number][] {
  return Object.entries(counts)
    .filter(([, count]) => count > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** Which column each role was read from, per sheet, and the roles not found. */
function columnsTable(columns: readonly SheetColumns[], lang: Lang): HTMLElement {
  const table = element("table", "columns-read");
  table.append(element("caption", undefined, label("columnsRead", lang)));
  const head = element("tr");
  for (const key of ["hSheet", "hRolesFound", "hRolesNotFound"] as const)
    head.append(element("th", undefined, label(key, lang)));
  table.append(head);
  for (const sheet of columns) {
    const found = sheet.found
      .map((f) => `${roleLabel(f.role, lang)}: ${f.column}${f.corrected ? ` (${label("corrected", lang)})` : ""}`)
      .join("; ");
    const notFound = sheet.notFound.map((r) => roleLabel(r, lang)).join(", ");
    const row = element("tr");
    row.append(
      element("td", undefined, sheet.sheet),
      element("td", undefined, found),
      element("td", undefined, notFound || "-"),
    );
    table.append(row);
  }
  return table;
}

export function problemPlace(problem: Problem): string {
  const sheet = /^[A-Za-z0-9_]+$/.test(problem.sheet) ? problem.sheet : `'${problem.sheet.replace(/'/g, "''")}'`;
  return `${sheet}!${problem.address}`;
}

export class ResultsView {
  private outcome: ActionOutcome | null = null;

  constructor(
    private readonly summary: HTMLElement,
    private readonly details: HTMLElement,
    private readonly onSelect: (problem: Problem) => void,
  ) {}

  showMessage(text: string): void {
    this.summary.textContent = text;
  }

  show(outcome: ActionOutcome, lang: Lang): void {
    this.outcome = outcome;
    this.render(lang);
  }

  /** Re-labels the last results (after a language switch). */
  render(lang: Lang): void {
    const outcome = this.outcome;
    if (outcome === null) {
      this.summary.textContent = label("paneNoResults", lang);
      this.details.replaceChildren();
      return;
    }
    this.summary.textContent = outcome.message;
    this.summary.classList.toggle("failed", !outcome.ok);
    const parts: HTMLElement[] = [];

    const tiles = element("div", "tiles");
    const tile = (name: string, value: number, kind: string): HTMLElement => {
      const box = element("div", `tile tile-${kind}`);
      box.append(element("span", "tile-value", String(value)), element("span", "tile-name", name));
      return box;
    };
    tiles.append(
      tile(SEVERITIES.error[lang], outcome.counts.errors, "error"),
      tile(SEVERITIES.warning[lang], outcome.counts.warnings, "warning"),
      tile(label("totalPeople", lang), outcome.counts.people, "people"),
    );
    parts.push(tiles);

    const byCode = sortedEntries(outcome.counts.byCode).map(([code, n]): [string, number] => [
      codeTitle(code, lang),
      n,
    ]);
    if (byCode.length > 0) parts.push(countTable(label("byCode", lang), byCode, "by-code"));
    const byCategory = sortedEntries(outcome.counts.byCategory).map(([c, n]): [string, number] => [
      categoryTitle(c, lang),
      n,
    ]);
    if (byCategory.length > 0) parts.push(countTable(label("byCategory", lang), byCategory, "by-category"));
    const byPath = PATH_CODES.filter((p) => outcome.counts.byPath[p] !== undefined).map((p): [string, number] => [
      PATHS[p][lang],
      outcome.counts.byPath[p] ?? 0,
    ]);
    if (byPath.length > 0) parts.push(countTable(label("byPath", lang), byPath, "by-path"));
    const byUnitPath = Object.keys(outcome.counts.byUnitPath)
      .sort((a, b) => a.localeCompare(b, "id"))
      .flatMap((unit) =>
        PATH_CODES.filter((p) => outcome.counts.byUnitPath[unit]?.[p] !== undefined).map((p): [string, number] => [
          `${unit === "" ? label("unitUnknown", lang) : unit}: ${PATHS[p][lang]}`,
          outcome.counts.byUnitPath[unit]?.[p] ?? 0,
        ]),
      );
    if (byUnitPath.length > 0) parts.push(countTable(label("byUnitPath", lang), byUnitPath, "by-unit-path"));

    const columns = outcome.columns ?? [];
    if (columns.length > 0) parts.push(columnsTable(columns, lang));

    if (outcome.problems.length > 0) {
      const heading = element("h3", undefined, label("paneProblems", lang));
      heading.id = "problems-heading";
      const hint = element("p", "hint", label("paneProblemHint", lang));
      const list = element("ul", "problem-list");
      list.setAttribute("aria-labelledby", "problems-heading");
      const listed = outcome.problems.slice(0, MAX_LISTED_PROBLEMS);
      listed.forEach((problem) => list.append(this.problemItem(problem, lang)));
      parts.push(heading, hint, list);
      // The outcome carries only the first problems; the counts have them all.
      const total = Math.max(outcome.counts.errors + outcome.counts.warnings, outcome.problems.length);
      if (total > listed.length) {
        parts.push(element("p", "hint", label("paneProblemsShown", lang, { shown: listed.length, total })));
      }
    }
    this.details.replaceChildren(...parts);
  }

  private problemItem(problem: Problem, lang: Lang): HTMLElement {
    const item = element("li");
    // A native button: focusable in tab order, and Enter/Space activate it.
    const button = element("button", `problem problem-${problem.severity}`);
    button.type = "button";
    button.dataset.sheet = problem.sheet;
    button.dataset.address = problem.address;
    const top = element("span", "problem-top");
    top.append(
      element("span", `severity severity-${problem.severity}`, severityTitle(problem.severity, lang)),
      element("span", "problem-place", problemPlace(problem)),
      element("span", "problem-title", codeTitle(problem.code, lang, problem.title)),
    );
    button.append(top, element("span", "problem-message", problem.message));
    button.addEventListener("click", () => this.onSelect(problem));
    item.append(button);
    return item;
  }
}
