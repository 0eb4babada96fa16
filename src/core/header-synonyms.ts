/**
 * Header text -> column role. Real sheets spell the same column many ways ("Tgl. Lahir",
 * "TANGGAL LAHIR (dd-mm-yyyy)", "Tempat, Tgl Lahir"), so a header is reduced to canonical
 * words and matched by ordered rules: exclusions first, so that "Tanggal Lulus" or
 * "Nama Sekolah" can never take a date or name role, then the specific roles, then the
 * generic ones.
 */
import type { SheetKind } from "./results";
import type { Role } from "./vocabulary";

/** A role, or the one-cell "Tempat, Tgl Lahir" column that holds two. */
export type HeaderRole = Role | "birthPlaceAndDate";

export interface HeaderWords {
  /** Canonical words of the header outside parentheses. */
  readonly words: readonly string[];
  /** Words inside parentheses or brackets: notes such as "(dd-mm-yyyy)", or a unit "(menit)". */
  readonly notes: readonly string[];
}

// Abbreviations folded into one spelling so the rules list each word once.
const SYNONYMS: Readonly<Record<string, string>> = {
  tgl: "tanggal",
  tg: "tanggal",
  tang: "tanggal",
  tangal: "tanggal",
  no: "nomor",
  nmr: "nomor",
  nomer: "nomor",
  nr: "nomor",
  thn: "tahun",
  th: "tahun",
  jml: "jumlah",
  jmlh: "jumlah",
  pend: "pendidikan",
  pddk: "pendidikan",
  pendd: "pendidikan",
  tpt: "tempat",
  tmp: "tempat",
  tmpt: "tempat",
  nm: "nama",
  jab: "jabatan",
  jbtn: "jabatan",
  jns: "jenis",
  kel: "kelamin",
  ket: "keterangan",
  peg: "pegawai",
  lhr: "lahir",
  kepeg: "kepegawaian",
  unker: "unit",
  jpl: "jp",
  mnt: "menit",
  nipppk: "nip",
};

/** Splits text into lower-case words; runs of single letters are joined ("L/P" -> "lp", "a.n." -> "an"). */
export function plainWords(text: string): string[] {
  const raw = text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== "");
  const out: string[] = [];
  let letters = "";
  const flush = (): void => {
    if (letters !== "") out.push(letters);
    letters = "";
  };
  for (const w of raw) {
    if (w.length === 1 && w >= "a" && w <= "z") {
      letters += w;
      continue;
    }
    flush();
    out.push(w);
  }
  flush();
  return out;
}

/** Canonical words of a header; parenthesised notes are kept apart (they rarely name the column). */
export function headerWords(text: string): HeaderWords {
  const notes: string[] = [];
  // An unclosed "(" runs to the end of the cell: "Tanggal Lahir (dd-mm-yyyy".
  const main = text.replace(
    /\(([^)]*)(\)|$)|\[([^\]]*)(\]|$)/g,
    (_m, round: string | undefined, _c, square: string | undefined) => {
      notes.push(round ?? square ?? "");
      return " ";
    },
  );
  const canon = (w: string): string => SYNONYMS[w] ?? w;
  return { words: plainWords(main).map(canon), notes: plainWords(notes.join(" ")).map(canon) };
}

/** Words that make a header about training events (not about the person). */
const TRAINING_WORDS = [
  "pelatihan",
  "diklat",
  "kegiatan",
  "bimtek",
  "kursus",
  "workshop",
  "seminar",
  "webinar",
  "training",
  "lokakarya",
];

/** Headers that look like a role but are not one (contact data, pay, family, schooling details...). */
const EXCLUDED_WORDS = [
  "thk",
  "gaji",
  "honor",
  "upah",
  "rekening",
  "bank",
  "hp",
  "telp",
  "telepon",
  "email",
  "alamat",
  "nuptk",
  "nrptk",
  "nrg",
  "npsn",
  "umur",
  "usia",
  "agama",
  "kk",
  "bpjs",
  "ttd",
  "paraf",
  "foto",
  "keterangan",
  "catatan",
  "jurusan",
  "prodi",
  "akreditasi",
  "golongan",
  "pangkat",
  "ibu",
  "ayah",
  "kandung",
  "suami",
  "istri",
  "pasangan",
  "atasan",
  "pejabat",
  "penandatangan",
  "menetapkan",
  "ortu",
  "waris",
  "perkawinan",
  "kawin",
  "pernikahan",
  "nikah",
];

const SCHOOL_WORDS = ["sekolah", "universitas", "kampus", "perguruan", "institut", "akademi"];
const UNIT_WORDS = [
  "unit",
  "satker",
  "opd",
  "skpd",
  "instansi",
  "penempatan",
  "bidang",
  "bagian",
  "subunit",
  "kantor",
  "lokasi",
  "dinas",
];
// "s/d" and "s.d." (sampai dengan) read as the word "sd".
const END_WORDS = ["akhir", "berakhir", "selesai", "habis", "sampai", "hingga", "sd"];
const START_WORDS = ["mulai", "awal", "masuk"];
const NUMBER_WORDS = ["nomor", "urut"];

