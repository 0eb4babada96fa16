/**
 * The words of the task pane's Rekap OPD view, in Bahasa Indonesia and English. They load
 * with the view (its own chunk), not with the pane; the button that opens it is labelled
 * in src/addin/vocabulary.ts. The rekap sheets' words are the core's (src/core/rekap/labels.ts).
 */
import { type Bilingual, type Lang, type Params, fillTemplate } from "../core/vocabulary";

export const REKAP_PANE_LABELS = {
  rkTitle: { id: "Rekap OPD", en: "OPD rekap" },
  rkIntro: {
    id: "Pilih file Excel dari OPD (beberapa sekaligus, atau satu folder). Setiap file diperiksa sendiri, lalu lembar rekap ditulis ke buku kerja yang terbuka ini; sebaiknya buka buku kerja kosong dulu. File tidak dikirim ke mana pun.",
    en: "Choose the OPDs' Excel files (several at once, or a folder). Each file is checked on its own, then the rekap sheets are written into this open workbook; best open an empty workbook first. The files are sent nowhere.",
  },
  rkPickFiles: { id: "Pilih file...", en: "Choose files..." },
  rkPickFolder: { id: "Pilih folder...", en: "Choose a folder..." },
  rkClearList: { id: "Kosongkan daftar", en: "Clear the list" },
  rkChosen: { id: "{count} file dipilih:", en: "{count} files chosen:" },
  rkNoneChosen: { id: "Belum ada file dipilih.", en: "No files chosen yet." },
  rkRun: { id: "Buat Rekap", en: "Make the rekap" },
  rkBack: { id: "Kembali", en: "Back" },
  rkReading: { id: "Membaca {file} ({done} dari {total})", en: "Reading {file} ({done} of {total})" },
  rkWriting: {
    id: "Menulis lembar rekap ke buku kerja ({done} dari {total})",
    en: "Writing the rekap sheets into the workbook ({done} of {total})",
  },
  rkCancelled: {
    id: "Dibatalkan. Tidak ada yang ditulis ke buku kerja.",
    en: "Cancelled. Nothing was written to the workbook.",
  },
  rkDone: {
    id: 'Rekap selesai: {files} file ({checked} diperiksa, {skipped} dilewati, {repeats} berulang), {persons} pegawai; {ready} OPD siap, {sendBack} dikembalikan ke OPD. Lihat lembar "{sheet}".',
    en: 'Rekap done: {files} files ({checked} checked, {skipped} skipped, {repeats} repeated), {persons} people; {ready} OPDs ready, {sendBack} sent back. See the "{sheet}" sheet.',
  },
  rkLateCancel: {
    id: "Batal ditekan ketika lembar rekap sudah ditulis, jadi rekap di buku kerja sudah lengkap.",
    en: "Cancel came after the rekap sheets were written, so the rekap in the workbook is complete.",
  },
  rkNeedFiles: { id: "Pilih minimal satu file dulu.", en: "Choose at least one file first." },
  rkFileResult: {
    id: "{verdict}: {persons} pegawai, {errors} kesalahan",
    en: "{verdict}: {persons} people, {errors} errors",
  },
} as const satisfies Record<string, Bilingual>;

export type RekapPaneLabelKey = keyof typeof REKAP_PANE_LABELS;

export function rekapPaneLabel(key: RekapPaneLabelKey, lang: Lang, params: Params = {}): string {
  return fillTemplate(REKAP_PANE_LABELS[key][lang], params, lang);
}
