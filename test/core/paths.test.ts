/**
 * After the cut-off: each person's path, from hand-worked rows. Tenure is counted with
 * the engine's own computeTenure where a date matters, so the Bontang rows prove the
 * region's date reaches the decision.
 */
import { type Cell, num, text } from "../../src/core/cells";
import { ymdToDay } from "../../src/core/days";
import { DEFAULT_POLICY, type Policy, parsePathOrder, resolvePolicy } from "../../src/core/policy";
import { type PathInput, decidePath, pathOrderOf, pjlpDocuments } from "../../src/core/rules/paths";
import { computeTenure } from "../../src/core/tenure";

// A valid NIK: province 31, regency 71, district 01, born 12-03-90 (a man), sequence 0001.
const NIK = "3171011203900001";
// Old NPWP 01.234.567.?-123.000: Luhn over the first nine digits, from the right, doubling
// every second: 7->14->5, 6, 5->10->1, 4, 3->6, 2, 1->2, 0 = 26, so the check digit is 4 (30).
const NPWP15 = "01.234.567.4-123.000";
const NPWP15_BAD_CHECK = "01.234.567.5-123.000";
const NPWP16 = "0012345674123000"; // "0" + the old 15
const NIB = "1234567890123"; // 13 digits: only length and digits can be checked

/** A non-ASN with 30 months and aged 35, no BKN code, NIK valid, no NIB or NPWP column. */
const base: PathInput = {
  appointed: false,
  bknCode: null,
  tmtKnown: true,
  tenureMonths: 30,
  serviceGap: false,
  ageYears: 35,
  nik: "valid",
  nibCell: undefined,
  npwpCell: undefined,
};

const policyWith = (overrides: Record<string, unknown>): Policy => {
  const { policy, problems } = resolvePolicy(overrides);
  expect(problems).toEqual([]);
  return policy;
};

const decide = (change: Partial<PathInput>, policy: Policy = DEFAULT_POLICY) =>
  decidePath({ ...base, ...change }, policy);

/** Months of service from a TMT to the policy's reference date, as the engine counts them. */
const monthsFrom = (y: number, m: number, d: number, policy: Policy): number | null =>
  computeTenure(ymdToDay(y, m, d), null, policy)?.totalMonths ?? null;

describe("decidePath: who has no path", () => {
  it("an ASN (appointed) has none, whatever else the row says", () => {
    expect(decide({ appointed: true, bknCode: "R3", tenureMonths: null, tmtKnown: false })).toBeNull();
  });

  it("an unreadable status is perlu diperiksa on the status: the person may be ASN", () => {
    expect(decide({ appointed: null })).toEqual({
      path: "perlu-diperiksa",
      missing: [],
      review: ["status"],
      npwpFromNik: false,
    });
  });
});

describe("decidePath: service just under and over two years (reference 31-12-2025, the day counted)", () => {
  // TMT 01-01-2024 .. 31-12-2025 inclusive = 24 whole months (domain.md's own example).
  // TMT 02-01-2024: 02-01-2024 .. 01-12-2025 is 23 months, the 30 days left are dropped.
  // TMT 01-12-2023: 25 months.
  it("counts the hand-worked months", () => {
    expect(monthsFrom(2024, 1, 1, DEFAULT_POLICY)).toBe(24);
    expect(monthsFrom(2024, 1, 2, DEFAULT_POLICY)).toBe(23);
    expect(monthsFrom(2023, 12, 1, DEFAULT_POLICY)).toBe(25);
  });

  it("24 and 25 months at age 35: usul PPPK", () => {
    expect(decide({ tenureMonths: 24 })?.path).toBe("usul-pppk");
    expect(decide({ tenureMonths: 25 })?.path).toBe("usul-pppk");
  });

  it("23 months: PJLP (documents missing: no NIB column, so the NIB is to be obtained)", () => {
    expect(decide({ tenureMonths: 23 })).toEqual({
      path: "pjlp-belum-siap",
      missing: [{ document: "nib", problem: "empty" }],
      review: [],
      npwpFromNik: true,
    });
  });

  it("enough service but age out of the PPPK limits (19, 58): PJLP", () => {
    // Limits 20 .. 57 (BUP 58 - 1).
    expect(decide({ ageYears: 20 })?.path).toBe("usul-pppk");
    expect(decide({ ageYears: 57 })?.path).toBe("usul-pppk");
    expect(decide({ ageYears: 19 })?.path).toBe("pjlp-belum-siap");
    expect(decide({ ageYears: 58 })?.path).toBe("pjlp-belum-siap");
  });
});

