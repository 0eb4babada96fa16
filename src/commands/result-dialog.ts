/**
 * The visible end of a ribbon button: Excel's API has no notification, so the result is
 * shown in an Office dialog (DialogApi 1.1, available from Office 2016). Only the
 * message and the counts travel in the dialog's URL: never a name or a NIK.
 * Resolves when the user closes the dialog, or at once when no dialog can be shown
 * (the selected report sheet is then the visible result).
 */
import type { ActionOutcome } from "../addin/actions";
import type { Lang } from "../core/vocabulary";

/** Query parameters of result.html. */
export interface ResultParams {
  lang: Lang;
  ok: boolean;
  message: string;
  /** Whether the counts below come from a check that ran and wrote (else they are not shown). */
  counts: boolean;
  errors: number;
  warnings: number;
  people: number;
}

/** result.html beside `base` (the page's own address), with the outcome in its query. */
export function resultUrl(base: string, outcome: ActionOutcome, lang: Lang): string {
  // Built by hand, not with URL/URLSearchParams: Internet Explorer 11 has neither, and their
  // polyfill would be the largest part of the function file.
  const folder = base.replace(/[?#].*$/, "").replace(/[^/]*$/, "");
  const counted = outcome.state === "done" && (outcome.kind === "check" || outcome.kind === "all");
  const params: [string, string][] = [
    ["lang", lang],
    ["ok", outcome.ok ? "1" : "0"],
    ["message", outcome.message.slice(0, 600)],
    ["counts", counted ? "1" : "0"],
    ["errors", String(outcome.counts.errors)],
    ["warnings", String(outcome.counts.warnings)],
    ["people", String(outcome.counts.people)],
  ];
  return `${folder}result.html?${params.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join("&")}`;
}

/** The query parameters of `search` ("?a=1&b=2"), decoded; a damaged escape leaves the text as it is. */
function queryParams(search: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of search.replace(/^\?/, "").split("&")) {
    if (part === "") continue;
    const eq = part.indexOf("=");
    const decode = (text: string): string => {
      try {
        return decodeURIComponent(text.replace(/\+/g, " "));
      } catch {
        return text;
      }
    };
    const key = decode(eq < 0 ? part : part.slice(0, eq));
    if (!out.has(key)) out.set(key, decode(eq < 0 ? "" : part.slice(eq + 1)));
  }
  return out;
}

export function readResultParams(search: string): ResultParams {
  const params = queryParams(search);
  const count = (name: string): number => {
    const value = Number(params.get(name));
    return Number.isFinite(value) && value >= 0 ? Math.floor(value) : 0;
  };
  return {
    lang: params.get("lang") === "en" ? "en" : "id",
    ok: params.get("ok") !== "0",
    message: params.get("message") ?? "",
    counts: params.get("counts") === "1",
    errors: count("errors"),
    warnings: count("warnings"),
    people: count("people"),
  };
}

function dialogSupported(): boolean {
  const context = typeof Office === "undefined" ? undefined : Office.context;
  return (
    context !== undefined &&
    context.ui !== undefined &&
    typeof context.ui.displayDialogAsync === "function" &&
    context.requirements !== undefined &&
    context.requirements.isSetSupported("DialogApi", "1.1")
  );
}

export function showResultDialog(outcome: ActionOutcome, lang: Lang): Promise<void> {
  if (!dialogSupported()) return Promise.resolve();
  return new Promise((resolve) => {
    Office.context.ui.displayDialogAsync(
      resultUrl(window.location.href, outcome, lang),
      { height: 35, width: 30, displayInIframe: true },
      (opened) => {
        if (opened.status !== Office.AsyncResultStatus.Succeeded) {
          resolve();
          return;
        }
        const dialog = opened.value;
        const done = (): void => {
          try {
            dialog.close();
          } catch {
            // already closed by the user
          }
          resolve();
        };
        dialog.addEventHandler(Office.EventType.DialogMessageReceived, done);
        dialog.addEventHandler(Office.EventType.DialogEventReceived, done);
      },
    );
  });
}
