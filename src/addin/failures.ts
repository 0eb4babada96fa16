/**
 * An action's message in both languages, and an error from Excel told in the user's words.
 * Apart from outcome.ts so the pane's first screen can say them without loading the engine.
 */
import type { Bilingual, Params } from "../core/vocabulary";
import { type LabelKey, label } from "./vocabulary";
import { officeErrorCode } from "./office";

/** A label in both languages. */
export function both(key: LabelKey, params: Params = {}): Bilingual {
  return { id: label(key, "id", params), en: label(key, "en", params) };
}

/** An error from Excel, told in the user's words. */
export function failedMessages(error: unknown): Bilingual {
  const code = officeErrorCode(error);
  return code === "InvalidOperationInCellEditMode"
    ? both("xlEditMode")
    : both("xlFailed", { code: code ?? (error instanceof Error ? error.message : String(error)) });
}