describe("decidePath: BKN database categories", () => {
  it.each(["R2", "R3", "R3B", "R3T"] as const)(
    "%s not appointed: PPPK paruh waktu, also with short service",
    (code) => {
      expect(decide({ bknCode: code, tenureMonths: 5 })?.path).toBe("pppk-paruh-waktu");
      expect(decide({ bknCode: code, tenureMonths: null, tmtKnown: false, ageYears: null })?.path).toBe(
        "pppk-paruh-waktu",
      );
    },
  );

  it("R3 already appointed (PPPK paruh waktu status): no path", () => {
    expect(decide({ bknCode: "R3", appointed: true })).toBeNull();
  });

  it("R4 (not in the database) and TH (did not attend) follow the service rules", () => {
    expect(decide({ bknCode: "R4", tenureMonths: 30 })?.path).toBe("usul-pppk");
    expect(decide({ bknCode: "TH", tenureMonths: 10 })?.path).toBe("pjlp-belum-siap");
  });
});

describe("decidePath: PJLP documents", () => {
  const short = { tenureMonths: 10 };
  const pjlp = (cells: Partial<PathInput>, policy: Policy = DEFAULT_POLICY) => decide({ ...short, ...cells }, policy);

  it("NIB present, NIK valid, NPWP empty with the NIK serving: siap", () => {
    expect(pjlp({ nibCell: text(NIB), npwpCell: null })).toEqual({
      path: "pjlp-siap",
      missing: [],
      review: [],
      npwpFromNik: true,
    });
  });

  it("an NIB typed as a number keeps its 13 digits (under Excel's 15): siap", () => {
    expect(pjlp({ nibCell: num(1234567890123), npwpCell: text(NPWP15) })?.path).toBe("pjlp-siap");
  });

  it.each<[string, Cell | undefined, "empty" | "invalid"]>([
    ["no NIB column", undefined, "empty"],
    ["an empty NIB cell", null, "empty"],
    ["a 5-digit NIB", text("12345"), "invalid"],
    ["an NIB with letters", text("12345678901AB"), "invalid"],
    ["an NIB of 14 digits", text("12345678901234"), "invalid"],
  ])("%s: NIB %s", (_what, nibCell, problem) => {
    const r = pjlp({ nibCell, npwpCell: text(NPWP15) });
    expect(r?.path).toBe("pjlp-belum-siap");
    expect(r?.missing).toEqual([{ document: "nib", problem }]);
  });

  it.each<[string, string]>([
    ["old 15 digits with a good check digit", NPWP15],
    ["16 digits, 0 + the old 15", NPWP16],
    ["the NIK (16 digits, PMK 112/2022)", NIK],
    ["dots and dashes as printed, with a label", `NPWP: ${NPWP15}`],
  ])("NPWP as %s: siap", (_what, npwp) => {
    expect(pjlp({ nibCell: text(NIB), npwpCell: text(npwp) })).toEqual({
      path: "pjlp-siap",
      missing: [],
      review: [],
      npwpFromNik: false,
    });
  });

  it("an old NPWP with a wrong check digit is invalid, and the NIK does not cover it", () => {
    expect(pjlp({ nibCell: text(NIB), npwpCell: text(NPWP15_BAD_CHECK) })?.missing).toEqual([
      { document: "npwp", problem: "invalid" },
    ]);
  });

  it("NIK as NPWP not allowed: an empty NPWP is missing", () => {
    const noNik = policyWith({ nikAsNpwp: "tidak" });
    expect(pjlp({ nibCell: text(NIB), npwpCell: null }, noNik)).toEqual({
      path: "pjlp-belum-siap",
      missing: [{ document: "npwp", problem: "empty" }],
      review: [],
      npwpFromNik: false,
    });
    // With the NPWP written, the setting does not matter.
    expect(pjlp({ nibCell: text(NIB), npwpCell: text(NPWP16) }, noNik)?.path).toBe("pjlp-siap");
  });

  it("an invalid NIK is missing for the KTP and cannot serve as NPWP", () => {
    expect(pjlp({ nik: "invalid", nibCell: text(NIB), npwpCell: null })?.missing).toEqual([
      { document: "nik", problem: "invalid" },
      { document: "npwp", problem: "empty" },
    ]);
  });

  it("nothing at all: NIB, NIK and NPWP, in that order", () => {
    expect(pjlp({ nik: "empty" })?.missing).toEqual([
      { document: "nib", problem: "empty" },
      { document: "nik", problem: "empty" },
      { document: "npwp", problem: "empty" },
    ]);
  });

  it("pjlpDocuments alone agrees", () => {
    expect(pjlpDocuments({ nik: "valid", nibCell: text(NIB), npwpCell: text("12") }, DEFAULT_POLICY)).toEqual({
      missing: [{ document: "npwp", problem: "invalid" }],
      npwpFromNik: false,
    });
  });
});

