/**
 * The name of the regional office (OPD) a workbook belongs to, from the title rows above its
 * tables ("DAFTAR TENAGA NON ASN DINAS KESEHATAN KOTA BALIKPAPAN", "TAHUN 2025"): the words
 * from the first office word on, without a trailing year. For the summary sheet's heading.
 */

/** Words that start an office's name in Indonesian regional government. */
const OFFICE_START =
  /\b(DINAS|BADAN|SEKRETARIAT|INSPEKTORAT|SATUAN POLISI|SATPOL|KECAMATAN|KELURAHAN|RSUD|RUMAH SAKIT|PUSKESMAS|KANTOR|BAGIAN|UPTD|UPT)\b/i;
const TRAILING_YEAR = /[\s,]*(TAHUN|TA\.?|PERIODE)?\s*\d{4}\s*$/i;

export function opdNameFromTitles(lines: readonly string[]): string | null {
  for (const raw of lines) {
    const line = raw.replace(/\s+/g, " ").trim();
    const at = OFFICE_START.exec(line);
    if (at === null) continue;
    const name = line
      .slice(at.index)
      .replace(TRAILING_YEAR, "")
      .replace(/[\s:,;-]+$/, "");
    if (name.length >= 5) return name.slice(0, 120);
  }
  return null;
}