class Words {
  private readonly set: ReadonlySet<string>;
  private readonly joined: string;
  constructor(
    readonly list: readonly string[],
    readonly notes: readonly string[],
  ) {
    this.set = new Set(list);
    this.joined = ` ${list.join(" ")} `;
  }
  has(...words: string[]): boolean {
    return words.some((w) => this.set.has(w));
  }
  inNotes(...words: string[]): boolean {
    return words.some((w) => this.notes.includes(w));
  }
  phrase(p: string): boolean {
    return this.joined.includes(` ${p} `);
  }
  only(...words: string[]): boolean {
    return this.list.every((w) => words.includes(w));
  }
  /** Position of the first of `words` in the header, or Infinity. */
  indexOf(...words: string[]): number {
    const i = this.list.findIndex((w) => words.includes(w));
    return i < 0 ? Infinity : i;
  }
}

type Rule = (w: Words, kind: SheetKind | undefined) => HeaderRole | null | undefined;

const isNik = (w: Words): boolean => w.has("nik", "ktp") || w.phrase("induk kependudukan");
const isNip = (w: Words): boolean => w.has("nip") || w.phrase("ni pppk") || w.phrase("induk pegawai");

/** A duration column: JP, or minutes/hours to convert. `undefined` when the header is no duration. */
function durationRole(w: Words): HeaderRole | null | undefined {
  if (w.has("jp") || w.phrase("jam pelajaran")) return "jp";
  const measured = w.has("durasi", "lama", "jumlah", "total", "waktu");
  if (w.has("menit") || (measured && w.inNotes("menit"))) return "minutes";
  if (w.has("mengajar", "kerja", "muka")) return undefined; // teaching or working hours, not training
  if (w.has("jam") || (measured && w.inNotes("jam"))) return "hours";
  if (measured && w.inNotes("jp")) return "jp";
  return undefined;
}