describe("decidePath: the data cannot decide", () => {
  it("no TMT: perlu diperiksa on the TMT (usul PPPK comes first and cannot be judged)", () => {
    expect(decide({ tmtKnown: false, tenureMonths: null })).toEqual({
      path: "perlu-diperiksa",
      missing: [],
      review: ["startDate"],
      npwpFromNik: false,
    });
  });

  it("no TMT and no age: both fields are named", () => {
    expect(decide({ tmtKnown: false, tenureMonths: null, ageYears: null })?.review).toEqual(["startDate", "birthDate"]);
  });

  it("no age with enough service: perlu diperiksa on the birth date; with short service the age does not matter", () => {
    expect(decide({ ageYears: null })?.review).toEqual(["birthDate"]);
    expect(decide({ ageYears: null, tenureMonths: 10 })?.path).toBe("pjlp-belum-siap");
  });

  it("a gap in service: 30 months total is not proven continuous; 10 months is short anyway", () => {
    expect(decide({ serviceGap: true })?.review).toEqual(["startDate"]);
    expect(decide({ serviceGap: true, tenureMonths: 10 })?.path).toBe("pjlp-belum-siap");
  });

  it("no TMT with usul PPPK switched off: PJLP needs no TMT", () => {
    expect(decide({ tmtKnown: false, tenureMonths: null }, policyWith({ pathUsulPppk: "tidak" }))?.path).toBe(
      "pjlp-belum-siap",
    );
  });
});

describe("decidePath: each path switched off", () => {
  it("paruh waktu off: R3 follows the service rules", () => {
    const p = policyWith({ pathParuhWaktu: false });
    expect(decide({ bknCode: "R3", tenureMonths: 30 }, p)?.path).toBe("usul-pppk");
    expect(decide({ bknCode: "R3", tenureMonths: 10 }, p)?.path).toBe("pjlp-belum-siap");
  });

  it("usul PPPK off: 30 months at 35 goes to PJLP", () => {
    const p = policyWith({ pathUsulPppk: "no" });
    expect(decide({ nibCell: text(NIB) }, p)?.path).toBe("pjlp-siap");
  });

  it("PJLP off: under 24 months gets bantuan usaha, 24 months or more with no other fit is perlu diperiksa", () => {
    const p = policyWith({ pathPjlp: "tidak" });
    expect(decide({ tenureMonths: 23 }, p)?.path).toBe("bantuan-usaha");
    expect(decide({ tenureMonths: 24, ageYears: 60 }, p)).toEqual({
      path: "perlu-diperiksa",
      missing: [],
      review: [],
      npwpFromNik: false,
    });
  });

  it("PJLP off: the service limit of bantuan usaha is a setting", () => {
    const p = policyWith({ pathPjlp: "tidak", bantuanUsahaMaxMonths: 36 });
    expect(decide({ tenureMonths: 35, ageYears: 60 }, p)?.path).toBe("bantuan-usaha");
    expect(decide({ tenureMonths: 36, ageYears: 60 }, p)?.path).toBe("perlu-diperiksa");
  });

  it("PJLP off: bantuan usaha needs the TMT", () => {
    const p = policyWith({ pathPjlp: "tidak", pathUsulPppk: "tidak" });
    expect(decide({ tmtKnown: false, tenureMonths: null }, p)?.review).toEqual(["startDate"]);
  });

  it("PJLP and bantuan usaha off: short service has no path offered", () => {
    const p = policyWith({ pathPjlp: "tidak", pathBantuanUsaha: "tidak" });
    expect(decide({ tenureMonths: 10 }, p)?.path).toBe("perlu-diperiksa");
    expect(decide({ tenureMonths: 10 }, p)?.review).toEqual([]);
  });

  it("bantuan usaha off changes nothing under the default order (PJLP comes first)", () => {
    const p = policyWith({ pathBantuanUsaha: "tidak" });
    expect(decide({ tenureMonths: 10 }, p)?.path).toBe("pjlp-belum-siap");
  });

  it("every path off: perlu diperiksa, and an ASN still has none", () => {
    const p = policyWith({ pathUsulPppk: 0, pathParuhWaktu: 0, pathPjlp: 0, pathBantuanUsaha: 0 });
    expect(decide({ bknCode: "R2" }, p)?.path).toBe("perlu-diperiksa");
    expect(decide({ appointed: true }, p)).toBeNull();
  });
});

