/**
 * Every word of the rekap (the cross-file workbook and its JSON), in Bahasa Indonesia and
 * English. Issue titles, categories and statuses come from the core vocabulary; this file
 * holds only what the rekap adds.
 */
import { type Bilingual, type Lang, type Params, fillTemplate } from "../vocabulary";

/** Why a file found in the folder was not checked. */
export const SKIP_REASONS = {
  "lock-file": {
    id: "File kunci Excel (~$...), dibuat Excel selama buku kerja terbuka; bukan data.",
    en: "Excel lock file (~$...), made by Excel while a workbook is open; not data.",
  },
  "old-xls": {
    id: "Format Excel lama (.xls); simpan ulang sebagai .xlsx di Excel, lalu rekap lagi.",
    en: "Old Excel format (.xls); save it again as .xlsx in Excel, then run the rekap again.",
  },
  ods: {
    id: "Format OpenDocument (.ods); simpan ulang sebagai .xlsx, lalu rekap lagi.",
    en: "OpenDocument format (.ods); save it again as .xlsx, then run the rekap again.",
  },
  xlsb: {
    id: "Format biner (.xlsb); simpan ulang sebagai .xlsx di Excel, lalu rekap lagi.",
    en: "Binary format (.xlsb); save it again as .xlsx in Excel, then run the rekap again.",
  },
  password: {
    id: "Dilindungi kata sandi; minta OPD mengirim file tanpa kata sandi.",
    en: "Password-protected; ask the OPD to send it without a password.",
  },
  damaged: {
    id: "File rusak atau terpotong; minta OPD mengirim ulang.",
    en: "The file is damaged or truncated; ask the OPD to send it again.",
  },
  empty: {
    id: "File kosong (0 byte); minta OPD mengirim ulang.",
    en: "Empty file (0 bytes); ask the OPD to send it again.",
  },
  "own-output": {
    id: "Hasil Cek Honorer sendiri (salinan beranotasi atau rekap), bukan data OPD.",
    en: "Cek Honorer's own output (an annotated copy or a rekap), not OPD data.",
  },
  "not-workbook": {
    id: "Bukan buku kerja Excel (.xlsx/.xlsm).",
    en: "Not an Excel workbook (.xlsx/.xlsm).",
  },
  unreadable: { id: "File tidak dapat dibaca.", en: "The file cannot be read." },
} as const satisfies Record<string, Bilingual>;

export type SkipReason = keyof typeof SKIP_REASONS;
export const SKIP_REASON_CODES = Object.keys(SKIP_REASONS) as SkipReason[];

/** The cut-off, per non-ASN contract (domain.md, settled points): three answers; ASN get none. */
export const CUTOFF_ANSWERS = {
  "ends-by-cutoff": { id: "Berakhir sampai batas", en: "Ends by the cut-off" },
  "runs-past-cutoff": { id: "Melewati batas (diakhiri pada batas)", en: "Runs past the cut-off (ended at it)" },
  "no-end-date": { id: "Tanpa tanggal akhir (diakhiri pada batas)", en: "No end date (ended at the cut-off)" },
} as const satisfies Record<string, Bilingual>;

export type CutoffAnswer = keyof typeof CUTOFF_ANSWERS;
export const CUTOFF_ANSWER_CODES = Object.keys(CUTOFF_ANSWERS) as CutoffAnswer[];

/** A file's verdict in the rekap. */
export const VERDICTS = {
  ready: { id: "Siap", en: "Ready" },
  "send-back": { id: "Kembalikan ke OPD", en: "Send back to the OPD" },
  repeat: { id: "Berkas berulang (tidak dihitung)", en: "Repeated file (not counted)" },
  skipped: { id: "Dilewati", en: "Skipped" },
} as const satisfies Record<string, Bilingual>;

export type Verdict = keyof typeof VERDICTS;

