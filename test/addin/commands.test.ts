/**
 * The ribbon buttons against Office's 5-minute limit for function commands (office-js
 * #4983, #5559), on the host's virtual clock: the user keeps the result dialog open for
 * 10 minutes, and the command must have called event.completed() long before.
 */
import { COMMANDS, commandHandler } from "../../src/commands/command-run";
import { readResultParams, resultUrl } from "../../src/commands/result-dialog";
import { NO_COUNTS } from "../../src/addin/outcome";
import { LABELS } from "../../src/core/vocabulary";
import { COMMAND_LIMIT_MS, CommandHost, createHost } from "../host";
import { personnelSheet, smallPeople } from "./fixtures";

const TEN_MINUTES = 10 * 60_000;

function commandHost(options: { dialogApi?: boolean; syncMs?: number } = {}): CommandHost {
  return new CommandHost(createHost([personnelSheet("Data", smallPeople())]), { userReadsMs: TEN_MINUTES, ...options });
}

async function click(host: CommandHost, name: string): ReturnType<CommandHost["click"]> {
  const restore = host.install();
  try {
    return await host.click(commandHandler(COMMANDS[name]));
  } finally {
    restore();
  }
}

test("Periksa Data completes before the user closes the dialog, well within Office's limit", async () => {
  const host = commandHost({ syncMs: 50 });
  const run = await click(host, "checkData");
  expect(run.timedOut).toBe(false);
  expect(run.completions).toBe(1);
  expect(host.dialogs).toHaveLength(1);
  const [dialog] = host.dialogs;
  expect(new URL(dialog.url).pathname).toBe("/result.html");
  // Completed when the work was done: before the dialog opened, long before it closed.
  expect(run.completedAfter).not.toBeNull();
  expect(run.completedAfter!).toBeLessThanOrEqual(dialog.openedAt);
  expect(dialog.closedAt).toBe(dialog.openedAt + TEN_MINUTES);
  expect(run.completedAfter!).toBeLessThan(COMMAND_LIMIT_MS);
  expect(host.excel.model.sheet(LABELS.sheetReport.id)).not.toBeNull();
});

test("every button completes once while its dialog is still open", async () => {
  const host = commandHost();
  for (const name of Object.keys(COMMANDS)) {
    const run = await click(host, name);
    expect([name, run.timedOut, run.completions]).toEqual([name, false, 1]);
  }
  expect(host.dialogs.every((d) => d.closedAt !== null && d.closedAt - d.openedAt === TEN_MINUTES)).toBe(true);
});

test("without the Dialog API the button completes and opens nothing", async () => {
  const host = commandHost({ dialogApi: false });
  const run = await click(host, "checkData");
  expect(run).toMatchObject({ timedOut: false, completions: 1 });
  expect(host.dialogs).toEqual([]);
});

test("the host ends a command that waits on its dialog past the limit", async () => {
  const host = commandHost();
  // A handler written the old way: completes only when the user has closed the dialog.
  const waitsOnUser = (event: { completed: () => void }): Promise<void> =>
    new Promise<void>((resolve) => {
      const office = (globalThis as unknown as { Office: { context: { ui: Office.UI } } }).Office;
      office.context.ui.displayDialogAsync("https://localhost:3000/result.html", {}, (opened) => {
        (opened.value as Office.Dialog).addEventHandler(Office.EventType.DialogMessageReceived, () => resolve());
      });
    }).then(() => event.completed());
  const restore = host.install();
  try {
    const run = await host.click(waitsOnUser);
    expect(run.timedOut).toBe(true);
    expect(run.completedAfter).toBeNull();
  } finally {
    restore();
  }
});

test("the result dialog's address carries the message and counts, and reads back the same", () => {
  const message = 'Selesai: 2 galat & 1 peringatan? #A=B+C "100%"';
  const url = resultUrl(
    "https://localhost:3000/cek/commands.html?_host_Info=Excel#x",
    {
      kind: "check",
      state: "done",
      ok: false,
      message,
      messages: { id: message, en: message },
      counts: { ...NO_COUNTS, errors: 2, warnings: 1, people: 5 },
      problems: [],
    },
    "en",
  );
  expect(url.startsWith("https://localhost:3000/cek/result.html?")).toBe(true);
  expect(readResultParams(url.slice(url.indexOf("?")))).toEqual({
    lang: "en",
    ok: false,
    message,
    counts: true,
    errors: 2,
    warnings: 1,
    people: 5,
  });
  // A damaged query still reads: the defaults, and the text as it stands.
  expect(readResultParams("?message=%E0%A4%A&errors=-3&lang=xx")).toMatchObject({
    lang: "id",
    ok: true,
    message: "%E0%A4%A",
    errors: 0,
  });
});
