/**
 * Shows what an action did, in the pane's current language (the outcome carries both):
 * - a first-open view saying where to start, until something has run;
 * - for a check: the counts, then the problems grouped by person (name first) or by kind,
 *   collapsed with their counts, an errors-only filter, a short "how to fix" for each kind,
 *   and Periksa ulang; a click or Enter on a problem selects its cell;
 * - for Kontrak and Rekap JP: their own result (the cut-off's answers, the tally);
 * - for Hapus Tanda, a stop, a refusal or a failure: the message only, never counts.
 * The grouping, filter, open groups and the last problem chosen are kept across re-checks.
 * Only a short summary sits in the live region, so a screen reader is not read a long list.
 */
import type { ActionOutcome, ActionProblem, CutoffResult, TallyResult } from "../addin/actions";
import type { SheetColumns } from "../addin/outcome";
import { type ColumnOverrides, parseColumnMapping } from "../core/column-overrides";
import { shortDate } from "../core/setting-dates";
import { CUTOFF_ANSWER_LABELS, type CutoffAnswer } from "../core/cutoff-answer";
import {
  type Lang,
  PATH_CODES,
  PATHS,
  ROLES,
  type Role,
  SEVERITIES,
  TRAINING_VERDICTS,
  type TrainingVerdict,
  issueFix,
  roleLabel,
} from "../core/vocabulary";
import { label } from "../addin/vocabulary";
import { add, ancestorWithClass, byId, element, empty, setClass } from "./dom";

export type Problem = ActionProblem;

/** A cell to go to: a problem's, or a person's from the cut-off list. */
export interface Place {
  readonly sheet: string;
  readonly address: string;
}

type Grouping = "person" | "kind";

interface Group {
  readonly key: string;
  readonly name: string;
  readonly sub: string;
  readonly code: Problem["code"] | null;
  readonly problems: Problem[];
}

export function problemKey(problem: Problem): string {
  return `${problem.sheet}!${problem.address}:${problem.code}`;
}

function place(problem: Problem, lang: Lang): string {
  return problem.row === null
    ? label("paneSheetWide", lang, { sheet: problem.sheet })
    : `${problem.address} · ${problem.sheet}`;
}

function groupsOf(problems: readonly Problem[], grouping: Grouping, lang: Lang): Group[] {
  const groups: Group[] = [];
  const byKey: Record<string, Group> = {};
  for (const problem of problems) {
    let key: string;
    let name: string;
    let sub: string;
    if (grouping === "kind") {
      key = `k:${problem.code}`;
      name = problem.title[lang];
      sub = "";
    } else if (problem.row === null) {
      key = `s:${problem.sheet}`;
      name = label("paneSheetWide", lang, { sheet: problem.sheet });
      sub = "";
    } else {
      // One group per person and sheet; a row without a name is its own group.
      key = `p:${problem.sheet}\u0000${problem.person ?? `#${problem.row}`}`;
      name = problem.person ?? label("paneRow", lang, { row: problem.row });
      sub = `${problem.sheet} · ${label("paneRow", lang, { row: problem.row })}`;
    }
    let group = byKey[key];
    if (group === undefined) {
      group = { key, name, sub, code: grouping === "kind" ? problem.code : null, problems: [] };
      byKey[key] = group;
      groups.push(group);
    }
    group.problems.push(problem);
  }
  return groups;
}

function countBadges(problems: readonly Problem[], lang: Lang): HTMLElement {
  const box = element("span", "group-count");
  let errors = 0;
  let warnings = 0;
  for (const p of problems) {
    if (p.severity === "error") errors += 1;
    else warnings += 1;
  }
  if (errors > 0) {
    const badge = element("span", "badge badge-error", String(errors));
    badge.title = SEVERITIES.error[lang];
    add(box, badge);
  }
  if (warnings > 0) {
    const badge = element("span", "badge badge-warning", String(warnings));
    badge.title = SEVERITIES.warning[lang];
    add(box, badge);
  }
  return box;
}

