/** Running actions on a test host, and reading the user's sheets back. */
import { isOwnSheetName } from "../../src/core/engine";
import { DEFAULT_POLICY } from "../../src/core/policy";
import { type ActionKind, type ActionOptions, type ActionOutcome, runAction } from "../../src/addin/actions";
import { type ExcelHost, type SheetState, workbookState } from "../host";

/** Runs an action with the host installed as Excel. */
export async function act(
  host: ExcelHost,
  kind: ActionKind,
  options: Partial<ActionOptions> = {},
): Promise<ActionOutcome> {
  return withHost(host, () => runAction(kind, { policy: DEFAULT_POLICY, lang: "id", ...options }));
}

export async function withHost<T>(host: ExcelHost, fn: () => Promise<T>): Promise<T> {
  const restore = host.install();
  try {
    return await fn();
  } finally {
    restore();
  }
}

/** Everything on the user's own sheets (not the add-in's report, summary, tally or state sheets). */
export function userSheets(host: ExcelHost): SheetState[] {
  return workbookState(host.model, (name) => !isOwnSheetName(name));
}

export function cells(host: ExcelHost, sheet: string): SheetState["cells"] {
  const found = workbookState(host.model, (n) => n === sheet)[0];
  if (found === undefined) throw new Error(`no sheet ${sheet}`);
  return found.cells;
}
