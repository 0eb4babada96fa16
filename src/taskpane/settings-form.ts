/**
 * The policy settings form: one text field per setting, labelled from
 * POLICY_LABELS, with the default shown, and validation by resolvePolicy (the same
 * rules as the command line), whose problems are shown in both languages.
 */
import { isoToDay } from "../core/days";
import {
  DEFAULT_POLICY,
  PATH_SETTING_KEYS,
  Policy,
  POLICY_LABELS,
  PolicyKey,
  PolicyProblem,
  resolvePolicy,
} from "../core/policy";
import { Lang } from "../core/vocabulary";
import { label } from "../addin/vocabulary";

/** The settings a user edits in the pane; countReferenceDay is kept as loaded. */
export const PANE_POLICY_KEYS: readonly PolicyKey[] = [
  "referenceDate",
  "cutoffDate",
  "minTenureMonths",
  "minAge",
  "retirementAge",
  "pnsMinJp",
  "pppkMaxJp",
  "minutesPerJp",
  // After the cut-off: the region's paths (domain.md, last point).
  ...PATH_SETTING_KEYS,
];

/** A setting as typed in its field: yes/no in the pane's language, the rest as stored. */
function shown(value: string | number | boolean, lang: Lang): string {
  return typeof value === "boolean" ? label(value ? "yes" : "no", lang) : String(value);
}

function fieldId(key: PolicyKey): string {
  return `policy-${key}`;
}

export class SettingsForm {
  private base: Policy = DEFAULT_POLICY;

  constructor(
    private readonly fields: HTMLElement,
    private readonly problemsBox: HTMLElement,
  ) {
    // Native inputs styled like Fluent's: a real <label for> and an aria-describedby
    // hint (which a shadow-DOM text field cannot point at), and a lighter bundle.
    for (const key of PANE_POLICY_KEYS) {
      const id = fieldId(key);
      const wrapper = document.createElement("div");
      wrapper.className = "setting";
      wrapper.id = `${id}-field`;
      const name = document.createElement("label");
      name.className = "setting-name";
      name.htmlFor = id;
      const input = document.createElement("input");
      input.id = id;
      input.name = key;
      input.type = "text";
      input.className = "text-input";
      input.autocomplete = "off";
      const def = DEFAULT_POLICY[key];
      const isDate = typeof def === "string" && isoToDay(def) !== null;
      input.placeholder = isDate ? "YYYY-MM-DD" : shown(def, "id");
      input.inputMode = isDate ? "numeric" : typeof def === "number" ? "decimal" : "text";
      const hint = document.createElement("span");
      hint.className = "setting-default";
      hint.id = `${id}-default`;
      input.setAttribute("aria-describedby", hint.id);
      wrapper.append(name, input, hint);
      this.fields.append(wrapper);
    }
  }

  private field(key: PolicyKey): HTMLInputElement {
    return this.fields.querySelector(`#${fieldId(key)}`) as HTMLInputElement;
  }

  private part(key: PolicyKey, className: string): HTMLElement {
    return this.fields.querySelector(`#${fieldId(key)}-field .${className}`) as HTMLElement;
  }

  /** Labels the fields in the given language. */
  applyLanguage(lang: Lang): void {
    for (const key of PANE_POLICY_KEYS) {
      this.part(key, "setting-name").textContent = POLICY_LABELS[key][lang];
      this.part(key, "setting-default").textContent = label("paneDefault", lang, {
        value: shown(DEFAULT_POLICY[key], lang),
      });
    }
  }

  setValues(policy: Policy, lang: Lang = "id"): void {
    this.base = policy;
    for (const key of PANE_POLICY_KEYS) this.field(key).value = shown(policy[key], lang);
    this.clearProblems();
  }

  /** The policy as typed, checked by resolvePolicy. */
  read(): { policy: Policy; problems: PolicyProblem[] } {
    const overrides: Partial<Record<PolicyKey, unknown>> = { countReferenceDay: this.base.countReferenceDay };
    for (const key of PANE_POLICY_KEYS) overrides[key] = this.field(key).value;
    return resolvePolicy(overrides);
  }

  clearProblems(): void {
    this.problemsBox.hidden = true;
    this.problemsBox.replaceChildren();
    for (const key of PANE_POLICY_KEYS) this.field(key).removeAttribute("aria-invalid");
  }

  /** Shows each problem in the current language first, then the other. */
  showProblems(problems: readonly PolicyProblem[], lang: Lang): void {
    this.clearProblems();
    if (problems.length === 0) return;
    const other: Lang = lang === "id" ? "en" : "id";
    const heading = document.createElement("p");
    heading.textContent = label("paneFixSettings", lang);
    const list = document.createElement("ul");
    for (const problem of problems) {
      const item = document.createElement("li");
      for (const which of [lang, other]) {
        const line = document.createElement("span");
        line.lang = which;
        line.className = which === lang ? "problem-main" : "problem-other";
        line.textContent = problem.message[which];
        item.append(line);
      }
      list.append(item);
      this.field(problem.key).setAttribute("aria-invalid", "true");
    }
    this.problemsBox.append(heading, list);
    this.problemsBox.hidden = false;
  }
}
