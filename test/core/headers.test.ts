import fc from "fast-check";
import { type Cell, type CellRow, type MergeArea, num, text } from "../../src/core/cells";
import {
  type TableLayout,
  classifyRow,
  detectTable,
  hasDuration,
  isColumnNumberRow,
  kindOf,
  missingRoles,
  requiredRoles,
  roleOfHeader,
  sectionLabel,
  isMeaningful,
} from "../../src/core/headers";
import type { Role } from "../../src/core/vocabulary";

/** Sheet rows from literals: "" and null are empty cells, numbers are number cells. */
function sheet(rows: readonly (readonly (string | number | null)[])[]): CellRow[] {
  return rows.map((r) =>
    r.map((v): Cell => (v === null || v === "" ? null : typeof v === "number" ? num(v) : text(v))),
  );
}

/** Excel-style merge from "A5:F5". */
function merge(ref: string): MergeArea {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(ref);
  if (m === null) throw new Error(`bad ref ${ref}`);
  const col = (letters: string): number => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { top: Number(m[2]), left: col(m[1]), bottom: Number(m[4]), right: col(m[3]) };
}

function detect(
  rows: readonly (readonly (string | number | null)[])[],
  merges?: readonly string[],
  firstRow = 1,
): TableLayout {
  const layout = detectTable(sheet(rows), firstRow, merges?.map(merge));
  if (layout === null) throw new Error("no header found");
  return layout;
}

/** What the engine does: rows from dataStartRow until the first "end", skipping blanks. Returns data row numbers. */
function dataRows(rows: readonly (readonly (string | number | null)[])[], layout: TableLayout, firstRow = 1): number[] {
  const grid = sheet(rows);
  const out: number[] = [];
  for (let i = layout.dataStartRow - firstRow; i < grid.length; i++) {
    const cls = classifyRow(grid[i], layout);
    if (cls === "end") break;
    if (cls === "data") out.push(firstRow + i);
  }
  return out;
}

const NIK_A = "6471051203900001";
const NIK_B = "6471054507920002";