/** Which column each role was read from, per sheet, and the roles not found. */
function columnsTable(columns: readonly SheetColumns[], lang: Lang): HTMLElement {
  const table = element("table", "columns-read");
  const head = element("tr");
  for (const key of ["hSheet", "hRolesFound", "hRolesNotFound"] as const)
    add(head, element("th", undefined, label(key, lang)));
  add(table, head);
  for (const sheet of columns) {
    const found = sheet.found
      .map((f) => `${roleLabel(f.role, lang)}: ${f.column}${f.corrected ? ` (${label("corrected", lang)})` : ""}`)
      .join("; ");
    const notFound = sheet.notFound.map((r) => roleLabel(r, lang)).join(", ");
    const row = element("tr");
    add(
      row,
      element("td", undefined, sheet.sheet),
      element("td", undefined, found),
      element("td", undefined, notFound || "-"),
    );
    add(table, row);
  }
  return table;
}

export class ResultsView {
  private outcome: ActionOutcome | null = null;
  private note: string | null = null;
  private grouping: Grouping = "person";
  private errorsOnly = false;
  private readonly open: Record<string, boolean> = {};
  private lastChosen: string | null = null;
  private columnsOpen = false;
  private lang: Lang = "id";

  constructor(
    private readonly summary: HTMLElement,
    private readonly startView: HTMLElement,
    private readonly details: HTMLElement,
    private readonly onSelect: (place: Place) => void,
    private readonly onRecheck: () => void,
    /** A column correction to save and check with (null: drop them all). */
    private readonly onCorrect: (correction: ColumnOverrides | null) => void,
  ) {}

  /** A message of the pane itself (settings to fix, a hidden sheet): the results stay. */
  showMessage(text: string, failed = true): void {
    this.summary.textContent = text;
    setClass(this.summary, "failed", failed);
    this.startView.hidden = true;
  }

  /** `note`: said under the message (a Cancel that came too late). */
  show(outcome: ActionOutcome, lang: Lang, note: string | null = null): void {
    this.outcome = outcome;
    this.note = note;
    this.render(lang);
  }

  /** Draws the last outcome in the given language (after a run, or a language switch). */
  render(lang: Lang): void {
    this.lang = lang;
    const outcome = this.outcome;
    empty(this.details);
    this.startView.hidden = outcome !== null;
    if (outcome === null) {
      this.summary.textContent = "";
      setClass(this.summary, "failed", false);
      return;
    }
    this.summary.textContent = outcome.messages[lang];
    setClass(this.summary, "failed", !outcome.ok);
    if (this.note !== null) add(this.details, element("p", "notice", this.note));
    if (outcome.state !== "done") return;
    if (outcome.kind === "check" || outcome.kind === "all") this.renderCheck(outcome, lang);
    if (outcome.cutoff !== undefined) this.renderCutoff(outcome.cutoff, lang);
    if (outcome.tally !== undefined) this.renderTally(outcome.tally, lang);
    if (outcome.kind === "paths" || outcome.kind === "all") this.renderPaths(outcome, lang);
    this.restorePlace();
  }

  private renderCheck(outcome: ActionOutcome, lang: Lang): void {
    const tiles = element("p", "tiles");
    const tile = (name: string, value: number, kind: string): HTMLElement => {
      const box = element("span", `tile tile-${kind}`);
      add(box, element("span", "tile-value", String(value)), document.createTextNode(" "));
      add(box, element("span", "tile-name", name));
      return box;
    };
    add(
      tiles,
      tile(SEVERITIES.error[lang], outcome.counts.errors, "error"),
      tile(SEVERITIES.warning[lang], outcome.counts.warnings, "warning"),
      tile(label("totalPeople", lang), outcome.counts.people, "people"),
    );
    add(this.details, tiles, this.toolbar(lang));
    this.renderProblems(outcome, lang);
    // After the problems, collapsed: the list is what the clerk works through first.
    const columns = outcome.columns ?? [];
    if (columns.length > 0) add(this.details, this.columnsSection(columns, lang));
  }