/** Why one of two repeated files was counted. */
export const REPEAT_WHY = {
  "name-revision": {
    id: 'nama file "{kept}" menandai revisi/perbaikan',
    en: 'the name "{kept}" marks a revision',
  },
  newer: {
    id: "file yang dihitung lebih baru ({keptDate} > {repeatDate})",
    en: "the file counted is newer ({keptDate} > {repeatDate})",
  },
  "fewer-errors": {
    id: "file yang dihitung lebih sedikit kesalahannya ({keptErrors} < {repeatErrors})",
    en: "the file counted has fewer errors ({keptErrors} < {repeatErrors})",
  },
  "later-name": {
    id: "tidak ada tanda lain; dipilih file yang namanya terurut terakhir",
    en: "no other sign; the file whose name sorts last was chosen",
  },
} as const satisfies Record<string, Bilingual>;

export type RepeatWhy = keyof typeof REPEAT_WHY;

/** Problems only the rekap can see (across files); shown beside the engine's issues. */
export const REKAP_ISSUES = {
  "duplicate-nik-across-files": {
    title: { id: "NIK ganda antar OPD", en: "Duplicate NIK across OPDs" },
    message: {
      id: "NIK {value} juga tercatat di {places}, dengan masa kerja yang tumpang tindih atau tidak diketahui.",
      en: "NIK {value} also appears at {places}, with overlapping or unknown periods of service.",
    },
  },
  "no-personnel-table": {
    title: { id: "Tidak ada data pegawai", en: "No personnel data" },
    message: {
      id: "Tidak ada tabel data pegawai yang dikenali di file ini (dicari kolom Nama, NIK dan TMT), jadi tidak ada yang dihitung.",
      en: "No personnel table was recognised in this file (columns Name, NIK and start date were looked for), so nothing was counted.",
    },
  },
} as const satisfies Record<string, { title: Bilingual; message: Bilingual }>;

export type RekapIssueCode = keyof typeof REKAP_ISSUES;

