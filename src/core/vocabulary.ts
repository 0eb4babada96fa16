/**
 * The one vocabulary of Cek Honorer: issue codes, roles, categories and the labels of
 * everything the add-in writes, each in Bahasa Indonesia and English. Reports,
 * highlights, the CLI and the task pane all read from here.
 */

export type Lang = "id" | "en";
export type Severity = "error" | "warning";

export interface Bilingual {
  readonly id: string;
  readonly en: string;
}

interface IssueDefinition {
  readonly severity: Severity;
  /** Short title, Frictionless-style. */
  readonly title: Bilingual;
  /** Message template; `{name}` placeholders are filled from the issue's params. */
  readonly message: Bilingual;
}

/** Every issue the engine can raise. Codes are a contract: never rename one. */
export const ISSUES = {
  "header-not-found": {
    severity: "warning",
    title: { id: "Baris judul kolom tidak ditemukan", en: "Header row not found" },
    message: {
      id: 'Lembar "{sheet}" tidak memiliki baris judul kolom yang dikenali di 30 baris pertama; lembar ini tidak diperiksa.',
      en: 'Sheet "{sheet}" has no recognisable header row in its first 30 rows; it was not checked.',
    },
  },
  "missing-column": {
    severity: "error",
    title: { id: "Kolom wajib tidak ada", en: "Required column missing" },
    message: {
      id: 'Kolom "{role}" tidak ditemukan di lembar "{sheet}".',
      en: 'Column "{role}" was not found in sheet "{sheet}".',
    },
  },
  "missing-value": {
    severity: "error",
    title: { id: "Data wajib kosong", en: "Required value empty" },
    message: { id: "{role} kosong.", en: "{role} is empty." },
  },
  "invalid-date": {
    severity: "error",
    title: { id: "Tanggal tidak terbaca", en: "Unreadable date" },
    message: {
      id: '{role} "{value}" bukan tanggal yang dapat dibaca (contoh yang benar: 12-03-1990).',
      en: '{role} "{value}" is not a readable date (for example: 12-03-1990).',
    },
  },
  "implausible-date": {
    severity: "error",
    title: { id: "Tanggal tidak wajar", en: "Implausible date" },
    message: {
      id: "{role} {value} tidak wajar: {reason}.",
      en: "{role} {value} is implausible: {reason}.",
    },
  },
  "end-before-start": {
    severity: "error",
    title: { id: "Tanggal akhir sebelum tanggal mulai", en: "End before start" },
    message: {
      id: "Tanggal akhir kerja {end} lebih awal dari TMT {start}.",
      en: "Contract end {end} is before the start of service {start}.",
    },
  },
  "nik-invalid": {
    severity: "error",
    title: { id: "NIK tidak valid", en: "Invalid NIK" },
    message: { id: 'NIK "{value}" tidak valid: {reason}.', en: 'NIK "{value}" is invalid: {reason}.' },
  },
  "nik-precision-lost": {
    severity: "error",
    title: { id: "NIK rusak: disimpan sebagai angka", en: "NIK damaged: stored as a number" },
    message: {
      id: "NIK di sel {cell} disimpan sebagai angka ({value}); Excel hanya menyimpan 15 digit sehingga digit terakhir hilang. Ketik ulang dari KTP/KK sebagai teks (awali dengan ').",
      en: "The NIK in cell {cell} is stored as a number ({value}); Excel keeps only 15 digits, so the last digits are lost. Re-type it from the KTP/KK as text (start with ').",
    },
  },
  "nik-birthdate-mismatch": {
    severity: "warning",
    title: { id: "NIK tidak cocok dengan tanggal lahir", en: "NIK does not match birth date" },
    message: {
      id: "Tanggal lahir di NIK ({nikDate}) berbeda dengan tanggal lahir {birthDate}. NIK tidak diterbitkan ulang bila tanggal lahir dikoreksi; periksa dokumen.",
      en: "The birth date in the NIK ({nikDate}) differs from the birth date {birthDate}. A NIK is not re-issued when a birth date is corrected; check the documents.",
    },
  },
  "nik-gender-mismatch": {
    severity: "warning",
    title: { id: "NIK tidak cocok dengan jenis kelamin", en: "NIK does not match gender" },
    message: {
      id: "NIK menunjukkan {nikGender}, tetapi jenis kelamin tertulis {gender}.",
      en: "The NIK indicates {nikGender}, but the gender column says {gender}.",
    },
  },
  "nik-region-unknown": {
    severity: "warning",
    title: { id: "Kode provinsi NIK tidak dikenal", en: "Unknown NIK province code" },
    message: { id: "Kode provinsi {code} pada NIK tidak dikenal.", en: "Province code {code} in the NIK is unknown." },
  },
  "nip-invalid": {
    severity: "error",
    title: { id: "NIP tidak valid", en: "Invalid NIP" },
    message: { id: 'NIP "{value}" tidak valid: {reason}.', en: 'NIP "{value}" is invalid: {reason}.' },
  },
  "nip-precision-lost": {
    severity: "error",
    title: { id: "NIP rusak: disimpan sebagai angka", en: "NIP damaged: stored as a number" },
    message: {
      id: "NIP di sel {cell} disimpan sebagai angka ({value}); Excel hanya menyimpan 15 digit sehingga digit terakhir hilang. Ketik ulang dari SK sebagai teks (awali dengan ').",
      en: "The NIP in cell {cell} is stored as a number ({value}); Excel keeps only 15 digits, so the last digits are lost. Re-type it from the SK as text (start with ').",
    },
  },
  "nip-birthdate-mismatch": {
    severity: "warning",
    title: { id: "NIP tidak cocok dengan tanggal lahir", en: "NIP does not match birth date" },
    message: {
      id: "Tanggal lahir di NIP ({nipDate}) berbeda dengan tanggal lahir {birthDate}.",
      en: "The birth date in the NIP ({nipDate}) differs from the birth date {birthDate}.",
    },
  },
  "nip-gender-mismatch": {
    severity: "warning",
    title: { id: "NIP tidak cocok dengan jenis kelamin", en: "NIP does not match gender" },
    message: {
      id: "NIP menunjukkan {nipGender}, tetapi jenis kelamin tertulis {gender}.",
      en: "The NIP indicates {nipGender}, but the gender column says {gender}.",
    },
  },
  "nib-invalid": {
    severity: "warning",
    title: { id: "NIB tidak valid", en: "Invalid NIB" },
    message: { id: 'NIB "{value}" harus 13 digit angka.', en: 'NIB "{value}" must be 13 digits.' },
  },
  "npwp-invalid": {
    severity: "warning",
    title: { id: "NPWP tidak valid", en: "Invalid NPWP" },
    message: { id: 'NPWP "{value}" tidak valid: {reason}.', en: 'NPWP "{value}" is invalid: {reason}.' },
  },
  "duplicate-nik": {
    severity: "error",
    title: { id: "NIK ganda", en: "Duplicate NIK" },
    message: {
      id: "NIK {value} sudah tercatat di {firstPlace}.",
      en: "NIK {value} already appears at {firstPlace}.",
    },
  },
  "age-out-of-range": {
    severity: "warning",
    title: { id: "Usia di luar batas", en: "Age out of range" },
    message: {
      id: "Usia {age} tahun pada {referenceDate} di luar batas PPPK ({minAge}-{maxAge} tahun).",
      en: "Age {age} on {referenceDate} is outside the PPPK limits ({minAge}-{maxAge}).",
    },
  },
  "contract-past-cutoff": {
    severity: "warning",
    title: { id: "Kontrak melewati batas", en: "Contract runs past the cut-off" },
    message: {
      id: "Kontrak non-ASN berakhir {end}, melewati batas {cutoff}.",
      en: "Non-ASN contract ends {end}, after the cut-off {cutoff}.",
    },
  },
  "service-gap": {
    severity: "warning",
    title: { id: "Masa kerja terputus", en: "Gap in service" },
    message: {
      id: 'Ada jeda masa kerja ({detail}); syarat "terus-menerus" perlu diperiksa manual.',
      en: 'There is a gap in service ({detail}); the "continuous" rule needs a manual review.',
    },
  },
  "unknown-status": {
    severity: "warning",
    title: { id: "Status tidak dikenal", en: "Unknown status" },
    message: {
      id: 'Status "{value}" tidak dikenal (gunakan PNS, PPPK, PPPK Paruh Waktu, atau Non ASN/Honorer).',
      en: 'Status "{value}" is not recognised (use PNS, PPPK, PPPK Paruh Waktu, or Non ASN/Honorer).',
    },
  },
  "unknown-gender": {
    severity: "warning",
    title: { id: "Jenis kelamin tidak dikenal", en: "Unknown gender" },
    message: {
      id: 'Jenis kelamin "{value}" tidak dikenal (gunakan L atau P).',
      en: 'Gender "{value}" is not recognised (use L or P).',
    },
  },
  "invalid-number": {
    severity: "error",
    title: { id: "Angka tidak terbaca", en: "Unreadable number" },
    message: {
      id: '{role} "{value}" bukan angka yang dapat dibaca.',
      en: '{role} "{value}" is not a readable number.',
    },
  },
  "excel-error": {
    severity: "error",
    title: { id: "Sel berisi kode kesalahan Excel", en: "Cell holds an Excel error" },
    message: { id: "{role} berisi kode kesalahan Excel {value}.", en: "{role} holds the Excel error {value}." },
  },
  "row-not-checked": {
    severity: "error",
    title: { id: "Baris tidak dapat diperiksa", en: "Row could not be checked" },
    message: {
      id: "Baris ini tidak dapat diperiksa karena kesalahan di Cek Honorer ({detail}); periksa manual dan laporkan ke pengembang.",
      en: "This row could not be checked because of a fault in Cek Honorer ({detail}); check it by hand and report it to the developers.",
    },
  },
  "jp-below-minimum": {
    severity: "warning",
    title: { id: "JP kurang dari minimum", en: "JP below the minimum" },
    message: {
      id: "{person} (PNS) baru {jp} JP pada {year}; minimum {limit} JP per tahun.",
      en: "{person} (PNS) has {jp} JP in {year}; the minimum is {limit} JP a year.",
    },
  },
  "jp-above-maximum": {
    severity: "warning",
    title: { id: "JP melebihi maksimum", en: "JP above the maximum" },
    message: {
      id: "{person} (PPPK) tercatat {jp} JP pada {year}; maksimum {limit} JP per tahun kontrak.",
      en: "{person} (PPPK) has {jp} JP in {year}; the maximum is {limit} JP per contract year.",
    },
  },
  "training-duplicate": {
    severity: "warning",
    title: { id: "Pelatihan tercatat ganda", en: "Training entered twice" },
    message: {
      id: "Pelatihan yang sama untuk orang dan tanggal yang sama sudah ada di baris {firstRow}; dihitung sekali.",
      en: "The same training for the same person and date is already on row {firstRow}; counted once.",
    },
  },
  "training-unknown-person": {
    severity: "warning",
    title: { id: "Peserta pelatihan tidak dikenal", en: "Unknown training participant" },
    message: {
      id: "Peserta pelatihan tidak dapat dikenali: NIP, NIK, dan nama kosong atau tidak terbaca.",
      en: "The training participant cannot be identified: NIP, NIK and name are empty or unreadable.",
    },
  },
  "tenure-mismatch": {
    severity: "warning",
    title: { id: "Masa kerja tertulis berbeda", en: "Written tenure differs" },
    message: {
      id: "Masa kerja tertulis {written} berbeda dengan hasil hitung dari TMT: {computed}.",
      en: "The written tenure {written} differs from the tenure computed from the TMT: {computed}.",
    },
  },
  "status-nip-mismatch": {
    severity: "warning",
    title: { id: "Status tidak cocok dengan NIP", en: "Status does not match the NIP" },
    message: {
      id: 'Status tertulis "{status}", tetapi digit 13-14 NIP ({digits}) menunjukkan {nipStatus}.',
      en: 'The status says "{status}", but NIP digits 13-14 ({digits}) indicate {nipStatus}.',
    },
  },
  "training-ambiguous-name": {
    severity: "warning",
    title: { id: "Nama peserta tidak tunggal", en: "Ambiguous participant name" },
    message: {
      id: 'Ada {count} pegawai bernama "{name}"; baris pelatihan ini tidak dapat dipastikan milik siapa, jadi statusnya tidak diambil. Isi NIP atau NIK.',
      en: '{count} people are named "{name}"; this training row cannot be matched to one of them, so no status is taken. Fill in the NIP or NIK.',
    },
  },
  "no-table-found": {
    severity: "error",
    title: { id: "Tidak ada tabel yang dikenali", en: "No table recognised" },
    message: {
      id: "Tidak ada tabel pegawai atau pelatihan yang dikenali di buku kerja ini (dicari di 30 baris pertama setiap lembar). Judul kolom yang dicari, antara lain: {headers}.",
      en: "No personnel or training table was recognised in this workbook (searched the first 30 rows of every sheet). Headers looked for include: {headers}.",
    },
  },
  "computed-columns-blocked": {
    severity: "warning",
    title: { id: "Kolom hitungan tidak ditulis", en: "Computed columns not written" },
    message: {
      id: 'Kolom {columns} di lembar "{sheet}" berisi data Anda, jadi kolom hitungan tidak ditulis di lembar itu. Kosongkan kolom tersebut, lalu jalankan lagi.',
      en: 'Columns {columns} of the "{sheet}" sheet hold your data, so no computed columns were written there. Empty those columns, then run again.',
    },
  },
} as const satisfies Record<string, IssueDefinition>;

