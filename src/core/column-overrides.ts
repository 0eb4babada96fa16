/**
 * The user's corrections of a wrong guess: per sheet, which column holds which role
 * (`{ "Data": { "endDate": "H" } }`; "-" says the role is not in the sheet). Parsed here
 * once for every adapter (the CLI's --column and --columns, the pane's picker); applied to
 * the detected layout by layout-overrides.ts (apart, so the pane's first screen reads the
 * saved corrections without the header detection).
 */
import { columnIndex } from "./cells";
import { type Bilingual, OVERRIDE_REASONS, ROLES, type Role, fillTemplate } from "./vocabulary";

/** Role -> column letter, or "-" for "this role is not in the sheet". */
export type RoleColumns = Readonly<Partial<Record<Role, string>>>;
/** Sheet name -> corrections. */
export type ColumnOverrides = Readonly<Record<string, RoleColumns>>;

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: Bilingual };

const LETTERS = /^[A-Z]{1,3}$/;
/** The letter that says "this role is not in the sheet". */
export const NOT_THERE = "-";

function bilingual(reason: Bilingual, params: Readonly<Record<string, string>>): Bilingual {
  return { id: fillTemplate(reason.id, params, "id"), en: fillTemplate(reason.en, params, "en") };
}

const isRole = (value: string): value is Role => Object.prototype.hasOwnProperty.call(ROLES, value);

/** A role and a column letter, checked; the letter upper-cased. */
function checkPair(role: string, letter: string): Parsed<[Role, string]> {
  if (!isRole(role))
    return {
      ok: false,
      reason: bilingual(OVERRIDE_REASONS.role, { value: role, roles: Object.keys(ROLES).join(", ") }),
    };
  const upper = letter.trim().toUpperCase();
  if (upper !== NOT_THERE && (!LETTERS.test(upper) || columnIndex(upper) > 16383))
    return { ok: false, reason: bilingual(OVERRIDE_REASONS.letter, { value: letter }) };
  return { ok: true, value: [role, upper] };
}

/** "SHEET!role=LETTER" (the sheet name may itself hold "!": the last one splits). */
export function parseColumnFlag(text: string): Parsed<{ sheet: string; role: Role; letter: string }> {
  const bang = text.lastIndexOf("!");
  const eq = text.indexOf("=", bang + 1);
  if (bang <= 0 || eq < 0) return { ok: false, reason: bilingual(OVERRIDE_REASONS.shape, { value: text }) };
  const pair = checkPair(text.slice(bang + 1, eq).trim(), text.slice(eq + 1));
  if (!pair.ok) return pair;
  return { ok: true, value: { sheet: text.slice(0, bang), role: pair.value[0], letter: pair.value[1] } };
}

/** A mapping file's JSON: `{ "SHEET": { "role": "LETTER" } }`. */
export function parseColumnMapping(json: unknown): Parsed<ColumnOverrides> {
  const bad = { ok: false, reason: OVERRIDE_REASONS.mapping } as const;
  if (typeof json !== "object" || json === null || Array.isArray(json)) return bad;
  const out: Record<string, Partial<Record<Role, string>>> = {};
  for (const [sheet, roles] of Object.entries(json as Record<string, unknown>)) {
    if (typeof roles !== "object" || roles === null || Array.isArray(roles)) return bad;
    const sheetOut: Partial<Record<Role, string>> = {};
    for (const [role, letter] of Object.entries(roles as Record<string, unknown>)) {
      if (typeof letter !== "string") return bad;
      const pair = checkPair(role, letter);
      if (!pair.ok) return pair;
      sheetOut[pair.value[0]] = pair.value[1];
    }
    out[sheet] = sheetOut;
  }
  return { ok: true, value: out };
}

/** Later corrections win, role by role. */
export function mergeOverrides(...all: readonly ColumnOverrides[]): ColumnOverrides {
  const out: Record<string, Partial<Record<Role, string>>> = {};
  for (const overrides of all)
    for (const [sheet, roles] of Object.entries(overrides)) out[sheet] = { ...out[sheet], ...roles };
  return out;
}
