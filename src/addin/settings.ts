/**
 * The policy, language and column corrections saved in the workbook, so the ribbon buttons and the next user
 * of the file get the same: in workbook.settings (ExcelApi 1.4), else in the add-in's
 * state sheet. What is read back is validated like any user input.
 */
import { STATE_SHEET_NAME } from "../core/own-sheets";
import { type ColumnOverrides, parseColumnMapping } from "../core/column-overrides";
import { DEFAULT_POLICY, type Policy, type PolicyKey, resolvePolicy } from "../core/policy";
import type { Lang } from "../core/vocabulary";
import { type QueuedOp, sendBatches } from "./batches";
import { type Capabilities, capabilities, officeErrorCode, runExcel } from "./office";
import { type AddinState, createStateSheetOps, loadState, saveStateOps } from "./state";

export interface SavedSettings {
  readonly policy: Policy;
  readonly lang: Lang;
  /** Per-sheet column corrections (sheet -> role -> column letter), used by every later action. */
  readonly columns: ColumnOverrides;
}

export const SETTINGS_KEY = "CekHonorer.settings";

/** Saved settings; a missing or damaged value gives the defaults (per field). */
export function parseSettings(raw: unknown): SavedSettings {
  const value = typeof raw === "string" ? safeJson(raw) : raw;
  if (typeof value !== "object" || value === null) return { policy: DEFAULT_POLICY, lang: "id", columns: {} };
  const { policy, lang, columns } = value as { policy?: unknown; lang?: unknown; columns?: unknown };
  const overrides =
    typeof policy === "object" && policy !== null ? (policy as Partial<Record<PolicyKey, unknown>>) : {};
  // Damaged corrections are dropped as a whole: a half-read mapping could move the wrong column.
  const corrections = columns === undefined ? null : parseColumnMapping(columns);
  return {
    policy: resolvePolicy(overrides).policy,
    lang: lang === "en" ? "en" : "id",
    columns: corrections !== null && corrections.ok ? corrections.value : {},
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

async function stateSheetExists(context: Excel.RequestContext): Promise<boolean> {
  const sheets = context.workbook.worksheets.load("items/name");
  await context.sync();
  return sheets.items.some((s) => s.name === STATE_SHEET_NAME);
}

export async function loadSettings(): Promise<SavedSettings> {
  const caps = capabilities();
  return runExcel(async (context) => {
    if (caps.v1_4) {
      const item = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY).load("value");
      await context.sync();
      return parseSettings(item.isNullObject ? null : (item.value as unknown));
    }
    const state = await loadState(context, await stateSheetExists(context));
    return parseSettings(state.settings.get(SETTINGS_KEY) ?? null);
  });
}

/**
 * Saving the settings as part of an action, after its write guard: in workbook.settings
 * (ExcelApi 1.4), else in the state sheet (recorded in `state`, written with it). So a
 * blocked run, or one started while a cell is being edited, saves nothing and says why.
 */
export function settingsOps(
  context: Excel.RequestContext,
  caps: Capabilities,
  state: AddinState,
  settings: SavedSettings,
): QueuedOp[] {
  const value = { policy: { ...settings.policy }, lang: settings.lang, columns: settings.columns };
  if (!caps.v1_4) {
    state.settings.set(SETTINGS_KEY, JSON.stringify(value));
    return [];
  }
  return [{ requestBytes: 1500, queue: () => void context.workbook.settings.add(SETTINGS_KEY, value) }];
}

/** Saves the settings; false when Excel refused (a read-only workbook). */
export async function saveSettings(settings: SavedSettings): Promise<boolean> {
  const caps = capabilities();
  const value = { policy: { ...settings.policy }, lang: settings.lang, columns: settings.columns };
  try {
    await runExcel(async (context) => {
      if (caps.v1_4) {
        context.workbook.settings.add(SETTINGS_KEY, value);
        await context.sync();
        return;
      }
      const state = await loadState(context, await stateSheetExists(context));
      state.settings.set(SETTINGS_KEY, JSON.stringify(value));
      await sendBatches(context, [
        ...createStateSheetOps(context, state, caps),
        ...(await saveStateOps(context, state)),
      ]);
    });
    return true;
  } catch (error) {
    if (officeErrorCode(error) === "AccessDenied") return false;
    throw error;
  }
}