export type IssueCode = keyof typeof ISSUES;
export const ISSUE_CODES = Object.keys(ISSUES) as IssueCode[];

/** Column roles. Names are a contract (they appear in the JSON report). */
export const ROLES = {
  name: { id: "Nama", en: "Name" },
  nik: { id: "NIK", en: "NIK" },
  nip: { id: "NIP", en: "NIP" },
  birthPlace: { id: "Tempat Lahir", en: "Place of birth" },
  birthDate: { id: "Tanggal Lahir", en: "Date of birth" },
  gender: { id: "Jenis Kelamin", en: "Gender" },
  education: { id: "Pendidikan", en: "Education" },
  position: { id: "Jabatan", en: "Position" },
  unit: { id: "Unit Kerja", en: "Work unit" },
  status: { id: "Status Pegawai", en: "Employment status" },
  category: { id: "Kategori", en: "Category" },
  startDate: { id: "TMT (Tanggal Mulai Kerja)", en: "Start of service (TMT)" },
  endDate: { id: "Tanggal Akhir Kerja", en: "Contract end" },
  skNumber: { id: "Nomor SK", en: "SK number" },
  skDate: { id: "Tanggal SK", en: "SK date" },
  nib: { id: "NIB", en: "NIB" },
  npwp: { id: "NPWP", en: "NPWP" },
  training: { id: "Nama Pelatihan", en: "Training" },
  date: { id: "Tanggal Pelatihan", en: "Training date" },
  jp: { id: "JP", en: "JP" },
  minutes: { id: "Durasi (menit)", en: "Duration (minutes)" },
  hours: { id: "Durasi (jam)", en: "Duration (hours)" },
  tenureYears: { id: "Masa Kerja Tertulis (tahun)", en: "Written tenure (years)" },
  tenureMonths: { id: "Masa Kerja Tertulis (bulan)", en: "Written tenure (months)" },
} as const satisfies Record<string, Bilingual>;

