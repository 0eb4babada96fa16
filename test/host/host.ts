/**
 * The fake Excel host: `Excel.run(batch)` with a RequestContext over a WorkbookModel,
 * `Office.context.requirements.isSetSupported`, and the instrumentation the tests and the
 * benchmark read (syncs, payload sizes, time spent in the host).
 */
import {
  DEFAULT_CONFIG,
  HostContextCore,
  type HostConfig,
  type HostEnvironment,
  type HostStats,
  compareVersions,
  emptyStats,
} from "./context";
import { HostError } from "./errors";
import { WorkbookModel } from "./model";
import { HostWorkbook } from "./workbook";

export class HostRequestContext extends HostContextCore {
  readonly workbook: HostWorkbook;
  constructor(env: HostEnvironment, delayForCellEdit = false) {
    super(env, delayForCellEdit);
    this.workbook = new HostWorkbook(this);
  }
  get application(): HostWorkbook["application"] {
    return this.workbook.application;
  }
}

export class ExcelHost implements HostEnvironment {
  readonly model: WorkbookModel;
  config: HostConfig;
  stats: HostStats = emptyStats();

  constructor(model: WorkbookModel = new WorkbookModel(), config: Partial<HostConfig> = {}) {
    this.model = model;
    this.config = { ...DEFAULT_CONFIG, ...config };
  }

  /** Office.context.requirements.isSetSupported, for the "ExcelApi" set. */
  isSetSupported(name: string, minVersion?: string): boolean {
    if (name !== "ExcelApi") return false;
    return this.isApiSupported(minVersion ?? "1.1");
  }

  isApiSupported(version: string): boolean {
    return compareVersions(version, this.config.apiVersion) <= 0;
  }

  resetStats(): void {
    this.stats = emptyStats();
  }

  /**
   * Excel.run: gives the batch a fresh context; when the batch's promise resolves, queued
   * operations still pending are sent in a last sync (as Office does), then the context
   * is closed so its proxies cannot be reused.
   */
  async run<T>(
    first: Excel.RunOptions | ((context: HostRequestContext) => Promise<T>),
    second?: (context: HostRequestContext) => Promise<T>,
  ): Promise<T> {
    const batch = typeof first === "function" ? first : second;
    if (batch === undefined) throw new HostError("InvalidArgument", "Excel.run needs a batch function.");
    const delay = typeof first === "object" && first !== null && first.delayForCellEdit === true;
    this.stats.runs++;
    this.stats.lastSyncEnd = typeof performance !== "undefined" ? performance.now() : Date.now();
    const context = new HostRequestContext(this, delay);
    try {
      const pending = batch(context) as unknown;
      if (pending === null || typeof pending !== "object" || typeof (pending as Promise<T>).then !== "function") {
        throw new HostError("RunMustReturnPromise");
      }
      const result = await (pending as Promise<T>);
      if (context.pending > 0) await context.sync();
      return result;
    } finally {
      context.close();
    }
  }

  /** The object to install as the global `Excel`. */
  excelNamespace(): {
    run: <T>(
      first: Excel.RunOptions | ((context: Excel.RequestContext) => Promise<T>),
      second?: (context: Excel.RequestContext) => Promise<T>,
    ) => Promise<T>;
  } {
    return {
      run: <T>(
        first: Excel.RunOptions | ((context: Excel.RequestContext) => Promise<T>),
        second?: (context: Excel.RequestContext) => Promise<T>,
      ): Promise<T> => {
        const batch = typeof first === "function" ? first : second;
        const options = typeof first === "function" ? {} : first;
        return this.run(options, (context) =>
          batch === undefined
            ? Promise.reject(new HostError("InvalidArgument"))
            : batch(context as unknown as Excel.RequestContext),
        );
      },
    };
  }

  /**
   * Installs this host as the globals `Excel` and `Office.context.requirements` (in Node or
   * in a browser page). Returns a function that puts the previous globals back.
   */
  install(target: Record<string, unknown> = globalThis as unknown as Record<string, unknown>): () => void {
    const previousExcel = target.Excel;
    const previousOffice = target.Office;
    const requirements = {
      isSetSupported: (name: string, version?: string): boolean => this.isSetSupported(name, version),
    };
    const office = (previousOffice ?? {}) as Record<string, unknown>;
    const context = { ...((office.context as Record<string, unknown> | undefined) ?? {}), requirements };
    target.Excel = this.excelNamespace();
    target.Office = Object.assign(Object.create(office) as Record<string, unknown>, { context });
    return () => {
      target.Excel = previousExcel;
      target.Office = previousOffice;
    };
  }
}
