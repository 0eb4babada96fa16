/**
 * The add-in as a person uses it: the task pane and the ribbon's function commands, built
 * by webpack, loaded in headless Chromium with office.js served locally and the fake
 * Excel host (test/host) in place of Excel. Also: nothing is requested outside
 * 127.0.0.1, the pane's size, and its time to ready.
 */
import fs from "fs";
import os from "os";
import path from "path";
import type { BrowserContext, Page, Request } from "playwright-core";
import {
  buildAddin,
  chromiumPath,
  launchBrowser,
  OFFICE_CDN,
  paneScriptSize,
  ROOT,
  startServer,
  TestServer,
} from "./harness";
import type { BrowserSeed, TestApi } from "./page-api";
import { largeWorkbook, OPD_WORKBOOK, PERSONNEL_SHEET } from "./workbooks";
import { CLERK_WORKBOOK } from "./clerk-seed";
import { DEFAULT_POLICY } from "../../src/core/policy";
import { LABELS } from "../../src/addin/vocabulary";
import { ISSUE_FIXES, ROLES, SEVERITIES } from "../../src/core/vocabulary";
import { parseColumnMapping } from "../../src/core/column-overrides";

declare global {
  interface Window {
    __cekHonorerTest?: TestApi;
    __cekHonorerSeed?: BrowserSeed;
  }
}

/**
 * Every wait below waits for a state, not for time; this only bounds a hang, far above
 * what a busy machine needs (the jest guard in package.json is larger still).
 */
const HANG_GUARD_MS = 150_000;

const OUT_DIR = path.join(ROOT, "test", ".out");
/**
 * The pane's first bundle (taskpane.js), which the pane waits for before it is ready. ES5 and
 * its polyfills for Internet Explorer 11 / EdgeHTML roughly doubled it (234 KB before, 484 KB
 * with Fluent still in: issue 10; 446 KB without Fluent). Since the engine and the Excel
 * writers load in their own chunk (pane-actions.js) and babel's esnext.* aliases of polyfills
 * left out are left out too, it is 188 KB: the target of issues 9 and 11 is 250 KB.
 */
const PANE_SIZE_LIMIT = 250 * 1024;

let buildDir = "";
/** Opened first and checked last: office.js's telemetry attempt comes 3 s after load. */
let longLivedPane: Page;
let server: TestServer;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
const requested: string[] = [];

function manifestFunctionNames(): string[] {
  const xml = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
  return [...xml.matchAll(/<FunctionName>([^<]+)<\/FunctionName>/g)].map((m) => m[1]);
}

async function open(page: string, seed: BrowserSeed, query = ""): Promise<Page> {
  const tab = await browser.context.newPage();
  tab.setDefaultTimeout(HANG_GUARD_MS);
  tab.on("pageerror", (error) => {
    throw error;
  });
  await tab.addInitScript((s) => {
    window.__cekHonorerSeed = s;
  }, seed);
  await tab.goto(`${server.origin}/${page}${query}`);
  await tab.waitForSelector('body[data-ready="true"]', { state: "attached" });
  return tab;
}

const host = <T>(page: Page, fn: (api: TestApi) => T | Promise<T>): Promise<T> =>
  page.evaluate(`(${fn.toString()})(window.__cekHonorerTest)`) as Promise<T>;

/** Opens the group that holds the problem of a cell. */
async function openGroupOf(page: Page, address: string): Promise<void> {
  const group = page.locator(".group", { has: page.locator(`.problem[data-address="${address}"]`) }).first();
  if ((await group.locator(".group-header").getAttribute("aria-expanded")) !== "true")
    await group.locator(".group-header").click();
}

/** Waits for a run started from the pane to finish (its buttons are enabled again). */
async function runFromPane(page: Page, buttonId: string): Promise<void> {
  await page.click(`#${buttonId}`);
  await paneIdle(page);
}

async function paneIdle(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      !document.querySelector("#act-check")?.hasAttribute("disabled") &&
      document.getElementById("progress")?.hidden === true,
  );
}

beforeAll(async () => {
  chromiumPath(); // fails with a clear message when Chromium is missing: never skip
  buildDir = fs.mkdtempSync(path.join(os.tmpdir(), "cek-honorer-browser-"));
  await buildAddin(buildDir);
  server = await startServer(buildDir);
  browser = await launchBrowser();
  browser.context.on("request", (request: Request) => {
    requested.push(request.url());
  });
  fs.mkdirSync(OUT_DIR, { recursive: true });
  longLivedPane = await open("taskpane.html", OPD_WORKBOOK);
}, 600_000); // the production build (babel to ES5, minified) takes minutes on a busy machine

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (buildDir !== "") fs.rmSync(buildDir, { recursive: true, force: true });
});

