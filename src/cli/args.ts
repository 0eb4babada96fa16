/**
 * Command-line arguments to options. Policy flags are derived from the policy keys
 * (referenceDate -> --reference-date), so a new policy setting gets its flag for free;
 * their values are validated by resolvePolicy, not here.
 */
import { parseArgs as nodeParseArgs } from "util";
import { type ColumnOverrides, mergeOverrides, parseColumnFlag } from "../core/column-overrides";
import { DEFAULT_POLICY, type PolicyKey } from "../core/policy";
import type { Lang } from "../core/vocabulary";
import { cliMessage } from "./messages";

export interface CliOptions {
  /** check: one or more workbooks, annotated; rekap: many OPD files in one workbook. */
  readonly command: "check" | "rekap";
  readonly inputs: readonly string[];
  readonly out: string | null;
  readonly outDir: string | null;
  readonly json: string | null;
  readonly lang: Lang;
  /** Accepted for old scripts; every file is read and copied the same streaming way. */
  readonly streaming: boolean;
  /** Replace an existing output file that is not an earlier copy of this tool. */
  readonly force: boolean;
  readonly progress: boolean;
  readonly help: boolean;
  /** rekap: issue codes per file on the terminal. */
  readonly verbose: boolean;
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
/** Value flags that may be given more than once (their values are kept in order). */
const REPEATED_FLAGS = new Set(["column"]);
/** `--streaming` is accepted as before and changes nothing: every file now takes the same streaming path. */
const SWITCHES = new Set(["streaming", "progress", "help", "force", "verbose"]);

/** The language asked for, looked up first so that even argument errors speak it. */
export function langOf(argv: readonly string[]): Lang {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--lang" && argv[i + 1] === "en") return "en";
    if (arg === "--lang=en") return "en";
  }
  return "id";
}

type OptionSpec = { type: "string" | "boolean"; short?: string; multiple?: boolean };

function optionSpecs(): Record<string, OptionSpec> {
  const specs: Record<string, OptionSpec> = {};
  for (const name of VALUE_FLAGS)
    specs[name] = REPEATED_FLAGS.has(name) ? { type: "string", multiple: true } : { type: "string" };
  for (const name of POLICY_FLAGS.keys()) specs[name] = { type: "string" };
  for (const name of SWITCHES) specs[name] = { type: "boolean" };
  specs["help"] = { type: "boolean", short: "h" };
  return specs;
}

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const lang = langOf(argv);
  const fail = (reason: string): ParsedArgs => ({ ok: false, lang, reason });
  let parsed: { values: Record<string, string | boolean | string[] | undefined>; positionals: string[] };
  try {
    parsed = nodeParseArgs({
      args: [...argv],
      options: optionSpecs(),
      allowPositionals: true,
      strict: true,
    }) as typeof parsed;
  } catch (error) {
    const code = (error as { code?: string }).code;
    const message = error instanceof Error ? error.message : "";
    const named = /'(-{1,2}[^' =]+)/.exec(message)?.[1] ?? "?";
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return fail(cliMessage("unknownOption", lang, { value: named }));
    return fail(cliMessage("missingOptionValue", lang, { value: named }));
  }
  const values = new Map<string, string>();
  const switches = new Set<string>();
  const policy: Partial<Record<PolicyKey, string>> = {};
  let columns: ColumnOverrides = {};
  for (const [name, value] of Object.entries(parsed.values)) {
    if (value === undefined) continue;
    if (typeof value === "boolean") {
      if (value) switches.add(name);
      continue;
    }
    const policyKey = POLICY_FLAGS.get(name);
    if (name === "column") {
      for (const flag of typeof value === "string" ? [value] : value) {
        const column = parseColumnFlag(flag);
        if (!column.ok) return fail(column.reason[lang]);
        const { sheet, role, letter } = column.value;
        columns = mergeOverrides(columns, { [sheet]: { [role]: letter } });
      }
      continue;
    }
    const single = typeof value === "string" ? value : (value[value.length - 1] ?? "");
    if (policyKey !== undefined) policy[policyKey] = single;
    else values.set(name, single);
  }
  const positional = parsed.positionals;

  const help = switches.has("help");
  const [command, ...inputs] = positional;
  if (!help) {
    if (command === undefined) return fail(cliMessage("noInput", lang));
    if (command !== "check" && command !== "rekap") return fail(cliMessage("unknownCommand", lang, { value: command }));
    if (inputs.length === 0) return fail(cliMessage("noInput", lang));
  }
  // --verbose belongs to the rekap; check prints its full summary anyway.
  if (switches.has("verbose") && command !== "rekap")
    return fail(cliMessage("unknownOption", lang, { value: "--verbose" }));
  const langValue = values.get("lang");
  if (langValue !== undefined && langValue !== "id" && langValue !== "en")
    return fail(cliMessage("badLang", lang, { value: langValue }));
  const out = values.get("out") ?? null;
  const outDir = values.get("out-dir") ?? null;
  if (out !== null && outDir !== null) return fail(cliMessage("outAndOutDir", lang));
  if (out !== null && !/\.xls[xm]$/i.test(out)) return fail(cliMessage("outNotXlsx", lang, { value: out }));

  return {
    ok: true,
    options: {
      command: command === "rekap" ? "rekap" : "check",
      inputs,
      out,
      outDir,
      json: values.get("json") ?? null,
      lang,
      streaming: switches.has("streaming"),
      progress: switches.has("progress"),
      force: switches.has("force"),
      help,
      verbose: switches.has("verbose"),
      policy,
      columns,
      columnsFile: values.get("columns") ?? null,
    },
  };
}
