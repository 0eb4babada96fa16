/** Shared by the package tests: check + patch in process, unzip, validate with the ECMA schemas. */
import { execFileSync, spawnSync } from "child_process";
import { existsSync, promises as fs } from "fs";
import * as path from "path";
import { unzipSync, strFromU8 } from "fflate";
import { CheckSession } from "../../src/core/engine";
import { DEFAULT_POLICY } from "../../src/core/policy";
import type { WorkbookResult } from "../../src/core/results";
import { checkPackage, dataSheets, keepRowsWithIssues } from "../../src/package/check";
import { type HeldPart, wholeSheetPart } from "../../src/package/sheet-reader";
import { patchPackage } from "../../src/package/patch";
import { type WorkbookPackage, openPackage } from "../../src/package/workbook";

export const VALIDATOR = path.join(__dirname, "..", "..", "..", "shared", "ooxml-xsd", "validate-xlsx.py");
const VALIDATOR_FALLBACKS = [VALIDATOR, "/work/shared/ooxml-xsd/validate-xlsx.py"];

/**
 * Check + patch in process, as the command line does: `keepTexts` (default) patches the texts
 * read for the check without a second inflate; `compact` is the run without --json (rows
 * without issues let go, the copy's needs kept compactly).
 */
export async function annotate(
  bytes: Uint8Array,
  options: { keepTexts?: boolean; compact?: boolean; pieceBytes?: number } = {},
): Promise<{ copy: Uint8Array; result: WorkbookResult }> {
  const { keepTexts = true, compact = false, pieceBytes } = options;
  const pkg = openPackage(bytes);
  const session = new CheckSession(DEFAULT_POLICY, compact ? { keepPersonRow: keepRowsWithIssues } : {});
  // `pieceBytes`: the sheets held in pieces of this size, as the command line holds them (inflated on the thread pool).
  const held = pieceBytes !== undefined ? heldInPieces(pkg, pieceBytes) : undefined;
  const check = checkPackage(pkg, session, undefined, {
    keepTexts,
    ...(compact ? { compactFor: "id" as const } : {}),
    ...(held !== undefined ? { held } : {}),
  });
  const chunks: Uint8Array[] = [];
  const { result } = await patchPackage(pkg, check, "id", (chunk) => {
    chunks.push(chunk.slice());
  });
  const copy = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    copy.set(c, at);
    at += c.length;
  }
  return { copy, result };
}

function heldInPieces(pkg: WorkbookPackage, pieceBytes: number): Map<string, HeldPart> {
  const held = new Map<string, HeldPart>();
  for (const sheet of dataSheets(pkg)) {
    const whole = wholeSheetPart(pkg, sheet.part as string);
    const bytes = whole?.pieces[0];
    if (whole === undefined || bytes === undefined) continue;
    const pieces: Uint8Array[] = [];
    for (let i = 0; i < bytes.length; i += pieceBytes) pieces.push(bytes.slice(i, i + pieceBytes));
    held.set(sheet.part as string, { ...whole, pieces });
  }
  return held;
}

export const partsOf = (bytes: Uint8Array): Record<string, Uint8Array> => unzipSync(bytes);
export const textOf = (parts: Record<string, Uint8Array>, name: string): string => {
  const p = parts[name];
  if (p === undefined) throw new Error(`no part ${name}`);
  return strFromU8(p);
};

/** The schema validator; fails loudly when it or what it needs is missing (scripts/setup.sh installs it). */
export function validatorPath(): string {
  const found = VALIDATOR_FALLBACKS.find((p) => existsSync(p));
  if (found === undefined) throw new Error(`validate-xlsx.py not found (looked in ${VALIDATOR_FALLBACKS.join(", ")})`);
  const probe = spawnSync("python3", ["-c", "import xml.etree.ElementTree"], { encoding: "utf8" });
  if (probe.status !== 0) throw new Error("python3 is missing: run scripts/setup.sh");
  const xmllint = spawnSync("xmllint", ["--version"], { encoding: "utf8" });
  if (xmllint.status !== 0) throw new Error("xmllint is missing (Debian libxml2-utils): run scripts/setup.sh");
  return found;
}