describe("the build", () => {
  test("the pane's first bundle stays under 250 KB minified (office.js excluded); the engine is a chunk of its own", () => {
    const size = paneScriptSize(buildDir);
    const chunk = fs.statSync(path.join(buildDir, "pane-actions.js")).size;
    console.log(
      `taskpane.js: ${(size.bytes / 1024).toFixed(1)} KB minified, ${(size.gzipBytes / 1024).toFixed(1)} KB gzip; ` +
        `pane-actions.js: ${(chunk / 1024).toFixed(1)} KB`,
    );
    expect(size.bytes).toBeLessThan(PANE_SIZE_LIMIT);
    // The header recognition (src/core/header-synonyms.ts: "Nomor Induk Kependudukan" is a
    // NIK) is in the chunk, not in the first bundle; the pane's words are in the first.
    const first = fs.readFileSync(path.join(buildDir, "taskpane.js"), "utf8");
    const actions = fs.readFileSync(path.join(buildDir, "pane-actions.js"), "utf8");
    expect([first.includes("kependudukan"), actions.includes("kependudukan")]).toEqual([false, true]);
    expect(first).toContain(LABELS.actCheck.id);
  });

  test("production pages load office.js from Microsoft's CDN, and the CSP allows only that origin besides 'self'", () => {
    for (const page of ["taskpane.html", "commands.html", "result.html"]) {
      const html = fs.readFileSync(path.join(buildDir, page), "utf8");
      expect(html).toMatch(
        /<script src="?https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js"?><\/script>/,
      );
      // No other address outside the add-in's own server.
      expect(html.replace(/https:\/\/appsforoffice\.microsoft\.com[^"\s;>]*/g, "")).not.toMatch(/https?:\/\//);
      const csp = /Content-Security-Policy"? content="([^"]+)"/.exec(html)?.[1] ?? "";
      expect(csp).toContain("script-src 'self' https://appsforoffice.microsoft.com;");
      expect(csp).toContain("connect-src 'self';");
      expect(csp).toContain("frame-src 'self';");
    }
    // The CDN build does not ship Microsoft's files.
    expect(fs.existsSync(path.join(buildDir, "office.js"))).toBe(false);
  });

  test("the offline build (--env officeJs=local) serves office.js and the files it loads itself", () => {
    type Plugin = {
      userOptions?: { filename?: string; templateParameters?: Record<string, string> };
      patterns?: { from: string }[];
    };
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const config = require(path.join(ROOT, "webpack.config.js")) as (
      env: Record<string, string>,
      argv: { mode: string },
    ) => { plugins: Plugin[] };
    const offline = config({ officeJs: "local" }, { mode: "production" });
    const pages = offline.plugins.filter((p) => p.userOptions?.filename?.endsWith(".html"));
    expect(pages).toHaveLength(3);
    for (const p of pages) {
      expect(p.userOptions?.templateParameters?.officeJsUrl).toBe("office.js");
      const csp = p.userOptions?.templateParameters?.contentSecurityPolicy ?? "";
      expect(csp).toContain("script-src 'self';");
      expect(csp).not.toMatch(/https?:/);
    }
    const copied = offline.plugins.flatMap((p) => p.patterns ?? []).map((p) => p.from);
    // office.js loads the Excel host scripts and the locale's strings from its own folder.
    expect(copied).toEqual(
      expect.arrayContaining(["office.js", "o15apptofilemappingtable.js", "excel*.js", "*/office_strings.js"]),
    );
    expect(() => config({ officeJs: "elsewhere" }, { mode: "production" })).toThrow(/officeJs/);
  });

  test("every script of every page parses as ES5 (Internet Explorer 11, EdgeHTML)", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const acorn = require("acorn") as typeof import("acorn");
    const scripts = fs.readdirSync(buildDir).filter((f) => f.endsWith(".js"));
    // pane-actions.js: the pane's lazily loaded chunk, which IE 11 runs too.
    expect(scripts.sort()).toEqual(["commands.js", "pane-actions.js", "result.js", "taskpane.js", "webview-check.js"]);
    // No part is exempt: Fluent's web components (ES2015 classes) left the pane in issue 11.
    for (const script of scripts) {
      const source = fs.readFileSync(path.join(buildDir, script), "utf8");
      let error = "";
      try {
        acorn.parse(source, { ecmaVersion: 5 });
      } catch (e) {
        error = String(e);
      }
      expect([script, error]).toEqual([script, ""]);
    }
  });

  test("every icon the manifest names is in the build, and the manifest is copied", () => {
    const manifest = fs.readFileSync(path.join(buildDir, "manifest.xml"), "utf8");
    const icons = [...manifest.matchAll(/https:\/\/localhost:3000\/(assets\/[\w-]+\.png)/g)].map((m) => m[1]);
    expect(icons.length).toBeGreaterThanOrEqual(18);
    for (const icon of icons) expect(fs.existsSync(path.join(buildDir, icon))).toBe(true);
  });
});

describe("the task pane", () => {
  // How fast it is ready is measured by `npm run bench:pane` (target 1 s), not asserted here.
  test("opens in Bahasa Indonesia with the default policy and marks itself ready", async () => {
    const page = await open("taskpane.html", OPD_WORKBOOK);
    const ready = await page.evaluate(() => performance.getEntriesByName("cek-honorer-ready").length);
    expect(ready).toBe(1);
    expect(await page.getAttribute("html", "lang")).toBe("id");
    expect(await page.textContent("#act-check")).toBe(LABELS.actCheck.id);
    expect(await page.isHidden("#no-excel")).toBe(true);
    expect(await page.getAttribute("#act-check", "disabled")).toBeNull();
    expect(await page.inputValue("#policy-referenceDate")).toBe("31-12-2025"); // DEFAULT_POLICY, day first
    expect(await page.inputValue("#policy-minTenureMonths")).toBe(String(DEFAULT_POLICY.minTenureMonths));
    await page.close();
  });

  test("a chunk that cannot be fetched: a clear message, nothing written, and the next click works", async () => {
    const tab = await browser.context.newPage();
    tab.setDefaultTimeout(HANG_GUARD_MS);
    let refused = 0;
    await tab.route("**/pane-actions.js", (route) => {
      refused += 1;
      return route.abort("connectionfailed");
    });
    await tab.addInitScript((s) => {
      window.__cekHonorerSeed = s;
    }, OPD_WORKBOOK);
    await tab.goto(`${server.origin}/taskpane.html`);
    await tab.waitForSelector('body[data-ready="true"]', { state: "attached" });
    const before = await host(tab, (api) => api.sheet("Data Pegawai"));
    await runFromPane(tab, "act-check");
    expect(refused).toBeGreaterThanOrEqual(1);
    expect(await tab.textContent("#result-summary")).toBe(LABELS.paneLoadFailed.id);
    expect(await tab.locator(".tile").count()).toBe(0);
    expect(await host(tab, (api) => api.sheet("Data Pegawai"))).toEqual(before);
    await tab.unroute("**/pane-actions.js");
    await runFromPane(tab, "act-check");
    expect(Number(await tab.textContent(".tile-error .tile-value"))).toBeGreaterThan(0);
    await tab.close();
  });

  test("Periksa Data marks the faulty cells, writes the report, and lists the problems", async () => {
    const page = await open("taskpane.html", OPD_WORKBOOK);
    const before = await host(page, (api) => api.sheet("Data Pegawai"));
    await runFromPane(page, "act-check");

    const errors = Number(await page.textContent(".tile-error .tile-value"));
    const warnings = Number(await page.textContent(".tile-warning .tile-value"));
    expect(errors).toBeGreaterThanOrEqual(2); // the short NIK and the NIK typed as a number
    expect(await page.textContent(".tile-people .tile-value")).toBe("5");
    expect(await page.locator(".problem").count()).toBe(errors + warnings);
    expect(await page.locator('.problem[data-address="B5"]').count()).toBeGreaterThan(0);
    // grouped by person, name first, collapsed
    expect(await page.textContent(".group-header >> nth=0")).toContain("Budi Santoso");
    expect(await page.getAttribute(".group-header >> nth=0", "aria-expanded")).toBe("false");

    // the workbook now holds the report, and the faulty cell is marked; the values are the user's
    const sheets = await host(page, (api) => api.sheetNames());
    expect(sheets).toContain(LABELS.sheetReport.id);
    const after = await host(page, (api) => api.sheet("Data Pegawai"));
    expect(after?.cells["B5"].fill).toBeDefined();
    expect(after?.cells["B5"].fill).not.toBe(before?.cells["B5"]?.fill);
    for (const [address, cell] of Object.entries(before?.cells ?? {})) {
      expect(after?.cells[address]?.value).toEqual(cell.value);
    }
    await page.close();
  });

  test("clicking a problem, or pressing Enter on it, selects its cell in Excel", async () => {
    const page = await open("taskpane.html", OPD_WORKBOOK);
    await runFromPane(page, "act-check");
    await openGroupOf(page, "B5");
    await page.locator('.problem[data-address="B5"]').first().click();
    await page.waitForFunction(() => window.__cekHonorerTest?.selection()?.address === "B5");
    expect(await host(page, (api) => api.selection())).toEqual({ sheet: PERSONNEL_SHEET, address: "B5" });

    await openGroupOf(page, "B6");
    const other = page.locator('.problem[data-address="B6"]').first();
    await other.focus();
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => window.__cekHonorerTest?.selection()?.address === "B6");
    expect(await host(page, (api) => api.selection())).toEqual({ sheet: PERSONNEL_SHEET, address: "B6" });
    await page.close();
  });

  test("Hapus Tanda puts the user's sheet back exactly as it was", async () => {
    const page = await open("taskpane.html", OPD_WORKBOOK);
    const before = await host(page, (api) => api.sheet("Data Pegawai"));
    await runFromPane(page, "act-check");
    await runFromPane(page, "act-clear");
    expect(await host(page, (api) => api.sheet("Data Pegawai"))).toEqual(before);
    await page.close();
  });

  test("the English switch relabels the pane and is saved with the workbook", async () => {
    const page = await open("taskpane.html", OPD_WORKBOOK);
    await runFromPane(page, "act-check");
    await page.click(".switch");
    await page.waitForFunction(() => document.documentElement.lang === "en");
    expect(await page.textContent("#actions-heading")).toBe(LABELS.paneActions.en);
    expect(await page.textContent("#act-tenure")).toBe(LABELS.actTenure.en);
    expect(await page.textContent(".tile-error .tile-name")).toBe(SEVERITIES.error.en);
    expect(await page.textContent("#policy-referenceDate-field .setting-name")).toBe("Reference date (tenure & age)");
    await page.waitForFunction(async () => (await window.__cekHonorerTest?.loadSettings())?.lang === "en");

    await page.click(".switch");
    await page.waitForFunction(() => document.documentElement.lang === "id");
    expect(await page.textContent("#actions-heading")).toBe(LABELS.paneActions.id);
    await page.close();
  });

  test("a bad setting is refused beside its field; a good one is saved in the workbook", async () => {
    const page = await open("taskpane.html", OPD_WORKBOOK);
    await page.click("#settings-toggle");
    await page.fill("#policy-referenceDate", "30-02-2025");
    await page.click("#settings-save");
    await page.waitForSelector("#policy-referenceDate-error:not([hidden])");
    expect(await page.textContent("#policy-referenceDate-error")).toBe(
      LABELS.paneDateInvalid.id.replace("{value}", "30-02-2025"),
    );
    expect(await page.getAttribute("#policy-referenceDate", "aria-invalid")).toBe("true");
    expect(await page.getAttribute("#policy-referenceDate", "aria-describedby")).toContain(
      "policy-referenceDate-error",
    );
    // nothing runs with a bad policy, and the pane says where to look
    await page.click("#act-check");
    expect(await page.textContent("#result-summary")).toBe(LABELS.paneFixSettings.id);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("policy-referenceDate");
    expect(await host(page, (api) => api.sheetNames())).not.toContain(LABELS.sheetReport.id);

    await page.fill("#policy-referenceDate", "30-06-2025"); // day first, as every report shows dates
    await page.fill("#policy-minTenureMonths", "36");
    await page.click("#settings-save");
    await page.waitForSelector("#policy-referenceDate-error", { state: "hidden" });
    await page.waitForFunction(
      async () => (await window.__cekHonorerTest?.loadSettings())?.policy.minTenureMonths === 36,
    );
    const saved = await host(page, (api) => api.loadSettings());
    expect(saved.policy.referenceDate).toBe("2025-06-30");
    expect(saved.policy.cutoffDate).toBe(DEFAULT_POLICY.cutoffDate);
    const stored = await host(page, (api) => api.settings());
    await page.close();

    // the next person who opens the workbook (its stored settings) gets the same
    const next = await open("taskpane.html", { ...OPD_WORKBOOK, init: { settings: stored } });
    expect(await next.inputValue("#policy-minTenureMonths")).toBe("36");
    expect(await next.inputValue("#policy-referenceDate")).toBe("30-06-2025");
    await next.close();
  });

  test("a long run shows its progress and stops on Cancel", async () => {
    const page = await open("taskpane.html", { ...largeWorkbook(3000), syncDelayMs: 150 });
    await page.click("#act-check");
    await page.waitForSelector("#progress:not([hidden])");
    expect(await page.getAttribute("#act-check", "disabled")).not.toBeNull();
    await page.click("#cancel");
    await page.waitForFunction(() => document.getElementById("progress")?.hidden === true);
    // Nothing runs on after Cancel: no Excel.run is left in flight once the run has wound
    // down, so no sync can follow (a state to wait for, instead of a fixed sleep).
    await page.waitForFunction(() => window.__cekHonorerTest?.runsInFlight() === 0);
    const syncsAtStop = await host(page, (api) => api.syncs());
    expect(await host(page, (api) => api.runsInFlight())).toBe(0);
    expect(await host(page, (api) => api.syncs())).toBe(syncsAtStop);
    expect(await page.getAttribute("#act-check", "disabled")).toBeNull();
    await page.close();
  });

  test("works on Office 2016's ExcelApi 1.1: runs, and keeps its settings without workbook.settings", async () => {
    const page = await open("taskpane.html", { ...OPD_WORKBOOK, config: { apiVersion: "1.1" } });
    await runFromPane(page, "act-check");
    expect(Number(await page.textContent(".tile-error .tile-value"))).toBeGreaterThanOrEqual(2);
    await page.click("#settings-toggle");
    await page.fill("#policy-pppkMaxJp", "30");
    await page.click("#settings-save");
    await page.waitForFunction(async () => (await window.__cekHonorerTest?.loadSettings())?.policy.pppkMaxJp === 30);
    expect(await host(page, (api) => api.settings())).toEqual({}); // not in workbook.settings (1.4)
    await page.close();
  });

  test("a protected sheet gets a clear message and nothing is written", async () => {
    const [personnel, training] = OPD_WORKBOOK.sheets;
    const page = await open("taskpane.html", { sheets: [{ ...personnel, protected: true }, training] });
    const before = await host(page, (api) => api.sheet("Data Pegawai"));
    await runFromPane(page, "act-check");
    expect(await page.getAttribute("#result-summary", "class")).toContain("failed");
    expect(await page.textContent("#result-summary")).toContain("diproteksi");
    expect(await host(page, (api) => api.sheet("Data Pegawai"))).toEqual(before);
    // nothing ran to the end: no counts, no list that would look like a check
    expect(await page.locator(".tile").count()).toBe(0);
    expect(await page.locator(".group").count()).toBe(0);
    await page.close();
  });

  test("is usable from the keyboard: the switch, then the actions, in order", async () => {
    const page = await open("taskpane.html", OPD_WORKBOOK);
    const order: string[] = [];
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press("Tab");
      order.push(await page.evaluate(() => document.activeElement?.id ?? ""));
    }
    expect(order).toEqual([
      "lang-switch",
      "act-check",
      "act-tenure",
      "act-cutoff",
      "act-training",
      "act-paths",
      "act-all",
      "act-clear",
    ]);
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Enter"); // Periksa Data
    await page.waitForSelector(".group-header");
    expect(await page.getAttribute("#result-summary", "aria-live")).toBe("polite");
    // the focus is back on the button after the run (it was disabled meanwhile)
    await page.waitForFunction(() => document.getElementById("act-check")?.hasAttribute("disabled") === false);
    await page.waitForFunction(() => document.activeElement?.id === "act-check");
    await page.close();
  });

  test("looks like an Office pane (screenshot in test/.out/taskpane.png)", async () => {
    const page = await open("taskpane.html", OPD_WORKBOOK);
    await runFromPane(page, "act-check");
    await page.click("#settings-toggle");
    await page.locator(".group-header").first().focus(); // show the keyboard focus ring too
    const file = path.join(OUT_DIR, "taskpane.png");
    await page.screenshot({ path: file, fullPage: true });
    expect(fs.statSync(file).size).toBeGreaterThan(10000);
    await page.close();
  });
});

/** A page at Excel on the web's default pane size. */
async function openAt350(seed: BrowserSeed): Promise<Page> {
  const page = await open("taskpane.html", seed);
  await page.setViewportSize({ width: 350, height: 700 });
  return page;
}

describe("a clerk working through the problems at 350 x 700", () => {
  test("first open: says where to start; no second title under Office's; Kontrak names the cut-off", async () => {
    const page = await openAt350(CLERK_WORKBOOK);
    expect(await page.isVisible("#start-view")).toBe(true);
    expect(await page.textContent("#start-view h3")).toBe(LABELS.paneStartTitle.id);
    expect(await page.textContent("#start-view")).toContain(LABELS.paneStart1.id);
    expect(await page.locator("h1").count()).toBe(0);
    expect(await page.textContent("#act-cutoff")).toBe("Kontrak 31 Des 2025");
    expect(await page.locator(".tile").count()).toBe(0);
    await page.close();
  });

  test("the problems: by person, name first, collapsed with counts; the first ten in view under the actions", async () => {
    const page = await openAt350(CLERK_WORKBOOK);
    await runFromPane(page, "act-check");
    expect(await page.isHidden("#start-view")).toBe(true);
    const headers = page.locator(".group-header");
    expect(await headers.count()).toBeGreaterThanOrEqual(10);
    // clerk-seed.js: the people with a fault, in the sheet's order
    const names = await page.locator(".group-name").allTextContents();
    expect(names.slice(0, 4)).toEqual(["Budi Santoso", "Dewi Lestari", "Agus Wijaya", "Rina Marlina"]);
    for (const expanded of await page
      .locator(".group-header")
      .evaluateAll((hs) => hs.map((h) => h.getAttribute("aria-expanded"))))
      expect(expanded).toBe("false");
    expect(await page.textContent(".group >> nth=0 >> .badge-error")).toBe("1");
    expect(await page.textContent(".group >> nth=0 >> .group-sub")).toContain("NIK tidak valid");
    const actionsBottom = (await page.locator("#act-clear").boundingBox())!;
    for (let i = 0; i < 10; i++) {
      const box = (await headers.nth(i).boundingBox())!;
      expect(box.y).toBeGreaterThan(actionsBottom.y + actionsBottom.height);
      expect(box.y + box.height).toBeLessThanOrEqual(700);
    }
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await page.close();
  });

  test("Kolom yang dibaca: a corrected column changes the result, is saved in the workbook, and can be removed", async () => {
    const page = await openAt350(CLERK_WORKBOOK);
    await runFromPane(page, "act-check");
    const errorsBefore = Number(await page.textContent(".tile-error .tile-value"));
    expect(await page.isHidden("#columns-body")).toBe(true); // collapsed under the problems
    await page.click("#columns-toggle");
    const tmt = ROLES.startDate.id;
    expect(await page.textContent(".columns-read")).toContain(`${tmt}: I`);
    await page.selectOption("#columns-sheet", "Data Pegawai");
    await page.selectOption("#columns-role", "startDate");
    // Not a column letter: the core's reason beside the field, and nothing runs.
    await page.fill("#columns-letter", "5");
    await page.click("#columns-apply");
    const refused = parseColumnMapping({ "Data Pegawai": { startDate: "5" } });
    expect(refused.ok).toBe(false);
    expect(await page.textContent("#columns-error")).toBe(refused.ok ? "" : refused.reason.id);
    expect(Number(await page.textContent(".tile-error .tile-value"))).toBe(errorsBefore);
    // "The TMT is column J" (the contract end): the TMT is now read from there.
    await page.fill("#columns-letter", "j");
    await runFromPane(page, "columns-apply");
    expect(await page.textContent(".columns-read")).toContain(`${tmt}: J (${LABELS.corrected.id})`);
    expect(Number(await page.textContent(".tile-error .tile-value"))).not.toBe(errorsBefore);
    const saved = (await host(page, (api) => api.settings()))["CekHonorer.settings"];
    const settings = (typeof saved === "string" ? JSON.parse(saved) : saved) as { columns: unknown };
    expect(settings.columns).toEqual({ "Data Pegawai": { startDate: "J" } });
    // Removed: the guess again, and the same result as before (the section stayed open).
    expect(await page.isHidden("#columns-body")).toBe(false);
    await runFromPane(page, "columns-reset");
    expect(await page.textContent(".columns-read")).toContain(`${tmt}: I`);
    expect(Number(await page.textContent(".tile-error .tile-value"))).toBe(errorsBefore);
    await page.close();
  });

  test("a group opens on click and tells how to fix; errors only; by kind", async () => {
    const page = await openAt350(CLERK_WORKBOOK);
    await runFromPane(page, "act-check");
    await openGroupOf(page, "B6"); // Budi Santoso, NIK of 11 digits
    const budi = page.locator(".group", { has: page.locator('.problem[data-address="B6"]') });
    expect(await budi.locator(".group-header").getAttribute("aria-expanded")).toBe("true");
    expect(await budi.locator(".problem-fix").textContent()).toBe(
      `${LABELS.paneHowToFix.id} ${ISSUE_FIXES["nik-invalid"]!.id}`,
    );

    expect(await page.locator(".group-name", { hasText: "Agus Wijaya" }).count()).toBe(1); // a warning only
    await page.click("#errors-only");
    expect(await page.locator(".group-name", { hasText: "Agus Wijaya" }).count()).toBe(0);
    expect(await page.locator(".problem-warning").count()).toBe(0);
    expect(await page.locator(".problem-error").count()).toBe(
      Number(await page.textContent(".tile-error .tile-value")),
    );

    await page.click("#group-kind");
    expect(await page.getAttribute("#group-kind", "aria-pressed")).toBe("true");
    const unreadable = page.locator(".group", { hasText: "Tanggal tidak terbaca" });
    expect(await unreadable.locator(".badge-error").textContent()).toBe("2"); // Rina's TMT, Yuni's birth date
    expect(await unreadable.locator(".group-sub").textContent()).toBe("Rina Marlina; Yuni Astuti");
    await page.close();
  });

  test("Periksa ulang checks again and keeps the place: filter, grouping, open groups, the problem chosen", async () => {
    const page = await openAt350(CLERK_WORKBOOK);
    await runFromPane(page, "act-check");
    const errorsBefore = Number(await page.textContent(".tile-error .tile-value"));
    await page.click("#errors-only");
    await openGroupOf(page, "D12"); // Yuni Astuti's birth date
    await page.click('.problem[data-address="D12"]');
    await page.waitForFunction(() => window.__cekHonorerTest?.selection()?.address === "D12");
    // the clerk fixes Rina's TMT in the sheet meanwhile
    await host(page, (api) => api.setCell("Data Pegawai", "I9", "01-02-2021"));
    await runFromPane(page, "recheck");
    expect(Number(await page.textContent(".tile-error .tile-value"))).toBe(errorsBefore - 1);
    expect(await page.isChecked("#errors-only")).toBe(true);
    expect(await page.locator(".group-name", { hasText: "Rina Marlina" }).count()).toBe(0);
    const yuni = page.locator(".group", { has: page.locator('.problem[data-address="D12"]') });
    expect(await yuni.locator(".group-header").getAttribute("aria-expanded")).toBe("true");
    expect(await page.getAttribute('.problem[data-address="D12"]', "class")).toContain("problem-current");
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.address)).toBe("D12");
    await page.close();
  });

  test("the cut-off typed day first renames the Kontrak button; a wrong one is shown beside its field", async () => {
    const page = await openAt350(CLERK_WORKBOOK);
    await page.click("#settings-toggle");
    await page.fill("#policy-cutoffDate", "30-06-2025");
    expect(await page.textContent("#act-cutoff")).toBe("Kontrak 30 Jun 2025");
    await page.fill("#policy-cutoffDate", "2025-06-30"); // ISO is accepted too
    expect(await page.textContent("#act-cutoff")).toBe("Kontrak 30 Jun 2025");
    await page.fill("#policy-cutoffDate", "31-06-2025");
    await page.click("#act-cutoff");
    expect(await page.isVisible("#policy-cutoffDate-error")).toBe(true);
    expect(await page.textContent("#policy-cutoffDate-error")).toContain('"31-06-2025" bukan tanggal');
    expect(await page.textContent("#result-summary")).toBe(LABELS.paneFixSettings.id);
    await page.fill("#policy-cutoffDate", "30-06-2025");
    await runFromPane(page, "act-cutoff");
    expect((await host(page, (api) => api.loadSettings())).policy.cutoffDate).toBe("2025-06-30");
    await page.click(".switch");
    expect(await page.textContent("#act-cutoff")).toBe("Contracts 30 Jun 2025");
    await page.close();
  });

  test("Kontrak shows the cut-off's answers and the people, not the check's list; a name goes to its cell", async () => {
    const page = await openAt350(CLERK_WORKBOOK);
    await runFromPane(page, "act-cutoff");
    expect(await page.locator(".group").count()).toBe(0);
    expect(await page.locator(".tile").count()).toBe(0);
    const table = await page.textContent(".cutoff-table");
    expect(table).toContain(LABELS.cutoffPast.id);
    // Agus Wijaya's contract runs to 31-03-2026: the only one past the cut-off
    const past = page.locator(".cutoff-table tr", { hasText: LABELS.cutoffPast.id });
    expect(await past.locator(".count").textContent()).toBe("1");
    await page.click('.cutoff-list .problem:has-text("Agus Wijaya")');
    await page.waitForFunction(() => window.__cekHonorerTest?.selection()?.address === "C8");
    await page.close();
  });

  test("Rekap JP shows its own tally", async () => {
    const page = await openAt350(CLERK_WORKBOOK);
    await runFromPane(page, "act-training");
    expect(await page.locator(".group").count()).toBe(0);
    // Hendra: 12 JP as PNS (below 20); Maya: 30 JP as PPPK (above 24)
    const tally = await page.textContent(".tally-table");
    expect(tally).toContain("Kurang dari minimum1");
    expect(tally).toContain("Melebihi maksimum1");
    await page.close();
  });

  test("Hapus Tanda says the marks were removed, shows no counts, and leaves no empty report sheet", async () => {
    const page = await openAt350(CLERK_WORKBOOK);
    await runFromPane(page, "act-check");
    await runFromPane(page, "act-clear");
    expect(await page.textContent("#result-summary")).toBe(LABELS.xlDoneClear.id);
    expect(await page.locator(".tile").count()).toBe(0);
    expect(await page.locator(".group").count()).toBe(0);
    const sheets = await host(page, (api) => api.sheetNames());
    expect(sheets).not.toContain(LABELS.sheetReport.id);
    expect(sheets).not.toContain(LABELS.sheetSummary.id);
    await page.close();
  });

  test("the English switch translates the result message, the problems and the advice", async () => {
    const page = await openAt350(CLERK_WORKBOOK);
    await runFromPane(page, "act-check");
    await page.click(".switch");
    await page.waitForFunction(() => document.documentElement.lang === "en");
    expect(await page.textContent("#result-summary")).toMatch(
      /^Check finished: \d+ errors and \d+ warnings for 12 people\./,
    );
    await openGroupOf(page, "B6");
    expect(await page.textContent('.problem[data-address="B6"] .problem-message')).toBe(
      'NIK "31710101078" is invalid: must be 16 digits (has 11).',
    );
    expect(await page.textContent(".group-body:not([hidden]) .problem-fix")).toBe(
      `${LABELS.paneHowToFix.en} ${ISSUE_FIXES["nik-invalid"]!.en}`,
    );
    expect(await page.textContent("#errors-only + span")).toBe(LABELS.paneErrorsOnly.en);
    await page.close();
  });

  test("in cell-edit mode the run says so in the pane's language, and saves nothing", async () => {
    // ExcelApi 1.1: no delayForCellEdit there, so edit mode stops the run (from 1.9 Excel waits, issue 10).
    const page = await openAt350({ ...CLERK_WORKBOOK, config: { apiVersion: "1.1" } });
    await page.click(".switch");
    await page.waitForFunction(async () => (await window.__cekHonorerTest?.loadSettings())?.lang === "en");
    await host(page, (api) => api.setCellEditMode(true));
    await runFromPane(page, "act-check");
    expect(await page.textContent("#result-summary")).toBe(LABELS.xlEditMode.en);
    expect(await page.getAttribute("#result-summary", "class")).toContain("failed");
    await host(page, (api) => api.setCellEditMode(false));
    expect(await host(page, (api) => api.sheetNames())).not.toContain(LABELS.sheetReport.en);
    await page.close();
  });

  test("a Cancel that comes after the results were written is answered, not ignored", async () => {
    // How many syncs a check takes, on a first page; on a second, the last one is held.
    const first = await openAt350(CLERK_WORKBOOK);
    const start = await host(first, (api) => api.syncs());
    await runFromPane(first, "act-check");
    const syncs = (await host(first, (api) => api.syncs())) - start;
    await first.close();

    const page = await openAt350(CLERK_WORKBOOK);
    const at = await host(page, (api) => api.syncs());
    await page.evaluate((n) => window.__cekHonorerTest?.holdSyncsFrom(n), at + syncs - 1);
    await page.click("#act-check");
    await page.waitForFunction(() => window.__cekHonorerTest?.holding() === true);
    await page.click("#cancel"); // the writes are already on their way
    await host(page, (api) => api.release());
    await page.waitForFunction(() => document.getElementById("progress")?.hidden === true);
    expect(await page.textContent("#result-details .notice")).toBe(LABELS.paneLateCancel.id);
    expect(await host(page, (api) => api.sheetNames())).toContain(LABELS.sheetReport.id);
    await page.close();
  });

  test("the report sheet has its frozen, filtered header and print set-up", async () => {
    const page = await openAt350(CLERK_WORKBOOK);
    await runFromPane(page, "act-check");
    expect(await host(page, (api) => api.layout("CH Laporan"))).toMatchObject({
      frozenRows: 3,
      orientation: "Landscape",
      fitWide: 1,
      printTitleRows: "$3:$3",
    });
    await page.close();
  });
});

