/**
 * Province codes as they open a NIK: the Kemendagri (Ministry of Home Affairs)
 * codes, not the BPS statistics codes, which differ for Papua. Includes the four
 * Papua provinces created in 2022 (93-96). A NIK keeps the code of the place where
 * it was first issued, so older NIKs from the new provinces still start with 91/92.
 */

const PROVINCES: Readonly<Record<string, string>> = {
  "11": "Aceh",
  "12": "Sumatera Utara",
  "13": "Sumatera Barat",
  "14": "Riau",
  "15": "Jambi",
  "16": "Sumatera Selatan",
  "17": "Bengkulu",
  "18": "Lampung",
  "19": "Kepulauan Bangka Belitung",
  "21": "Kepulauan Riau",
  "31": "DKI Jakarta",
  "32": "Jawa Barat",
  "33": "Jawa Tengah",
  "34": "DI Yogyakarta",
  "35": "Jawa Timur",
  "36": "Banten",
  "51": "Bali",
  "52": "Nusa Tenggara Barat",
  "53": "Nusa Tenggara Timur",
  "61": "Kalimantan Barat",
  "62": "Kalimantan Tengah",
  "63": "Kalimantan Selatan",
  "64": "Kalimantan Timur",
  "65": "Kalimantan Utara",
  "71": "Sulawesi Utara",
  "72": "Sulawesi Tengah",
  "73": "Sulawesi Selatan",
  "74": "Sulawesi Tenggara",
  "75": "Gorontalo",
  "76": "Sulawesi Barat",
  "81": "Maluku",
  "82": "Maluku Utara",
  "91": "Papua",
  "92": "Papua Barat",
  "93": "Papua Selatan",
  "94": "Papua Tengah",
  "95": "Papua Pegunungan",
  "96": "Papua Barat Daya",
};

/** Every known two-digit province code, in order. */
export const PROVINCE_CODES: readonly string[] = Object.keys(PROVINCES).sort();

/** The province a two-digit code names, or null when the code is not a province. */
export function provinceName(code: string): string | null {
  return Object.prototype.hasOwnProperty.call(PROVINCES, code) ? (PROVINCES[code] ?? null) : null;
}
