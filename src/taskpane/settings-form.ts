/**
 * The policy settings form: one text field per setting, labelled from POLICY_LABELS, with
 * the default shown, and validation by resolvePolicy (the same rules as the command line).
 * Each problem is shown under its own field. Dates are typed and shown day first
 * ("31-12-2025", as every report shows them); "2025-12-31" is accepted too.
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
import { isoToSettingDate, settingDateToIso } from "../core/setting-dates";
import { Lang } from "../core/vocabulary";
import { label } from "../addin/vocabulary";
import { add, element } from "./dom";

/** The settings a user edits in the pane; the others are kept as loaded. */
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

/** A setting as typed in its field: dates day first, yes/no in the pane's language, the rest as stored. */
function shown(value: string | number | boolean, lang: Lang): string {
  if (typeof value === "boolean") return label(value ? "yes" : "no", lang);
  if (typeof value === "string" && isoToDay(value) !== null) return isoToSettingDate(value);
  return String(value);
}

function fieldId(key: PolicyKey): string {
  return `policy-${key}`;
}

const isDateKey = (key: PolicyKey): boolean => {
  const def = DEFAULT_POLICY[key];
  return typeof def === "string" && isoToDay(def) !== null;
};

const inputMode = (key: PolicyKey): string =>
  isDateKey(key) ? "numeric" : typeof DEFAULT_POLICY[key] === "number" ? "decimal" : "text";

function shownDefault(key: PolicyKey, lang: Lang): string {
  return shown(DEFAULT_POLICY[key], lang);
}

export class SettingsForm {
  private base: Policy = DEFAULT_POLICY;
  private problems: readonly PolicyProblem[] = [];

  constructor(private readonly fields: HTMLElement) {
    // Native inputs: a real <label for>, and the default and the error as aria-describedby.
    for (const key of PANE_POLICY_KEYS) {
      const id = fieldId(key);
      const wrapper = element("div", "setting");
      wrapper.id = `${id}-field`;
      const name = element("label", "setting-name");
      name.htmlFor = id;
      const input = element("input", "text-input");
      input.id = id;
      input.name = key;
      input.type = "text";
      input.autocomplete = "off";
      input.placeholder = shownDefault(key, "id");
      input.setAttribute("inputmode", inputMode(key));
      const hint = element("span", "setting-default");
      hint.id = `${id}-default`;
      const error = element("span", "setting-error");
      error.id = `${id}-error`;
      error.hidden = true;
      input.setAttribute("aria-describedby", `${hint.id} ${error.id}`);
      add(wrapper, name, input, error, hint);
      add(this.fields, wrapper);
    }
  }

  field(key: PolicyKey): HTMLInputElement {
    return document.getElementById(fieldId(key)) as HTMLInputElement;
  }

  private errorBox(key: PolicyKey): HTMLElement {
    return document.getElementById(`${fieldId(key)}-error`) as HTMLElement;
  }

  /** Labels the fields (and any problems shown) in the given language. */
  applyLanguage(lang: Lang): void {
    for (const key of PANE_POLICY_KEYS) {
      (this.fields.querySelector(`#${fieldId(key)}-field .setting-name`) as HTMLElement).textContent =
        POLICY_LABELS[key][lang];
      (document.getElementById(`${fieldId(key)}-default`) as HTMLElement).textContent = label("paneDefault", lang, {
        value: shownDefault(key, lang),
      });
    }
    this.showProblems(this.problems, lang);
  }

  setValues(policy: Policy, lang: Lang = "id"): void {
    this.base = policy;
    for (const key of PANE_POLICY_KEYS) this.field(key).value = shown(policy[key], lang);
    this.clearProblems();
  }

  /** The policy as typed (dates day first or ISO), checked by resolvePolicy. */
  read(): { policy: Policy; problems: PolicyProblem[] } {
    const overrides: Partial<Record<PolicyKey, unknown>> = { ...this.base };
    for (const key of PANE_POLICY_KEYS) {
      const typed = this.field(key).value;
      overrides[key] = isDateKey(key) ? (settingDateToIso(typed) ?? typed) : typed;
    }
    return resolvePolicy(overrides);
  }

  clearProblems(): void {
    this.showProblems([], "id");
  }

  /** Each problem under its field, in the pane's language; a typed date gets the day-first advice. */
  showProblems(problems: readonly PolicyProblem[], lang: Lang): void {
    this.problems = problems;
    for (const key of PANE_POLICY_KEYS) {
      const problem = problems.filter((p) => p.key === key)[0];
      const box = this.errorBox(key);
      const input = this.field(key);
      if (problem === undefined) {
        box.hidden = true;
        box.textContent = "";
        input.removeAttribute("aria-invalid");
        continue;
      }
      box.textContent = isDateKey(key)
        ? label("paneDateInvalid", lang, { value: input.value.trim() })
        : problem.message[lang];
      box.hidden = false;
      input.setAttribute("aria-invalid", "true");
    }
  }

  /** The first field with a problem (to put the focus there). */
  firstInvalid(): HTMLInputElement | null {
    for (const key of PANE_POLICY_KEYS) if (this.problems.some((p) => p.key === key)) return this.field(key);
    return null;
  }
}