describe("the ribbon buttons (function commands)", () => {
  test("every FunctionName of the manifest is registered, through Office.actions and on window", async () => {
    const page = await open("commands.html", OPD_WORKBOOK);
    const names = manifestFunctionNames();
    expect(names).toEqual([
      "checkData",
      "computeTenure",
      "flagCutoff",
      "tallyTraining",
      "pathsAfterCutoff",
      "clearMarks",
    ]);
    const registered = await page.evaluate((list) => {
      const office = (
        window as unknown as { Office: { actions: { _association: { mappings: Record<string, unknown> } } } }
      ).Office;
      const win = window as unknown as Record<string, unknown>;
      return list.map((name) => [typeof win[name], typeof office.actions._association.mappings[name.toUpperCase()]]);
    }, names);
    expect(registered).toEqual(names.map(() => ["function", "function"]));
    await page.close();
  });

  test("Periksa Data runs without the pane, selects the report and shows the result, then completes", async () => {
    const page = await open("commands.html", OPD_WORKBOOK);
    const completed = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          let calls = 0;
          const event = { completed: () => resolve(++calls), source: { id: "CekHonorer.CheckData" } };
          const office = (
            window as unknown as {
              Office: { actions: { _association: { mappings: Record<string, (e: unknown) => void> } } };
            }
          ).Office;
          office.actions._association.mappings["CHECKDATA"](event);
        }),
    );
    expect(completed).toBe(1);
    expect(await host(page, (api) => api.sheetNames())).toContain(LABELS.sheetReport.id);
    expect((await host(page, (api) => api.selection()))?.sheet).toBe(LABELS.sheetReport.id);
    const dialogs = await host(page, (api) => api.dialogs());
    expect(dialogs).toHaveLength(1);
    const url = new URL(dialogs[0]);
    expect(url.pathname).toBe("/result.html");
    expect(url.searchParams.get("lang")).toBe("id");
    expect(Number(url.searchParams.get("errors"))).toBeGreaterThanOrEqual(2);
    expect(url.searchParams.get("message")).not.toContain("3171015203900001"); // no NIK leaves the workbook
    await page.close();
  });

  test("a failing run still completes the event and says what went wrong", async () => {
    const page = await open("commands.html", OPD_WORKBOOK);
    await host(page, (api) => api.failNextRun("Buku kerja sedang dikunci"));
    const completed = await page.evaluate(
      () =>
        new Promise<boolean>((resolve) => {
          const fn = (window as unknown as Record<string, (e: unknown) => void>)["computeTenure"];
          fn({ completed: () => resolve(true) });
        }),
    );
    expect(completed).toBe(true);
    const dialogs = await host(page, (api) => api.dialogs());
    const url = new URL(dialogs[0]);
    expect(url.searchParams.get("ok")).toBe("0");
    expect(url.searchParams.get("message")).toContain("Buku kerja sedang dikunci");
    await page.close();
  });

  test("without the Dialog API the button still completes, and the report sheet is the visible result", async () => {
    const page = await open("commands.html", { ...OPD_WORKBOOK, dialogApi: false });
    const completed = await page.evaluate(
      () =>
        new Promise<boolean>((resolve) => {
          (window as unknown as Record<string, (e: unknown) => void>)["checkData"]({ completed: () => resolve(true) });
        }),
    );
    expect(completed).toBe(true);
    expect(await host(page, (api) => api.dialogs())).toEqual([]);
    expect((await host(page, (api) => api.selection()))?.sheet).toBe(LABELS.sheetReport.id);
    await page.close();
  });

  test("the pane and a ribbon button at once on one workbook: one writes, the other says a run is in progress", async () => {
    // Slow round trips, as on Excel on the web, so that the two runs overlap.
    const page = await open("taskpane.html", { ...OPD_WORKBOOK, syncDelayMs: 40 });
    // The function file's bundle in the same page: its own modules (as in its own runtime),
    // the same workbook (the fake host): what the ribbon and the pane share in Excel.
    await page.addScriptTag({ url: `${server.origin}/commands.js` });
    await page.waitForFunction(() => typeof (window as unknown as Record<string, unknown>)["checkData"] === "function");
    const before = await host(page, (api) => api.sheet("Data Pegawai"));
    await page.click("#act-check");
    const ribbon = page.evaluate(
      () =>
        new Promise<boolean>((resolve) =>
          (window as unknown as Record<string, (e: unknown) => void>)["checkData"]({ completed: () => resolve(true) }),
        ),
    );
    expect(await ribbon).toBe(true);
    await paneIdle(page);
    const dialogs = await host(page, (api) => api.dialogs());
    expect(dialogs).toHaveLength(1);
    const ribbonMessage = new URL(dialogs[0]).searchParams.get("message") ?? "";
    const paneMessage = (await page.textContent("#result-summary")) ?? "";
    const busy = (text: string): boolean => text.includes("sedang berjalan");
    // Exactly one of the two was refused, and it said why.
    expect([busy(ribbonMessage), busy(paneMessage)].filter(Boolean)).toHaveLength(1);
    // The marks are those of one check; Hapus Tanda from the pane gives the sheet back.
    await runFromPane(page, "act-clear");
    expect(await host(page, (api) => api.sheet("Data Pegawai"))).toEqual(before);
    await page.close();
  });

  test("the result dialog shows the message and counts, and Tutup closes it", async () => {
    const query = "?lang=id&ok=1&message=Selesai%3A%202%20kesalahan&counts=1&errors=2&warnings=1&people=5";
    const page = await open("result.html", OPD_WORKBOOK, query);
    expect(await page.textContent("#result-title")).toBe(LABELS.paneDone.id);
    expect(await page.textContent("#result-message")).toBe("Selesai: 2 kesalahan");
    expect(await page.textContent("#result-counts")).toContain(`${SEVERITIES.error.id}: 2`);
    await page.click("#result-close");
    expect(await host(page, (api) => api.parentMessages())).toEqual(["close"]);
    await page.close();
  });
});