  /** "Kolom yang dibaca": a disclosure, kept open or shut across re-checks. */
  private columnsSection(columns: readonly SheetColumns[], lang: Lang): HTMLElement {
    const section = element("div", "columns-section");
    const toggle = element("button", "disclosure disclosure-small");
    toggle.type = "button";
    toggle.id = "columns-toggle";
    toggle.setAttribute("aria-expanded", String(this.columnsOpen));
    toggle.setAttribute("aria-controls", "columns-body");
    add(toggle, element("span", "chevron"), element("span", undefined, label("paneColumnsRead", lang)));
    const body = element("div", "columns-body");
    body.id = "columns-body";
    body.hidden = !this.columnsOpen;
    add(body, columnsTable(columns, lang), this.columnPicker(columns, lang));
    toggle.addEventListener("click", () => {
      this.columnsOpen = !this.columnsOpen;
      toggle.setAttribute("aria-expanded", String(this.columnsOpen));
      body.hidden = !this.columnsOpen;
    });
    add(section, toggle, body);
    return section;
  }

  /**
   * "Kolom TMT adalah kolom F": a sheet, a role and a column letter ("-": not in the sheet),
   * checked by the core's parser; the pane saves it in the workbook (settings key `columns`)
   * and checks again. "Hapus koreksi" drops every correction.
   */
  private columnPicker(columns: readonly SheetColumns[], lang: Lang): HTMLElement {
    const form = element("div", "column-picker");
    add(form, element("p", "hint", label("paneColumnsHint", lang)));
    const field = (
      id: string,
      key: "paneColumnsSheet" | "paneColumnsRole" | "paneColumnsLetter",
      input: HTMLElement,
    ) => {
      const box = element("label", "picker-field");
      box.htmlFor = id;
      input.id = id;
      add(box, element("span", "setting-name", label(key, lang)), input);
      return box;
    };
    const sheet = element("select", "text-input");
    for (const s of columns) {
      const option = element("option", undefined, s.sheet);
      option.value = s.sheet;
      add(sheet, option);
    }
    const role = element("select", "text-input");
    for (const r of Object.keys(ROLES) as Role[]) {
      const option = element("option", undefined, roleLabel(r, lang));
      option.value = r;
      add(role, option);
    }
    const letter = element("input", "text-input");
    letter.type = "text";
    letter.maxLength = 3;
    letter.setAttribute("autocomplete", "off");
    const error = element("p", "setting-error");
    error.id = "columns-error";
    error.setAttribute("role", "alert");
    const apply = element("button", "button button-small", label("paneColumnsApply", lang));
    apply.type = "button";
    apply.id = "columns-apply";
    apply.addEventListener("click", () => {
      const parsed = parseColumnMapping({ [sheet.value]: { [role.value]: letter.value } });
      if (!parsed.ok) {
        error.textContent = parsed.reason[lang];
        letter.setAttribute("aria-invalid", "true");
        letter.focus();
        return;
      }
      this.onCorrect(parsed.value);
    });
    const reset = element("button", "button button-small", label("paneColumnsReset", lang));
    reset.type = "button";
    reset.id = "columns-reset";
    reset.addEventListener("click", () => this.onCorrect(null));
    const buttons = element("div", "picker-buttons");
    add(buttons, apply, reset);
    add(
      form,
      field("columns-sheet", "paneColumnsSheet", sheet),
      field("columns-role", "paneColumnsRole", role),
      field("columns-letter", "paneColumnsLetter", letter),
      error,
      buttons,
    );
    return form;
  }

  private renderProblems(outcome: ActionOutcome, lang: Lang): void {
    const shown = this.errorsOnly ? outcome.problems.filter((p) => p.severity === "error") : outcome.problems;
    if (outcome.problems.length === 0) {
      add(this.details, element("p", "notice notice-ok", label("paneNoProblems", lang)));
      return;
    }
    if (shown.length === 0) {
      add(
        this.details,
        element("p", "notice notice-ok", label("paneNoErrors", lang, { warnings: outcome.counts.warnings })),
      );
      return;
    }
    const heading = element("h3", "visually-hidden", label("paneProblems", lang));
    heading.id = "problems-heading";
    const list = element("ul", "groups");
    list.setAttribute("aria-labelledby", "problems-heading");
    for (const group of groupsOf(shown, this.grouping, lang)) add(list, this.groupItem(group, lang));
    add(this.details, heading, list);
    // The outcome carries only the first problems; the counts have them all.
    const total = Math.max(outcome.counts.errors + outcome.counts.warnings, outcome.problems.length);
    if (total > outcome.problems.length) {
      add(
        this.details,
        element("p", "hint", label("paneProblemsShown", lang, { shown: outcome.problems.length, total })),
      );
    }
  }