/** Ordered rules; the first that returns a value other than `undefined` decides. */
const RULES: readonly Rule[] = [
  (w) => (w.list.length === 0 || w.only(...NUMBER_WORDS) ? null : undefined),
  (w) => (w.has(...EXCLUDED_WORDS) ? null : undefined),
  // "No Peserta" is a registration number; "Nama Peserta" and "NIP Peserta" stay person columns.
  (w) => (w.has("peserta") && w.has("nomor") && !isNip(w) && !isNik(w) ? null : undefined),
  // "Masa Kerja" (a computed tenure) unless it groups a start or end date, or the years and
  // months the OPD typed by hand ("MASA KERJA" over "TAHUN" | "BULAN", or "Masa Kerja (Bulan)").
  (w) => {
    if (!w.has("masa", "lama") || !w.has("kerja", "kontrak", "bekerja")) return undefined;
    if (w.has("tmt", ...START_WORDS, ...END_WORDS)) return undefined;
    if (!w.has("kerja", "bekerja")) return null;
    const years = w.has("tahun") || w.inNotes("tahun");
    const months = w.has("bulan") || w.inNotes("bulan");
    if (years !== months) return years ? "tenureYears" : "tenureMonths";
    return null;
  },
  (w) => {
    if (w.has("nib") || w.phrase("induk berusaha")) return "nib";
    if (w.has("npwp")) return "npwp";
    return undefined;
  },
  (w) => {
    // "NIP/NIK", "Nama / NIP": the first identifier named is the one the cell leads with.
    const nik = isNik(w) ? w.indexOf("nik", "ktp", "induk") : Infinity;
    const nip = isNip(w) ? w.indexOf("nip", "ni", "induk") : Infinity;
    const name = w.indexOf("nama");
    if (nik === Infinity && nip === Infinity) return undefined;
    if (name < nik && name < nip) return undefined;
    return nik <= nip ? "nik" : "nip";
  },
  (w) => {
    if (!w.has("ijazah", "lulus", "lulusan", ...SCHOOL_WORDS)) return undefined;
    if (w.has(...UNIT_WORDS)) return "unit"; // "Unit Kerja/Sekolah"
    const detail = w.has("nomor", "tanggal", "tahun", "nama", ...SCHOOL_WORDS);
    return w.has("pendidikan") && !detail ? "education" : null;
  },
  (w) => {
    if (!w.has(...TRAINING_WORDS)) return w.has("pelaksanaan") ? "date" : undefined;
    if (w.has("peserta")) return w.has("nama") ? "name" : null; // "Nama Peserta Pelatihan" is the person
    const duration = durationRole(w);
    if (duration !== undefined) return duration;
    if (w.has("tanggal", "pelaksanaan", "mulai", "selesai", "periode")) return "date";
    if (w.has("durasi", "lama", "jumlah", "total", "waktu", "tempat", "lokasi", "penyelenggara", "sertifikat"))
      return null;
    if (
      w.has(
        "pengajar",
        "narasumber",
        "biaya",
        "tahun",
        "bulan",
        "hari",
        "status",
        "metode",
        "angkatan",
        "nomor",
        "instansi",
      )
    )
      return null;
    return "training";
  },
  (w) => durationRole(w),
  (w) => {
    const birth = w.has("lahir");
    if (w.has("ttl") || (birth && w.has("tempat") && w.has("tanggal"))) return "birthPlaceAndDate";
    if (!birth) return undefined;
    if (w.has("tempat", "kota", "kabupaten")) return "birthPlace";
    if (w.has("tahun", "bulan", "usia")) return null; // a year is not a date
    return "birthDate";
  },
  // "S/D" alone is the end of the period whose start stands in the column before it.
  (w) => (w.only("sd") ? "endDate" : undefined),
  (w) => {
    if (w.has("tmt")) return w.has(...END_WORDS) ? "endDate" : "startDate";
    if (w.has(...START_WORDS)) return w.has("tahun") ? null : "startDate";
    if (w.has(...END_WORDS)) return w.has("tahun") ? null : "endDate";
    return undefined;
  },
  (w) => {
    const sk = w.has("sk", "spk") || w.phrase("surat keputusan") || w.phrase("perjanjian kerja");
    if (!sk) return undefined;
    return w.has("tanggal") ? "skDate" : "skNumber";
  },
  (w) => {
    if (!w.has("nama")) return undefined;
    if (w.has("jabatan", "pekerjaan", "posisi")) return "position";
    if (w.has(...UNIT_WORDS) || w.phrase("satuan kerja")) return "unit";
    if (w.has("penyelenggara", "kegiatan")) return null;
    return "name";
  },
  (w) => (w.has("kelamin", "jk", "lp", "gender", "sex") ? "gender" : undefined),
  (w) => (w.has("pendidikan", "jenjang", "strata") && !w.has(...UNIT_WORDS) ? "education" : undefined),
  (w) => (w.has("jabatan", "pekerjaan", "posisi", "formasi") ? "position" : undefined),
  (w) => (w.has(...UNIT_WORDS) || w.phrase("satuan kerja") || w.phrase("perangkat daerah") ? "unit" : undefined),
  (w) => (w.has("tempat") && w.has("tugas", "bertugas", "kerja") ? "unit" : undefined),
  (w) => (w.has("tugas") ? "position" : undefined),
  (w) => (w.has("status", "kepegawaian") || w.phrase("jenis pegawai") ? "status" : undefined),
  (w) => (w.has("kategori") ? "category" : undefined),
  // In a training sheet a bare "Tanggal" is the training's date; elsewhere it is too vague to use.
  (w, kind) => (kind === "training" && w.only("tanggal", "waktu") ? "date" : undefined),
];

/** Group headers over a start and an end (domain.md "Settled points"): MASA KONTRAK, MASA KERJA, PERIODE, JANGKA WAKTU. */
function isPeriodGroup(w: Words): boolean {
  return (
    (w.has("masa", "lama") && w.has("kerja", "kontrak", "bekerja", "tugas", "bakti")) ||
    w.has("periode") ||
    w.phrase("jangka waktu")
  );
}

/**
 * The role of a sub-header under a period group: "TMT"/"MULAI"/"DARI"/"AWAL" is the
 * start, "S/D"/"SAMPAI"/"AKHIR"/"SELESAI" the end; under "MASA KERJA", "TAHUN" and
 * "BULAN" are tenure typed by hand. `undefined` when the group is no period group or the
 * sub-header none of these.
 */
export function roleUnderPeriodGroup(group: string, sub: string): HeaderRole | undefined {
  const g = headerWords(group);
  const gw = new Words(g.words, g.notes);
  if (!isPeriodGroup(gw)) return undefined;
  const s = headerWords(sub);
  const sw = new Words(s.words, s.notes);
  if (sw.has("tmt", "dari", ...START_WORDS)) return "startDate";
  if (sw.has(...END_WORDS, "dengan")) return "endDate";
  if (gw.has("kerja", "bekerja") && !gw.has("kontrak")) {
    if (sw.only("tahun")) return "tenureYears";
    if (sw.only("bulan")) return "tenureMonths";
  }
  return undefined;
}

/** Role of one header text; `kind` lets a training sheet's bare "Tanggal" (or "Tanggal Mulai") be the training date. */
export function roleOfHeader(text: string, kind?: SheetKind): HeaderRole | null {
  const { words, notes } = headerWords(text);
  const w = new Words(words, notes);
  for (const rule of RULES) {
    const role = rule(w, kind);
    if (role === undefined) continue;
    if (kind === "training" && (role === "startDate" || role === "endDate")) return "date";
    return role;
  }
  return null;
}
