/**
 * The workbook an OPD clerk works through in the browser tests and the guide's pictures
 * (scripts/docs-pictures.js): a title above the table and twelve people, most with one
 * typical fault, plus a training sheet. Plain CommonJS so the picture script runs with node.
 *
 * What the check finds (worked by hand; the tests assert the parts they need):
 *  row 5  Siti Aminah     no fault
 *  row 6  Budi Santoso    NIK 11 digits                  nik-invalid (error)
 *  row 7  Dewi Lestari    NIK typed as a number          nik-precision-lost (error)
 *  row 8  Agus Wijaya     contract ends 31-03-2026       contract-past-cutoff (warning)
 *  row 9  Rina Marlina    TMT 31-02-2021                 invalid-date (error)
 *  row 10 Joko Susilo     gender "X"                     unknown-gender (warning)
 *  row 11 Ahmad Fauzi     Siti's NIK again               duplicate-nik (error), and the NIK
 *                         is a woman's (day 52) for a man  nik-gender-mismatch (warning)
 *  row 12 Yuni Astuti     birth date 12-13-1990          invalid-date (error)
 *  row 13 Hendra Saputra  NIK birth date 1991 vs 1990    nik-birthdate-mismatch (warning)
 *  row 14 Sri Wahyuni     status "Honda"                 not listed as a problem (the pictures show
 *                         only what the check reports)
 *  row 15 Bambang Irawan  TMT empty                      missing-value (error)
 *  row 16 Lina Marlina    end 01-01-2019 before TMT      end-before-start (error)
 */
"use strict";

const PERSONNEL_SHEET = "Data Pegawai";
const HEADER = [
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
];
const PEOPLE = [
  [
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
  ["31710101078", "Budi Santoso", "01-07-1985", "L", "Pengemudi", "Sekretariat", "Non ASN", "01-02-2018", "31-12-2025"],
  [
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
    "3171014404950004",
    "Rina Marlina",
    "04-04-1995",
    "P",
    "Pramu Kantor",
    "Sekretariat",
    "Non ASN",
    "31-02-2021",
    "31-12-2025",
  ],
  [
    "3171011010870005",
    "Joko Susilo",
    "10-10-1987",
    "X",
    "Satpam",
    "Sekretariat",
    "Non ASN",
    "01-04-2017",
    "31-12-2025",
  ],
  [
    "3171015203900001",
    "Ahmad Fauzi",
    "12-03-1990",
    "L",
    "Operator",
    "Bidang Kebersihan",
    "Non ASN",
    "01-05-2022",
    "31-12-2025",
  ],
  [
    "3171014312900006",
    "Yuni Astuti",
    "12-13-1990",
    "P",
    "Pengadministrasi",
    "Sekretariat",
    "Non ASN",
    "01-01-2021",
    "31-12-2025",
  ],
  [
    "3171010101910007",
    "Hendra Saputra",
    "01-01-1990",
    "L",
    "Pengemudi",
    "Bidang Kebersihan",
    "Non ASN",
    "01-06-2016",
    "31-12-2025",
  ],
  [
    "3171015505930008",
    "Sri Wahyuni",
    "15-05-1993",
    "P",
    "Pramu Kantor",
    "Sekretariat",
    "Honda",
    "01-07-2020",
    "31-12-2025",
  ],
  [
    "3171010202860009",
    "Bambang Irawan",
    "02-02-1986",
    "L",
    "Petugas Kebersihan",
    "Bidang Kebersihan",
    "Non ASN",
    "",
    "31-12-2025",
  ],
  [
    "3171014706940010",
    "Lina Marlina",
    "07-06-1994",
    "P",
    "Operator",
    "Sekretariat",
    "Non ASN",
    "01-03-2020",
    "01-01-2019",
  ],
];

/** Hendra Gunawan (PNS) 12 JP in 2025, Maya Sari (PPPK) 30 JP. */
const TRAINING = {
  name: "Pelatihan",
  rows: [
    ["NIP", "Nama", "Status", "Nama Pelatihan", "Tanggal Pelatihan", "JP"],
    ["198105092006041001", "Hendra Gunawan", "PNS", "Pelatihan Kearsipan", "10-03-2025", 8],
    ["198105092006041001", "Hendra Gunawan", "PNS", "Orientasi SIASN", "05-06-2025", 4],
    ["199009132025212014", "Maya Sari", "PPPK", "Pelatihan Pelayanan Publik", "12-05-2025", 30],
  ],
};

const CLERK_WORKBOOK = {
  sheets: [
    {
      name: PERSONNEL_SHEET,
      rows: [
        ["DAFTAR TENAGA NON ASN DINAS LINGKUNGAN HIDUP KOTA BALIKPAPAN"],
        ["TAHUN 2025"],
        [],
        HEADER,
        ...PEOPLE.map((p, i) => [i + 1, ...p]),
      ],
    },
    TRAINING,
  ],
};

module.exports = { CLERK_WORKBOOK, PERSONNEL_SHEET, TRAINING };
