/** Settings saved in the workbook, and going to a problem's cell. */
import { DEFAULT_POLICY } from "../../src/core/policy";
import { selectCell } from "../../src/addin/navigate";
import { SETTINGS_KEY, loadSettings, parseSettings, saveSettings } from "../../src/addin/settings";
import { createHost } from "../host";
import { withHost } from "./helpers";

const saved = {
  policy: { ...DEFAULT_POLICY, cutoffDate: "2026-06-30", minTenureMonths: 36 },
  lang: "en" as const,
  // Issue 7: column corrections are saved in the workbook too.
  columns: { Data: { endDate: "H" } },
};

describe.each(["1.17", "1.1"])("on ExcelApi %s", (apiVersion) => {
  test("settings saved are read back by the next user of the file", async () => {
    const host = createHost([{ name: "Data", rows: [["x"]] }], { apiVersion });
    await withHost(host, async () => {
      expect(await loadSettings()).toEqual({ policy: DEFAULT_POLICY, lang: "id", columns: {} });
      expect(await saveSettings(saved)).toBe(true);
      expect(await loadSettings()).toEqual(saved);
    });
    // workbook.settings is ExcelApi 1.4; before it, the add-in's state sheet keeps them.
    if (apiVersion === "1.17") expect(JSON.parse(host.model.settings.get(SETTINGS_KEY)!)).toEqual(saved);
    else expect(host.model.sheet("CH_State")).not.toBeNull();
    expect(host.stats.failures).toEqual([]);
  });

  test("a read-only workbook: saving reports false, nothing changes", async () => {
    const host = createHost([{ name: "Data", rows: [["x"]] }], { apiVersion }, { readOnly: true });
    await withHost(host, async () => expect(await saveSettings(saved)).toBe(false));
    expect(host.model.sheets.map((s) => s.name)).toEqual(["Data"]);
  });
});

test("damaged saved settings fall back to the defaults, field by field", () => {
  expect(parseSettings('{"policy":{"cutoffDate":"31/12/2025","minTenureMonths":30},"lang":"xx"}')).toEqual({
    policy: { ...DEFAULT_POLICY, minTenureMonths: 30 },
    lang: "id",
    columns: {},
  });
  expect(parseSettings("not json")).toEqual({ policy: DEFAULT_POLICY, lang: "id", columns: {} });
  expect(parseSettings(null)).toEqual({ policy: DEFAULT_POLICY, lang: "id", columns: {} });
  // Damaged corrections are dropped whole; good ones are read with their letters upper-cased.
  expect(parseSettings({ columns: { Data: { endDate: "H9" } } }).columns).toEqual({});
  expect(parseSettings({ columns: { Data: { endDate: "h" } } }).columns).toEqual({ Data: { endDate: "H" } });
});

test("selectCell activates the sheet and selects the cell; a hidden sheet answers false", async () => {
  const host = createHost([
    { name: "A", rows: [["x"]] },
    { name: "B", rows: [["y"]] },
    { name: "Tersembunyi", visibility: "Hidden" },
  ]);
  await withHost(host, async () => {
    expect(await selectCell("B", "C7")).toBe(true);
    expect(await selectCell("Tersembunyi", "A1")).toBe(false);
  });
  expect(host.model.activeSheet).toBe("B");
  expect(host.model.selection).toEqual({ sheet: "B", rect: { top: 6, left: 2, bottom: 6, right: 2 } });
});