describe("roleOfHeader", () => {
  test.each<[string, Role | "birthPlaceAndDate" | null]>([
    // BKN pendataan 2022 template
    ["NIK", "nik"],
    ["Nama Lengkap (tanpa gelar)", "name"],
    ["No Peserta THK-II", null],
    ["Tanggal Lahir (dd-mm-yyyy)", "birthDate"],
    ["Tempat Lahir", "birthPlace"],
    ["Jenis Kelamin", "gender"],
    ["Pendidikan terakhir", "education"],
    ["Nomor Ijazah", null],
    ["Tanggal Lulus", null],
    ["Sekolah/Universitas", null],
    ["Nomor SK", "skNumber"],
    ["Tanggal SK", "skDate"],
    ["Tanggal Mulai Kerja (berdasarkan SK)", "startDate"],
    ["Tanggal Akhir Kerja (berdasarkan SK)", "endDate"],
    ["Jabatan", "position"],
    ["Unit Kerja", "unit"],
  ])("BKN template: %s -> %s", (header, role) => {
    expect(roleOfHeader(header)).toBe(role);
  });

  test.each<[string, Role | "birthPlaceAndDate" | null]>([
    ["TMT", "startDate"],
    ["TMT Honorer", "startDate"],
    ["Tgl Mulai Kerja", "startDate"],
    ["Tgl. Mulai Kerja", "startDate"],
    ["Mulai Bertugas", "startDate"],
    ["TANGGAL\nMULAI KERJA", "startDate"],
    ["No. SK Honorer", "skNumber"],
    ["Tanggal SK Honorer", "skDate"],
    ["Tgl SK", "skDate"],
    ["Sumber Gaji", null],
    ["Gaji/Honor", null],
    ["Status Pegawai", "status"],
    ["Status Kepegawaian", "status"],
    ["Status", "status"],
    ["Status Perkawinan", null],
    ["Nama Pegawai", "name"],
    ["Nama", "name"],
    ["NAMA", "name"],
    ["  nama   lengkap  ", "name"],
    ["Jabatan/Tugas", "position"],
    ["Nama Jabatan", "position"],
    ["Unit Kerja", "unit"],
    ["Satker", "unit"],
    ["OPD", "unit"],
    ["Sub Unit", "unit"],
    ["Satuan Kerja", "unit"],
    ["Tempat Tugas", "unit"],
    ["Unit Kerja/Sekolah", "unit"],
    ["L/P", "gender"],
    ["JK", "gender"],
    ["Jenis Kelamin (L/P)", "gender"],
    ["Tempat, Tgl Lahir", "birthPlaceAndDate"],
    ["Tempat/Tanggal Lahir", "birthPlaceAndDate"],
    ["TTL", "birthPlaceAndDate"],
    ["Tempat & Tgl. Lahir", "birthPlaceAndDate"],
    ["Tgl Lahir", "birthDate"],
    ["Tahun Lahir", null],
    ["Kategori", "category"],
    ["Kode Kategori", "category"],
    ["Kategori (R2/R3/R4)", "category"],
    ["TMT Akhir", "endDate"],
    ["Akhir Kontrak", "endDate"],
    ["Tanggal Berakhir", "endDate"],
    ["NIB", "nib"],
    ["Nomor Induk Berusaha", "nib"],
    ["NPWP", "npwp"],
    ["No. NPWP", "npwp"],
    ["NIP", "nip"],
    ["NIP/NI PPPK", "nip"],
    ["NI PPPK", "nip"],
    ["Nomor Induk Pegawai", "nip"],
    ["No. KTP", "nik"],
    ["Nomor Induk Kependudukan", "nik"],
    ["NIK (16 digit)", "nik"],
  ])("other spellings: %j -> %s", (header, role) => {
    expect(roleOfHeader(header)).toBe(role);
  });

  test.each<[string, Role | "birthPlaceAndDate" | null]>([
    ["No", null],
    ["No.", null],
    ["NO", null],
    ["No Urut", null],
    ["Nomor", null],
    ["", null],
    ["   ", null],
    ["Nama Sekolah", null],
    ["Nama Ibu Kandung", null],
    ["Tanggal Lahir Ibu", null],
    ["Alamat KTP", null],
    ["No HP", null],
    ["NUPTK", null],
    ["Masa Kerja", null],
    // Hand-typed tenure (domain.md "Settled points"): compared with the computed one, never a date.
    ["Masa Kerja (Tahun)", "tenureYears"],
    ["Masa Kerja (Bulan)", "tenureMonths"],
    ["Keterangan", null],
    ["Golongan", null],
    ["Jam Kerja", null],
    ["Jumlah Jam Mengajar", null],
    ["Tanggal", null], // too vague outside a training sheet
    ["Pendidikan terakhir", "education"], // "terakhir" is not "akhir"
    ["Tanggal Ijazah", null],
    ["DAFTAR TENAGA NON ASN", null],
  ])("not confused: %j -> %s", (header, role) => {
    expect(roleOfHeader(header)).toBe(role);
  });

  test.each<[string, Role | null]>([
    ["Nama Pelatihan", "training"],
    ["Nama Diklat", "training"],
    ["Nama Diklat/Pelatihan", "training"],
    ["Jenis Pelatihan", "training"],
    ["Nama Kegiatan", "training"],
    ["Diklat", "training"],
    ["Tanggal Pelatihan", "date"],
    ["Tgl Pelaksanaan", "date"],
    ["JP", "jp"],
    ["Jumlah JP", "jp"],
    ["Jam Pelajaran", "jp"],
    ["JP (Jam Pelajaran)", "jp"],
    ["Durasi (menit)", "minutes"],
    ["Jumlah Menit", "minutes"],
    ["Durasi (jam)", "hours"],
    ["Jumlah Jam", "hours"],
    ["Lama (jam)", "hours"],
    ["Lama Pelatihan (jam)", "hours"],
    ["Durasi", null],
    ["Tempat Pelatihan", null], // not a birth place, not the training's name
    ["Penyelenggara", null],
    ["Lokasi Pelatihan", null],
    ["Nama Peserta Pelatihan", "name"],
  ])("training headers: %j -> %s", (header, role) => {
    expect(roleOfHeader(header)).toBe(role);
  });

  test("in a training sheet a bare Tanggal, and a start or end date, are the training date", () => {
    expect(roleOfHeader("Tanggal", "training")).toBe("date");
    expect(roleOfHeader("Tgl", "training")).toBe("date");
    expect(roleOfHeader("Tanggal Mulai", "training")).toBe("date");
    expect(roleOfHeader("Tanggal", "personnel")).toBeNull();
    expect(roleOfHeader("Tanggal Mulai", "personnel")).toBe("startDate");
  });

  test("a cell naming two identifiers takes the first one", () => {
    expect(roleOfHeader("Nama / NIP")).toBe("name");
    expect(roleOfHeader("NIP / Nama")).toBe("nip");
    expect(roleOfHeader("NIK/NIP")).toBe("nik");
  });
});

