/**
 * The progress bar of a running action, with its Cancel button. Cancelling only sets a
 * flag: the adapter checks it between chunks, so the workbook is never left half-written
 * inside a chunk.
 */
import { Lang } from "../core/vocabulary";
import { label } from "../addin/vocabulary";

export class ProgressView {
  private cancelled = false;

  constructor(
    private readonly section: HTMLElement,
    private readonly bar: HTMLProgressElement,
    private readonly text: HTMLElement,
    private readonly cancelButton: HTMLButtonElement,
    private readonly lang: () => Lang,
  ) {
    cancelButton.addEventListener("click", () => this.cancel());
  }

  start(): void {
    this.cancelled = false;
    this.bar.removeAttribute("value"); // indeterminate until the first report
    this.text.textContent = label("paneStarting", this.lang());
    this.cancelButton.disabled = false;
    this.cancelButton.textContent = label("paneCancel", this.lang());
    this.section.hidden = false;
  }

  update(done: number, total: number, phase: string): void {
    if (total > 0) this.bar.value = Math.round((100 * Math.min(done, total)) / total);
    this.text.textContent = label("paneWorking", this.lang(), { phase, done, total });
  }

  cancel(): void {
    if (this.section.hidden) return;
    this.cancelled = true;
    this.cancelButton.disabled = true;
    this.text.textContent = label("paneCancelling", this.lang());
  }

  isCancelled(): boolean {
    return this.cancelled;
  }

  finish(): void {
    this.section.hidden = true;
  }
}