  private toolbar(lang: Lang): HTMLElement {
    const bar = element("div", "list-toolbar");
    const filter = element("label", "check");
    const box = element("input");
    box.type = "checkbox";
    box.id = "errors-only";
    box.checked = this.errorsOnly;
    box.addEventListener("click", () => {
      this.errorsOnly = box.checked;
      this.render(this.lang);
      byId("errors-only").focus();
    });
    add(filter, box, element("span", undefined, label("paneErrorsOnly", lang)));

    const grouping = element("div", "segmented");
    grouping.setAttribute("role", "group");
    grouping.setAttribute("aria-label", label("paneGroupBy", lang));
    for (const [mode, key] of [
      ["person", "paneByPerson"],
      ["kind", "paneByKind"],
    ] as const) {
      const button = element("button", "segment", label(key, lang));
      button.type = "button";
      button.id = `group-${mode}`;
      button.setAttribute("aria-pressed", String(this.grouping === mode));
      button.addEventListener("click", () => {
        this.grouping = mode;
        this.render(this.lang);
        byId(`group-${mode}`).focus();
      });
      add(grouping, button);
    }

    const recheck = element("button", "button button-small", label("paneRecheck", lang));
    recheck.type = "button";
    recheck.id = "recheck";
    recheck.addEventListener("click", () => this.onRecheck());
    add(bar, filter, grouping, recheck);
    return bar;
  }

  private groupItem(group: Group, lang: Lang): HTMLElement {
    const item = element("li", "group");
    const open = this.open[group.key] === true;
    const header = element("button", "group-header");
    header.type = "button";
    header.setAttribute("aria-expanded", String(open));
    header.dataset.group = group.key;
    const text = element("span", "group-text");
    add(text, element("span", "group-name", group.name));
    // Collapsed, the header still says what is wrong: the kinds (by person) or the people (by kind).
    const what =
      group.code === null
        ? group.problems.map((p) => p.title[lang])
        : group.problems.map((p) => p.person ?? place(p, lang));
    const distinct = what.filter((w, i) => what.indexOf(w) === i);
    add(text, element("span", "group-sub", [group.sub, distinct.join("; ")].filter((s) => s !== "").join(" · ")));
    add(header, element("span", "chevron"), text, countBadges(group.problems, lang));
    const body = element("div", "group-body");
    body.hidden = !open;
    if (group.code !== null) add(body, this.fixLine(group.code, lang));
    const list = element("ul", "problem-list");
    for (const problem of group.problems) add(list, this.problemItem(problem, group.code === null, lang));
    add(body, list);
    header.addEventListener("click", () => {
      const now = header.getAttribute("aria-expanded") !== "true";
      this.open[group.key] = now;
      header.setAttribute("aria-expanded", String(now));
      body.hidden = !now;
    });
    add(item, header, body);
    return item;
  }

  private fixLine(code: Problem["code"], lang: Lang): HTMLElement {
    const fix = element("p", "problem-fix");
    add(
      fix,
      element("strong", undefined, label("paneHowToFix", lang)),
      document.createTextNode(` ${issueFix(code, lang)}`),
    );
    return fix;
  }

  private problemItem(problem: Problem, withFix: boolean, lang: Lang): HTMLElement {
    const item = element("li");
    // A native button: focusable in tab order, and Enter/Space activate it.
    const button = element("button", `problem problem-${problem.severity}`);
    button.type = "button";
    button.dataset.key = problemKey(problem);
    button.dataset.sheet = problem.sheet;
    button.dataset.address = problem.address;
    const top = element("span", "problem-top");
    add(
      top,
      element("span", `severity severity-${problem.severity}`, SEVERITIES[problem.severity][lang]),
      element("span", "problem-title", withFix ? problem.title[lang] : (problem.person ?? "")),
      element("span", "problem-place", place(problem, lang)),
    );
    add(button, top, element("span", "problem-message", problem.message[lang]));
    button.addEventListener("click", () => {
      this.lastChosen = problemKey(problem);
      this.markChosen();
      this.onSelect(problem);
    });
    add(item, button);
    if (withFix) add(item, this.fixLine(problem.code, lang));
    return item;
  }