export type Role = keyof typeof ROLES;

/** Eligibility categories, per person. */
export const CATEGORIES = {
  "asn-pns": { id: "ASN - PNS", en: "ASN - PNS" },
  "asn-pppk": { id: "ASN - PPPK", en: "ASN - PPPK" },
  "asn-pppk-paruh-waktu": { id: "ASN - PPPK Paruh Waktu", en: "ASN - part-time PPPK" },
  "eligible-pppk": { id: "Memenuhi syarat PPPK", en: "Eligible for PPPK" },
  "not-eligible-tenure": { id: "Tidak memenuhi: masa kerja", en: "Not eligible: tenure" },
  "not-eligible-age": { id: "Tidak memenuhi: usia", en: "Not eligible: age" },
  "needs-review": { id: "Perlu diperiksa", en: "Needs review" },
} as const satisfies Record<string, Bilingual>;

export type Category = keyof typeof CATEGORIES;
export const CATEGORY_CODES = Object.keys(CATEGORIES) as Category[];

/** After the cut-off: the path of each non-ASN (src/core/rules/paths.ts). Codes are a contract (JSON). */
export const PATHS = {
  "usul-pppk": { id: "Usul PPPK", en: "Propose for PPPK" },
  "pppk-paruh-waktu": { id: "PPPK paruh waktu", en: "Part-time PPPK" },
  "pjlp-siap": { id: "PJLP: siap", en: "PJLP: ready" },
  "pjlp-belum-siap": { id: "PJLP: belum lengkap", en: "PJLP: documents missing" },
  "bantuan-usaha": { id: "Bantuan usaha", en: "Business support" },
  "perlu-diperiksa": { id: "Perlu diperiksa", en: "Needs review" },
} as const satisfies Record<string, Bilingual>;

export type PathCode = keyof typeof PATHS;
export const PATH_CODES = Object.keys(PATHS) as PathCode[];

/** What a PJLP contract needs (PBJ): NIB from OSS, the KTP (NIK) and an NPWP. */
export const PJLP_DOCUMENTS = {
  nib: { id: "NIB", en: "NIB" },
  nik: { id: "NIK (KTP)", en: "NIK (KTP)" },
  npwp: { id: "NPWP", en: "NPWP" },
} as const satisfies Record<string, Bilingual>;

export type PjlpDocument = keyof typeof PJLP_DOCUMENTS;

/**
 * The cut-off answer for a non-ASN contract (domain.md "Settled points"); ASN rows get none.
 * Runs past / no end date: the regional policy still ends the contract on the cut-off.
 */
export const CUTOFF_ANSWERS = {
  "ends-by-cutoff": { id: "Berakhir pada/sebelum batas", en: "Ends on or before the cut-off" },
  "runs-past-cutoff": {
    id: "Melewati batas (kebijakan mengakhirinya pada batas)",
    en: "Runs past the cut-off (the policy ends it on the cut-off)",
  },
  "no-end-date": {
    id: "Tanpa tanggal akhir (kebijakan mengakhirinya pada batas)",
    en: "No end date (the policy ends it on the cut-off)",
  },
} as const satisfies Record<string, Bilingual>;

