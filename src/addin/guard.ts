/**
 * Before any write: is every sheet to be written open for writing? A protected sheet or a
 * read-only workbook stops the action before its first write, so nothing is half done.
 * ExcelApi 1.2 tells protection and 1.8 tells read-only; where they are missing (Office
 * 2016), a write that changes nothing (a cell's number format set to itself) finds out.
 */
import { generalAlias } from "./locale";
import type { Capabilities } from "./office";
import { officeErrorCode } from "./office";

export type Writable =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly reason: "read-only" | "structure" | "protected" | "protected-or-read-only";
      readonly sheets: readonly string[];
    };

/**
 * `sheets`: existing sheets the action writes to; `addsSheets`: whether it adds one (a
 * protected workbook structure forbids it, ExcelApi 1.7 tells). With no existing sheet to
 * write, nothing is probed: adding a sheet is then the first write, and if Excel refuses
 * it nothing else was written.
 */
export async function checkWritable(
  context: Excel.RequestContext,
  caps: Capabilities,
  sheets: readonly string[],
  addsSheets: boolean,
): Promise<Writable> {
  const workbook = caps.v1_8 ? context.workbook.load("readOnly") : null;
  const structure = caps.v1_7 && addsSheets ? context.workbook.protection.load("protected") : null;
  const protections = caps.v1_2
    ? sheets.map((name) => ({
        name,
        protection: context.workbook.worksheets.getItem(name).protection.load("protected"),
      }))
    : [];
  const needProbe = !caps.v1_2 || !caps.v1_8;
  const probes = needProbe
    ? sheets.map((name) => ({
        name,
        a1: context.workbook.worksheets.getItem(name).getRange("A1").load("numberFormat"),
      }))
    : [];
  await context.sync();
  if (workbook?.readOnly === true) return { ok: false, reason: "read-only", sheets: [] };
  if (structure?.protected === true) return { ok: false, reason: "structure", sheets: [] };
  const locked = protections.filter((p) => p.protection.protected).map((p) => p.name);
  if (locked.length > 0) return { ok: false, reason: "protected", sheets: locked };
  if (probes.length === 0) return { ok: true };
  // Written back as it was ("Umum" as "General": numberFormat takes en-US, src/addin/locale.ts).
  for (const p of probes) p.a1.numberFormat = [[generalAlias(p.a1.numberFormat[0][0] as string)]];
  try {
    await context.sync();
  } catch (error) {
    if (officeErrorCode(error) === "AccessDenied")
      return { ok: false, reason: "protected-or-read-only", sheets: probes.map((p) => p.name) };
    throw error;
  }
  return { ok: true };
}
