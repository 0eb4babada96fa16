/**
 * The task pane's Rekap OPD view: pick many OPD workbooks (files, or a folder where the
 * webview allows it), read them here with the command line's reader and engine
 * (rekap-run.ts), and write the rekap sheets into the open workbook (src/addin/rekap-write.ts).
 * Progress names the file k of n; Cancel is answered at once and stops before the next file
 * or before the first write. Loaded only when the analyst opens it (its own chunk).
 */
import type { Policy } from "../core/policy";
import { type Rekap, totalsParams } from "../core/rekap/build";
import { VERDICTS } from "../core/rekap/labels";
import { fileNote, rekapSheets } from "../core/rekap/sheets";
import type { Lang } from "../core/vocabulary";
import { writeRekapSheets } from "../addin/rekap-write";
import { label } from "../addin/vocabulary";
import { add, element, empty } from "./dom";
import { addPicked, paneRekap, shownPath } from "./rekap-run";
import { type RekapPaneLabelKey, rekapPaneLabel } from "./rekap-vocabulary";

export interface RekapViewHost {
  readonly lang: () => Lang;
  /** The pane's policy settings, or null when one is wrong (the pane then shows which). */
  readonly policy: () => Policy | null;
  readonly excelAvailable: boolean;
}

/** The bytes of a picked file: File.arrayBuffer, or FileReader where the webview lacks it (EdgeHTML). */
function fileBytes(file: File): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === "function") return file.arrayBuffer().then((b) => new Uint8Array(b));
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(file);
  });
}

