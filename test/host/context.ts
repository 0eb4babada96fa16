/**
 * The request context and the proxy base class of the fake Excel host. As in Office.js:
 * a proxy's properties throw until load() and context.sync(); every read and write is
 * queued and only runs at sync(); each sync is a round trip, measured (request and
 * response sizes), refused over the 5 MB limits of Excel on the web, and refused when an
 * API above the host's requirement set is used. Operations of a failing batch that ran
 * before the failing one stay applied: Office batches are not transactions.
 */
import { HostError, propertyNotLoaded } from "./errors";
import type { Locale } from "./locale";
import type { WorkbookModel } from "./model";

export interface HostConfig {
  /** Highest ExcelApi requirement set supported, e.g. "1.1" (Office 2016) or "1.17". */
  apiVersion: string;
  /** Excel on the web refuses requests and responses over 5 MB. */
  requestLimitBytes: number;
  responseLimitBytes: number;
  /** Excel on the web refuses to read more than 5,000,000 cells at once. */
  maxReadCells: number;
  /**
   * How fills are reported. "documented": no fill reads pattern "None", a fill "Solid", as
   * the API reference says. "real-excel": as Excel answers in office-js #4900 and #6218,
   * pattern null and color "#FFFFFF" for both no fill and a white fill; only tintAndShade
   * (ExcelApi 1.9) tells them apart, null for no fill (the maintainers' answer in #4900).
   */
  fillReporting: "documented" | "real-excel";
  /**
   * Most areas one worksheet.getRanges address may hold: real Excel has answered
   * InvalidArgument at 513 areas (office-js #5198), the limit depending on the address.
   */
  maxAreas: number;
  /**
   * Lowest ExcelApi set whose Excel honours Excel.run({ delayForCellEdit: true }): a request
   * made while the user edits a cell then waits until they finish. Older Excel ignores the
   * option and refuses the request (InvalidOperationInCellEditMode, office-js #625). The
   * option is documented since late 2018; the set it came with is not: 1.9 is assumed.
   */
  delayForCellEditApi: string;
  /** Syncs (1-based, counted over the host's life) before which the user starts editing a cell. */
  editModeAtSyncs: readonly number[];
  /**
   * The user's regional format (locale.ts): `text`, `numberFormatLocal`, `formulasLocal` and
   * `application.cultureInfo` answer in its form; `values`, `formulas` and `numberFormat` in en-US.
   */
  locale: Locale;
  /**
   * "api": `numberFormat` is read in en-US form, as documented. "account-locale": read in the
   * locale's form, as some Excel on the web accounts answer (office-js #2824); writes stay en-US.
   */
  numberFormatReporting: "api" | "account-locale";
}

export const DEFAULT_CONFIG: HostConfig = {
  apiVersion: "1.17",
  requestLimitBytes: 5 * 1024 * 1024,
  responseLimitBytes: 5 * 1024 * 1024,
  maxReadCells: 5_000_000,
  fillReporting: "documented",
  maxAreas: 500,
  delayForCellEditApi: "1.9",
  editModeAtSyncs: [],
  locale: "en-US",
  numberFormatReporting: "api",
};

export interface SyncRecord {
  readonly ops: number;
  readonly requestBytes: number;
  readonly responseBytes: number;
  /** The operations of the request, briefly (for the log of the largest payload). */
  readonly summary: string;
  readonly error: string | null;
}

export interface HostStats {
  runs: number;
  syncs: number;
  /** Milliseconds spent inside the host (sync processing): the benchmark subtracts it. */
  hostMs: number;
  /** Longest time between two syncs (the add-in's code, and any waits it made): Office restarts an add-in that blocks for 5 s. */
  maxGapMs: number;
  /** When the last sync ended. */
  lastSyncEnd: number | null;
  readonly records: SyncRecord[];
  largestRequest: SyncRecord | null;
  largestResponse: SyncRecord | null;
  /** Worksheets deleted: deleting a sheet clears Excel's undo, so the add-in never should. */
  sheetDeletes: number;
  /** Errors returned by sync, by code. */
  readonly failures: string[];
  /** Requests that waited for the user to leave cell edit mode (delayForCellEdit). */
  delayedForEdit: number;
}

export function emptyStats(): HostStats {
  return {
    runs: 0,
    syncs: 0,
    hostMs: 0,
    maxGapMs: 0,
    lastSyncEnd: null,
    records: [],
    largestRequest: null,
    largestResponse: null,
    sheetDeletes: 0,
    failures: [],
    delayedForEdit: 0,
  };
}