export type CutoffAnswer = keyof typeof CUTOFF_ANSWERS;

/** Employment status as read from a status column. */
export const STATUSES = {
  pns: { id: "PNS", en: "PNS" },
  pppk: { id: "PPPK", en: "PPPK" },
  "pppk-paruh-waktu": { id: "PPPK Paruh Waktu", en: "Part-time PPPK" },
  "non-asn": { id: "Non ASN", en: "Non-ASN" },
} as const satisfies Record<string, Bilingual>;

export type EmploymentStatus = keyof typeof STATUSES;

export const TRAINING_VERDICTS = {
  ok: { id: "Sesuai", en: "OK" },
  "below-minimum": { id: "Kurang dari minimum", en: "Below minimum" },
  "above-maximum": { id: "Melebihi maksimum", en: "Above maximum" },
  "unknown-status": { id: "Status tidak dikenal", en: "Unknown status" },
} as const satisfies Record<string, Bilingual>;

export type TrainingVerdict = keyof typeof TRAINING_VERDICTS;

export const SEVERITIES = {
  error: { id: "Kesalahan", en: "Error" },
  warning: { id: "Peringatan", en: "Warning" },
} as const satisfies Record<Severity, Bilingual>;

/** Labels of the columns and sheets the add-in writes, and other UI words. */
export const LABELS = {
  // computed columns beside a personnel table
  colStartRead: { id: "TMT Terbaca (Cek Honorer)", en: "Start date as read (Cek Honorer)" },
  colTenure: { id: "Masa Kerja (Cek Honorer)", en: "Tenure (Cek Honorer)" },
  colTenureMonths: { id: "Masa Kerja (bulan)", en: "Tenure (months)" },
  colMeetsTenure: { id: "Masa Kerja >= Minimum", en: "Meets minimum tenure" },
  colAge: { id: "Usia (tahun)", en: "Age (years)" },
  colCutoff: { id: "Kontrak terhadap Batas (Cek Honorer)", en: "Contract and cut-off (Cek Honorer)" },
  colEndRead: { id: "Tanggal Akhir Terbaca (Cek Honorer)", en: "Contract end as read (Cek Honorer)" },
  colCategory: { id: "Kategori (Cek Honorer)", en: "Category (Cek Honorer)" },
  colIssues: { id: "Catatan Pemeriksaan", en: "Check notes" },
  colPath: { id: "Jalur Pasca Batas (Cek Honorer)", en: "Path after the cut-off (Cek Honorer)" },
  yes: { id: "Ya", en: "Yes" },
  no: { id: "Tidak", en: "No" },
  tenureText: { id: "{years} tahun {months} bulan", en: "{years} years {months} months" },
  // sheets
  sheetReport: { id: "CH Laporan", en: "CH Report" },
  sheetSummary: { id: "CH Ringkasan", en: "CH Summary" },
  sheetTally: { id: "CH Rekap JP", en: "CH JP Tally" },
  sheetPaths: { id: "CH Jalur", en: "CH Paths" },
  // paths sheet (after the cut-off)
  pathsTitle: { id: "Jalur Pasca Batas Kontrak Non-ASN", en: "Non-ASN paths after the contract cut-off" },
  pathsIntro: {
    id: "Setiap pegawai non-ASN per jalur, dengan yang masih diperlukan. Urutan: yang perlu tindakan lebih dulu.",
    en: "Every non-ASN worker by path, with what each still needs. Those needing action come first.",
  },
  hPath: { id: "Jalur", en: "Path" },
  hNeeds: { id: "Yang masih diperlukan", en: "Still needed" },
  hBkn: { id: "Kategori BKN", en: "BKN category" },
  hTenure: { id: "Masa kerja", en: "Tenure" },
  hAge: { id: "Usia", en: "Age" },
  hNik: { id: "NIK", en: "NIK" },
  byPath: { id: "Non-ASN per jalur pasca batas", en: "Non-ASN by path after the cut-off" },
  byUnitPath: { id: "Per unit kerja dan jalur", en: "By work unit and path" },
  noPaths: { id: "Tidak ada pegawai non-ASN.", en: "No non-ASN workers." },
  needMissingDocs: { id: "Lengkapi: {documents}", en: "Complete: {documents}" },
  needDocEmpty: { id: "{document} (belum ada)", en: "{document} (none)" },
  needDocInvalid: { id: "{document} (tidak valid)", en: "{document} (invalid)" },
  needNibWhere: { id: "NIB diurus di DPMPTSP (OSS)", en: "the NIB comes from the DPMPTSP (OSS)" },
  needReady: {
    id: "Dokumen lengkap (NIB, NIK, NPWP{npwpNote}); siap dikontrak melalui PBJ",
    en: "Documents complete (NIB, NIK, NPWP{npwpNote}); ready to contract through procurement",
  },
  needNpwpFromNik: { id: " = NIK", en: " = NIK" },
  needParuhWaktu: {
    id: "Kategori database BKN {code}; kontrak 1 tahun, dievaluasi untuk penuh waktu",
    en: "BKN database category {code}; one-year contract, evaluated for full time",
  },
  needUsulPppk: {
    id: "Memenuhi masa kerja ({tenure}) dan usia ({age}); usulkan PPPK",
    en: "Meets the service ({tenure}) and age ({age}) rules; propose for PPPK",
  },
  needBantuanUsaha: {
    id: "Masa kerja {tenure}, kurang dari {months} bulan",
    en: "Service {tenure}, under {months} months",
  },
  needReviewData: { id: "Lengkapi atau perbaiki: {fields}", en: "Complete or correct: {fields}" },
  needReviewNone: {
    id: "Tidak ada jalur yang ditawarkan yang cocok; tentukan manual",
    en: "No offered path fits; decide by hand",
  },
  // report sheet headers
  hFile: { id: "File", en: "File" },
  hSheet: { id: "Lembar", en: "Sheet" },
  hCell: { id: "Sel", en: "Cell" },
  hRow: { id: "Baris", en: "Row" },
  hColumn: { id: "Kolom", en: "Column" },
  hSeverity: { id: "Tingkat", en: "Severity" },
  hCode: { id: "Kode", en: "Code" },
  hTitle: { id: "Masalah", en: "Problem" },
  hMessage: { id: "Keterangan", en: "Details" },
  hName: { id: "Nama", en: "Name" },
  hCount: { id: "Jumlah", en: "Count" },
  hUnit: { id: "Unit Kerja", en: "Work unit" },
  hCategory: { id: "Kategori", en: "Category" },
  hPerson: { id: "Pegawai (NIP/NIK/Nama)", en: "Person (NIP/NIK/name)" },
  hStatus: { id: "Status", en: "Status" },
  hYear: { id: "Tahun", en: "Year" },
  hJp: { id: "Total JP", en: "Total JP" },
  hVerdict: { id: "Hasil", en: "Verdict" },
  hRows: { id: "Baris Sumber", en: "Source rows" },
  hSetting: { id: "Pengaturan", en: "Setting" },
  hValue: { id: "Nilai", en: "Value" },
  unitUnknown: { id: "(tanpa unit)", en: "(no unit)" },
  summaryTitle: { id: "Ringkasan Pemeriksaan Data Pegawai Non-ASN", en: "Non-ASN personnel data check: summary" },
  summaryOpd: { id: "Perangkat daerah: {opd}", en: "Regional office: {opd}" },
  summaryOpdUnknown: {
    id: "(nama OPD tidak ditemukan di judul lembar)",
    en: "(no office name found in the sheet titles)",
  },
  summaryCheckedAt: { id: "Diperiksa: {date} pukul {time}", en: "Checked: {date} at {time}" },
  summaryCheckedFile: { id: "Berkas: {file}", en: "File: {file}" },
  summaryHeadline: {
    id: "{people} pegawai diperiksa: {eligible} memenuhi syarat PPPK, {ending} kontrak non-ASN diakhiri pada batas {cutoff}, {errors} kesalahan dan {warnings} peringatan.",
    en: "{people} people checked: {eligible} eligible for PPPK, {ending} non-ASN contracts end at the cut-off {cutoff}, {errors} errors and {warnings} warnings.",
  },
  summaryPercent: { id: "Persen", en: "Percent" },
  summaryTotal: { id: "Jumlah", en: "Total" },
  summaryCutoff: { id: "Kontrak non-ASN pada batas {cutoff}", en: "Non-ASN contracts at the cut-off {cutoff}" },
  summaryProblems: { id: "Masalah pada data", en: "Problems in the data" },
  summaryNext: { id: "Yang perlu dilakukan", en: "What to do next" },
  summaryNextErrors: {
    id: "1. Perbaiki {errors} kesalahan (sel merah muda); daftarnya di lembar {report}.",
    en: "1. Fix the {errors} errors (pink cells); they are listed on the {report} sheet.",
  },
  summaryNextWarnings: {
    id: "2. Periksa {warnings} peringatan (sel kuning) dengan dokumen sumber.",
    en: "2. Check the {warnings} warnings (yellow cells) against the source documents.",
  },
  summaryNextSend: {
    id: "3. Periksa ulang sampai tidak ada kesalahan, lalu kirim buku kerja ini ke BKPSDM.",
    en: "3. Check again until no error is left, then send this workbook to the BKPSDM.",
  },
  summaryNextClean: {
    id: "Tidak ada kesalahan: kirim buku kerja ini ke BKPSDM.",
    en: "No errors: send this workbook to the BKPSDM.",
  },
  columnsRead: {
    id: "Kolom yang dibaca (salah tebak? koreksi lewat panel atau --column)",
    en: "Columns read (a wrong guess? correct it in the pane or with --column)",
  },
  hRolesFound: { id: "Peran: kolom", en: "Role: column" },
  hRolesNotFound: { id: "Tidak ditemukan", en: "Not found" },
  corrected: { id: "dikoreksi", en: "corrected" },
  reportTitle: { id: "Laporan Pemeriksaan Cek Honorer", en: "Cek Honorer check report" },
  tallyTitle: { id: "Rekap Jam Pelajaran (JP)", en: "Training hours (JP) tally" },
  bySeverity: { id: "Per tingkat", en: "By severity" },
  byPerson: { id: "Pegawai", en: "Person" },
  byCode: { id: "Per kode masalah", en: "By issue code" },
  byCategory: { id: "Per kategori", en: "By category" },
  byUnit: { id: "Per unit kerja dan kategori", en: "By work unit and category" },
  policyUsed: { id: "Kebijakan yang dipakai", en: "Policy used" },
  noProblems: { id: "Tidak ada masalah ditemukan.", en: "No problems found." },
  reportTruncated: {
    id: "... dan {count} masalah lain tidak muat di lembar ini; lihat laporan JSON.",
    en: "... and {count} more problems do not fit on this sheet; see the JSON report.",
  },
  totalPeople: { id: "Jumlah pegawai diperiksa", en: "People checked" },
  totalEndsAtCutoff: { id: "Kontrak berakhir pada batas", en: "Contracts ending at the cut-off" },
  totalEligible: { id: "Memenuhi syarat PPPK", en: "Eligible for PPPK" },
  totalTrainingRows: { id: "Baris pelatihan", en: "Training rows" },
  totalNonAsn: { id: "Non-ASN dengan jalur", en: "Non-ASN with a path" },
  genderMale: { id: "laki-laki", en: "male" },
  genderFemale: { id: "perempuan", en: "female" },
  // the cut-off's three answers (annotations.ts cutoffAnswer), on the summary sheet and in the pane
  cutoffOnOrBefore: { id: "Berakhir pada atau sebelum batas", en: "Ends on or before the cut-off" },
  cutoffPast: { id: "Melewati batas, diakhiri pada batas", en: "Runs past, ended at the cut-off" },
  cutoffNoEnd: { id: "Tanpa tanggal akhir, diakhiri pada batas", en: "No end date, ended at the cut-off" },
  monthsShort: {
    id: "Jan Feb Mar Apr Mei Jun Jul Agu Sep Okt Nov Des",
    en: "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec",
  },
} as const satisfies Record<string, Bilingual>;