describe("decidePath: the order setting", () => {
  const order = policyWith({ pathOrder: "bantuan-usaha, pjlp, usul-pppk, pppk-paruh-waktu" });

  it("bantuan usaha first: short service (also R3) gets it; long service goes to PJLP", () => {
    expect(decide({ tenureMonths: 10 }, order)?.path).toBe("bantuan-usaha");
    expect(decide({ tenureMonths: 10, bknCode: "R3" }, order)?.path).toBe("bantuan-usaha");
    expect(decide({ tenureMonths: 30 }, order)?.path).toBe("pjlp-belum-siap");
  });

  it("usul PPPK before paruh waktu: an R3 who meets the rules is proposed for PPPK", () => {
    const p = policyWith({ pathOrder: "usul-pppk>pppk-paruh-waktu>pjlp>bantuan-usaha" });
    expect(decide({ bknCode: "R3" }, p)?.path).toBe("usul-pppk");
    expect(decide({ bknCode: "R3", tenureMonths: 10 }, p)?.path).toBe("pppk-paruh-waktu");
  });

  it("a hand-built policy with an unreadable order falls back to the default order", () => {
    expect(pathOrderOf({ ...DEFAULT_POLICY, pathOrder: "nonsense" })).toEqual([
      "pppk-paruh-waktu",
      "usul-pppk",
      "pjlp",
      "bantuan-usaha",
    ]);
  });
});

describe("a region whose cut-off is 30 June 2025 (Bontang)", () => {
  // Bontang ended contracts on 30-06-2025: service and age are counted at that date.
  const bontang = policyWith({ cutoffDate: "2025-06-30", referenceDate: "2025-06-30" });
  // Born 12-03-1990: 35 on both dates.
  const at = (tmt: [number, number, number], policy: Policy) =>
    decide({ tenureMonths: monthsFrom(...tmt, policy), ageYears: 35 }, policy);

  it("TMT 01-07-2023: 01-07-2023 .. 30-06-2025 inclusive = 24 months: usul PPPK", () => {
    expect(monthsFrom(2023, 7, 1, bontang)).toBe(24);
    expect(at([2023, 7, 1], bontang)?.path).toBe("usul-pppk");
  });

  it("TMT 02-07-2023: 23 months at 30-06-2025 (PJLP, the NIB to get), 29 months at 31-12-2025 (usul PPPK)", () => {
    // 02-07-2023 .. 01-06-2025 = 23 months, 29 days dropped; to 31-12-2025: 02-12-2025 ends 29 months, 30 days dropped.
    expect(monthsFrom(2023, 7, 2, bontang)).toBe(23);
    expect(monthsFrom(2023, 7, 2, DEFAULT_POLICY)).toBe(29);
    expect(at([2023, 7, 2], bontang)?.path).toBe("pjlp-belum-siap");
    expect(at([2023, 7, 2], DEFAULT_POLICY)?.path).toBe("usul-pppk");
  });

  it("Bontang without PJLP: under two years at 30-06-2025 gets bantuan usaha", () => {
    const noPjlp = { ...bontang, pathPjlp: false };
    expect(at([2023, 7, 2], noPjlp)?.path).toBe("bantuan-usaha");
  });
});

describe("policy: path settings", () => {
  it("all paths are offered by default, NIK as NPWP allowed, bantuan usaha under 24 months", () => {
    expect(DEFAULT_POLICY).toMatchObject({
      pathUsulPppk: true,
      pathParuhWaktu: true,
      pathPjlp: true,
      pathBantuanUsaha: true,
      bantuanUsahaMaxMonths: 24,
      nikAsNpwp: true,
      pathOrder: "pppk-paruh-waktu,usul-pppk,pjlp,bantuan-usaha",
    });
  });

  it("reads an order written with spaces, arrows or '>' and stores it comma-separated", () => {
    expect(parsePathOrder("PJLP \u2192 usul-pppk \u2192 pppk-paruh-waktu \u2192 bantuan-usaha")).toEqual([
      "pjlp",
      "usul-pppk",
      "pppk-paruh-waktu",
      "bantuan-usaha",
    ]);
    expect(resolvePolicy({ pathOrder: "pjlp bantuan-usaha usul-pppk pppk-paruh-waktu" }).policy.pathOrder).toBe(
      "pjlp,bantuan-usaha,usul-pppk,pppk-paruh-waktu",
    );
  });

  it.each(["pjlp,usul-pppk", "pjlp,pjlp,usul-pppk,bantuan-usaha", "pjlp,usul-pppk,pppk-paruh-waktu,kontrak", ""])(
    "rejects the order %p with a message in both languages (empty keeps the default)",
    (raw) => {
      const { policy, problems } = resolvePolicy({ pathOrder: raw });
      expect(policy.pathOrder).toBe(DEFAULT_POLICY.pathOrder);
      if (raw === "") expect(problems).toEqual([]);
      else {
        expect(problems).toHaveLength(1);
        expect(problems[0].key).toBe("pathOrder");
        expect(problems[0].message.id).toContain("masing-masing sekali");
        expect(problems[0].message.en).toContain("each once");
      }
    },
  );

  it("rejects a switch that is not yes/no and a negative service limit", () => {
    const { problems } = resolvePolicy({ pathPjlp: "mungkin", bantuanUsahaMaxMonths: "-1" });
    expect(problems.map((p) => p.key)).toEqual(["pathPjlp", "bantuanUsahaMaxMonths"]);
  });
});