export function compareVersions(a: string, b: string): number {
  const [am = 0, an = 0] = a.split(".").map(Number);
  const [bm = 0, bn = 0] = b.split(".").map(Number);
  return am !== bm ? am - bm : an - bn;
}

export const maxVersion = (a: string, b: string): string => (compareVersions(a, b) >= 0 ? a : b);

/** What an operation gives back at sync: the bytes of its response and how to publish it. */
export interface OpResult {
  readonly responseBytes: number;
  commit(): void;
}

export interface Op {
  readonly label: string;
  /** Requirement set the operation needs. */
  readonly api: string;
  readonly write: boolean;
  /** Request payload of this operation (JSON of its arguments). */
  requestBytes(): number;
  run(): OpResult | void;
}

export interface HostEnvironment {
  readonly model: WorkbookModel;
  readonly config: HostConfig;
  readonly stats: HostStats;
  isApiSupported(version: string): boolean;
}

export const jsonSize = (value: unknown): number => (value === undefined ? 0 : JSON.stringify(value).length);

const now = (): number => (typeof performance !== "undefined" ? performance.now() : Date.now());

export class HostContextCore {
  private queue: Op[] = [];
  private closed = false;
  readonly trackedObjects = { add: (): void => undefined, remove: (): void => undefined };
  readonly requestHeaders: Record<string, string> = {};
  readonly debugInfo = { pendingStatements: [] as string[] };

  constructor(
    readonly env: HostEnvironment,
    /** Excel.run({ delayForCellEdit: true }). */
    readonly delayForCellEdit = false,
  ) {}

  enqueue(op: Op): void {
    if (this.closed) throw new HostError("InvalidRequestContext", undefined, op.label);
    this.queue.push(op);
  }

  get pending(): number {
    return this.queue.length;
  }

  close(): void {
    this.closed = true;
  }

  load(object: HostObject, option?: LoadArg): void {
    object.load(option);
  }

  trace(message: string): void {
    this.debugInfo.pendingStatements.push(message);
  }

  async sync<T>(passThroughValue?: T): Promise<T> {
    if (this.closed) throw new HostError("InvalidRequestContext");
    const started = now();
    const { model, config, stats } = this.env;
    if (stats.lastSyncEnd !== null) stats.maxGapMs = Math.max(stats.maxGapMs, started - stats.lastSyncEnd);
    stats.syncs++;
    const ops = this.queue;
    this.queue = [];
    let requestBytes = 2;
    let responseBytes = 2;
    const commits: (() => void)[] = [];
    let error: HostError | null = null;
    try {
      // The user may start editing a cell between any two requests (and leaves it after this one).
      if (model.cellEditMode || config.editModeAtSyncs.includes(stats.syncs)) {
        if (!this.delayForCellEdit || !this.env.isApiSupported(config.delayForCellEditApi))
          throw new HostError("InvalidOperationInCellEditMode");
        // Delayed until the user leaves the cell: the request then runs as usual.
        stats.delayedForEdit++;
        model.cellEditMode = false;
      }
      for (const op of ops) requestBytes += op.requestBytes() + 1;
      if (requestBytes > config.requestLimitBytes) throw new HostError("RequestPayloadSizeLimitExceeded");
      for (const op of ops) {
        if (!this.env.isApiSupported(op.api)) throw new HostError("ApiNotFound", undefined, op.label);
        if (op.write && model.readOnly) throw new HostError("AccessDenied", "The workbook is read-only.", op.label);
        const result = op.run();
        if (result) {
          responseBytes += result.responseBytes + 1;
          commits.push(() => result.commit());
        }
      }
      if (responseBytes > config.responseLimitBytes) throw new HostError("ResponsePayloadSizeLimitExceeded");
      for (const commit of commits) commit();
    } catch (e) {
      error =
        e instanceof HostError ? e : new HostError("GeneralException", e instanceof Error ? e.message : String(e));
    } finally {
      const record: SyncRecord = {
        ops: ops.length,
        requestBytes,
        responseBytes,
        summary: summarize(ops),
        error: error?.code ?? null,
      };
      stats.records.push(record);
      if (stats.largestRequest === null || requestBytes > stats.largestRequest.requestBytes)
        stats.largestRequest = record;
      if (stats.largestResponse === null || responseBytes > stats.largestResponse.responseBytes)
        stats.largestResponse = record;
      if (error !== null) stats.failures.push(error.code);
      stats.lastSyncEnd = now();
      stats.hostMs += stats.lastSyncEnd - started;
    }
    // A round trip: the caller resumes in a later task, as after a real request to Excel,
    // so the page can repaint (and timers run) between two syncs.
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    if (error !== null) throw error;
    return passThroughValue as T;
  }
}

