/**
 * The function file of the ribbon buttons: registers one handler per manifest FunctionName
 * (see command-run.ts for what a button does).
 */
import { COMMANDS, commandHandler } from "./command-run";

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
void Office.onReady(() => {
  document.body.dataset.ready = "true";
});