/** The parts the validator reports invalid, and its summary line. */
export async function invalidParts(
  bytes: Uint8Array,
  dir: string,
  name: string,
): Promise<{ invalid: string[]; summary: string }> {
  await fs.mkdir(dir, { recursive: true });
  const file = path.join(dir, name);
  await fs.writeFile(file, bytes);
  let output: string;
  try {
    output = execFileSync("python3", [validatorPath(), file, "--quiet"], { encoding: "utf8" });
  } catch (error) {
    output = String((error as { stdout?: string }).stdout ?? "");
  }
  const lines = output.trim().split("\n");
  return { invalid: lines.slice(0, -1).map((l) => l.split(":")[0] as string), summary: lines[lines.length - 1] ?? "" };
}

/** Every part has a content type; every internal relationship points at a part that exists. */
export function packageProblems(parts: Record<string, Uint8Array>): string[] {
  const problems: string[] = [];
  const types = textOf(parts, "[Content_Types].xml");
  const defaults = new Set(
    [...types.matchAll(/<Default\s[^>]*Extension="([^"]+)"/g)].map((m) => (m[1] as string).toLowerCase()),
  );
  const overrides = new Set(
    [...types.matchAll(/<Override\s[^>]*PartName="([^"]+)"/g)].map((m) => (m[1] as string).toLowerCase()),
  );
  const names = Object.keys(parts);
  const lower = new Set(names.map((n) => n.toLowerCase()));
  for (const name of names) {
    if (name === "[Content_Types].xml" || name.endsWith("/")) continue;
    const ext = name.slice(name.lastIndexOf(".") + 1).toLowerCase();
    if (!overrides.has(`/${name}`.toLowerCase()) && !defaults.has(ext)) problems.push(`no content type: ${name}`);
  }
  for (const name of names.filter((n) => n.endsWith(".rels"))) {
    const source = name.replace(/_rels\/([^/]*)\.rels$/, "$1");
    const dir = source.split("/").slice(0, -1);
    for (const m of textOf(parts, name).matchAll(/<Relationship\s[^>]*>/g)) {
      const tag = m[0];
      if (/TargetMode="External"/.test(tag)) continue;
      const target = /Target="([^"]+)"/.exec(tag)?.[1] ?? "";
      const segs = target.startsWith("/") ? [] : [...dir];
      for (const s of target.replace(/^\//, "").split("/")) {
        if (s === "..") segs.pop();
        else if (s !== ".") segs.push(s);
      }
      if (!lower.has(segs.join("/").toLowerCase())) problems.push(`${name}: no target ${target}`);
    }
  }
  return problems;
}

/** The cells of a sheet part by reference: their opening tag's type and style, formula and value. */
export function cellsOf(
  xml: string,
): Map<string, { t: string | null; s: string; f: string | null; v: string | null; raw: string }> {
  const out = new Map<string, { t: string | null; s: string; f: string | null; v: string | null; raw: string }>();
  const re = /<(?:\w+:)?c\s([^>]*?)(\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;
  for (const m of xml.matchAll(re)) {
    const attrsText = m[1] as string;
    const ref = /(?:^|\s)r="([^"]+)"/.exec(attrsText)?.[1] ?? "";
    const inner = m[3] ?? "";
    out.set(ref, {
      t: /(?:^|\s)t="([^"]+)"/.exec(attrsText)?.[1] ?? null,
      s: /(?:^|\s)s="([^"]+)"/.exec(attrsText)?.[1] ?? "0",
      f: /<(?:\w+:)?f[\s>/][\s\S]*?(?:<\/(?:\w+:)?f>|\/>)/.exec(inner)?.[0] ?? null,
      v:
        /<(?:\w+:)?v>([\s\S]*?)<\/(?:\w+:)?v>/.exec(inner)?.[1] ??
        /<(?:\w+:)?is>[\s\S]*?<\/(?:\w+:)?is>/.exec(inner)?.[0] ??
        null,
      raw: m[0],
    });
  }
  return out;
}