function summarize(ops: readonly Op[]): string {
  const counts = new Map<string, number>();
  for (const op of ops) counts.set(op.label, (counts.get(op.label) ?? 0) + 1);
  return [...counts].map(([label, n]) => (n > 1 ? `${label} x${n}` : label)).join(", ");
}

// ---- loading --------------------------------------------------------------------------

export type LoadArg = string | string[] | { select?: string | string[]; expand?: string | string[] } | undefined;

/** Property names and navigation paths of a load() call. */
export function parseLoad(arg: LoadArg): string[] | null {
  if (arg === undefined) return null;
  const list = (v: string | string[] | undefined): string[] =>
    v === undefined ? [] : (Array.isArray(v) ? v : v.split(",")).map((s) => s.trim()).filter((s) => s !== "");
  if (typeof arg === "string" || Array.isArray(arg)) return list(arg);
  return [...list(arg.select), ...list(arg.expand)];
}

/** A loadable property: the requirement set it needs and how to read it at sync. */
export interface PropertySpec {
  readonly api: string;
  read(): unknown;
  /** Cells read (for the 5,000,000-cell limit); 0 for scalars. */
  readonly cells?: () => number;
}

/**
 * Base of every proxy. `api` is the requirement set needed to reach this object (the
 * highest along its path): any operation on it needs at least that.
 */
export abstract class HostObject {
  private readonly loadedValues = new Map<string, unknown>();
  private nullState: boolean | undefined;

  constructor(
    readonly core: HostContextCore,
    readonly api: string,
    private readonly typeName: string,
  ) {}

