/**
 * The add-in's own words: what an action reports, the task pane, the ribbon's dialog.
 * Each in Bahasa Indonesia and English, beside the core vocabulary (issues, roles,
 * categories, the labels of what is written into the workbook), which this module
 * re-exports merged, so the add-in and its UI read every label from one place.
 */
import {
  type Bilingual,
  LABELS as CORE_LABELS,
  type LabelKey as CoreLabelKey,
  type Lang,
  type Params,
  fillTemplate,
} from "../core/vocabulary";

export const UI_LABELS = {
  // results of an action (src/addin/actions.ts, outcome.ts)
  xlDoneCheck: {
    id: 'Pemeriksaan selesai: {errors} kesalahan dan {warnings} peringatan pada {people} pegawai. Sel bermasalah diberi warna; rinciannya di lembar "{report}".',
    en: 'Check finished: {errors} errors and {warnings} warnings for {people} people. Faulty cells are coloured; the details are in the "{report}" sheet.',
  },
  xlDoneTenure: {
    id: "Kolom masa kerja dan kategori ditulis untuk {people} pegawai.",
    en: "Tenure and category columns written for {people} people.",
  },
  xlDoneCutoff: {
    id: '{count} kontrak yang berakhir pada batas {cutoff} ditandai (lihat lembar "{report}").',
    en: '{count} contracts ending at the cut-off {cutoff} are flagged (see the "{report}" sheet).',
  },
  xlDoneTraining: {
    id: 'Rekap JP ditulis di lembar "{sheet}": {count} baris.',
    en: 'JP tally written to the "{sheet}" sheet: {count} rows.',
  },
  xlDoneAll: {
    id: "Semua selesai: {errors} kesalahan, {warnings} peringatan, {people} pegawai, {cutoffs} kontrak berakhir pada batas, {tallies} baris rekap JP.",
    en: "All done: {errors} errors, {warnings} warnings, {people} people, {cutoffs} contracts ending at the cut-off, {tallies} JP tally rows.",
  },
  xlDonePaths: {
    id: 'Jalur pasca batas ditulis untuk {count} pegawai non-ASN di lembar "{sheet}" dan kolom jalur; {pjlpMissing} PJLP belum lengkap, {review} perlu diperiksa.',
    en: 'Paths after the cut-off written for {count} non-ASN workers in the "{sheet}" sheet and the path column; {pjlpMissing} PJLP with documents missing, {review} to review.',
  },
  xlDoneClear: {
    id: "Tanda dihapus: warna tanda, kolom hasil, dan lembar laporan Cek Honorer sudah tidak ada; sel Anda kembali seperti semula.",
    en: "Marks removed: the Cek Honorer colours, computed columns and report sheets are gone; your cells are as they were.",
  },
  xlNothingToClear: {
    id: "Tidak ada tanda Cek Honorer di buku kerja ini.",
    en: "There are no Cek Honorer marks in this workbook.",
  },
  xlNoPersonnel: { id: "Tidak ada lembar data pegawai yang dikenali.", en: "No personnel sheet was recognised." },
  xlConflict: {
    id: 'Kolom {columns} di lembar "{sheet}" berisi data Anda, jadi kolom hitungan tidak ditulis di lembar itu. Kosongkan kolom tersebut, lalu jalankan lagi.',
    en: 'Columns {columns} of the "{sheet}" sheet hold your data, so no computed columns were written there. Empty those columns, then run again.',
  },
  xlProtected: {
    id: "Lembar {sheets} diproteksi. Buka proteksinya (Tinjau > Buka Proteksi Lembar), lalu jalankan lagi. Tidak ada yang diubah.",
    en: "Sheet {sheets} is protected. Unprotect it (Review > Unprotect Sheet), then run again. Nothing was changed.",
  },
  xlReadOnly: {
    id: "Buku kerja ini terbuka hanya-baca. Aktifkan pengeditan atau simpan salinannya, lalu jalankan lagi. Tidak ada yang diubah.",
    en: "This workbook is open read-only. Enable editing or save a copy, then run again. Nothing was changed.",
  },
  xlStructureProtected: {
    id: "Struktur buku kerja diproteksi, jadi lembar hasil tidak dapat ditambahkan. Buka proteksinya (Tinjau > Proteksi Buku Kerja), lalu jalankan lagi. Tidak ada yang diubah.",
    en: "The workbook structure is protected, so the result sheets cannot be added. Unprotect it (Review > Protect Workbook), then run again. Nothing was changed.",
  },
  xlProtectedOrReadOnly: {
    id: "Excel menolak menulis ke lembar {sheets}: lembar diproteksi atau buku kerja hanya-baca. Tidak ada yang diubah.",
    en: "Excel refused to write to sheet {sheets}: the sheet is protected or the workbook is read-only. Nothing was changed.",
  },
  xlEditMode: {
    id: "Excel sedang mengedit sel. Tekan Enter atau Esc, lalu jalankan lagi. Tidak ada yang diubah.",
    en: "Excel is editing a cell. Press Enter or Esc, then run again. Nothing was changed.",
  },
  xlCancelled: { id: "Dibatalkan. Tidak ada yang diubah.", en: "Cancelled. Nothing was changed." },
  xlFailed: {
    id: "Excel menghentikan proses ({code}). Jalankan Hapus Tanda bila ada tanda yang tertinggal, lalu coba lagi.",
    en: "Excel stopped the action ({code}). Run Clear marks if some marks were left, then try again.",
  },
  xlPhaseRead: { id: 'membaca "{sheet}"', en: 'reading "{sheet}"' },
  xlPhaseWrite: { id: "menulis hasil", en: "writing results" },
  // task pane and ribbon (function command) results
  paneSubtitle: { id: "Pemeriksaan data pegawai non-ASN", en: "Non-ASN personnel data checks" },
  paneActions: { id: "Tindakan", en: "Actions" },
  actCheck: { id: "Periksa Data", en: "Check data" },
  actTenure: { id: "Hitung Masa Kerja", en: "Compute tenure" },
  actCutoff: { id: "Kontrak {cutoff}", en: "Contracts {cutoff}" },
  actTraining: { id: "Rekap JP", en: "JP tally" },
  actPaths: { id: "Jalur Pasca Batas", en: "Paths after cut-off" },
  actClear: { id: "Hapus Tanda", en: "Clear marks" },
  actAll: { id: "Jalankan Semua", en: "Run all" },
  paneSettings: { id: "Pengaturan kebijakan", en: "Policy settings" },
  paneSettingsHint: {
    id: "Disimpan di buku kerja ini, sehingga tombol pita dan pengguna berikutnya memakai pengaturan yang sama.",
    en: "Saved in this workbook, so the ribbon buttons and the next user get the same settings.",
  },
  paneDefault: { id: "Bawaan: {value}", en: "Default: {value}" },
  paneSave: { id: "Simpan pengaturan", en: "Save settings" },
  paneResetDefaults: { id: "Kembalikan bawaan", en: "Restore defaults" },
  paneSaved: { id: "Pengaturan disimpan di buku kerja.", en: "Settings saved in the workbook." },
  paneFixSettings: {
    id: "Ada pengaturan yang salah; perbaiki isian yang ditandai merah di Pengaturan kebijakan, lalu jalankan lagi.",
    en: "A setting is wrong; correct the field marked in red under Policy settings, then run again.",
  },
  paneDateInvalid: {
    id: '"{value}" bukan tanggal. Tulis seperti 31-12-2025 (hari-bulan-tahun).',
    en: '"{value}" is not a date. Write it like 31-12-2025 (day-month-year).',
  },
  paneLanguage: { id: "Bahasa", en: "Language" },
  paneProgress: { id: "Kemajuan", en: "Progress" },
  paneWorking: { id: "Sedang memproses: {phase} ({done} dari {total})", en: "Working: {phase} ({done} of {total})" },
  paneStarting: { id: "Memulai...", en: "Starting..." },
  paneCancel: { id: "Batal", en: "Cancel" },
  paneCancelling: { id: "Membatalkan...", en: "Cancelling..." },
  paneResults: { id: "Hasil", en: "Results" },
  paneNoResults: {
    id: "Belum ada hasil. Pilih salah satu tindakan di atas.",
    en: "No results yet. Choose one of the actions above.",
  },
  paneProblems: { id: "Daftar masalah", en: "Problems" },
  paneColumnsRead: { id: "Kolom yang dibaca", en: "Columns read" },
  paneColumnsHint: {
    id: "Salah tebak? Pilih lembar dan datanya, lalu tulis huruf kolomnya, misalnya TMT ada di kolom F (tulis - bila datanya tidak ada). Koreksi disimpan di buku kerja.",
    en: "A wrong guess? Choose the sheet and the data, then type its column letter, for example the TMT is in column F (type - when the data is not there). Corrections are saved in the workbook.",
  },
  paneColumnsSheet: { id: "Lembar", en: "Sheet" },
  paneColumnsRole: { id: "Data", en: "Data" },
  paneColumnsLetter: { id: "Kolom (huruf)", en: "Column (letter)" },
  paneColumnsApply: { id: "Terapkan dan periksa ulang", en: "Apply and check again" },
  paneColumnsReset: { id: "Hapus semua koreksi", en: "Remove all corrections" },
  paneLoadFailed: {
    id: "Sebagian panel tidak dapat dimuat dari server add-in. Periksa jaringan, lalu klik tombolnya lagi.",
    en: "Part of the pane could not be loaded from the add-in's server. Check the network, then click the button again.",
  },
  paneProblemHint: { id: "Klik atau tekan Enter untuk memilih sel.", en: "Click or press Enter to select the cell." },
  paneProblemsShown: {
    id: "{shown} dari {total} masalah ditampilkan; semuanya ada di lembar laporan.",
    en: "Showing {shown} of {total} problems; all of them are in the report sheet.",
  },
  paneNoExcel: {
    id: "Excel tidak tersedia. Buka panel ini dari tab Cek Honorer di Excel.",
    en: "Excel is not available. Open this pane from the Cek Honorer tab in Excel.",
  },
  xlRunInProgress: {
    id: "Cek Honorer sedang berjalan di buku kerja ini (dimulai {minutes} menit lalu). Tunggu sampai selesai, lalu coba lagi. Tidak ada yang diubah.",
    en: "Cek Honorer is already running on this workbook (started {minutes} minutes ago). Wait until it is done, then try again. Nothing was changed.",
  },
  paneFailed: { id: "Terjadi kesalahan: {message}", en: "Something went wrong: {message}" },
  paneHiddenSheet: {
    id: 'Lembar "{sheet}" disembunyikan; tampilkan dulu lewat klik kanan pada tab lembar, lalu Tampilkan, untuk membuka selnya.',
    en: 'Sheet "{sheet}" is hidden; unhide it first (right-click a sheet tab > Unhide) to go to the cell.',
  },
  paneClose: { id: "Tutup", en: "Close" },
  paneDone: { id: "Cek Honorer selesai", en: "Cek Honorer finished" },
  paneStopped: { id: "Cek Honorer berhenti", en: "Cek Honorer stopped" },
  paneStartTitle: { id: "Mulai di sini", en: "Start here" },
  paneStart1: {
    id: "Buka lembar data pegawai, lalu klik Periksa Data. Semua lembar diperiksa; data Anda tidak diubah.",
    en: "Open the personnel sheet, then click Check data. Every sheet is checked; your data is not changed.",
  },
  paneStart2: {
    id: "Sel yang bermasalah diberi warna, dan daftarnya muncul di sini: klik satu masalah untuk membuka selnya.",
    en: "Faulty cells are coloured and listed here: click a problem to go to its cell.",
  },
  paneStart3: {
    id: "Setelah diperbaiki, klik Periksa ulang. Cetak lembar CH Ringkasan untuk pimpinan.",
    en: "When fixed, click Check again. Print the CH Summary sheet for the head of department.",
  },
  paneRecheck: { id: "Periksa ulang", en: "Check again" },
  paneErrorsOnly: { id: "Hanya kesalahan", en: "Errors only" },
  paneGroupBy: { id: "Kelompokkan", en: "Group by" },
  paneByPerson: { id: "Per orang", en: "By person" },
  paneByKind: { id: "Per jenis", en: "By kind" },
  paneHowToFix: { id: "Cara memperbaiki:", en: "How to fix:" },
  paneRow: { id: "baris {row}", en: "row {row}" },
  paneSheetWide: { id: "Lembar {sheet}", en: "Sheet {sheet}" },
  paneNoProblems: {
    id: "Tidak ada masalah ditemukan. Data siap dikirim.",
    en: "No problems found. The data is ready to send.",
  },
  paneNoErrors: {
    id: "Tidak ada kesalahan; tersisa {warnings} peringatan untuk diperiksa.",
    en: "No errors; {warnings} warnings are left to review.",
  },
  paneLateCancel: {
    id: "Batal ditekan ketika hasil sudah ditulis, jadi hasil di atas sudah lengkap. Klik Hapus Tanda bila ingin menghapusnya.",
    en: "Cancel came after the results were written, so the results above are complete. Click Clear marks to remove them.",
  },
  actRekap: { id: "Rekap OPD (banyak file)", en: "OPD rekap (many files)" },
  paneCutoffPeople: { id: "Kontrak pada batas {cutoff}", en: "Contracts at the cut-off {cutoff}" },
  paneTallyResult: { id: "Hasil rekap JP", en: "JP tally result" },
  paneOldWebview: {
    id: "Versi Office ini menampilkan add-in dengan peramban lama (Internet Explorer atau Edge lama) yang tidak dapat menjalankan panel ini. Gunakan Microsoft 365, Office 2021 atau lebih baru, atau Excel untuk web.",
    en: "This version of Office shows add-ins in an old browser (Internet Explorer or legacy Edge) that cannot run this pane. Use Microsoft 365, Office 2021 or later, or Excel on the web.",
  },
} as const satisfies Record<string, Bilingual>;

export type UiLabelKey = keyof typeof UI_LABELS;

/** Every label the add-in and its UI show: the core's and its own. */
export const LABELS = { ...CORE_LABELS, ...UI_LABELS };
export type LabelKey = CoreLabelKey | UiLabelKey;

export function label(key: LabelKey, lang: Lang, params: Params = {}): string {
  return fillTemplate(LABELS[key][lang], params, lang);
}