export type LabelKey = keyof typeof LABELS;

/** The policy's settings, by key of Policy (src/core/policy.ts), for reports and the task pane. */
export const SETTING_LABELS = {
  referenceDate: { id: "Tanggal acuan (masa kerja & usia)", en: "Reference date (tenure & age)" },
  cutoffDate: { id: "Batas akhir kontrak non-ASN", en: "Non-ASN contract cut-off" },
  minTenureMonths: { id: "Masa kerja minimum (bulan)", en: "Minimum tenure (months)" },
  countReferenceDay: { id: "Hari acuan ikut dihitung", en: "Reference day counted" },
  minAge: { id: "Usia minimum PPPK", en: "PPPK minimum age" },
  retirementAge: { id: "Batas usia pensiun (BUP)", en: "Retirement age (BUP)" },
  pnsMinJp: { id: "JP minimum PNS per tahun", en: "PNS minimum JP a year" },
  pppkMaxJp: { id: "JP maksimum PPPK per tahun", en: "PPPK maximum JP a year" },
  minutesPerJp: { id: "Menit per JP", en: "Minutes per JP" },
  pathUsulPppk: { id: "Jalur usul PPPK ditawarkan", en: "Path offered: propose for PPPK" },
  pathParuhWaktu: { id: "Jalur PPPK paruh waktu ditawarkan", en: "Path offered: part-time PPPK" },
  pathPjlp: { id: "Jalur PJLP / kontrak individu ditawarkan", en: "Path offered: PJLP / individual contract" },
  pathBantuanUsaha: { id: "Jalur bantuan usaha ditawarkan", en: "Path offered: business support" },
  bantuanUsahaMaxMonths: {
    id: "Bantuan usaha: masa kerja kurang dari (bulan)",
    en: "Business support: service under (months)",
  },
  nikAsNpwp: { id: "NIK berlaku sebagai NPWP bila NPWP kosong", en: "NIK serves as NPWP when the NPWP is empty" },
  pathOrder: { id: "Urutan jalur bila beberapa cocok", en: "Path order when several fit" },
} as const satisfies Record<string, Bilingual>;

