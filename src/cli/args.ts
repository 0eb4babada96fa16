/**
 * Command-line arguments to options. Policy flags are derived from the policy keys
 * (referenceDate -> --reference-date), so a new policy setting gets its flag for free;
 * their values are validated by resolvePolicy, not here.
 */
import { type ColumnOverrides, mergeOverrides, parseColumnFlag } from "../core/column-overrides";
import { DEFAULT_POLICY, type PolicyKey } from "../core/policy";
import type { Lang } from "../core/vocabulary";
import { cliMessage } from "./messages";

export interface CliOptions {
  readonly inputs: readonly string[];
  readonly out: string | null;
  readonly outDir: string | null;
  readonly json: string | null;
  readonly lang: Lang;
  /** Forces the row-by-row reader and writer (otherwise chosen by file size). */
  readonly streaming: boolean;
  readonly progress: boolean;
  readonly help: boolean;
  readonly policy: Partial<Record<PolicyKey, string>>;
  /** Column corrections from --column "SHEET!role=LETTER" (repeatable; a later one wins). */
  readonly columns: ColumnOverrides;
  /** --columns mapping.json: more corrections, read by the caller; --column flags win over it. */
  readonly columnsFile: string | null;
}

export type ParsedArgs =
  | { readonly ok: true; readonly options: CliOptions }
  | { readonly ok: false; readonly lang: Lang; readonly reason: string };

const kebab = (key: string): string => key.replace(/[A-Z]/g, (ch) => `-${ch.toLowerCase()}`);

/** Flag name (without "--") -> policy key: every key in kebab case, plus the short names of the spec. */
export const POLICY_FLAGS: ReadonlyMap<string, PolicyKey> = new Map<string, PolicyKey>([
  ...(Object.keys(DEFAULT_POLICY) as PolicyKey[]).map((key): [string, PolicyKey] => [kebab(key), key]),
  ["cutoff", "cutoffDate"],
  ["min-months", "minTenureMonths"],
]);

const VALUE_FLAGS = new Set(["out", "out-dir", "json", "lang", "column", "columns"]);
const SWITCHES = new Set(["streaming", "progress", "help"]);

/** The language asked for, looked up first so that even argument errors speak it. */
export function langOf(argv: readonly string[]): Lang {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--lang" && argv[i + 1] === "en") return "en";
    if (arg === "--lang=en") return "en";
  }
  return "id";
}

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const lang = langOf(argv);
  const fail = (reason: string): ParsedArgs => ({ ok: false, lang, reason });
  const values = new Map<string, string>();
  const switches = new Set<string>();
  const policy: Partial<Record<PolicyKey, string>> = {};
  const positional: string[] = [];
  let columns: ColumnOverrides = {};

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--") {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (arg === "-h") {
      switches.add("help");
      continue;
    }
    if (!arg.startsWith("--")) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    if (SWITCHES.has(name) && eq === -1) {
      switches.add(name);
      continue;
    }
    const policyKey = POLICY_FLAGS.get(name);
    if (!VALUE_FLAGS.has(name) && policyKey === undefined)
      return fail(cliMessage("unknownOption", lang, { value: `--${name}` }));
    let value: string | undefined;
    if (eq !== -1) value = arg.slice(eq + 1);
    else {
      value = argv[i + 1];
      if (value === undefined || value.startsWith("--"))
        return fail(cliMessage("missingOptionValue", lang, { value: `--${name}` }));
      i++;
    }
    if (policyKey !== undefined) policy[policyKey] = value;
    else if (name === "column") {
      const parsed = parseColumnFlag(value);
      if (!parsed.ok) return fail(parsed.reason[lang]);
      const { sheet, role, letter } = parsed.value;
      columns = mergeOverrides(columns, { [sheet]: { [role]: letter } });
    } else values.set(name, value);
  }

  const help = switches.has("help");
  const [command, ...inputs] = positional;
  if (!help) {
    if (command === undefined) return fail(cliMessage("noInput", lang));
    if (command !== "check") return fail(cliMessage("unknownCommand", lang, { value: command }));
    if (inputs.length === 0) return fail(cliMessage("noInput", lang));
  }
  const langValue = values.get("lang");
  if (langValue !== undefined && langValue !== "id" && langValue !== "en")
    return fail(cliMessage("badLang", lang, { value: langValue }));
  const out = values.get("out") ?? null;
  const outDir = values.get("out-dir") ?? null;
  if (out !== null && outDir !== null) return fail(cliMessage("outAndOutDir", lang));
  if (out !== null && !/\.xlsx$/i.test(out)) return fail(cliMessage("outNotXlsx", lang, { value: out }));

  return {
    ok: true,
    options: {
      inputs,
      out,
      outDir,
      json: values.get("json") ?? null,
      lang,
      streaming: switches.has("streaming"),
      progress: switches.has("progress"),
      help,
      policy,
      columns,
      columnsFile: values.get("columns") ?? null,
    },
  };
}
