/**
 * Words only `cek-honorer rekap` says on the terminal, in Bahasa Indonesia and English.
 * The rekap workbook's words are in src/core/rekap/labels.ts.
 */
import { type Bilingual, type Lang, type Params, fillTemplate } from "../core/vocabulary";

export const REKAP_MESSAGES = {
  needsOutput: {
    id: "rekap memerlukan --out REKAP.xlsx (dan/atau --json REKAP.json).",
    en: "rekap needs --out REKAP.xlsx (and/or --json REKAP.json).",
  },
  noOutDir: {
    id: "--out-dir tidak dipakai untuk rekap; gunakan --out REKAP.xlsx.",
    en: "--out-dir is not used by rekap; use --out REKAP.xlsx.",
  },
  nothingFound: {
    id: "tidak ada file di {value}.",
    en: "no files in {value}.",
  },
  missing: { id: "{value} tidak ditemukan.", en: "{value} was not found." },
  header: { id: "Rekap {files} berkas:", en: "Rekap of {files} files:" },
  lineChecked: {
    id: "{persons} pegawai, {errors} kesalahan, {warnings} peringatan",
    en: "{persons} people, {errors} errors, {warnings} warnings",
  },
  totals: {
    id: "Jumlah: {files} berkas ({checked} diperiksa, {skipped} dilewati, {repeats} berulang); {persons} pegawai; {ready} OPD siap, {sendBack} dikembalikan; {errors} kesalahan, {warnings} peringatan; {duplicates} NIK ganda antar OPD.",
    en: "Total: {files} files ({checked} checked, {skipped} skipped, {repeats} repeated); {persons} people; {ready} OPDs ready, {sendBack} sent back; {errors} errors, {warnings} warnings; {duplicates} NIKs duplicated across OPDs.",
  },
  wroteWorkbook: { id: "Buku kerja rekap: {path}", en: "Rekap workbook: {path}" },
  wroteJson: { id: "JSON rekap: {path}", en: "Rekap JSON: {path}" },
  reading: { id: "membaca {file} ({done}/{total})", en: "reading {file} ({done}/{total})" },
  verboseCode: { id: "      {code} ({title}): {count}", en: "      {code} ({title}): {count}" },
} as const satisfies Record<string, Bilingual>;

export type RekapMessageKey = keyof typeof REKAP_MESSAGES;

export function rekapMessage(key: RekapMessageKey, lang: Lang, params: Params = {}): string {
  return fillTemplate(REKAP_MESSAGES[key][lang], params, lang);
}

export const REKAP_USAGE: Bilingual = {
  id: `Rekap banyak file OPD menjadi satu buku kerja:
  cek-honorer rekap <folder|file.xlsx>... --out REKAP.xlsx [--json REKAP.json] [--lang en] [--verbose]

  Folder dibaca beserta subfoldernya; setiap file tercatat (yang dilewati diberi alasan).
  Sheet: Rekap OPD, Ringkasan Pimpinan, Semua Pegawai, Masalah, NIK Ganda Antar OPD, Berkas Berulang.
  --verbose                rincian kode masalah per file
  Kode keluar: 0 semua siap, 1 ada galat atau file dilewati, 2 opsi salah.`,
  en: `Rekap of many OPD files in one workbook:
  cek-honorer rekap <folder|workbook.xlsx>... --out REKAP.xlsx [--json REKAP.json] [--lang en] [--verbose]

  Folders are read with their subfolders; every file is accounted for (skipped ones with a reason).
  Sheets: OPD Rekap, Summary for the Head, All People, Problems, Duplicate NIKs Across OPDs, Repeated Files.
  --verbose                issue codes per file
  Exit codes: 0 all ready, 1 errors found or a file skipped, 2 bad options.`,
};