/** The paths in the order setting (src/core/policy.ts PATH_OPTIONS), as the reports name them. */
export const PATH_OPTION_LABELS = {
  "pppk-paruh-waktu": { id: "PPPK paruh waktu", en: "Part-time PPPK" },
  "usul-pppk": { id: "Usul PPPK", en: "Propose for PPPK" },
  pjlp: { id: "PJLP / kontrak individu", en: "PJLP / individual contract" },
  "bantuan-usaha": { id: "Bantuan usaha", en: "Business support" },
} as const satisfies Record<string, Bilingual>;

/** Why a policy setting was refused; {setting} is its label, {value} what was given. */
export const SETTING_PROBLEMS = {
  notDate: {
    id: '{setting}: "{value}" bukan tanggal YYYY-MM-DD yang valid.',
    en: '{setting}: "{value}" is not a valid YYYY-MM-DD date.',
  },
  notNumber: { id: '{setting}: "{value}" bukan angka yang valid.', en: '{setting}: "{value}" is not a valid number.' },
  notYesNo: { id: '{setting}: "{value}" harus ya/tidak.', en: '{setting}: "{value}" must be yes/no.' },
  notPathOrder: {
    id: '{setting}: "{value}" harus memuat {paths}, masing-masing sekali.',
    en: '{setting}: "{value}" must list {paths}, each once.',
  },
} as const satisfies Record<string, Bilingual>;

/** Reasons and places filled into issue messages ({reason}, {firstPlace}). */
export const REASONS = {
  before1900: { id: "sebelum tahun 1900", en: "before 1900" },
  birthTooOld: {
    id: "lebih dari 100 tahun sebelum tanggal acuan",
    en: "more than 100 years before the reference date",
  },
  birthAfterReference: { id: "sesudah tanggal acuan", en: "after the reference date" },
  startAfterReference: { id: "TMT sesudah tanggal acuan", en: "start of service after the reference date" },
  startBeforeAge15: { id: "TMT sebelum pegawai berusia 15 tahun", en: "start of service before the person was 15" },
  farFuture: { id: "lebih dari 50 tahun sesudah tanggal acuan", en: "more than 50 years after the reference date" },
  skAfterReference: { id: "tanggal SK sesudah tanggal acuan", en: "SK date after the reference date" },
  storedAsNumber: {
    id: "disimpan sebagai angka sehingga digit terakhir hilang",
    en: "stored as a number, so its last digits are lost",
  },
} as const satisfies Record<string, Bilingual>;

export type ReasonKey = keyof typeof REASONS;

/** Where a row is, in words: `sheet "Data" baris 7` (with the file when several are checked). */
export function placeText(sheet: string, row: number, file?: string): Bilingual {
  const filePart = file === undefined ? "" : `${file}, `;
  return { id: `${filePart}lembar "${sheet}" baris ${row}`, en: `${filePart}sheet "${sheet}" row ${row}` };
}

/** A message parameter: a plain value, or text that differs by language (a reason, a place). */
export type ParamValue = string | number | Bilingual;
export type Params = Readonly<Record<string, ParamValue>>;

function showParam(value: ParamValue, lang: Lang): string {
  return typeof value === "object" ? value[lang] : String(value);
}

/** Fills `{name}` placeholders; an unknown placeholder is left as written, so nothing is hidden. */
export function fillTemplate(template: string, params: Params, lang: Lang = "id"): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = params[key];
    return value === undefined ? whole : showParam(value, lang);
  });
}

export function label(key: LabelKey, lang: Lang, params: Params = {}): string {
  return fillTemplate(LABELS[key][lang], params, lang);
}

export function roleLabel(role: Role, lang: Lang): string {
  return ROLES[role][lang];
}

export function categoryLabel(category: Category, lang: Lang): string {
  return CATEGORIES[category][lang];
}

export function issueTitle(code: IssueCode, lang: Lang): string {
  return ISSUES[code].title[lang];
}

export function issueSeverity(code: IssueCode): Severity {
  return ISSUES[code].severity;
}

