/**
 * What every layer's vocabulary must satisfy: each entry has non-empty Bahasa Indonesia
 * and English text, and both hold the same {placeholders}, so a message never shows a
 * raw "{name}" in one language only.
 */
import type { Bilingual } from "../src/core/vocabulary";

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? "").sort();
}

/** One line per problem found in the named table; empty when it is sound. */
export function bilingualProblems(table: string, entries: Readonly<Record<string, Bilingual>>): string[] {
  const problems: string[] = [];
  for (const [key, entry] of Object.entries(entries)) {
    for (const lang of ["id", "en"] as const) {
      const text: unknown = entry[lang];
      if (typeof text !== "string" || text.trim() === "") problems.push(`${table}.${key}: no ${lang} text`);
    }
    const id = placeholders(String(entry.id));
    const en = placeholders(String(entry.en));
    if (id.join(",") !== en.join(","))
      problems.push(`${table}.${key}: placeholders differ (id: ${id.join(",")}; en: ${en.join(",")})`);
  }
  return problems;
}

/** The same check's failure cases, for each layer's test to prove it can fail. */
export const BROKEN_TABLE: Readonly<Record<string, Bilingual>> = {
  missingEnglish: { id: "Ada", en: " " },
  otherPlaceholder: { id: "{count} baris", en: "{rows} rows" },
  fine: { id: "{a} dan {b}", en: "{b} and {a}" },
};

export const BROKEN_TABLE_PROBLEMS = [
  "broken.missingEnglish: no en text",
  "broken.otherPlaceholder: placeholders differ (id: count; en: rows)",
];
