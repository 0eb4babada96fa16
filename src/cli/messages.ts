/**
 * Words only the command line says (usage, reasons a file cannot be read, the stdout
 * summary), in Bahasa Indonesia and English. Issue texts, labels and categories come
 * from src/core/vocabulary.ts; this file holds nothing the add-in would also show.
 */
import { type Bilingual, fillTemplate, type Lang, type Params } from "../core/vocabulary";

export const CLI_MESSAGES = {
  // reasons for exit code 2 (one line each)
  fileMissing: { id: "file tidak ditemukan.", en: "file not found." },
  fileEmpty: { id: "file kosong (0 byte), bukan file Excel.", en: "the file is empty (0 bytes), not an Excel file." },
  fileEncrypted: {
    id: "file dilindungi kata sandi; buka di Excel, hapus kata sandinya (File > Info > Protect Workbook), simpan, lalu periksa lagi.",
    en: "the file is password-protected; open it in Excel, remove the password (File > Info > Protect Workbook), save, and check it again.",
  },
  fileOldXls: {
    id: "format Excel lama (.xls) tidak didukung; simpan ulang sebagai .xlsx di Excel.",
    en: "the old Excel format (.xls) is not supported; save it again as .xlsx in Excel.",
  },
  fileNotXlsx: {
    id: "bukan file .xlsx (mungkin CSV, teks, atau format lain yang diganti namanya).",
    en: "not an .xlsx file (perhaps CSV, text or another format renamed).",
  },
  fileNotWorkbook: {
    id: "file zip ini bukan buku kerja Excel .xlsx (tidak ada xl/workbook.xml).",
    en: "this zip file is not an Excel .xlsx workbook (no xl/workbook.xml).",
  },
  fileBinaryWorkbook: {
    id: "format .xlsb (biner) tidak didukung; simpan ulang sebagai .xlsx di Excel.",
    en: "the binary .xlsb format is not supported; save it again as .xlsx in Excel.",
  },
  fileCorrupt: {
    id: "file rusak atau terpotong; tidak dapat dibuka sebagai .xlsx ({detail}).",
    en: "the file is corrupt or truncated; it cannot be opened as .xlsx ({detail}).",
  },
  fileUnreadable: { id: "file tidak dapat dibaca ({detail}).", en: "the file cannot be read ({detail})." },
  folderEmpty: { id: "folder tidak berisi file .xlsx.", en: "the folder holds no .xlsx files." },
  noInput: { id: "sebutkan minimal satu file .xlsx atau folder.", en: "name at least one .xlsx file or folder." },
  unknownCommand: {
    id: 'perintah "{value}" tidak dikenal; gunakan: cek-honorer check <file.xlsx|folder>... atau cek-honorer rekap <folder>... --out REKAP.xlsx',
    en: 'unknown command "{value}"; use: cek-honorer check <file.xlsx|folder>... or cek-honorer rekap <folder>... --out REKAP.xlsx',
  },
  unknownOption: { id: 'opsi "{value}" tidak dikenal (lihat --help).', en: 'unknown option "{value}" (see --help).' },
  missingOptionValue: { id: "opsi {value} memerlukan nilai.", en: "option {value} needs a value." },
  badLang: { id: '--lang harus id atau en, bukan "{value}".', en: '--lang must be id or en, not "{value}".' },
  outAndOutDir: { id: "gunakan --out atau --out-dir, tidak keduanya.", en: "use --out or --out-dir, not both." },
  outNeedsOneFile: {
    id: "--out hanya untuk satu file; untuk beberapa file gunakan --out-dir FOLDER.",
    en: "--out is for one file only; for several files use --out-dir FOLDER.",
  },
  outIsInput: {
    id: "file keluaran {value} sama dengan file masukan; file masukan tidak pernah ditimpa.",
    en: "the output file {value} is the input file; the input is never overwritten.",
  },
  outNotXlsx: { id: "file keluaran {value} harus berakhiran .xlsx.", en: "the output file {value} must end in .xlsx." },
  outExtension: {
    id: "file keluaran {value} harus berakhiran {ext}, seperti file masukannya (Excel menolak makro dalam .xlsx).",
    en: "the output file {value} must end in {ext}, like its input (Excel refuses macros in an .xlsx).",
  },
  writeFailed: { id: "gagal menulis {value} ({detail}).", en: "could not write {value} ({detail})." },
  // details of the reasons above
  zipNoEndRecord: { id: "akhir arsip zip tidak ada", en: "the zip end record is missing" },
  zipDirectoryOutside: {
    id: "daftar isi zip melewati akhir file",
    en: "the zip directory lies beyond the end of the file",
  },
  zipDirectoryDamaged: { id: "daftar isi zip rusak", en: "the zip directory is damaged" },
  zipEntryDamaged: { id: "isi arsip zip rusak", en: "a zip entry is damaged" },
  zipEntryEncrypted: { id: "isi arsip zip terenkripsi", en: "a zip entry is encrypted" },
  zipUnsupported: { id: "metode kompresi zip tidak didukung", en: "unsupported zip compression method" },
  xmlDamaged: { id: "XML di dalam file rusak", en: "the XML inside the file is damaged" },
  partMissing: { id: "bagian {value} tidak ada", en: "part {value} is missing" },
  skippedOwnOutput: {
    id: "dilewati: ini salinan beranotasi buatan Cek Honorer (berisi lembar laporannya), bukan data asli.",
    en: "skipped: this is an annotated copy made by Cek Honorer (it holds its report sheets), not original data.",
  },
  targetNotRegular: {
    id: "{value} bukan file biasa (perangkat, FIFO, atau tautan simbolik); tidak ditulis. Gunakan - untuk stdout.",
    en: "{value} is not a regular file (a device, FIFO or symbolic link); not written. Use - for stdout.",
  },
  targetExists: {
    id: "{value} sudah ada dan bukan salinan Cek Honorer; tidak ditimpa (gunakan --force untuk menimpanya).",
    en: "{value} already exists and is not a Cek Honorer copy; not replaced (use --force to replace it).",
  },
  interrupted: {
    id: "dihentikan; file keluaran yang belum selesai sudah dihapus.",
    en: "interrupted; unfinished output files were removed.",
  },
  noPermission: { id: "tidak ada izin membaca", en: "no permission to read it" },
  ioError: { id: "kesalahan baca disk", en: "disk read error" },
  stalled: {
    id: "pembacaan berhenti sebelum selesai; file mungkin rusak.",
    en: "reading stopped before the end; the file may be corrupt.",
  },
  unexpected: { id: "kesalahan tak terduga ({detail}).", en: "unexpected error ({detail})." },
  // progress (never personal data: only file names and counts)
  progressRows: { id: "{rows} baris dibaca", en: "{rows} rows read" },
  progressWriting: { id: "menulis salinan beranotasi", en: "writing the annotated copy" },
  // stdout summary
  summaryFile: { id: "File: {file}", en: "File: {file}" },
  summarySheets: {
    id: "  Lembar: {personnel} data pegawai, {training} pelatihan, {other} lainnya",
    en: "  Sheets: {personnel} personnel, {training} training, {other} other",
  },
  summaryPeople: {
    id: "  Pegawai: {people}; baris pelatihan: {training}; kontrak berakhir pada batas: {cutoff}",
    en: "  People: {people}; training rows: {training}; contracts ending at the cut-off: {cutoff}",
  },
  summaryIssues: {
    id: "  Masalah: {errors} kesalahan, {warnings} peringatan",
    en: "  Problems: {errors} errors, {warnings} warnings",
  },
  summaryCategories: { id: "  Kategori:", en: "  Categories:" },
  summaryCodes: { id: "  Jenis masalah:", en: "  Kinds of problem:" },
  summaryCombined: { id: "Gabungan {files} file:", en: "Combined, {files} files:" },
  summaryUnreadable: { id: "Tidak dapat dibaca: {files} file", en: "Could not be read: {files} files" },
  summaryWroteCopy: { id: "Salinan beranotasi: {path}", en: "Annotated copy: {path}" },
  summaryWroteJson: { id: "Laporan JSON: {path}", en: "JSON report: {path}" },
  summaryPolicy: {
    id: "Kebijakan: tanggal acuan {referenceDate}, batas kontrak {cutoffDate}, masa kerja minimum {minTenureMonths} bulan",
    en: "Policy: reference date {referenceDate}, contract cut-off {cutoffDate}, minimum tenure {minTenureMonths} months",
  },
} as const satisfies Record<string, Bilingual>;