/** Renders an issue message. A `role` param holding a role key is shown by its label. */
export function issueMessage(code: IssueCode, lang: Lang, params: Params): string {
  const shown: Record<string, ParamValue> = { ...params };
  const role = params["role"];
  if (typeof role === "string" && role in ROLES) shown["role"] = roleLabel(role as Role, lang);
  return fillTemplate(ISSUES[code].message[lang], shown, lang);
}

/**
 * Why an identifier is unreadable: the {reason} of nik-invalid, nip-invalid and
 * npwp-invalid (src/core/identifiers.ts fills the placeholders).
 */
export const ID_REASONS = {
  length: { id: "harus {expected} digit (ada {actual})", en: "must be {expected} digits (has {actual})" },
  npwpLength: { id: "harus 15 atau 16 digit (ada {actual})", en: "must be 15 or 16 digits (has {actual})" },
  notDigits: { id: 'hanya boleh berisi angka (ada "{chars}")', en: 'may hold digits only (found "{chars}")' },
  notNumber: { id: "bukan nomor identitas", en: "is not an identity number" },
  ambiguous: {
    id: "berisi dua nomor berbeda: {first} dan {second}",
    en: "holds two different numbers: {first} and {second}",
  },
  nikDay: {
    id: "tanggal lahir {day} (digit 7-8) tidak mungkin; perempuan: tanggal + 40",
    en: "birth day {day} (digits 7-8) is impossible; for women the day is + 40",
  },
  nikMonth: {
    id: "bulan lahir {month} (digit 9-10) bukan 01-12",
    en: "birth month {month} (digits 9-10) is not 01-12",
  },
  nikDate: { id: "tanggal lahir {date} tidak ada di kalender", en: "birth date {date} does not exist" },
  nikSequence: {
    id: "nomor urut 0000 (digit 13-16) tidak pernah diterbitkan; digit terakhir mungkin hilang",
    en: "sequence 0000 (digits 13-16) is never issued; the last digits may have been lost",
  },
  nipBirthDate: {
    id: "tanggal lahir {date} (digit 1-8) tidak ada di kalender",
    en: "birth date {date} (digits 1-8) does not exist",
  },
  nipKind: {
    id: "digit 13-14 ({digits}) harus bulan TMT 01-12 (PNS) atau 21-29 (PPPK)",
    en: "digits 13-14 ({digits}) must be a TMT month 01-12 (PNS) or 21-29 (PPPK)",
  },
  nipYear: {
    id: "tahun pengangkatan {year} (digit 9-12) tidak wajar untuk kelahiran {birthYear}",
    en: "appointment year {year} (digits 9-12) is implausible for someone born in {birthYear}",
  },
  nipGender: {
    id: "digit 15 ({digit}) harus 1 (laki-laki) atau 2 (perempuan)",
    en: "digit 15 ({digit}) must be 1 (male) or 2 (female)",
  },
  nipSequence: {
    id: "nomor urut 000 (digit 16-18) tidak pernah diterbitkan; digit terakhir mungkin hilang",
    en: "sequence 000 (digits 16-18) is never issued; the last digits may have been lost",
  },
  npwpChecksum: {
    id: "digit kontrol (digit 9) tidak cocok dengan digit 1-8",
    en: "the check digit (digit 9) does not match digits 1-8",
  },
} as const satisfies Record<string, Bilingual>;

export type IdReasonKey = keyof typeof ID_REASONS;

/**
 * What a clerk does about each kind of problem, shown beside the kind in the task pane and
 * the guide. Partial: a code without its own advice gets FIX_FALLBACK.
 */