  private markChosen(): void {
    const buttons = this.details.getElementsByClassName("problem");
    for (let i = 0; i < buttons.length; i++) {
      const b = buttons[i] as HTMLElement;
      setClass(b, "problem-current", b.dataset.key === this.lastChosen);
    }
  }

  /** After a re-check: the problem last chosen, when it is still there, is marked and in view. */
  private restorePlace(): void {
    this.markChosen();
    if (this.lastChosen === null) return;
    const buttons = this.details.getElementsByClassName("problem-current");
    const current = buttons.length > 0 ? (buttons[0] as HTMLElement) : null;
    const group = ancestorWithClass(current, "group-body");
    if (current !== null && group !== null && !group.hidden) current.scrollIntoView({ block: "nearest" });
  }

  /** The chosen problem's button, to give it the focus back after a re-check. */
  currentProblem(): HTMLElement | null {
    const found = this.details.getElementsByClassName("problem-current");
    const button = found.length > 0 ? (found[0] as HTMLElement) : null;
    const body = ancestorWithClass(button, "group-body");
    return body !== null && !body.hidden ? button : null;
  }

  private renderCutoff(cutoff: CutoffResult, lang: Lang): void {
    const date = shortDate(cutoff.cutoffDate, lang);
    const rows: [string, number][] = (Object.keys(CUTOFF_ANSWER_LABELS) as CutoffAnswer[]).map((a) => [
      label(CUTOFF_ANSWER_LABELS[a], lang),
      cutoff.answers[a],
    ]);
    add(this.details, countTable(label("summaryCutoff", lang, { cutoff: date }), rows, "cutoff-table"));
    if (cutoff.people.length === 0) return;
    add(this.details, element("h3", undefined, label("paneCutoffPeople", lang, { cutoff: date })));
    const list = element("ul", "problem-list cutoff-list");
    for (const person of cutoff.people) {
      const item = element("li");
      const button = element("button", "problem problem-cutoff");
      button.type = "button";
      add(
        button,
        element("span", "problem-title", person.name ?? person.address),
        document.createTextNode(" "),
        element("span", "problem-place", `${person.address} · ${person.sheet}`),
      );
      button.addEventListener("click", () => this.onSelect(person));
      add(item, button);
      add(list, item);
    }
    add(this.details, list);
  }

  /** Jalur Pasca Batas: non-ASN by path, overall and per unit. */
  private renderPaths(outcome: ActionOutcome, lang: Lang): void {
    const byPath = PATH_CODES.filter((p) => outcome.counts.byPath[p] !== undefined).map((p): [string, number] => [
      PATHS[p][lang],
      outcome.counts.byPath[p] ?? 0,
    ]);
    if (byPath.length > 0) add(this.details, countTable(label("byPath", lang), byPath, "by-path"));
    const byUnitPath = Object.keys(outcome.counts.byUnitPath)
      .sort((a, b) => a.localeCompare(b, "id"))
      .flatMap((unit) =>
        PATH_CODES.filter((p) => outcome.counts.byUnitPath[unit]?.[p] !== undefined).map((p): [string, number] => [
          `${unit === "" ? label("unitUnknown", lang) : unit}: ${PATHS[p][lang]}`,
          outcome.counts.byUnitPath[unit]?.[p] ?? 0,
        ]),
      );
    if (byUnitPath.length > 0) add(this.details, countTable(label("byUnitPath", lang), byUnitPath, "by-unit-path"));
  }

  private renderTally(tally: TallyResult, lang: Lang): void {
    const rows: [string, number][] = (Object.keys(TRAINING_VERDICTS) as TrainingVerdict[])
      .filter((v) => (tally.byVerdict[v] ?? 0) > 0)
      .map((v) => [TRAINING_VERDICTS[v][lang], tally.byVerdict[v] ?? 0]);
    add(this.details, countTable(label("paneTallyResult", lang), rows, "tally-table"));
  }
}

function countTable(caption: string, rows: readonly [string, number][], className: string): HTMLElement {
  const table = element("table", `count-table ${className}`);
  add(table, element("caption", undefined, caption));
  const body = element("tbody");
  for (const [name, count] of rows) {
    const row = element("tr");
    add(row, element("th", undefined, name), element("td", "count", String(count)));
    add(body, row);
  }
  add(table, body);
  return table;
}
