/**
 * What a ribbon button does: runs one action with the settings saved in the workbook,
 * selects the sheet the outcome names (the report), tells Office it is done, and only then
 * shows the result in a small dialog. Office ends a function command that has not called
 * event.completed() after 5 minutes ("UI-less add-in command timed out", office-js #4983,
 * #5559), and a dialog can stay open as long as the user likes (or stay stuck on the web,
 * #1452): so completion never waits on the dialog, only on the work.
 */
import { type ActionKind, type ActionOutcome, runAction } from "../addin/actions";
import { both, plain } from "../addin/outcome";
import { selectCell } from "../addin/navigate";
import { loadSettings } from "../addin/settings";
import { DEFAULT_POLICY, type Policy } from "../core/policy";
import type { Lang } from "../core/vocabulary";
import { showResultDialog } from "./result-dialog";

/** Manifest FunctionName -> action. The names are a contract with manifest.xml. */
export const COMMANDS: Readonly<Record<string, ActionKind>> = {
  checkData: "check",
  computeTenure: "tenure",
  flagCutoff: "cutoff",
  tallyTraining: "training",
  pathsAfterCutoff: "paths",
  clearMarks: "clear",
};

export type CommandEvent = Pick<Office.AddinCommands.Event, "completed">;

function failure(kind: ActionKind, message: string, lang: Lang): ActionOutcome {
  return plain(kind, "failed", both("paneFailed", { message }), lang);
}

async function runCommand(kind: ActionKind): Promise<{ outcome: ActionOutcome; lang: Lang }> {
  let lang: Lang = "id";
  let policy: Policy = DEFAULT_POLICY;
  try {
    const saved = await loadSettings();
    lang = saved.lang;
    policy = saved.policy;
    const outcome = await runAction(kind, { policy, lang, columns: saved.columns });
    if (outcome.selectSheet !== undefined) await selectCell(outcome.selectSheet, "A1");
    return { outcome, lang };
  } catch (error) {
    return { outcome: failure(kind, error instanceof Error ? error.message : String(error), lang), lang };
  }
}

// One run at a time in this runtime: a second click waits for the first. (Runs from the task
// pane, another runtime, are kept apart by the run lock in the state sheet.)
let queue: Promise<unknown> = Promise.resolve();

/**
 * The handler Office calls for a button. It resolves once event.completed() was called:
 * after the work, before the dialog (which is shown without being waited for).
 */
export function commandHandler(kind: ActionKind): (event: CommandEvent) => Promise<void> {
  return (event) => {
    const run = queue.then(() => runCommand(kind));
    queue = run.catch(() => undefined);
    return run.then(
      ({ outcome, lang }) => {
        event.completed();
        // Not awaited: the user may read the result for as long as they like.
        void showResultDialog(outcome, lang);
      },
      () => event.completed(),
    );
  };
}
