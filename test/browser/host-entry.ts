/**
 * Bundled into dist/__test__/host.js for the browser tests: puts the fake Excel host
 * (test/host) in place of Excel in a page that loaded office.js. The test server inserts
 * it right after office.js in taskpane.html / commands.html / result.html, so the pages
 * under test are the real built ones.
 *
 * The workbook comes from `window.__cekHonorerSeed` (set by the test before any script
 * runs); the test reads the result back through `window.__cekHonorerTest`.
 */
import { cellAddress, createHost, ExcelHost, parseAddress, sheetLayout, sheetState, type SheetState } from "../host";
import { loadSettings } from "../../src/addin/settings";
import type { BrowserSeed, TestApi } from "./page-api";

declare global {
  interface Window {
    __cekHonorerSeed?: BrowserSeed;
    __cekHonorerTest?: TestApi;
  }
}

const seed: BrowserSeed = window.__cekHonorerSeed ?? { sheets: [] };
const host: ExcelHost = createHost(seed.sheets, seed.config ?? {}, seed.init ?? {});
let syncDelayMs = seed.syncDelayMs ?? 0;
let failNextRun: string | null = null;
/** Excel.run batches started and not yet settled. */
let runsInFlight = 0;
const dialogs: string[] = [];
const parentMessages: string[] = [];
const blocked: string[] = [];

// What the page's Content-Security-Policy refused (a request that never left the page).
document.addEventListener("securitypolicyviolation", (event) => {
  blocked.push(`${event.effectiveDirective} ${event.blockedURI}`);
});

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A hold on syncs (holdSyncsFrom): the n-th sync and later wait until release(). */
let holdFrom: number | null = null;
let holding = false;
let releaseHold: () => void = () => undefined;
let gate: Promise<void> = Promise.resolve();

/** Excel.run over the host; a sync delay stands in for Excel on the web's round trips. */
const excel = {
  run<T>(
    first: Excel.RunOptions | ((context: Excel.RequestContext) => Promise<T>),
    second?: (context: Excel.RequestContext) => Promise<T>,
  ): Promise<T> {
    if (failNextRun !== null) {
      const message = failNextRun;
      failNextRun = null;
      return Promise.reject(new Error(message));
    }
    // Excel.run(batch) or Excel.run(options, batch), as Office.js takes them.
    const batch = (typeof first === "function" ? first : second) as (context: Excel.RequestContext) => Promise<T>;
    runsInFlight += 1;
    const run = host.run(typeof first === "function" ? {} : first, (context) => {
      const sync = context.sync.bind(context);
      Object.defineProperty(context, "sync", {
        value: async <V>(value?: V): Promise<V> => {
          if (syncDelayMs > 0) await sleep(syncDelayMs);
          if (holdFrom !== null && host.stats.syncs >= holdFrom) {
            holding = true;
            await gate;
            holding = false;
          }
          return sync(value);
        },
      });
      return batch(context as unknown as Excel.RequestContext);
    });
    const settled = (): void => {
      runsInFlight -= 1;
    };
    run.then(settled, settled);
    return run;
  },
};

interface DialogStub {
  close(): void;
  addEventHandler(type: string, handler: (arg: unknown) => void): void;
}

/** Office.context.ui: records the dialogs a ribbon button opens, and closes each at once. */
const ui = {
  displayDialogAsync(
    url: string,
    _options: unknown,
    callback: (result: { status: string; value: DialogStub }) => void,
  ) {
    dialogs.push(url);
    const handlers: ((arg: unknown) => void)[] = [];
    const dialog: DialogStub = {
      close: () => undefined,
      addEventHandler: (_type, handler) => handlers.push(handler),
    };
    callback({ status: "succeeded", value: dialog });
    // The user reads the message and clicks Close.
    setTimeout(() => handlers.forEach((handler) => handler({ message: "close" })), 20);
  },
  messageParent(message: string) {
    parentMessages.push(message);
  },
};

function install(): void {
  const win = window as unknown as Record<string, unknown>;
  win.Excel = excel;
  const office = win.Office as { context?: Record<string, unknown> } | undefined;
  if (office === undefined) return;
  office.context ??= {};
  office.context.requirements = {
    isSetSupported: (name: string, version?: string): boolean =>
      name === "DialogApi" ? seed.dialogApi !== false : host.isSetSupported(name, version),
  };
  office.context.ui = ui;
}

const api: TestApi = {
  sheetNames: () => host.model.sheets.map((sheet) => sheet.name),
  sheet: (name: string): SheetState | null => {
    const sheet = host.model.sheet(name);
    return sheet === null ? null : sheetState(sheet);
  },
  selection: () => {
    const selected = host.model.selection;
    if (selected === null) return null;
    const { rect } = selected;
    const topLeft = cellAddress(rect.top, rect.left);
    const address =
      rect.top === rect.bottom && rect.left === rect.right
        ? topLeft
        : `${topLeft}:${cellAddress(rect.bottom, rect.right)}`;
    return { sheet: selected.sheet, address };
  },
  settings: () => Object.fromEntries([...host.model.settings].map(([key, json]) => [key, JSON.parse(json) as unknown])),
  loadSettings: async () => {
    const saved = await loadSettings();
    return { policy: { ...saved.policy }, lang: saved.lang };
  },
  dialogs: () => [...dialogs],
  parentMessages: () => [...parentMessages],
  blocked: () => [...blocked],
  syncs: () => host.stats.syncs,
  runsInFlight: () => runsInFlight,
  setSyncDelay: (ms: number) => {
    syncDelayMs = ms;
  },
  failNextRun: (message: string) => {
    failNextRun = message;
  },
  setCellEditMode: (on: boolean) => {
    host.model.cellEditMode = on;
  },
  setCell: (sheet: string, address: string, value: string | number) => {
    const { rect } = parseAddress(address);
    host.model.sheet(sheet)!.setValue(rect.top, rect.left, value);
  },
  holdSyncsFrom: (n: number) => {
    holdFrom = n;
    gate = new Promise((resolve) => {
      releaseHold = resolve;
    });
  },
  holding: () => holding,
  release: () => {
    holdFrom = null;
    releaseHold();
  },
  layout: (name: string) => {
    const sheet = host.model.sheet(name);
    return sheet === null ? null : { ...sheetLayout(sheet) };
  },
};
window.__cekHonorerTest = api;

// office.js sets up Office.context while it initialises, so the host goes in once it is
// ready; this callback is registered before the page's own, so it runs first. Excel is
// installed at once as well, for code that looks before onReady.
install();
void Office.onReady().then(install);
