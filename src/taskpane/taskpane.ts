/**
 * The task pane: action buttons, policy settings saved in the workbook, a progress bar
 * with Cancel, and the results with a clickable list of problems. Bahasa Indonesia
 * first; the switch shows English. All words come from the vocabulary.
 */
import { runAction, ActionKind, ActionOutcome } from "../addin/actions";
import { selectCell } from "../addin/navigate";
import { loadSettings, saveSettings } from "../addin/settings";
import type { ColumnOverrides } from "../core/column-overrides";
import { DEFAULT_POLICY, Policy } from "../core/policy";
import { Lang } from "../core/vocabulary";
import { label } from "../addin/vocabulary";
import { registerFluentComponents } from "./fluent";
import { applyPageText } from "./page-text";
import { ProgressView } from "./progress-view";
import { Problem, ResultsView } from "./results-view";
import { SettingsForm } from "./settings-form";

type Switch = HTMLElement & { checked: boolean };

const ACTION_KINDS: readonly ActionKind[] = ["check", "tenure", "cutoff", "training", "paths", "clear", "all"];

function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (found === null) throw new Error(`Missing element #${id}`);
  return found as T;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

class TaskPane {
  private lang: Lang = "id";
  private running = false;
  /** Column corrections saved in the workbook; kept on every save so none is lost. */
  private columns: ColumnOverrides = {};
  private readonly actionButtons = ACTION_KINDS.map((kind) => byId(`act-${kind}`));
  private readonly settings = new SettingsForm(byId("settings-fields"), byId("settings-problems"));
  private readonly progress = new ProgressView(
    byId("progress"),
    byId("progress-bar"),
    byId("progress-text"),
    byId("cancel"),
    () => this.lang,
  );
  private readonly results = new ResultsView(byId("result-summary"), byId("result-details"), (problem) =>
    this.select(problem),
  );
  private readonly langSwitch = byId<Switch>("lang-switch");

  constructor(private readonly excelAvailable: boolean) {
    this.actionButtons.forEach((button) =>
      button.addEventListener("click", () => void this.run(button.dataset.action as ActionKind)),
    );
    this.langSwitch.addEventListener("change", () => void this.switchLanguage(this.langSwitch.checked ? "en" : "id"));
    byId("settings-form").addEventListener("submit", (event) => {
      event.preventDefault();
      void this.save();
    });
    byId("settings-save").addEventListener("click", () => void this.save());
    byId("settings-reset").addEventListener("click", () => this.settings.setValues(DEFAULT_POLICY, this.lang));
  }

  async start(): Promise<void> {
    let policy: Policy = DEFAULT_POLICY;
    if (this.excelAvailable) {
      try {
        const saved = await loadSettings();
        policy = saved.policy;
        this.lang = saved.lang;
        this.columns = saved.columns;
      } catch (error) {
        this.results.showMessage(label("paneFailed", this.lang, { message: errorText(error) }));
      }
    }
    this.settings.setValues(policy, this.lang);
    this.langSwitch.checked = this.lang === "en";
    this.relabel();
    byId("no-excel").hidden = this.excelAvailable;
    this.setBusy(false);
  }

  private relabel(): void {
    applyPageText(document, this.lang);
    this.settings.applyLanguage(this.lang);
    this.results.render(this.lang);
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
    for (const button of this.actionButtons) {
      if (busy || !this.excelAvailable) button.setAttribute("disabled", "");
      else button.removeAttribute("disabled");
    }
  }

  private async save(): Promise<boolean> {
    const { policy, problems } = this.settings.read();
    this.settings.showProblems(problems, this.lang);
    const status = byId("settings-status");
    status.textContent = "";
    if (problems.length > 0 || !this.excelAvailable) return false;
    try {
      const saved = await saveSettings({ policy, lang: this.lang, columns: this.columns });
      status.textContent = label(saved ? "paneSaved" : "xlReadOnly", this.lang);
      return saved;
    } catch (error) {
      status.textContent = label("paneFailed", this.lang, { message: errorText(error) });
      return false;
    }
  }

  async run(kind: ActionKind): Promise<ActionOutcome | null> {
    if (this.running || !this.excelAvailable) return null;
    const { policy, problems } = this.settings.read();
    if (problems.length > 0) {
      this.settings.showProblems(problems, this.lang);
      const details = byId<HTMLDetailsElement>("settings");
      details.open = true;
      this.results.showMessage(label("paneFixSettings", this.lang));
      return null;
    }
    this.settings.clearProblems();
    this.setBusy(true);
    this.progress.start();
    try {
      // The settings a run used are saved with it, so the ribbon buttons and the next
      // user of the workbook get the same.
      await saveSettings({ policy, lang: this.lang, columns: this.columns });
      const outcome = await runAction(kind, {
        policy,
        lang: this.lang,
        columns: this.columns,
        onProgress: (done, total, phase) => this.progress.update(done, total, phase),
        isCancelled: () => this.progress.isCancelled(),
      });
      this.results.show(outcome, this.lang);
      return outcome;
    } catch (error) {
      this.results.showMessage(label("paneFailed", this.lang, { message: errorText(error) }));
      return null;
    } finally {
      this.progress.finish();
      this.setBusy(false);
      // Disabling the focused button dropped the keyboard focus to the page: give it back
      // once the button has re-rendered as enabled (Fluent updates on the next frame).
      if (document.activeElement === null || document.activeElement === document.body) {
        requestAnimationFrame(() => byId(`act-${kind}`).focus());
      }
    }
  }

  private select(problem: Problem): void {
    selectCell(problem.sheet, problem.address)
      .then((selected) => {
        if (!selected) this.results.showMessage(label("paneHiddenSheet", this.lang, { sheet: problem.sheet }));
      })
      .catch((error: unknown) =>
        this.results.showMessage(label("paneFailed", this.lang, { message: errorText(error) })),
      );
  }
}

/** Marks the pane ready for the tests and the benchmark (time from navigation to here). */
function markReady(): void {
  performance.mark("cek-honorer-ready");
  document.body.dataset.ready = "true";
}

registerFluentComponents();
Office.onReady()
  .then(async () => {
    const pane = new TaskPane(typeof Excel !== "undefined" && typeof Excel.run === "function");
    await pane.start();
    markReady();
  })
  .catch((error: unknown) => {
    document.body.dataset.ready = "error";
    byId("result-summary").textContent = errorText(error);
  });
