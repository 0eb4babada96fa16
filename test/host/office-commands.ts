/**
 * Office's side of a ribbon button (a function command), on a virtual clock: Office ends a
 * command that has not called event.completed() within 5 minutes ("UI-less add-in command
 * timed out", office-js #4983, #5559), and the result dialog stays open until the user
 * closes it, which takes as long as the user likes. Nothing waits in real time: when the
 * add-in is idle (waiting on Office or the user), the clock jumps to the next event.
 */
import type { ExcelHost } from "./host";

/** How long Office lets a function command run before it ends it. */
export const COMMAND_LIMIT_MS = 5 * 60_000;

export interface CommandHostOptions {
  /** How long the user takes to close the result dialog. */
  readonly userReadsMs: number;
  /** Whether the Dialog API (DialogApi 1.1) is there. */
  readonly dialogApi?: boolean;
  /** Virtual time each sync with Excel takes. */
  readonly syncMs?: number;
}

export interface DialogRecord {
  readonly url: string;
  readonly openedAt: number;
  closedAt: number | null;
}

export interface CommandRun {
  /** Virtual ms from the click to event.completed(), or null if never called. */
  readonly completedAfter: number | null;
  readonly completions: number;
  /** Office ended the command: completed() was not called within the limit. */
  readonly timedOut: boolean;
}

type Handler = (arg: { message?: string; error?: number }) => void;

export class CommandHost {
  now = 0;
  readonly dialogs: DialogRecord[] = [];
  private timers: { at: number; fire: () => void }[] = [];

  constructor(
    readonly excel: ExcelHost,
    readonly options: CommandHostOptions,
  ) {}

  private schedule(at: number, fire: () => void): void {
    this.timers.push({ at, fire });
  }

  /** The parts of the Office namespace a function file uses. */
  office(): Record<string, unknown> {
    const excel = this.excel;
    return {
      AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
      EventType: { DialogMessageReceived: "dialogMessageReceived", DialogEventReceived: "dialogEventReceived" },
      context: {
        requirements: {
          isSetSupported: (name: string, version?: string): boolean =>
            name === "DialogApi" ? this.options.dialogApi !== false : excel.isSetSupported(name, version),
        },
        ui: { displayDialogAsync: this.displayDialogAsync.bind(this) },
      },
    };
  }

  private displayDialogAsync(
    url: string,
    _options: unknown,
    callback: (result: { status: string; value: unknown }) => void,
  ): void {
    const record: DialogRecord = { url, openedAt: this.now, closedAt: null };
    this.dialogs.push(record);
    const handlers: Handler[] = [];
    const dialog = {
      close: (): void => {
        if (record.closedAt === null) record.closedAt = this.now;
      },
      addEventHandler: (_type: string, handler: Handler): void => void handlers.push(handler),
    };
    // Office answers asynchronously; the user clicks Tutup when done reading.
    setTimeout(() => callback({ status: "succeeded", value: dialog }), 0);
    this.schedule(this.now + this.options.userReadsMs, () => {
      if (record.closedAt !== null) return;
      for (const handler of handlers) handler({ message: "close" });
      if (record.closedAt === null) record.closedAt = this.now;
    });
  }

  /** Installs Excel, Office and window.location as globals; returns the function that removes them. */
  install(target: Record<string, unknown> = globalThis as unknown as Record<string, unknown>): () => void {
    const previous = { Office: target.Office, window: target.window };
    const restoreExcel = this.excel.install(target);
    target.Office = { ...this.office(), context: { ...(this.office().context as object) } };
    target.window = { location: { href: "https://localhost:3000/commands.html" } };
    return () => {
      restoreExcel();
      target.Office = previous.Office;
      target.window = previous.window;
    };
  }

  /** Clicks a button: calls the handler with an event and runs the clock until all is settled. */
  async click(handler: (event: { completed: () => void }) => Promise<void> | void): Promise<CommandRun> {
    const start = this.now;
    let completedAt: number | null = null;
    let completions = 0;
    let finished = false;
    const event = {
      completed: (): void => {
        completions += 1;
        if (completedAt === null) completedAt = this.now;
      },
    };
    void Promise.resolve(handler(event)).then(
      () => (finished = true),
      () => (finished = true),
    );
    let syncs = this.excel.stats.syncs;
    let idle = 0;
    let timedOut = false;
    for (;;) {
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
      if (this.excel.stats.syncs !== syncs) {
        this.now += (this.excel.stats.syncs - syncs) * (this.options.syncMs ?? 0);
        syncs = this.excel.stats.syncs;
        idle = 0;
      } else idle += 1;
      if (completedAt === null && this.now - start > COMMAND_LIMIT_MS) {
        timedOut = true;
        break;
      }
      if (finished && this.timers.length === 0) break;
      // Still working (a real task is pending): let it run before moving the clock.
      if (idle < 20) continue;
      this.timers.sort((a, b) => a.at - b.at);
      const next = this.timers.shift();
      if (next === undefined) break;
      if (completedAt === null && next.at - start > COMMAND_LIMIT_MS) {
        this.now = start + COMMAND_LIMIT_MS;
        timedOut = true;
        break;
      }
      this.now = Math.max(this.now, next.at);
      next.fire();
      idle = 0;
    }
    return { completedAfter: completedAt === null ? null : completedAt - start, completions, timedOut };
  }
}
