/**
 * Messages about runs of the add-in overlapping (the ribbon and the task pane are separate
 * runtimes on one workbook). Kept apart from vocabulary.ts, in its format, to stay out of
 * that file's restructuring; fold in when the vocabulary is split per layer.
 */
import { type Bilingual, type Lang, fillTemplate } from "./vocabulary";

export const RUN_LABELS = {
  xlRunInProgress: {
    id: "Cek Honorer sedang berjalan di buku kerja ini (dimulai {minutes} menit lalu). Tunggu sampai selesai, lalu coba lagi. Tidak ada yang diubah.",
    en: "Cek Honorer is already running on this workbook (started {minutes} minutes ago). Wait until it is done, then try again. Nothing was changed.",
  },
} as const satisfies Record<string, Bilingual>;

export function runLabel(key: keyof typeof RUN_LABELS, lang: Lang, params: Record<string, number> = {}): string {
  return fillTemplate(RUN_LABELS[key][lang], params, lang);
}
