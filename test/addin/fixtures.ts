/**
 * Workbooks for the adapter tests and the benchmark: a small messy personnel sheet built
 * cell by cell, a training sheet, and a generated personnel sheet of any size (20 columns)
 * that costs no memory until written.
 */
import type { CellInit, CellSource, SheetInit, StoredValue } from "../host";

export const DATE = "dd/mm/yyyy";

export function serial(y: number, m: number, d: number): number {
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

export const date = (y: number, m: number, d: number): CellInit => ({ value: serial(y, m, d), numberFormat: DATE });

/** A NIK: province 64 (Kalimantan Timur), birth date (day + 40 for women), sequence. */
export function nik(birth: [number, number, number], female: boolean, seq: number, district = 5, regency = 71): string {
  const [y, m, d] = birth;
  const two = (n: number): string => String(n).padStart(2, "0");
  return `64${two(regency)}${two(district)}${two(female ? d + 40 : d)}${two(m)}${two(y % 100)}${String(seq).padStart(4, "0")}`;
}

export interface PersonInit {
  readonly name: CellInit;
  readonly nik: CellInit;
  readonly birth: CellInit;
  readonly gender: CellInit;
  readonly status?: CellInit;
  readonly unit?: CellInit;
  readonly tmt: CellInit;
  readonly end?: CellInit;
}

export const HEADER = [
  "NO",
  "NAMA",
  "NIK",
  "TANGGAL LAHIR",
  "L/P",
  "STATUS",
  "UNIT KERJA",
  "TMT",
  "TANGGAL AKHIR KERJA",
];

/** Title in row 1, header in row 3, people from row 4, a signature block under and right of the table. */
export function personnelSheet(name: string, people: readonly PersonInit[], extra: Partial<SheetInit> = {}): SheetInit {
  const rows: CellInit[][] = [["DAFTAR TENAGA NON ASN DINAS KESEHATAN"], [], HEADER];
  people.forEach((p, i) =>
    rows.push([
      i + 1,
      p.name,
      p.nik,
      p.birth,
      p.gender,
      p.status ?? "Non ASN",
      p.unit ?? "Puskesmas A",
      p.tmt,
      p.end ?? null,
    ]),
  );
  rows.push([]);
  rows.push([null, null, null, null, null, null, null, null, null, null, null, "Balikpapan, 1 Desember 2025"]);
  rows.push([null, null, null, null, null, null, null, null, null, null, null, "Kepala Dinas"]);
  return { name, rows, ...extra };
}

/** Five people: two clean, and faults in NIK (too short, stored as a number) and TMT (#N/A). */
export function smallPeople(): PersonInit[] {
  return [
    { name: "Ani", nik: nik([1990, 3, 12], true, 1), birth: date(1990, 3, 12), gender: "P", tmt: date(2020, 1, 1) },
    { name: "Budi", nik: "647105120390", birth: date(1990, 3, 12), gender: "L", tmt: date(2019, 7, 1) },
    { name: "Citra", nik: 6471055203900003, birth: date(1990, 3, 12), gender: "P", tmt: date(2021, 1, 4) },
    { name: "Dedi", nik: nik([1985, 8, 17], false, 4), birth: date(1985, 8, 17), gender: "L", tmt: { error: "#N/A" } },
    {
      name: "Eka",
      nik: nik([1988, 1, 2], true, 5),
      birth: date(1988, 1, 2),
      gender: "P",
      tmt: date(2024, 6, 1),
      end: date(2025, 12, 31),
    },
  ];
}

export function trainingSheet(name: string, rows: readonly (readonly CellInit[])[]): SheetInit {
  return { name, rows: [["NIP", "NAMA", "STATUS", "NAMA PELATIHAN", "TANGGAL", "JP"], ...rows] };
}

// ---- a generated personnel sheet ----------------------------------------------------

export const GENERATED_HEADER = [
  "NO",
  "NAMA",
  "NIK",
  "NIP",
  "TEMPAT LAHIR",
  "TANGGAL LAHIR",
  "L/P",
  "PENDIDIKAN",
  "JABATAN",
  "UNIT KERJA",
  "STATUS",
  "TMT",
  "TANGGAL AKHIR KERJA",
  "NOMOR SK",
  "TANGGAL SK",
  "NPWP",
  "NIB",
  "NO HP",
  "ALAMAT",
  "KETERANGAN",
];
/** The header is in row 3 (after a title and a blank row): people from row 4. */
export const GENERATED_FIRST_ROW = 3;
const DATE_COLUMNS = new Set([5, 11, 12, 14]);

/** One person in 100 has a NIK one digit short; one in 250 has #N/A as TMT. */
export function generatedPersonnel(people: number): CellSource {
  const rowCount = GENERATED_FIRST_ROW + people;
  const value = (row: number, column: number): StoredValue | null => {
    if (row === 0) return column === 0 ? "DAFTAR TENAGA NON ASN (DATA UJI)" : null;
    if (row === 1) return null;
    if (row === 2) return GENERATED_HEADER[column] ?? null;
    const i = row - GENERATED_FIRST_ROW;
    const female = i % 2 === 1;
    const birth: [number, number, number] = [1975 + (i % 25), 1 + (i % 12), 1 + (i % 28)];
    switch (column) {
      case 0:
        return i + 1;
      case 1:
        return `Pegawai ${i + 1}`;
      case 2: {
        const id = nik(
          birth,
          female,
          (i % 9999) + 1,
          1 + (Math.floor(i / 9999) % 99),
          71 + Math.floor(i / (9999 * 99)),
        );
        return i % 100 === 99 ? id.slice(0, 15) : id;
      }
      case 3:
        return null;
      case 4:
        return "Balikpapan";
      case 5:
        return serial(...birth);
      case 6:
        return female ? "P" : "L";
      case 7:
        return "S1";
      case 8:
        return "Staf Administrasi";
      case 9:
        return `Unit ${i % 20}`;
      case 10:
        return "Non ASN";
      case 11:
        return i % 250 === 249 ? { error: "#N/A" } : serial(2015 + (i % 9), 1 + (i % 12), 1);
      case 12:
        return serial(2025, 12, 31);
      case 13:
        return `800/${i + 1}/BKPSDM`;
      case 14:
        return serial(2015 + (i % 9), 1 + (i % 12), 1);
      case 17:
        return `08${String(1_000_000_000 + i)}`;
      case 18:
        return `Jl. Contoh No. ${i % 300}`;
      default:
        return null;
    }
  };
  return {
    rowCount,
    columnCount: GENERATED_HEADER.length,
    value,
    numberFormat: (row, column) => (row >= GENERATED_FIRST_ROW && DATE_COLUMNS.has(column) ? DATE : null),
  };
}
