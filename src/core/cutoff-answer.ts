/**
 * The three answers of the cut-off for a non-ASN contract (domain.md), and their labels.
 * A module of its own so the task pane's first screen names them without the report code.
 */
import type { Policy } from "./policy";
import type { PersonRow } from "./results";
import type { LabelKey } from "./vocabulary";

/** null for an ASN. */
export type CutoffAnswer = "on-or-before" | "past" | "no-end";

export const CUTOFF_ANSWER_LABELS: Record<CutoffAnswer, LabelKey> = {
  "on-or-before": "cutoffOnOrBefore",
  past: "cutoffPast",
  "no-end": "cutoffNoEnd",
};

export function cutoffAnswer(person: PersonRow, policy: Policy): CutoffAnswer | null {
  if (person.category.startsWith("asn-")) return null;
  if (person.endDate === null) return "no-end";
  return person.endDate > policy.cutoffDate ? "past" : "on-or-before";
}
