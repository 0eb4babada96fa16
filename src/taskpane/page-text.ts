/**
 * Puts the words of the vocabulary into the page: every element with
 * `data-label="<label key>"` (src/addin/vocabulary.ts) gets that label in the current language.
 */
import { Lang } from "../core/vocabulary";
import { LABELS, label, LabelKey } from "../addin/vocabulary";

function isLabelKey(key: string): key is LabelKey {
  return Object.prototype.hasOwnProperty.call(LABELS, key);
}

export function applyPageText(root: Document | HTMLElement, lang: Lang): void {
  const found = root.querySelectorAll<HTMLElement>("[data-label]");
  // A plain loop: NodeList.forEach is missing in Internet Explorer 11.
  for (let i = 0; i < found.length; i++) {
    const element = found[i];
    const key = element.getAttribute("data-label") ?? "";
    if (isLabelKey(key)) element.textContent = label(key, lang);
  }
  if (root instanceof Document) root.documentElement.lang = lang;
}