export type CliMessageKey = keyof typeof CLI_MESSAGES;

export function cliMessage(key: CliMessageKey, lang: Lang, params: Params = {}): string {
  return fillTemplate(CLI_MESSAGES[key][lang], params, lang);
}

export const USAGE: Bilingual = {
  id: `Cek Honorer: memeriksa buku kerja data tenaga non-ASN (honorer).

Pemakaian:
  cek-honorer check <file.xlsx|folder>... [opsi]
  cek-honorer rekap <folder>... --out REKAP.xlsx   (rekap banyak file OPD; lihat cek-honorer rekap --help)

Opsi:
  --out FILE.xlsx          tulis salinan beranotasi (hanya untuk satu file masukan)
  --out-dir FOLDER         tulis salinan beranotasi tiap file ke FOLDER (<nama>-cek.xlsx)
  --json FILE.json         tulis laporan JSON (- untuk stdout)
  --reference-date TGL     tanggal acuan masa kerja & usia (YYYY-MM-DD, bawaan 2025-12-31)
  --cutoff TGL             batas akhir kontrak non-ASN (YYYY-MM-DD, bawaan 2025-12-31)
  --min-months N           masa kerja minimum dalam bulan (bawaan 24)
  --count-reference-day ya|tidak, --min-age N, --retirement-age N,
  --pns-min-jp N, --pppk-max-jp N, --minutes-per-jp N   pengaturan kebijakan lainnya
  Jalur pasca batas (semua ditawarkan secara bawaan):
  --path-paruh-waktu, --path-usul-pppk, --path-pjlp, --path-bantuan-usaha ya|tidak
  --bantuan-usaha-max-months N   bantuan usaha untuk masa kerja kurang dari N bulan (bawaan 24)
  --nik-as-npwp ya|tidak   NIK berlaku sebagai NPWP bila NPWP kosong (bawaan ya)
  --path-order A,B,C,D     urutan bila beberapa cocok (bawaan
                           pppk-paruh-waktu,usul-pppk,pjlp,bantuan-usaha)
  --lang id|en             bahasa laporan (bawaan id)
  --force                  timpa file --out yang sudah ada meski bukan salinan Cek Honorer
  --streaming              diterima demi skrip lama; setiap file sudah dibaca dan disalin sebagai aliran
  --progress               tampilkan kemajuan di stderr (otomatis di terminal)
  --column "SHEET!peran=HURUF"  koreksi kolom yang salah tebak (boleh berulang), mis. "Data!endDate=H"
  --columns pemetaan.json  koreksi kolom dari berkas JSON {"SHEET": {"peran": "HURUF"}}
  --help                   tampilkan bantuan ini

Kode keluar: 0 tidak ada kesalahan (peringatan boleh), 1 ada kesalahan, 2 file tidak terbaca atau opsi salah.
File masukan tidak pernah diubah.`,
  en: `Cek Honorer: checks workbooks of non-ASN ("honorer") personnel.

Usage:
  cek-honorer check <workbook.xlsx|folder>... [options]
  cek-honorer rekap <folder>... --out REKAP.xlsx   (rekap of many OPD files; see cek-honorer rekap --help)

Options:
  --out FILE.xlsx          write an annotated copy (one input file only)
  --out-dir DIR            write each file's annotated copy to DIR (<name>-cek.xlsx)
  --json FILE.json         write the JSON report (- for stdout)
  --reference-date DATE    date at which tenure and age are counted (YYYY-MM-DD, default 2025-12-31)
  --cutoff DATE            non-ASN contract cut-off (YYYY-MM-DD, default 2025-12-31)
  --min-months N           minimum tenure in months (default 24)
  --count-reference-day yes|no, --min-age N, --retirement-age N,
  --pns-min-jp N, --pppk-max-jp N, --minutes-per-jp N   other policy settings
  Paths after the cut-off (all offered by default):
  --path-paruh-waktu, --path-usul-pppk, --path-pjlp, --path-bantuan-usaha yes|no
  --bantuan-usaha-max-months N   business support for service under N months (default 24)
  --nik-as-npwp yes|no     the NIK serves as NPWP when the NPWP is empty (default yes)
  --path-order A,B,C,D     order when several fit (default
                           pppk-paruh-waktu,usul-pppk,pjlp,bantuan-usaha)
  --lang id|en             report language (default id)
  --force                  replace an existing --out file even if it is not a Cek Honorer copy
  --streaming              accepted for old scripts; every file is already read and copied as a stream
  --progress               show progress on stderr (automatic on a terminal)
  --column "SHEET!role=LETTER"  correct a wrongly guessed column (repeatable), e.g. "Data!endDate=H"
  --columns mapping.json   column corrections from a JSON file {"SHEET": {"role": "LETTER"}}
  --help                   show this help

Exit codes: 0 no errors (warnings allowed), 1 errors found, 2 a file cannot be read or bad options.
The input files are never modified.`,
};
