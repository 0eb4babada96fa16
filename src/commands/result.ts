/**
 * result.html: the dialog a ribbon button opens when it is done. It shows the message
 * and the counts from its URL, and tells the button to close it.
 */
import { SEVERITIES } from "../core/vocabulary";
import { label } from "../addin/vocabulary";
import { readResultParams } from "./result-dialog";

function close(): void {
  if (typeof Office !== "undefined" && Office.context?.ui?.messageParent !== undefined) {
    Office.context.ui.messageParent("close");
  } else {
    window.close();
  }
}

function show(): void {
  const result = readResultParams(window.location.search);
  const lang = result.lang;
  document.documentElement.lang = lang;
  // A run that was stopped, blocked or failed is not "selesai".
  (document.getElementById("result-title") as HTMLElement).textContent = label(
    result.ok ? "paneDone" : "paneStopped",
    lang,
  );
  const message = document.getElementById("result-message") as HTMLElement;
  message.textContent = result.message;
  message.classList.toggle("failed", !result.ok);
  const counts = document.getElementById("result-counts") as HTMLElement;
  // Counts only for a check that ran and wrote: never counts that look like a result when nothing was done.
  const shown: [string, number][] = result.counts
    ? [
        [SEVERITIES.error[lang], result.errors],
        [SEVERITIES.warning[lang], result.warnings],
        [label("totalPeople", lang), result.people],
      ]
    : [];
  counts.hidden = shown.length === 0;
  for (const [name, value] of shown) {
    const item = document.createElement("li");
    item.textContent = `${name}: ${value}`;
    counts.appendChild(item);
  }
  const button = document.getElementById("result-close") as HTMLButtonElement;
  button.textContent = label("paneClose", lang);
  button.addEventListener("click", close);
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape") close();
  });
  button.focus();
  document.body.dataset.ready = "true";
}

// onReady only resolves (outside Office too); nothing waits on it.
void Office.onReady(show);
