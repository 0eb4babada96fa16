/**
 * The task pane: action buttons, policy settings saved in the workbook, a progress bar
 * with Cancel, and the results with the problems to work through. Bahasa Indonesia
 * first; the switch shows English, for everything the pane shows. All words come from
 * the vocabulary. Plain HTML elements (no web components), so the pane runs in every
 * webview Office uses.
 */
import type { ActionKind, ActionOutcome } from "../addin/actions";
import { selectCell } from "../addin/navigate";
import { failedMessages } from "../addin/failures";
import { loadSettings, saveSettings } from "../addin/settings";
import { type ColumnOverrides, mergeOverrides } from "../core/column-overrides";
import { DEFAULT_POLICY, Policy } from "../core/policy";
import { settingDateToIso, shortDate } from "../core/setting-dates";
import { Lang } from "../core/vocabulary";
import { label } from "../addin/vocabulary";
import { byId } from "./dom";
import { applyPageText } from "./page-text";
import { ProgressView } from "./progress-view";
import { Place, ResultsView } from "./results-view";
import { SettingsForm } from "./settings-form";

const ACTION_KINDS: readonly ActionKind[] = ["check", "tenure", "cutoff", "training", "paths", "clear", "all"];

/**
 * The engine and the Excel writers, in a chunk of their own: the first screen does without
 * them, so the pane is ready sooner. Fetched as soon as the pane is ready; a failed fetch is
 * tried again on the next click.
 */
let actionsChunk: Promise<typeof import("../addin/actions")> | null = null;