test("a blocked ribbon run's dialog is not titled finished and shows no counts", async () => {
  const [personnel, training] = CLERK_WORKBOOK.sheets;
  const page = await open("commands.html", { sheets: [{ ...personnel, protected: true }, training] });
  await page.evaluate(
    () =>
      new Promise<boolean>((resolve) => {
        (window as unknown as Record<string, (e: unknown) => void>)["checkData"]({ completed: () => resolve(true) });
      }),
  );
  const url = new URL((await host(page, (api) => api.dialogs()))[0]);
  expect(url.searchParams.get("ok")).toBe("0");
  expect(url.searchParams.get("counts")).toBe("0");
  await page.close();
  const dialog = await open("result.html", OPD_WORKBOOK, url.search);
  expect(await dialog.textContent("#result-title")).toBe(LABELS.paneStopped.id);
  expect(await dialog.isHidden("#result-counts")).toBe(true);
  expect(await dialog.textContent("#result-message")).toContain("diproteksi");
  await dialog.close();
});

describe("privacy", () => {
  test("the pages' Content-Security-Policy blocks what office.js itself would send out", async () => {
    const page = longLivedPane;
    // outside Office, office.js loads a Microsoft telemetry frame 3 s after start
    await page.waitForFunction(() => (window.__cekHonorerTest?.blocked().length ?? 0) > 0);
    const blocked = await host(page, (api) => api.blocked());
    console.log(`blocked by the CSP: ${JSON.stringify(blocked)}`);
    expect(blocked.length).toBeGreaterThan(0); // the policy is in force
    // the blocked URI is reported as its origin only
    for (const entry of blocked)
      expect(entry).toMatch(/^frame-src https:\/\/telemetryservice\.firstpartyapps\.oaspapps\.com\b/);
    const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', "content");
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    await page.close();
  });

  test("no page made a request outside 127.0.0.1 but for office.js's CDN, answered here from the local copy", () => {
    expect(requested.length).toBeGreaterThan(20);
    const outside = requested.filter((url) => {
      if (/^(data|blob|about):/.test(url)) return false;
      const { hostname } = new URL(url);
      return hostname !== "127.0.0.1" && hostname !== "localhost";
    });
    expect(outside.filter((url) => !url.startsWith(OFFICE_CDN))).toEqual([]);
    expect(outside.length).toBeGreaterThan(0); // the pages did ask the CDN...
    // ...and every such request was answered by the test's route, never sent out.
    expect([...new Set(outside)].sort()).toEqual([...new Set(browser.servedFromCdn)].sort());
  });
});