export const ISSUE_FIXES: Partial<Record<IssueCode, Bilingual>> = {
  "header-not-found": {
    id: "Bila lembar ini berisi data pegawai, beri satu baris judul kolom seperti NIK, Nama, TMT di atas datanya.",
    en: "If this sheet holds personnel data, give it one header row such as NIK, Nama, TMT above the data.",
  },
  "missing-column": {
    id: "Tambahkan kolom itu dengan judul yang dikenali, misalnya NIK, Nama, atau TMT; lihat daftar judul di panduan.",
    en: "Add that column with a recognised header such as NIK, Nama or TMT; the guide lists the headers.",
  },
  "missing-value": {
    id: "Isi sel yang kosong dari dokumen sumber: KTP/KK, SK, atau kontrak.",
    en: "Fill the empty cell from the source document: KTP/KK, SK or contract.",
  },
  "invalid-date": {
    id: "Ketik ulang tanggalnya dengan hari di depan, misalnya 12-03-1990.",
    en: "Re-type the date day first, for example 12-03-1990.",
  },
  "implausible-date": {
    id: "Cocokkan tanggal dengan dokumen; sering tahunnya salah ketik.",
    en: "Compare the date with the document; often the year is mistyped.",
  },
  "end-before-start": {
    id: "Tukar atau perbaiki TMT dan tanggal akhir sesuai kontrak.",
    en: "Swap or correct the start and end dates as in the contract.",
  },
  "nik-invalid": {
    id: "Ketik ulang NIK 16 digit dari KTP/KK, sebagai teks.",
    en: "Re-type the 16-digit NIK from the KTP/KK, as text.",
  },
  "nik-precision-lost": {
    id: "Ketik ulang NIK dari KTP/KK dengan tanda petik di depan, misalnya '3171015203900001.",
    en: "Re-type the NIK from the KTP/KK with an apostrophe first, for example '3171015203900001.",
  },
  "nik-birthdate-mismatch": {
    id: "Cocokkan tanggal lahir dengan KTP; NIK tidak berubah bila tanggal lahir dikoreksi.",
    en: "Compare the birth date with the KTP; a NIK stays the same when a birth date is corrected.",
  },
  "nik-gender-mismatch": {
    id: "Cocokkan jenis kelamin dan NIK dengan KTP.",
    en: "Compare the gender and the NIK with the KTP.",
  },
  "nik-region-unknown": { id: "Cocokkan NIK dengan KTP/KK.", en: "Compare the NIK with the KTP/KK." },
  "nip-invalid": {
    id: "Ketik ulang NIP 18 digit dari SK, sebagai teks.",
    en: "Re-type the 18-digit NIP from the SK, as text.",
  },
  "nip-precision-lost": {
    id: "Ketik ulang NIP dari SK dengan tanda petik di depan.",
    en: "Re-type the NIP from the SK with an apostrophe first.",
  },
  "nip-birthdate-mismatch": {
    id: "Cocokkan tanggal lahir dan NIP dengan SK.",
    en: "Compare the birth date and the NIP with the SK.",
  },
  "nip-gender-mismatch": {
    id: "Cocokkan jenis kelamin dan NIP dengan SK.",
    en: "Compare the gender and the NIP with the SK.",
  },
  "nib-invalid": {
    id: "Ketik ulang NIB 13 digit dari OSS, sebagai teks.",
    en: "Re-type the 13-digit NIB from OSS, as text.",
  },
  "npwp-invalid": {
    id: "Ketik ulang NPWP dari kartu NPWP, atau kosongkan bila memakai NIK.",
    en: "Re-type the NPWP from the NPWP card, or leave it empty when the NIK serves.",
  },
  "duplicate-nik": {
    id: "Bila orang yang sama tercatat dua kali, hapus satu baris; bila orang berbeda, salah satu NIK salah ketik.",
    en: "If the same person is entered twice, delete one row; if they are different people, one NIK is mistyped.",
  },
  "age-out-of-range": {
    id: "Cocokkan tanggal lahir dengan KTP; bila benar, orang ini tidak dapat diusulkan PPPK.",
    en: "Compare the birth date with the KTP; if it is right, this person cannot be proposed for PPPK.",
  },
  "contract-past-cutoff": {
    id: "Tidak perlu diperbaiki: kontrak tetap diakhiri pada tanggal batas menurut kebijakan daerah.",
    en: "Nothing to fix: the regional policy still ends the contract on the cut-off.",
  },
  "service-gap": {
    id: "Periksa SK tiap periode; catat alasan jeda bila masa kerja dianggap terus-menerus.",
    en: "Check the SK of each period; note why there is a gap if service counts as continuous.",
  },
  "unknown-status": {
    id: "Tulis status seperti PNS, PPPK, PPPK Paruh Waktu, atau Non ASN.",
    en: "Write the status as PNS, PPPK, PPPK Paruh Waktu or Non ASN.",
  },
  "unknown-gender": { id: "Tulis L atau P.", en: "Write L or P." },
  "invalid-number": { id: "Tulis angka saja, tanpa huruf.", en: "Write a number only, without letters." },
  "excel-error": {
    id: "Perbaiki rumus di sel itu, atau ketik nilainya langsung.",
    en: "Fix the formula in that cell, or type the value directly.",
  },
  "row-not-checked": {
    id: "Periksa baris ini secara manual dan laporkan ke BKPSDM.",
    en: "Check this row by hand and report it to the BKPSDM.",
  },
  "jp-below-minimum": {
    id: "Tambahkan pelatihan yang belum tercatat, atau rencanakan pelatihan.",
    en: "Add training that was not entered, or plan training.",
  },
  "jp-above-maximum": {
    id: "Cocokkan JP dengan sertifikat; satuan menit atau jam ditulis, misalnya 90 menit.",
    en: "Compare the JP with the certificates; write the unit, for example 90 menit.",
  },
  "training-duplicate": {
    id: "Hapus baris yang ganda; pelatihan ini hanya dihitung sekali.",
    en: "Delete the repeated row; this training counts once.",
  },
  "training-unknown-person": {
    id: "Isi NIP, NIK, atau nama yang sama persis dengan data pegawai.",
    en: "Fill in the NIP, NIK or name exactly as in the personnel data.",
  },
  "tenure-mismatch": {
    id: "Cocokkan TMT dengan SK pertama; bila TMT benar, perbarui atau kosongkan kolom masa kerja tertulis.",
    en: "Compare the TMT with the first SK; if the TMT is right, update or empty the written tenure column.",
  },
  "status-nip-mismatch": {
    id: "Cocokkan status dan NIP dengan SK: NIP PNS dan NIP PPPK berbeda di digit 13-14.",
    en: "Compare the status and the NIP with the SK: PNS and PPPK NIPs differ in digits 13-14.",
  },
  "training-ambiguous-name": {
    id: "Isi NIP atau NIK peserta di baris pelatihan ini.",
    en: "Fill in the participant's NIP or NIK on this training row.",
  },
  "computed-columns-blocked": {
    id: "Pindahkan isi kolom yang disebut pesan, di kanan tabel, ke tempat lain; lalu periksa lagi.",
    en: "Move what is in the columns the message names, right of the table, elsewhere; then check again.",
  },
  "no-table-found": {
    id: "Beri tabel pegawai satu baris judul kolom seperti NIK, Nama, TMT dalam 30 baris pertama lembarnya.",
    en: "Give the personnel table one header row such as NIK, Nama, TMT within the first 30 rows of its sheet.",
  },
};

export const FIX_FALLBACK: Bilingual = {
  id: "Cocokkan sel ini dengan dokumen sumber.",
  en: "Compare this cell with the source document.",
};

export function issueFix(code: IssueCode, lang: Lang): string {
  return (ISSUE_FIXES[code] ?? FIX_FALLBACK)[lang];
}

/** Why a column correction ("SHEET!role=LETTER", or a mapping file) cannot be used. */
export const OVERRIDE_REASONS = {
  shape: {
    id: '"{value}" bukan koreksi kolom; tulis NAMA_LEMBAR!peran=HURUF, misalnya "Data!endDate=H".',
    en: '"{value}" is not a column correction; write SHEET!role=LETTER, for example "Data!endDate=H".',
  },
  role: {
    id: 'Peran "{value}" tidak dikenal. Peran yang ada: {roles}.',
    en: 'Unknown role "{value}". Known roles: {roles}.',
  },
  letter: {
    id: 'Kolom "{value}" bukan huruf kolom Excel (A sampai XFD, atau "-" untuk "tidak ada").',
    en: 'Column "{value}" is not an Excel column letter (A to XFD, or "-" for "not there").',
  },
  mapping: {
    id: 'Berkas pemetaan kolom harus berisi objek JSON {"NAMA_LEMBAR": {"peran": "HURUF"}}.',
    en: 'A column mapping file must hold a JSON object {"SHEET": {"role": "LETTER"}}.',
  },
} as const satisfies Record<string, Bilingual>;