function loadActions(): Promise<typeof import("../addin/actions")> {
  if (actionsChunk === null) {
    actionsChunk = import(/* webpackChunkName: "pane-actions" */ "../addin/actions");
    actionsChunk.catch(() => {
      actionsChunk = null;
    });
  }
  return actionsChunk;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

class TaskPane {
  private lang: Lang = "id";
  private running = false;
  /** Column corrections saved in the workbook; kept on every save so none is lost. */
  private columns: ColumnOverrides = {};
  private readonly actionButtons = ACTION_KINDS.map((kind) => byId<HTMLButtonElement>(`act-${kind}`));
  private readonly settings = new SettingsForm(byId("settings-fields"));
  private readonly progress = new ProgressView(
    byId("progress"),
    byId("progress-bar"),
    byId("progress-text"),
    byId("cancel"),
    () => this.lang,
  );
  private readonly results = new ResultsView(
    byId("result-summary"),
    byId("start-view"),
    byId("result-details"),
    (place) => this.select(place),
    () => void this.run("check", "recheck"),
    (correction) => {
      // Saved in the workbook with the check's writes (settings key `columns`).
      this.columns = correction === null ? {} : mergeOverrides(this.columns, correction);
      void this.run("check", correction === null ? "columns-reset" : "columns-apply");
    },
  );
  private readonly langSwitch = byId<HTMLInputElement>("lang-switch");
  private readonly settingsToggle = byId<HTMLButtonElement>("settings-toggle");

  constructor(private readonly excelAvailable: boolean) {
    this.actionButtons.forEach((button) =>
      button.addEventListener("click", () => void this.run(button.getAttribute("data-action") as ActionKind)),
    );
    this.langSwitch.addEventListener("click", () => void this.switchLanguage(this.langSwitch.checked ? "en" : "id"));
    byId("settings-form").addEventListener("submit", (event) => {
      event.preventDefault();
      void this.save();
    });
    byId("settings-reset").addEventListener("click", () => {
      this.settings.setValues(DEFAULT_POLICY, this.lang);
      this.labelCutoff();
    });
    this.settingsToggle.addEventListener("click", () =>
      this.openSettings(this.settingsToggle.getAttribute("aria-expanded") !== "true"),
    );
    // The Kontrak button names the cut-off as typed, once it is a date.
    this.settings.field("cutoffDate").addEventListener("input", () => this.labelCutoff());
  }

  async start(): Promise<void> {
    let policy: Policy = DEFAULT_POLICY;
    let loadError: unknown = null;
    if (this.excelAvailable) {
      try {
        const saved = await loadSettings();
        policy = saved.policy;
        this.lang = saved.lang;
        this.columns = saved.columns;
      } catch (error) {
        loadError = error;
      }
    }
    this.settings.setValues(policy, this.lang);
    this.langSwitch.checked = this.lang === "en";
    this.relabel();
    // Cell-edit mode and the like, in the pane's language.
    if (loadError !== null) this.results.showMessage(failedMessages(loadError)[this.lang]);
    byId("no-excel").hidden = this.excelAvailable;
    this.setBusy(false);
  }

  private relabel(): void {
    applyPageText(document, this.lang);
    this.labelCutoff();
    this.settings.applyLanguage(this.lang);
    this.results.render(this.lang);
  }

  /** "Kontrak 31 Des 2025": the button follows the cut-off setting (the saved one while the field is wrong). */
  private labelCutoff(): void {
    const typed = settingDateToIso(this.settings.field("cutoffDate").value);
    const cutoff = typed ?? this.settings.read().policy.cutoffDate;
    byId("act-cutoff").textContent = label("actCutoff", this.lang, { cutoff: shortDate(cutoff, this.lang) });
  }

  private openSettings(open: boolean): void {
    this.settingsToggle.setAttribute("aria-expanded", String(open));
    byId("settings-body").hidden = !open;
  }

  private async switchLanguage(lang: Lang): Promise<void> {
    if (lang === this.lang) return;
    this.lang = lang;
    this.relabel();
    if (!this.excelAvailable || this.running) return;
    // The language is a workbook setting too, so the ribbon buttons answer in it.
    const { policy, problems } = this.settings.read();
    if (problems.length === 0) await saveSettings({ policy, lang, columns: this.columns }).catch(() => undefined);
  }

  private setBusy(busy: boolean): void {
    this.running = busy;
    for (const button of this.actionButtons) button.disabled = busy || !this.excelAvailable;
    const recheck = document.getElementById("recheck") as HTMLButtonElement | null;
    if (recheck !== null) recheck.disabled = busy;
  }

  /** Problems beside their fields, the settings opened and the first wrong field focused. */
  private refuseSettings(): void {
    this.openSettings(true);
    const first = this.settings.firstInvalid();
    if (first !== null) first.focus();
  }

  private async save(): Promise<boolean> {
    const { policy, problems } = this.settings.read();
    this.settings.showProblems(problems, this.lang);
    const status = byId("settings-status");
    status.textContent = "";
    if (problems.length > 0) {
      this.refuseSettings();
      return false;
    }
    if (!this.excelAvailable) return false;
    try {
      const saved = await saveSettings({ policy, lang: this.lang, columns: this.columns });
      status.textContent = label(saved ? "paneSaved" : "xlReadOnly", this.lang);
      return saved;
    } catch (error) {
      // Cell-edit mode and the like, in the pane's language.
      status.textContent = failedMessages(error)[this.lang];
      return false;
    }
  }

  /** `from`: the id of the button that started it, to give it the focus back. */
  async run(kind: ActionKind, from = `act-${kind}`): Promise<ActionOutcome | null> {
    if (this.running || !this.excelAvailable) return null;
    const { policy, problems } = this.settings.read();
    if (problems.length > 0) {
      this.settings.showProblems(problems, this.lang);
      this.results.showMessage(label("paneFixSettings", this.lang));
      this.refuseSettings();
      return null;
    }
    this.settings.clearProblems();
    this.setBusy(true);
    this.progress.start();
    // Periksa ulang keeps the user's place: the scroll position and the problem last chosen.
    // Not document.scrollingElement: Internet Explorer 11 has none; the pane scrolls its root.
    const scroller = document.documentElement;
    const scrollTop = scroller.scrollTop;
    let outcome: ActionOutcome | null = null;
    try {
      // The settings a run used are saved with its writes (after its guard), so the ribbon
      // buttons and the next user of the workbook get the same.
      const actions = await loadActions().catch(() => null);
      if (actions === null) {
        this.results.showMessage(label("paneLoadFailed", this.lang));
        return null;
      }
      outcome = await actions.runAction(kind, {
        policy,
        lang: this.lang,
        saveSettings: true,
        columns: this.columns,
        onProgress: (done, total, phase) => this.progress.update(done, total, phase),
        isCancelled: () => this.progress.isCancelled(),
      });
      // A Cancel that came once the writing was done is answered too.
      const late = this.progress.isCancelled() && outcome.state !== "cancelled";
      this.results.show(outcome, this.lang, late ? label("paneLateCancel", this.lang) : null);
      return outcome;
    } catch (error) {
      this.results.showMessage(label("paneFailed", this.lang, { message: errorText(error) }));
      return null;
    } finally {
      this.progress.finish();
      this.setBusy(false);
      scroller.scrollTop = scrollTop;
      const current = kind === "check" ? this.results.currentProblem() : null;
      const back = current ?? document.getElementById(from) ?? byId(`act-${kind}`);
      // Disabling the focused button dropped the keyboard focus to the page: give it back.
      if (document.activeElement === null || document.activeElement === document.body || current !== null) back.focus();
    }
  }

  private select(place: Place): void {
    selectCell(place.sheet, place.address)
      .then((selected) => {
        if (!selected) this.results.showMessage(label("paneHiddenSheet", this.lang, { sheet: place.sheet }));
      })
      .catch((error: unknown) => this.results.showMessage(failedMessages(error)[this.lang]));
  }
}

/** Marks the pane ready for the tests and the benchmark (time from navigation to here). */
function markReady(): void {
  if (typeof performance.mark === "function") performance.mark("cek-honorer-ready");
  document.body.setAttribute("data-ready", "true");
}

Office.onReady()
  .then(async () => {
    const pane = new TaskPane(typeof Excel !== "undefined" && typeof Excel.run === "function");
    await pane.start();
    markReady();
    void loadActions().catch(() => undefined); // told on the click that needs it
  })
  .catch((error: unknown) => {
    document.body.setAttribute("data-ready", "error");
    byId("result-summary").textContent = errorText(error);
  });