const pause = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** The files a file input holds, as an array (IE 11's FileList has no iterator). */
function filesOf(input: HTMLInputElement): File[] {
  const out: File[] = [];
  const list = input.files;
  if (list !== null) for (let i = 0; i < list.length; i++) out.push(list[i]);
  return out;
}

type RunState = "idle" | "reading" | "writing";

export class RekapView {
  private files: File[] = [];
  private state: RunState = "idle";
  private cancelled = false;
  /** The last rekap's verdict per file path, shown beside the list. */
  private verdicts = new Map<string, string>();
  /** Elements the view hid when it opened, to show again when it closes. */
  private hidden: HTMLElement[] = [];
  private status: { key: RekapPaneLabelKey; params: Record<string, string | number> } | { text: string } | null = null;

  private readonly heading = element("h2", "rekap-title");
  private readonly back = element("button", "button button-small");
  private readonly intro = element("p", "hint");
  private readonly pickFiles = element("button", "button");
  private readonly pickFolder = element("button", "button");
  private readonly fileInput = element("input", "visually-hidden");
  private readonly folderInput = element("input", "visually-hidden");
  private readonly count = element("p", "rekap-count");
  private readonly list = element("ol", "rekap-list");
  private readonly clear = element("button", "button button-small");
  private readonly run = element("button", "button button-primary");
  private readonly progress = element("div", "progress");
  private readonly bar = element("progress", "progress-bar");
  private readonly progressText = element("span", "progress-text");
  private readonly cancel = element("button", "button button-small");
  private readonly statusLine = element("p", "result-summary");

  constructor(
    private readonly root: HTMLElement,
    private readonly host: RekapViewHost,
  ) {
    this.build();
  }

  private build(): void {
    empty(this.root);
    for (const [button, id] of [
      [this.back, "rekap-back"],
      [this.pickFiles, "rekap-pick-files"],
      [this.pickFolder, "rekap-pick-folder"],
      [this.clear, "rekap-clear"],
      [this.run, "rekap-run"],
      [this.cancel, "rekap-cancel"],
    ] as const) {
      button.type = "button";
      button.id = id;
    }
    this.fileInput.type = "file";
    this.fileInput.id = "rekap-files";
    this.fileInput.multiple = true;
    this.fileInput.tabIndex = -1;
    this.folderInput.type = "file";
    this.folderInput.id = "rekap-folder";
    this.folderInput.multiple = true;
    this.folderInput.tabIndex = -1;
    // A folder where the webview can pick one (not Internet Explorer 11).
    const folders = "webkitdirectory" in this.folderInput;
    if (folders) this.folderInput.setAttribute("webkitdirectory", "");
    this.pickFolder.hidden = !folders;
    this.bar.max = 100;
    this.progress.id = "rekap-progress";
    this.progress.hidden = true;
    this.progressText.id = "rekap-progress-text";
    this.statusLine.id = "rekap-status";
    this.statusLine.setAttribute("role", "status");
    this.statusLine.setAttribute("aria-live", "polite");
    this.list.id = "rekap-list";
    this.heading.id = "rekap-heading";
    this.heading.tabIndex = -1;

    const head = element("div", "rekap-head");
    add(head, this.heading, this.back);
    const pick = element("div", "rekap-pick");
    add(pick, this.pickFiles, this.pickFolder, this.fileInput, this.folderInput);
    const row = element("div", "progress-row");
    add(row, this.progressText, this.cancel);
    add(this.progress, this.bar, row);
    const buttons = element("div", "rekap-buttons");
    add(buttons, this.run, this.clear);
    add(this.root, head, this.intro, pick, this.count, this.list, buttons, this.progress, this.statusLine);

    this.pickFiles.addEventListener("click", () => this.fileInput.click());
    this.pickFolder.addEventListener("click", () => this.folderInput.click());
    for (const input of [this.fileInput, this.folderInput])
      input.addEventListener("change", () => {
        this.files = addPicked(this.files, filesOf(input));
        this.verdicts.clear();
        input.value = ""; // the same file or folder may be picked again
        this.render();
      });
    this.clear.addEventListener("click", () => {
      this.files = [];
      this.verdicts.clear();
      this.status = null;
      this.render();
    });
    this.run.addEventListener("click", () => void this.start());
    this.cancel.addEventListener("click", () => this.askCancel());
    this.back.addEventListener("click", () => this.close());
  }

  /** Shows the view in place of the pane's other parts (the language switch stays). */
  open(): void {
    const main = this.root.parentNode as HTMLElement;
    this.hidden = [];
    for (let i = 0; i < main.children.length; i++) {
      const child = main.children[i] as HTMLElement;
      if (child === this.root || child.hidden || child.classList.contains("actions-section")) continue;
      this.hidden.push(child);
    }
    // Of the actions row only the language switch stays: the other actions wait until Back.
    const others = main.querySelectorAll<HTMLElement>(".actions-section .actions, #act-check");
    for (let i = 0; i < others.length; i++) if (!others[i].hidden) this.hidden.push(others[i]);
    for (const h of this.hidden) h.hidden = true;
    this.root.hidden = false;
    this.render();
    this.heading.focus();
  }

  close(): void {
    if (this.state !== "idle") return;
    this.root.hidden = true;
    for (const h of this.hidden) h.hidden = false;
    this.hidden = [];
    const entry = document.getElementById("open-rekap");
    if (entry !== null) entry.focus();
  }

  private text(key: RekapPaneLabelKey, params: Record<string, string | number> = {}): string {
    return rekapPaneLabel(key, this.host.lang(), params);
  }

  /** Every word in the pane's language (called again by the pane's language switch). */
  render(): void {
    const lang = this.host.lang();
    this.heading.textContent = this.text("rkTitle");
    this.back.textContent = this.text("rkBack");
    this.intro.textContent = this.text("rkIntro");
    this.pickFiles.textContent = this.text("rkPickFiles");
    this.pickFolder.textContent = this.text("rkPickFolder");
    this.clear.textContent = this.text("rkClearList");
    this.run.textContent = this.text("rkRun");
    this.cancel.textContent = label(this.cancelled ? "paneCancelling" : "paneCancel", lang);
    this.count.textContent =
      this.files.length === 0 ? this.text("rkNoneChosen") : this.text("rkChosen", { count: this.files.length });
    empty(this.list);
    for (const f of this.files) {
      const item = element("li", "rekap-file", shownPath(f));
      const verdict = this.verdicts.get(shownPath(f));
      if (verdict !== undefined) add(item, element("span", "rekap-verdict", ` (${verdict})`));
      add(this.list, item);
    }
    const busy = this.state !== "idle";
    this.run.disabled = busy || !this.host.excelAvailable;
    this.clear.disabled = busy || this.files.length === 0;
    this.pickFiles.disabled = busy;
    this.pickFolder.disabled = busy;
    this.back.disabled = busy;
    const s = this.status;
    this.statusLine.textContent =
      s === null
        ? this.host.excelAvailable
          ? ""
          : label("paneNoExcel", lang)
        : "text" in s
          ? s.text
          : this.text(s.key, s.params);
  }

  private askCancel(): void {
    if (this.state === "idle") return;
    // Answered at once; the run stops before the next file or before the first write.
    this.cancelled = true;
    this.cancel.disabled = true;
    this.cancel.textContent = label("paneCancelling", this.host.lang());
    this.progressText.textContent = label("paneCancelling", this.host.lang());
  }

  private setState(state: RunState): void {
    this.state = state;
    this.progress.hidden = state === "idle";
    this.render();
  }

  private async start(): Promise<void> {
    if (this.state !== "idle") return;
    if (this.files.length === 0) {
      this.status = { key: "rkNeedFiles", params: {} };
      this.render();
      return;
    }
    const policy = this.host.policy();
    if (policy === null) {
      this.status = { text: label("paneFixSettings", this.host.lang()) };
      this.render();
      return;
    }
    this.cancelled = false;
    this.cancel.disabled = false;
    this.status = null;
    this.verdicts.clear();
    this.bar.removeAttribute("value");
    this.setState("reading");
    try {
      const rekap = await paneRekap(this.files, policy, {
        bytes: fileBytes,
        isCancelled: () => this.cancelled,
        pause,
        onFile: (done, total, file) => {
          this.bar.value = Math.round((100 * (done - 1)) / total);
          if (!this.cancelled) this.progressText.textContent = this.text("rkReading", { file, done, total });
        },
      });
      if (rekap === null) this.status = { key: "rkCancelled", params: {} };
      else await this.write(rekap);
    } catch (error) {
      this.status = { text: label("paneFailed", this.host.lang(), { message: String(error) }) };
    } finally {
      this.setState("idle");
      this.run.focus();
    }
  }

  private async write(rekap: Rekap): Promise<void> {
    const lang = this.host.lang();
    this.state = "writing";
    const sheets = rekapSheets(rekap, lang);
    const outcome = await writeRekapSheets(sheets, {
      isCancelled: () => this.cancelled,
      onProgress: (done, total) => {
        this.bar.value = Math.round((100 * done) / Math.max(1, total));
        if (!this.cancelled) this.progressText.textContent = this.text("rkWriting", { done, total });
      },
    });
    if (outcome.state !== "done") {
      this.status =
        outcome.state === "cancelled"
          ? { key: "rkCancelled", params: {} }
          : { text: outcome.messages?.[lang] ?? outcome.state };
      return;
    }
    for (const f of rekap.files) {
      const note = f.verdict === "skipped" ? fileNote(f, lang) : "";
      this.verdicts.set(
        f.path,
        f.status === "checked" && f.verdict !== "repeat"
          ? this.text("rkFileResult", {
              verdict: VERDICTS[f.verdict][lang],
              persons: f.counts.persons,
              errors: f.counts.errors,
            })
          : note !== ""
            ? `${VERDICTS[f.verdict][lang]}: ${note}`
            : VERDICTS[f.verdict][lang],
      );
    }
    const done = { ...totalsParams(rekap), sheet: outcome.selected ?? "" };
    // A Cancel that came once the sheets were written is answered too.
    this.status = this.cancelled
      ? { text: `${this.text("rkDone", done)} ${this.text("rkLateCancel")}` }
      : { key: "rkDone", params: done };
  }
}