describe("detectTable: personnel sheets", () => {
  test("title rows, a blank row and merged title cells above a one-row header", () => {
    const rows = [
      ["DAFTAR TENAGA NON ASN DINAS LINGKUNGAN HIDUP KOTA BALIKPAPAN"],
      ["TAHUN 2025"],
      [],
      ["NO", "NAMA", "NIK", "TEMPAT, TGL LAHIR", "L/P", "PENDIDIKAN", "JABATAN", "UNIT KERJA", "TMT", "STATUS"],
      [
        1,
        "Budi Santoso",
        NIK_A,
        "Balikpapan, 12-03-1990",
        "L",
        "SMA",
        "Pengemudi",
        "Sekretariat",
        "01-03-2017",
        "Honorer",
      ],
    ];
    const layout = detect(rows, ["A1:J1", "A2:J2"]);
    expect(layout).toEqual<TableLayout>({
      kind: "personnel",
      headerTopRow: 4,
      headerRow: 4,
      columns: {
        name: 1,
        nik: 2,
        birthPlace: 3,
        birthDate: 3,
        gender: 4,
        education: 5,
        position: 6,
        unit: 7,
        startDate: 8,
        status: 9,
      },
      combinedBirthColumn: 3,
      lastColumnIndex: 9,
      dataStartRow: 5,
    });
    // Without merge information the title cells are still not a header.
    expect(detect(rows)).toEqual(layout);
  });

  test("a short merged title right above the header is not a group header", () => {
    const rows = [["TAHUN 2025"], ["No", "Nama", "NIK", "", "TMT"], [1, "Budi", NIK_A, "", "01-03-2017"]];
    for (const merges of [undefined, ["A1:E1"]]) {
      const layout = detect(rows, merges);
      expect([layout.headerTopRow, layout.headerRow, layout.dataStartRow]).toEqual([2, 2, 3]);
      expect(layout.columns).toEqual({ name: 1, nik: 2, startDate: 4 });
    }
  });

  const twoRow = [
    ["DAFTAR PEGAWAI NON ASN"],
    [],
    ["NO", "NAMA", "NIK", "TANGGAL", "", "", "JABATAN", "UNIT KERJA"],
    ["", "", "", "Lahir", "Mulai Kerja", "Akhir Kerja", "", ""],
    [1, 2, 3, 4, 5, 6, 7, 8],
    [1, "Siti Aminah", NIK_B, "05-07-1992", "01-01-2020", "31-12-2025", "Staf", "Puskesmas"],
  ];
  const twoRowMerges = ["A1:H1", "A3:A4", "B3:B4", "C3:C4", "D3:F3", "G3:G4", "H3:H4"];

  test("two-row header with merges: group 'Tanggal' over Lahir / Mulai Kerja / Akhir Kerja, then a column-number row", () => {
    const layout = detect(twoRow, twoRowMerges);
    expect(layout.headerTopRow).toBe(3);
    expect(layout.headerRow).toBe(4);
    expect(layout.dataStartRow).toBe(6);
    expect(layout.kind).toBe("personnel");
    expect(layout.columns).toEqual({ name: 1, nik: 2, birthDate: 3, startDate: 4, endDate: 5, position: 6, unit: 7 });
    expect(layout.lastColumnIndex).toBe(7);
    expect(layout.combinedBirthColumn).toBeNull();
  });

  test("the same two-row header without merge information (group text only in its first cell)", () => {
    expect(detect(twoRow)).toEqual(detect(twoRow, twoRowMerges));
  });

  test("group 'Tempat/Tgl Lahir' over 'Tempat' | 'Tanggal' gives two separate birth columns", () => {
    const rows = [
      ["No", "Nama Pegawai", "NIK", "Tempat/Tgl Lahir", "", "TMT", "Jabatan"],
      ["", "", "", "Tempat", "Tanggal", "", ""],
      [1, "Budi", NIK_A, "Balikpapan", "12-03-1990", "01-03-2017", "Staf"],
    ];
    for (const merges of [undefined, ["A1:A2", "B1:B2", "C1:C2", "D1:E1", "F1:F2", "G1:G2"]]) {
      const layout = detect(rows, merges);
      expect(layout.columns).toEqual({ name: 1, nik: 2, birthPlace: 3, birthDate: 4, startDate: 5, position: 6 });
      expect(layout.combinedBirthColumn).toBeNull();
      expect([layout.headerTopRow, layout.headerRow, layout.dataStartRow]).toEqual([1, 2, 3]);
    }
  });

  test("group 'Masa Kerja' over 'Mulai' / 'Akhir' and 'SK' over 'Nomor' / 'Tanggal'", () => {
    const rows = [
      ["NO", "NAMA", "NIP/NI PPPK", "NIK", "MASA KERJA", "", "SK PENGANGKATAN", "", "KETERANGAN"],
      ["", "", "", "", "Mulai", "Akhir", "Nomor", "Tanggal", ""],
      [1, "Budi", "", NIK_A, "01-03-2017", "31-12-2025", "800/12/2017", "01-03-2017", ""],
    ];
    const layout = detect(rows);
    expect(layout.columns).toEqual({ name: 1, nip: 2, nik: 3, startDate: 4, endDate: 5, skNumber: 6, skDate: 7 });
    expect(layout.lastColumnIndex).toBe(8);
  });

  // Issue 7, case 2: "MASA KONTRAK" over "TMT" | "S/D" lost the end date.
  test.each([
    ["MASA KONTRAK", "TMT", "S/D"],
    ["MASA KONTRAK", "TMT", "s.d."],
    ["PERIODE", "DARI", "SAMPAI"],
    ["PERIODE", "MULAI", "SELESAI"],
    ["JANGKA WAKTU", "AWAL", "AKHIR"],
    ["JANGKA WAKTU", "DARI", "SAMPAI DENGAN"],
    ["MASA KERJA", "TMT", "S/D"],
    ["Masa Kontrak", "Tgl Mulai", "s/d"],
  ])("group %j over %j | %j is start and end, with and without merges", (group, start, end) => {
    const rows = [
      ["NO", "NAMA", "NIK", group, "", "JABATAN"],
      ["", "", "", start, end, ""],
      [1, "Budi", NIK_A, "01-03-2017", "30-06-2026", "Pengemudi"],
    ];
    for (const merges of [undefined, ["A1:A2", "B1:B2", "C1:C2", "D1:E1", "F1:F2"]]) {
      const layout = detect(rows, merges);
      expect(layout.columns).toEqual({ name: 1, nik: 2, startDate: 3, endDate: 4, position: 5 });
      expect([layout.headerTopRow, layout.headerRow, layout.dataStartRow]).toEqual([1, 2, 3]);
    }
  });

  test("'MASA KERJA' over 'TAHUN' | 'BULAN' is the tenure typed by hand, beside TMT", () => {
    const rows = [
      ["NO", "NAMA", "NIK", "STATUS", "TMT", "MASA KERJA", "", "KET"],
      ["", "", "", "", "", "TAHUN", "BULAN", ""],
      [1, "Budi", NIK_A, "GTT", "01-03-2017", 8, 9, ""],
    ];
    for (const merges of [undefined, ["A1:A2", "B1:B2", "C1:C2", "D1:D2", "E1:E2", "F1:G1", "H1:H2"]]) {
      const layout = detect(rows, merges);
      expect(layout.columns).toEqual({ name: 1, nik: 2, status: 3, startDate: 4, tenureYears: 5, tenureMonths: 6 });
      expect(layout.kind).toBe("personnel");
    }
  });

  test("a period group in a training sheet gives the training date", () => {
    const rows = [
      ["NO", "NAMA", "NIP", "NAMA PELATIHAN", "PERIODE", "", "JP"],
      ["", "", "", "", "MULAI", "SELESAI", ""],
      [1, "Budi", "19810509 199912 1 001", "Diklat PIM IV", "01-03-2024", "05-03-2024", 40],
    ];
    const layout = detect(rows);
    expect(layout.kind).toBe("training");
    expect(layout.columns.date).toBe(4);
  });

  test("BKN pendataan 2022 template, header in row 1", () => {
    const rows = [
      [
        "NIK",
        "Nama Lengkap (tanpa gelar)",
        "No Peserta THK-II",
        "Tanggal Lahir (dd-mm-yyyy)",
        "Tempat Lahir",
        "Jenis Kelamin",
        "Pendidikan terakhir",
        "Nomor Ijazah",
        "Tanggal Lulus",
        "Sekolah/Universitas",
        "Nomor SK",
        "Tanggal SK",
        "Tanggal Mulai Kerja (berdasarkan SK)",
        "Tanggal Akhir Kerja (berdasarkan SK)",
        "Jabatan",
        "Unit Kerja",
      ],
      [
        NIK_A,
        "Budi Santoso",
        "",
        "12-03-1990",
        "Balikpapan",
        "L",
        "S1",
        "123",
        "01-08-2012",
        "Univ X",
        "800/1",
        "01-02-2017",
        "01-03-2017",
        "31-12-2025",
        "Staf",
        "Sekretariat",
      ],
    ];
    const layout = detect(rows);
    expect(layout.columns).toEqual({
      nik: 0,
      name: 1,
      birthDate: 3,
      birthPlace: 4,
      gender: 5,
      education: 6,
      skNumber: 10,
      skDate: 11,
      startDate: 12,
      endDate: 13,
      position: 14,
      unit: 15,
    });
    expect([layout.headerTopRow, layout.headerRow, layout.dataStartRow, layout.lastColumnIndex]).toEqual([1, 1, 2, 15]);
    expect(layout.kind).toBe("personnel");
  });

  test("header in row 25 after notes and blank rows; firstRow offsets every row number", () => {
    const rows: (string | number | null)[][] = [];
    for (let i = 0; i < 24; i++) rows.push(i % 3 === 0 ? [`Catatan ${i}: data per 1 Desember 2025`] : []);
    rows.push(["No", "Nama", "NIK", "TMT", "Unit Kerja"]);
    rows.push([1, "Budi", NIK_A, "01-03-2017", "DLH"]);
    expect(detect(rows).headerRow).toBe(25);
    const shifted = detect(rows, undefined, 10);
    expect([shifted.headerTopRow, shifted.headerRow, shifted.dataStartRow]).toEqual([34, 34, 35]);
  });

  test("only the first 30 rows are searched", () => {
    const rows: (string | number | null)[][] = Array.from({ length: 30 }, () => []);
    rows.push(["No", "Nama", "NIK", "TMT"]);
    expect(detectTable(sheet(rows), 1)).toBeNull();
    rows.splice(0, 1);
    expect(detectTable(sheet(rows), 1)?.headerRow).toBe(30);
  });

  test("no header: random text, a lone role, roles without name/NIK/NIP, an empty sheet", () => {
    expect(detectTable(sheet([["Laporan bulanan"], ["Lorem ipsum", "dolor", 42], ["x", "y", "z"]]), 1)).toBeNull();
    expect(detectTable(sheet([["Nama"], ["Budi"]]), 1)).toBeNull();
    expect(
      detectTable(
        sheet([
          ["Jabatan", "Unit Kerja", "TMT"],
          ["Staf", "DLH", "01-01-2020"],
        ]),
        1,
      ),
    ).toBeNull();
    expect(detectTable([], 1)).toBeNull();
    expect(detectTable(sheet([[], [], []]), 1)).toBeNull();
  });

  test("the row with the most roles wins over an earlier row with fewer", () => {
    const rows = [
      ["Nama", "NIK"], // a small lookup table above the real one
      ["Budi", NIK_A],
      [],
      ["No", "Nama", "NIK", "Jabatan", "Unit Kerja", "TMT"],
    ];
    expect(detect(rows).headerRow).toBe(4);
  });

  test("a header with name and NIK only is kind 'other'", () => {
    expect(detect([["No", "Nama", "NIK", "Alamat"]]).kind).toBe("other");
  });

  test("a 'Program/Kegiatan' column does not turn a personnel list into a training sheet", () => {
    const layout = detect([["No", "Nama", "NIK", "Tgl Lahir", "TMT", "Jenis Kelamin", "Program/Kegiatan"]]);
    expect(layout.kind).toBe("personnel");
  });

  test("a header merged down over an empty second row ends at the merge's bottom", () => {
    const rows = [["No", "Nama", "NIK", "TMT", "Keterangan"], [], [1, "Budi", NIK_A, "01-03-2017", ""]];
    const layout = detect(rows, ["A1:A2", "B1:B2", "C1:C2", "D1:D2", "E1:F2"]);
    expect([layout.headerTopRow, layout.headerRow, layout.dataStartRow]).toEqual([1, 2, 3]);
    expect(layout.lastColumnIndex).toBe(5); // "Keterangan" is merged over E:F
  });

  test("a data row is never read as a sub-header", () => {
    const rows = [
      ["No", "Nama", "", "NIK", "TMT"],
      ["1", "Budi", "x", NIK_A, "01-03-2017"],
    ];
    const layout = detect(rows);
    expect([layout.headerRow, layout.dataStartRow]).toEqual([1, 2]);
    expect(layout.columns).toEqual({ name: 1, nik: 3, startDate: 4 });
  });

  test("column order does not matter: every role is found where it is put", () => {
    const headers: readonly [string, Role][] = [
      ["Nama", "name"],
      ["NIK", "nik"],
      ["Tanggal Lahir", "birthDate"],
      ["TMT", "startDate"],
      ["Jabatan", "position"],
      ["Unit Kerja", "unit"],
      ["Status Pegawai", "status"],
      ["L/P", "gender"],
    ];
    fc.assert(
      fc.property(fc.shuffledSubarray([...headers], { minLength: 3 }), fc.nat(5), (picked, pad) => {
        const row = [...Array<string>(pad).fill(""), ...picked.map(([h]) => h)];
        const layout = detectTable(sheet([row]), 1);
        if (!picked.some(([, r]) => r === "name" || r === "nik")) return layout === null || layout.kind !== "personnel";
        expect(layout).not.toBeNull();
        const expected: Partial<Record<Role, number>> = {};
        picked.forEach(([, r], k) => (expected[r] = pad + k));
        expect(layout?.columns).toEqual(expected);
        return true;
      }),
      { numRuns: 150 },
    );
  });

  test("never throws on arbitrary grids", () => {
    const cell = fc.oneof(
      fc.constant(null),
      fc.string({ maxLength: 12 }).map(text),
      fc.constantFrom("Nama", "NIK", "Tanggal", "Lahir", "TMT", "JP", "1", "2", "Jumlah").map(text),
      fc.integer().map((n) => num(n)),
      fc.constant<Cell>({ t: "e", v: "#N/A" }),
      fc.constant<Cell>({ t: "b", v: true }),
    );
    const area = fc.record({
      top: fc.integer({ min: 1, max: 35 }),
      left: fc.integer({ min: 1, max: 8 }),
      bottom: fc.integer({ min: 1, max: 35 }),
      right: fc.integer({ min: 1, max: 8 }),
    });
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 35 }),
        fc.array(area, { maxLength: 5 }),
        (rows, merges) => {
          const layout = detectTable(rows, 1, merges);
          if (layout !== null) {
            expect(layout.headerRow).toBeGreaterThanOrEqual(layout.headerTopRow);
            expect(layout.dataStartRow).toBeGreaterThan(layout.headerRow);
            for (const j of Object.values(layout.columns)) expect(j).toBeLessThanOrEqual(layout.lastColumnIndex);
            for (const row of rows) expect(["data", "blank", "end", "section"]).toContain(classifyRow(row, layout));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("detectTable: training sheets", () => {
  test("Nama Diklat/Pelatihan, a bare Tanggal and JP", () => {
    const layout = detect([
      ["REKAP PELATIHAN PEGAWAI 2025"],
      [],
      ["No", "NIP", "Nama", "Status", "Nama Diklat/Pelatihan", "Tanggal", "JP"],
      [1, "198105092009121001", "Budi", "PNS", "Pelatihan Kearsipan", "12-03-2025", 8],
    ]);
    expect(layout.kind).toBe("training");
    expect(layout.columns).toEqual({ nip: 1, name: 2, status: 3, training: 4, date: 5, jp: 6 });
    expect(hasDuration(layout)).toBe(true);
    expect(missingRoles(layout)).toEqual([]);
  });

  test("durations in minutes, and start/end dates read as the training date", () => {
    const layout = detect([
      ["No", "NIK", "Nama Peserta", "Jenis Pelatihan", "Tanggal Mulai", "Tanggal Selesai", "Durasi (menit)"],
    ]);
    expect(layout.kind).toBe("training");
    expect(layout.columns).toEqual({ nik: 1, name: 2, training: 3, date: 4, minutes: 6 });
    expect(missingRoles(layout)).toEqual([]); // minutes stand in for JP
  });

  test("a two-row training header: group 'Pelatihan' over Nama / Tanggal / Jumlah Jam", () => {
    const layout = detect([
      ["No", "NIP", "Nama", "Pelatihan", "", ""],
      ["", "", "", "Nama", "Tanggal", "Jumlah Jam"],
      [1, "198105092009121001", "Budi", "Kearsipan", "12-03-2025", 2],
    ]);
    expect(layout.kind).toBe("training");
    expect(layout.columns).toEqual({ nip: 1, name: 2, training: 3, date: 4, hours: 5 });
    expect([layout.headerTopRow, layout.headerRow]).toEqual([1, 2]);
  });

  test("a training sheet without any duration column misses jp", () => {
    const layout = detect([["NIP", "Nama", "Nama Pelatihan", "Tanggal"]]);
    expect(layout.kind).toBe("training");
    expect(hasDuration(layout)).toBe(false);
    expect(missingRoles(layout)).toEqual(["jp"]);
  });
});

describe("kindOf and requiredRoles", () => {
  test("kinds from roles", () => {
    expect(kindOf({ name: 0, startDate: 1 })).toBe("personnel");
    expect(kindOf({ nik: 0, gender: 1 })).toBe("personnel");
    expect(kindOf({ nip: 0, training: 1 })).toBe("training");
    expect(kindOf({ nip: 0, jp: 1 })).toBe("training");
    expect(kindOf({ name: 0, nik: 1 })).toBe("other");
    expect(kindOf({ training: 0, jp: 1 })).toBe("other"); // no person column
  });

  test("required roles per kind", () => {
    expect(requiredRoles("personnel")).toEqual(["name", "nik", "startDate"]);
    expect(requiredRoles("training")).toEqual(["training", "jp"]);
    expect(requiredRoles("other")).toEqual([]);
  });

  test("missingRoles for a personnel sheet without TMT", () => {
    expect(missingRoles(detect([["Nama", "NIK", "Jabatan"]]))).toEqual(["startDate"]);
  });
});

describe("column-number rows", () => {
  test.each<[(string | number | null)[], boolean]>([
    [[1, 2, 3, 4, 5], true],
    [["1", "2", "3", "4"], true],
    [["(1)", "(2)", "(3)"], true],
    [[null, 1, 2, 3], true],
    [[1, 2], false],
    [[1, 3, 4], false],
    [[1, "Budi", 3], false],
    [[2020, 2021, 2022], false],
    [[], false],
  ])("%j -> %s", (row, expected) => {
    expect(isColumnNumberRow(sheet([row])[0])).toBe(expected);
  });

  test("without a column-number row the data starts right below the header", () => {
    expect(
      detect([
        ["No", "Nama", "NIK", "TMT"],
        [1, "Budi", NIK_A, "01-03-2017"],
      ]).dataStartRow,
    ).toBe(2);
  });
});

describe("classifyRow", () => {
  const header = ["No", "Nama", "NIK", "NIP", "Tempat, Tgl Lahir", "Jabatan", "Unit Kerja", "TMT", "Gaji"];
  const layout = detect([header]);
  const cls = (row: (string | number | null)[]): string => classifyRow(sheet([row])[0], layout);

  test("blank rows: empty, white space, dashes, or only the row number", () => {
    expect(cls([])).toBe("blank");
    expect(cls([null, "  ", ""])).toBe("blank");
    expect(cls([7])).toBe("blank");
    expect(cls(["12.", null, "-", "", "...."])).toBe("blank");
    expect(cls([1234])).toBe("blank");
  });

  test("data rows, including a unit or position that reads like a signature", () => {
    expect(cls([1, "Budi Santoso", NIK_A, "", "Balikpapan, 12-03-1990", "Staf", "DLH", "01-03-2017", 1500000])).toBe(
      "data",
    );
    expect(cls([2, "Siti", NIK_B, "", "", "Kepala Seksi Pelayanan", "Kepala Dinas", "01-03-2017"])).toBe("data");
    expect(cls([3, "", NIK_A])).toBe("data"); // NIK only
    expect(cls([4, "Ani"])).toBe("data"); // name only
    expect(cls([5, "Drs. H. Budi, M.Si", "", "", "", "Staf"])).toBe("data"); // a titled name in the name column
    expect(cls([6, "", 3.17101e15])).toBe("data"); // a NIK Excel turned into a number
    expect(cls([7, "", "", "", "Balikpapan, 12-03-1990", "Staf", "DLH"])).toBe("data"); // a birth cell is no signature
    expect(cls([8, "", "", "", "", "", "", "01-03-2017", 1500000])).toBe("data");
  });

  test.each<[string, (string | number | null)[]]>([
    ["JUMLAH", ["JUMLAH", "", "", "", "", "", "", "", 37500000]],
    // Issue 7 (Satpol PP): the count written in the name column made the totals row a person.
    ["JUMLAH with a count in the name column", ["JUMLAH", "3 orang"]],
    ["TOTAL in the name column", ["", "TOTAL", "", "", "", "", "", "", 37500000]],
    ["Jumlah Pegawai: 25", ["Jumlah Pegawai: 25"]],
    ["place and date", ["", "", "", "", "", "", "Balikpapan, 1 Desember 2025"]],
    ["place and month", ["", "", "", "", "", "", "Balikpapan,  Desember 2025"]],
    ["place and numeric date", ["", "", "", "", "", "", "Balikpapan, 01-12-2025"]],
    ["place with the date in the next cell", ["", "", "", "", "", "Balikpapan,", 46000]],
    ["Mengetahui in the name column", ["", "Mengetahui,"]],
    ["two signatures side by side", ["", "Mengetahui,", "", "", "", "", "Yang membuat daftar,"]],
    ["Kepala Dinas", ["", "", "", "", "", "", "Kepala Dinas Lingkungan Hidup"]],
    ["Plt. Kepala", ["", "", "", "", "", "Plt. Kepala Dinas"]],
    ["a.n. Kepala", ["", "", "", "", "", "a.n. Kepala Dinas"]],
    ["Ditetapkan di", ["", "", "", "", "", "Ditetapkan di Balikpapan"]],
    ["NIP line in the NIP column", ["", "", "", "NIP. 19700101 199003 1 002"]],
    ["NIP line elsewhere", ["", "", "", "", "", "", "NIP 19700101 199003 1 002"]],
    ["rank", ["", "", "", "", "", "Pembina Tk. I"]],
    ["a titled name alone in a non-name column", ["", "", "", "", "", "Drs. H. BUDI SANTOSO, M.Si"]],
    ["a name with a degree alone", ["", "", "", "", "", "", "Siti Aminah, S.Pd"]],
  ])("end: %s", (_label, row) => {
    expect(cls(row)).toBe("end");
  });

  // Issue 7, case 1: section rows between groups of people are labels, not people.
  test.each<[string, (string | number | null)[], string]>([
    ["merged across the table (text in the No column)", ["SEKRETARIAT"], "SEKRETARIAT"],
    ["with a letter mark", ["A", "BIDANG PERSAMPAHAN"], "BIDANG PERSAMPAHAN"],
    ["with a roman mark", ["II.", "UPTD TPA MANGGAR"], "UPTD TPA MANGGAR"],
    ["in the unit column", ["", "", "", "", "", "", "Bidang Kebersihan"], "Bidang Kebersihan"],
    ["in the name column, naming a unit", ["", "UPTD  TPA Manggar"], "UPTD TPA Manggar"],
  ])("section: %s", (_label, row, label) => {
    const r = sheet([row])[0];
    expect(classifyRow(r, layout)).toBe("section");
    expect(sectionLabel(r, layout)).toBe(label);
  });

  test("not sections: a person with only a name, totals, signatures, a NIK alone, a row with a date", () => {
    expect(cls([4, "Ani"])).toBe("data");
    expect(cls(["", "BUDI SANTOSO"])).toBe("data");
    expect(cls(["", "", NIK_A])).toBe("data");
    expect(cls(["SEKRETARIAT", "", "", "", "", "", "", "01-03-2017"])).toBe("data");
    expect(cls(["JUMLAH"])).toBe("end");
    expect(cls(["", "", "", "", "", "", "Kepala Dinas Lingkungan Hidup"])).toBe("end");
  });

  test("a signature word in a row full of values is data, not the end", () => {
    expect(cls([9, "", "", "", "", "Kepala Seksi", "Bidang Umum", "01-03-2017", 1500000])).toBe("data");
  });

  test("a realistic sheet: blank rows inside the data, then a totals row and a signature block", () => {
    const rows = [
      ["DAFTAR TENAGA NON ASN DINAS LINGKUNGAN HIDUP"],
      ["TAHUN 2025"],
      [],
      header,
      [1, 2, 3, 4, 5, 6, 7, 8, 9],
      [1, "Budi Santoso", NIK_A, "", "Balikpapan, 12-03-1990", "Pengemudi", "Sekretariat", "01-03-2017", 1500000],
      [],
      [2, "Siti Aminah", NIK_B, "", "Samarinda, 05-07-1992", "Kepala Regu", "Bidang Kebersihan", "01-01-2020", 1500000],
      [3],
      [4, "Andi", "6471050101950003", "", "", "Staf", "Kepala Seksi Umum", "Agustus 2021", ""],
      ["JUMLAH", "", "", "", "", "", "", "", 4500000],
      [],
      ["", "", "", "", "", "", "Balikpapan, 1 Desember 2025"],
      ["", "", "", "", "", "", "Kepala Dinas"],
      [5, "Not a person", NIK_A], // below the end: never reached
    ];
    const layout = detect(rows, ["A1:I1", "A2:I2"]);
    expect(layout.dataStartRow).toBe(6);
    expect(dataRows(rows, layout)).toEqual([6, 8, 10]);
    // Without the totals row the signature block ends the data.
    const noTotals = rows.filter((r) => r[0] !== "JUMLAH");
    expect(dataRows(noTotals, detect(noTotals))).toEqual([6, 8, 10]);
  });

  test("a training sheet ends at 'Total JP'", () => {
    const rows = [
      ["No", "NIP", "Nama", "Nama Pelatihan", "Tanggal", "JP"],
      [1, "198105092009121001", "Budi", "Kearsipan", "12-03-2025", 8],
      [2, "198105092009121001", "Budi", "Pelayanan Publik", "20-05-2025", 16],
      ["", "", "Total JP", "", "", 24],
    ];
    expect(dataRows(rows, detect(rows))).toEqual([2, 3]);
  });
});

describe("a meaningful cell", () => {
  const slow = (v: string): boolean => /[\p{L}\p{N}]/u.test(v);

  it("is a text with a letter or digit anywhere, whatever its first character (the ASCII shortcut agrees)", () => {
    // First characters around the shortcut's edges: control codes that OR 32 into digits, @ [ ` {.
    const edge = fc.constantFrom("\u0010", "\u0019", "@", "[", "`", "{", "/", ":", "A", "z", "0", "9", "é", "-", " ");
    fc.assert(
      fc.property(fc.tuple(edge, fc.string({ unit: "grapheme", maxLength: 6 })), ([first, rest]) => {
        const v = first + rest;
        expect(isMeaningful(text(v))).toBe(slow(v));
      }),
      { numRuns: 2000 },
    );
    expect(isMeaningful(text(""))).toBe(false);
    expect(isMeaningful(text("\u0015"))).toBe(false);
    expect(isMeaningful(text("....-"))).toBe(false);
    expect(isMeaningful(text("Éva"))).toBe(true);
    expect(isMeaningful(num(0))).toBe(true);
    expect(isMeaningful(null)).toBe(false);
  });
});
