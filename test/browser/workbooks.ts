/**
 * Workbooks the browser tests open: an OPD's personnel sheet (title rows above the
 * header, a few faults) and a training sheet, as staff type them.
 */
import { TRAINING } from "./clerk-seed";
import type { BrowserSeed } from "./page-api";

export const PERSONNEL_SHEET = "Data Pegawai";
export const TRAINING_SHEET = "Pelatihan";

/** Row 5: a NIK too short; row 6: a NIK typed as a number (digits lost); row 7: contract past 31-12-2025. */
export const OPD_WORKBOOK: BrowserSeed = {
  sheets: [
    {
      name: PERSONNEL_SHEET,
      rows: [
        ["DAFTAR TENAGA NON ASN DINAS LINGKUNGAN HIDUP"],
        [],
        [
          "NO",
          "NIK",
          "Nama Lengkap",
          "Tanggal Lahir",
          "Jenis Kelamin",
          "Jabatan",
          "Unit Kerja",
          "Status Pegawai",
          "TMT",
          "Tanggal Akhir Kerja",
        ],
        [
          1,
          "3171015203900001",
          "Siti Aminah",
          "12-03-1990",
          "P",
          "Pengadministrasi",
          "Sekretariat",
          "Non ASN",
          "01-01-2020",
          "31-12-2025",
        ],
        [
          2,
          "31710101078",
          "Budi Santoso",
          "01-07-1985",
          "L",
          "Pengemudi",
          "Sekretariat",
          "Non ASN",
          "01-02-2018",
          "31-12-2025",
        ],
        [
          3,
          3171016508920000,
          "Dewi Lestari",
          "25-08-1992",
          "P",
          "Petugas Kebersihan",
          "Bidang Kebersihan",
          "Non ASN",
          "15-06-2023",
          "31-12-2025",
        ],
        [
          4,
          "3171012011880003",
          "Agus Wijaya",
          "20-11-1988",
          "L",
          "Operator",
          "Bidang Kebersihan",
          "Non ASN",
          "01-03-2019",
          "31-03-2026",
        ],
        [
          5,
          "3171014404950004",
          "Rina Marlina",
          "04-04-1995",
          "P",
          "Pramu Kantor",
          "Sekretariat",
          "Non ASN",
          "01-08-2021",
          "31-12-2025",
        ],
      ],
    },
    // Hendra (PNS) 12 JP, Maya (PPPK) 30 JP: shared with the clerk's workbook.
    TRAINING,
  ],
};

/** A sheet long enough, with slow round trips, that Cancel can be clicked mid-run. */
export function largeWorkbook(rows: number): BrowserSeed {
  const body: (string | number)[][] = [];
  for (let i = 1; i <= rows; i++) {
    const day = String((i % 28) + 1).padStart(2, "0");
    body.push([
      i,
      `31710101${day}8${String(i % 10)}${String(i).padStart(4, "0")}`.slice(0, 16),
      `Pegawai ${i}`,
      `${day}-05-1988`,
      "L",
      "01-01-2020",
      "31-12-2025",
    ]);
  }
  return {
    sheets: [
      {
        name: PERSONNEL_SHEET,
        rows: [["NO", "NIK", "Nama Lengkap", "Tanggal Lahir", "Jenis Kelamin", "TMT", "Tanggal Akhir Kerja"], ...body],
      },
    ],
  };
}
