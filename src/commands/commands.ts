/**
 * The function file of the ribbon buttons. Each button runs one action with the settings
 * saved in the workbook, selects the sheet the outcome names (the report), shows the
 * result in a small dialog, and always tells Office it is done (event.completed()), or
 * the button would stay busy.
 */
import { runAction, ActionKind, ActionOutcome } from "../addin/actions";
import { selectCell } from "../addin/navigate";
import { loadSettings } from "../addin/settings";
import { DEFAULT_POLICY, Policy } from "../core/policy";
import type { Lang } from "../core/vocabulary";
import { both, plain } from "../addin/outcome";
import { showResultDialog } from "./result-dialog";

/** Manifest FunctionName -> action. The names are a contract with manifest.xml. */
export const COMMANDS: Readonly<Record<string, ActionKind>> = {
  checkData: "check",
  computeTenure: "tenure",
  flagCutoff: "cutoff",
  tallyTraining: "training",
  clearMarks: "clear",
};

type CommandEvent = Pick<Office.AddinCommands.Event, "completed">;

function failure(kind: ActionKind, message: string, lang: Lang): ActionOutcome {
  return plain(kind, "failed", both("paneFailed", { message }), lang);
}

async function runCommand(kind: ActionKind): Promise<void> {
  let lang: Lang = "id";
  let policy: Policy = DEFAULT_POLICY;
  let outcome: ActionOutcome;
  try {
    const saved = await loadSettings();
    lang = saved.lang;
    policy = saved.policy;
    outcome = await runAction(kind, { policy, lang });
    if (outcome.selectSheet !== undefined) await selectCell(outcome.selectSheet, "A1");
  } catch (error) {
    outcome = failure(kind, error instanceof Error ? error.message : String(error), lang);
  }
  await showResultDialog(outcome, lang);
}

// One run at a time: a second click waits for the first instead of writing into the
// same sheets concurrently.
let queue: Promise<void> = Promise.resolve();

export function commandHandler(kind: ActionKind): (event: CommandEvent) => Promise<void> {
  return (event) => {
    const run = queue.then(() => runCommand(kind));
    queue = run.catch(() => undefined);
    return run.catch(() => undefined).finally(() => event.completed());
  };
}

function register(): void {
  const globals = window as unknown as Record<string, unknown>;
  for (const [name, kind] of Object.entries(COMMANDS)) {
    const handler = commandHandler(kind);
    // Office.actions.associate is how current Office finds a function command; Office
    // 2016/2019 MSI builds (excel-win32-16.00.js) only look the name up on window.
    globals[name] = handler;
    if (typeof Office !== "undefined" && Office.actions !== undefined) Office.actions.associate(name, handler);
  }
}

register();
// onReady only resolves (outside Office too); nothing waits on it.
void Office.onReady(() => {
  document.body.dataset.ready = "true";
});