  get context(): HostContextCore {
    return this.core;
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) throw propertyNotLoaded("isNullObject");
    return this.nullState;
  }

  /** Scalar properties this object can load, by name. */
  protected abstract properties(): Record<string, PropertySpec>;
  /** Whether the object exists (false for a missing *OrNullObject). Throws ItemNotFound for a missing getItem. */
  protected abstract exists(): boolean;
  /** Navigation properties, for "format/fill/color" paths. */
  protected child(name: string): HostObject | null {
    return this.children()[name] ?? null;
  }
  protected children(): Record<string, HostObject> {
    return {};
  }

  /** Properties loaded by a bare load(). */
  protected defaultLoad(): string[] {
    return Object.keys(this.properties());
  }

  protected loaded<T>(name: string): T {
    if (!this.loadedValues.has(name)) throw propertyNotLoaded(name);
    return this.loadedValues.get(name) as T;
  }

  load(arg?: LoadArg): this {
    const names = parseLoad(arg) ?? this.defaultLoad();
    const own: string[] = [];
    const nested = new Map<string, string[]>();
    for (const name of names) {
      const slash = name.indexOf("/");
      if (slash < 0) own.push(name);
      else {
        const head = name.slice(0, slash);
        nested.set(head, [...(nested.get(head) ?? []), name.slice(slash + 1)]);
      }
    }
    for (const [head, rest] of nested) {
      const child = this.child(head);
      if (child === null) this.loadChildren(head, rest);
      else child.load(rest);
    }
    this.queueLoad(own);
    return this;
  }

  /** Collections override this for "items/name". */
  protected loadChildren(head: string, rest: string[]): void {
    throw new HostError(
      "InvalidArgument",
      `Unknown navigation property '${head}/${rest.join(",")}'`,
      `${this.typeName}.load`,
    );
  }

  protected queueLoad(names: readonly string[]): void {
    const label = `${this.typeName}.load(${names.join(",")})`;
    this.core.enqueue({
      label,
      api: this.api,
      write: false,
      requestBytes: () => label.length + 40,
      run: () => this.readNow(names),
    });
  }

  /** Reads properties now, inside a sync (collections use it to load their items). */
  readNow(names: readonly string[] | null): OpResult {
    const list = names ?? this.defaultLoad();
    const label = `${this.typeName}.load(${list.join(",")})`;
    if (!this.exists()) return { responseBytes: 20, commit: () => (this.nullState = true) };
    const specs = this.properties();
    const values = new Map<string, unknown>();
    let bytes = 20;
    for (const name of list) {
      const spec = specs[name];
      if (spec === undefined) throw new HostError("InvalidArgument", `Unknown property '${name}'`, label);
      if (!this.core.env.isApiSupported(spec.api))
        throw new HostError("ApiNotFound", undefined, `${this.typeName}.${name}`);
      const cells = spec.cells?.() ?? 0;
      if (cells > this.core.env.config.maxReadCells) throw new HostError("RangeExceedsLimit", undefined, label);
      const value = spec.read();
      values.set(name, value);
      bytes += name.length + 3 + jsonSize(value);
    }
    return {
      responseBytes: bytes,
      commit: () => {
        this.nullState = false;
        for (const [k, v] of values) this.loadedValues.set(k, v);
      },
    };
  }

  /** Queues a write (or any action that changes the workbook). */
  protected queueWrite(label: string, api: string, args: () => unknown, run: () => void): void {
    this.queueCall(label, api, true, args, run);
  }

  /** Queues an action that does not change the workbook (select, activate, suspend...). */
  protected queueAction(label: string, api: string, run: () => void): void {
    this.queueCall(label, api, false, () => null, run);
  }

  private queueCall(label: string, api: string, write: boolean, args: () => unknown, run: () => void): void {
    const full = `${this.typeName}.${label}`;
    this.core.enqueue({
      label: full,
      api: maxVersion(this.api, api),
      write,
      requestBytes: () => full.length + 40 + jsonSize(args()),
      run: () => {
        if (!this.exists()) throw new HostError("ItemNotFound", undefined, full);
        run();
      },
    });
  }

  /** Queues a call whose result is read back (ClientResult). */
  protected queueResult<T>(label: string, api: string, read: () => T, cells = 0): { value: T } {
    const full = `${this.typeName}.${label}`;
    let value: T | undefined;
    let ready = false;
    const result = {
      get value(): T {
        if (!ready) throw propertyNotLoaded("value");
        return value as T;
      },
    };
    this.core.enqueue({
      label: full,
      api: maxVersion(this.api, api),
      write: false,
      requestBytes: () => full.length + 40,
      run: () => {
        if (!this.exists()) throw new HostError("ItemNotFound", undefined, full);
        if (cells > this.core.env.config.maxReadCells) throw new HostError("RangeExceedsLimit", undefined, full);
        const v = read();
        return {
          responseBytes: jsonSize(v),
          commit: () => {
            value = v;
            ready = true;
          },
        };
      },
    });
    return result;
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loadedValues);
  }
}

/**
 * A collection proxy: `items` throws until loaded. Loading "name" or "items/name" loads
 * that property of every item, as Office does; the collection's own properties (count)
 * load on the collection.
 */
export abstract class HostCollection<T extends HostObject> extends HostObject {
  private itemsValue: T[] | undefined;

  /** The items as they are at sync, as fresh proxies. */
  protected abstract enumerate(): T[];
  protected properties(): Record<string, PropertySpec> {
    return {};
  }
  protected exists(): boolean {
    return true;
  }

  get items(): T[] {
    if (this.itemsValue === undefined) throw propertyNotLoaded("items");
    return this.itemsValue;
  }

  override load(arg?: LoadArg): this {
    const names = parseLoad(arg);
    const own: string[] = [];
    let itemNames: string[] | null = null;
    const ownSpecs = this.properties();
    for (const name of names ?? ["items"]) {
      if (name === "items") itemNames = itemNames ?? null;
      else if (name.startsWith("items/")) itemNames = [...(itemNames ?? []), name.slice(6)];
      else if (name in ownSpecs) own.push(name);
      else itemNames = [...(itemNames ?? []), name];
    }
    if (own.length > 0) this.queueLoad(own);
    const wantsItems = names === null || names.some((n) => !(n in ownSpecs));
    if (wantsItems) {
      const label = `${this.constructor.name}.load(items)`;
      this.core.enqueue({
        label,
        api: this.api,
        write: false,
        requestBytes: () => label.length + 40,
        run: () => {
          // The items of a null object (a *OrNullObject that found nothing) are none.
          const items = this.exists() ? this.enumerate() : [];
          const results = items.map((item) => item.readNow(itemNames));
          return {
            responseBytes: results.reduce((n, r) => n + r.responseBytes, 2),
            commit: () => {
              for (const r of results) r.commit();
              this.itemsValue = items;
            },
          };
        },
      });
    }
    return this;
  }
}