export const REKAP_LABELS = {
  // sheet names (at most 31 characters, none of []:*?/\)
  sheetFiles: { id: "Rekap OPD", en: "OPD Rekap" },
  sheetSummary: { id: "Ringkasan Pimpinan", en: "Summary for the Head" },
  sheetPeople: { id: "Semua Pegawai", en: "All People" },
  sheetProblems: { id: "Masalah", en: "Problems" },
  sheetDuplicates: { id: "NIK Ganda Antar OPD", en: "Duplicate NIKs Across OPDs" },
  sheetRepeats: { id: "Berkas Berulang", en: "Repeated Files" },
  // column headers
  hNo: { id: "No", en: "No" },
  hFile: { id: "File", en: "File" },
  hOpd: { id: "OPD", en: "OPD" },
  hVerdict: { id: "Hasil", en: "Verdict" },
  hReason: { id: "Keterangan", en: "Notes" },
  hPersons: { id: "Pegawai", en: "People" },
  hAsn: { id: "ASN", en: "ASN" },
  hNonAsn: { id: "Non-ASN", en: "Non-ASN" },
  hErrors: { id: "Kesalahan", en: "Errors" },
  hWarnings: { id: "Peringatan", en: "Warnings" },
  hCrossDuplicates: { id: "NIK ganda antar OPD", en: "NIKs duplicated across OPDs" },
  hJp: { id: "JP: {verdict}", en: "JP: {verdict}" },
  hSheet: { id: "Sheet", en: "Sheet" },
  hRow: { id: "Baris", en: "Row" },
  hCell: { id: "Sel", en: "Cell" },
  hName: { id: "Nama", en: "Name" },
  hNik: { id: "NIK", en: "NIK" },
  hNip: { id: "NIP", en: "NIP" },
  hStatus: { id: "Status", en: "Status" },
  hStart: { id: "TMT", en: "Start (TMT)" },
  hEnd: { id: "Tanggal Akhir", en: "End date" },
  hTenure: { id: "Masa Kerja", en: "Tenure" },
  hTenureMonths: { id: "Masa Kerja (bulan)", en: "Tenure (months)" },
  hCategory: { id: "Kategori", en: "Category" },
  hCutoff: { id: "Batas Kontrak", en: "Contract cut-off" },
  hSeverity: { id: "Tingkat", en: "Severity" },
  hCode: { id: "Kode", en: "Code" },
  hProblem: { id: "Masalah", en: "Problem" },
  hMessage: { id: "Keterangan", en: "Details" },
  hOpen: { id: "Buka di file", en: "Open in the file" },
  hKind: { id: "Jenis", en: "Kind" },
  hPlaces: { id: "Jumlah tempat", en: "Places" },
  hRepeatFile: { id: "File berulang", en: "Repeated file" },
  hKeptFile: { id: "File yang dihitung", en: "File counted" },
  hShared: { id: "NIK sama", en: "Shared NIKs" },
  hRepeatPersons: { id: "Pegawai di file berulang", en: "People in the repeated file" },
  hWhy: { id: "Alasan", en: "Why" },
  hValue: { id: "Nilai", en: "Value" },
  hCount: { id: "Jumlah", en: "Count" },
  hPercent: { id: "Persen", en: "Percent" },
  total: { id: "Jumlah", en: "Total" },
  kindDuplicate: { id: "Ganda (tumpang tindih)", en: "Duplicate (overlapping)" },
  kindHistory: {
    id: "Riwayat kerja (tidak tumpang tindih)",
    en: "Service history (no overlap)",
  },
  skippedDetail: { id: "{reason}", en: "{reason}" },
  repeatOf: { id: "Mengulang {file}; lihat lembar {sheet}.", en: "Repeats {file}; see the {sheet} sheet." },
  sendBackWhy: {
    id: "{errors} kesalahan; lihat lembar {sheet}.",
    en: "{errors} errors; see the {sheet} sheet.",
  },
  noRows: { id: "Tidak ada.", en: "None." },
  // summary for the head of the agency
  summaryTitle: { id: "Ringkasan Rekap Data Non-ASN", en: "Non-ASN data rekap: summary" },
  summaryDate: { id: "Tanggal pemeriksaan", en: "Date of the check" },
  summaryFiles: { id: "Berkas", en: "Files" },
  summaryFilesFound: { id: "Berkas diterima", en: "Files received" },
  summaryChecked: { id: "Diperiksa", en: "Checked" },
  summarySkipped: { id: "Dilewati (tidak dapat dibaca)", en: "Skipped (cannot be read)" },
  summaryRepeats: { id: "Berkas berulang (dihitung sekali)", en: "Repeated files (counted once)" },
  summaryReady: { id: "OPD siap", en: "OPDs ready" },
  summarySendBack: { id: "OPD dikembalikan", en: "OPDs sent back" },
  summaryPeople: { id: "Pegawai", en: "People" },
  summaryPersons: { id: "Jumlah pegawai (tanpa berkas berulang)", en: "People (repeated files not counted)" },
  summaryCategories: { id: "Per kategori", en: "By category" },
  summaryCutoff: { id: "Kontrak non-ASN terhadap batas {cutoff}", en: "Non-ASN contracts and the cut-off {cutoff}" },
  summaryProblems: { id: "Masalah", en: "Problems" },
  summaryDuplicates: { id: "NIK ganda antar OPD", en: "NIKs duplicated across OPDs" },
  summaryToSendBack: { id: "OPD yang dikembalikan", en: "OPDs to send back" },
  summarySkippedFiles: { id: "Berkas yang dilewati", en: "Files skipped" },
  summaryPolicy: { id: "Kebijakan yang dipakai", en: "Policy used" },
  summaryNoneToSendBack: { id: "Tidak ada; semua OPD siap.", en: "None; every OPD is ready." },
} as const satisfies Record<string, Bilingual>;

export type RekapLabelKey = keyof typeof REKAP_LABELS;

export function rekapLabel(key: RekapLabelKey, lang: Lang, params: Params = {}): string {
  return fillTemplate(REKAP_LABELS[key][lang], params, lang);
}

/** The labels of the sheets the rekap writes. */
export const REKAP_SHEET_KEYS = [
  "sheetFiles",
  "sheetPeople",
  "sheetProblems",
  "sheetDuplicates",
  "sheetRepeats",
  "sheetSummary",
] as const satisfies readonly RekapLabelKey[];

/** Every sheet name the rekap writes, in both languages: a workbook holding them is the tool's own output. */
export const REKAP_SHEET_NAMES: ReadonlySet<string> = new Set(
  REKAP_SHEET_KEYS.flatMap((k) => [REKAP_LABELS[k].id, REKAP_LABELS[k].en]),
);
