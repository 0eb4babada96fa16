import { opdNameFromTitles } from "../../src/core/opd-name";

describe("the office's name from the title rows", () => {
  test("from the first office word on, without the year", () => {
    expect(opdNameFromTitles(["DAFTAR TENAGA NON ASN DINAS KESEHATAN KOTA BALIKPAPAN", "TAHUN 2025"])).toBe(
      "DINAS KESEHATAN KOTA BALIKPAPAN",
    );
    expect(opdNameFromTitles(["PEMERINTAH KOTA BONTANG", "Badan Kepegawaian dan Pengembangan SDM  Tahun 2025"])).toBe(
      "Badan Kepegawaian dan Pengembangan SDM",
    );
    expect(opdNameFromTitles(["Rekap honorer Kecamatan Balikpapan Timur, 2024"])).toBe("Kecamatan Balikpapan Timur");
  });

  test("no office word: no name (the summary says so)", () => {
    expect(opdNameFromTitles(["DAFTAR PEGAWAI", "TAHUN 2025"])).toBeNull();
    expect(opdNameFromTitles([])).toBeNull();
  });
});
