/**
 * Which OPD a file belongs to: from the title rows above its table ("DAFTAR TENAGA NON
 * ASN DINAS LINGKUNGAN HIDUP KOTA BALIKPAPAN"), else the unit column when most people
 * share one unit, else the file name.
 */
import type { SheetGrid } from "../cells";
import { cellText } from "../cells";
import type { PersonRow, WorkbookResult } from "../results";

export type OpdSource = "title" | "unit" | "file";

/** Words that start the name of a government body in a title. */
const BODY =
  /\b(DINAS|BADAN|SEKRETARIAT|INSPEKTORAT|KANTOR|KECAMATAN|KELURAHAN|SATUAN|SATPOL|RSUD|RUMAH SAKIT|PUSKESMAS|BAGIAN|BIRO|UPTD|DPRD)\b/i;
/** What follows the body's name in a title: the region, the year, "per ..." */
const TAIL =
  /\s+(?:(?:PEMERINTAH\s+)?(?:KOTA|KABUPATEN|KAB\.?|PROVINSI|PROV\.?)\s|TAHUN\b|TA\.?\s|PER\s|KEADAAN\b|BULAN\b|SAMPAI\b|S\.?D\.?\s).*$/i;

/** The OPD's name inside one title text, or null. */
export function opdFromTitle(text: string): string | null {
  const flat = text.replace(/\s+/g, " ").trim();
  const m = BODY.exec(flat);
  if (m === null) return null;
  const name = flat
    .slice(m.index)
    .replace(TAIL, "")
    .replace(/[\s:,.;-]+$/, "");
  return name.length >= 5 ? name : null;
}

/** The text cells of the rows above each personnel table, top to bottom (the title rows). */
export function titleTexts(grids: readonly SheetGrid[], result: WorkbookResult): string[] {
  const out: string[] = [];
  for (const sheet of result.sheets) {
    if (sheet.kind !== "personnel" || sheet.headerTopRow === null) continue;
    const grid = grids.find((g) => g.name === sheet.name);
    if (grid === undefined) continue;
    const first = grid.firstRow ?? 1;
    for (let row = first; row < sheet.headerTopRow; row++) {
      for (const cell of grid.rows[row - first] ?? []) {
        const text = cell === null || cell === undefined ? "" : cellText(cell).trim();
        if (text !== "") out.push(text);
      }
    }
  }
  return out;
}

/** "03_DLH (revisi).xlsx" -> "DLH". */
export function opdFromFileName(path: string): string {
  const base = path.split(/[\\/]/).pop() ?? path;
  const stem = base
    .replace(/^~\$/, "")
    .replace(/\.[^.]+$/, "")
    .replace(/-cek(-\d+)?$/i, "")
    .replace(/[([]?\b(revisi|rev|perbaikan|final|update|baru|copy|salinan)\b[^)\]]*[)\]]?/gi, " ")
    .replace(/[_]+/g, " ")
    .replace(/^\s*\d+\s*[-.)]?\s*/, "")
    .replace(/\s+/g, " ")
    .trim();
  return stem === "" ? base : stem;
}

export function opdOf(
  titles: readonly string[],
  persons: readonly PersonRow[],
  path: string,
): { name: string; source: OpdSource } {
  for (const t of titles) {
    const name = opdFromTitle(t);
    if (name !== null) return { name, source: "title" };
  }
  const counts = new Map<string, number>();
  for (const p of persons) {
    const unit = p.unit?.trim();
    if (unit) counts.set(unit, (counts.get(unit) ?? 0) + 1);
  }
  let best: [string, number] | null = null;
  for (const entry of counts) if (best === null || entry[1] > best[1]) best = entry;
  // A unit column often names sub-units (UPTD, bidang); it names the OPD only when most rows agree.
  if (best !== null && best[1] * 2 > persons.length) return { name: best[0], source: "unit" };
  return { name: opdFromFileName(path), source: "file" };
}
