/**
 * Puts the words of the vocabulary into the page: every element with
 * `data-label="<label key>"` (src/addin/vocabulary.ts) gets that label in the current language.
 */
import { Lang } from "../core/vocabulary";
import { LABELS, label, LabelKey } from "../addin/vocabulary";

function isLabelKey(key: string): key is LabelKey {
  return Object.prototype.hasOwnProperty.call(LABELS, key);
}

export function applyPageText(root: ParentNode, lang: Lang): void {
  root.querySelectorAll<HTMLElement>("[data-label]").forEach((element) => {
    const key = element.dataset.label ?? "";
    if (isLabelKey(key)) element.textContent = label(key, lang);
  });
  if (root instanceof Document) root.documentElement.lang = lang;
}
