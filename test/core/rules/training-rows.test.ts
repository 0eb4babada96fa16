import { num, text } from "../../../src/core/cells";
import { ymdToDay } from "../../../src/core/days";
import { DEFAULT_POLICY } from "../../../src/core/policy";
import type { SheetResult, TrainingTally } from "../../../src/core/results";
import { noPeople, rememberPerson } from "../../../src/core/rules/people";
import {
  type PendingTraining,
  type TrainingKeys,
  checkParticipant,
  checkTrainingDate,
  checkTrainingName,
  checkTrainingStatus,
  countOnce,
  readJp,
  settleEntry,
  ambiguousNameIssue,
  verdictIssue,
} from "../../../src/core/rules/training-rows";
import type { TrainingEntry } from "../../../src/core/training";
import { brief, codes, rowOf } from "./helpers";

const NIP = "199003122015031001"; // PNS, born 12-03-1990, TMT March 2015, man

describe("the participant", () => {
  test("a valid NIP names the person", () => {
    const r = checkParticipant(rowOf({ nip: text(NIP), name: text("Budi") }));
    expect(r).toEqual({ value: { nip: NIP, nik: null, name: "Budi", person: NIP }, issues: [] });
  });
  test("an invalid NIK is reported and the name (normalized) names the person", () => {
    const r = checkParticipant(rowOf({ nik: text("12345"), name: text("Drs. Budi Santoso") }));
    expect(r.value.person).toBe("BUDI SANTOSO");
    expect(r.value.nik).toBeNull();
    expect(codes(r.issues)).toEqual(["nik-invalid"]);
  });
  test("no identifier and no name: no person", () => {
    expect(checkParticipant(rowOf({ name: null })).value.person).toBeNull();
  });
});

describe("status, name and date of a training row", () => {
  test("an unknown status is reported; an Excel error is not (the row is just without status)", () => {
    expect(codes(checkTrainingStatus(rowOf({ status: text("PNS/PPPK") })).issues)).toEqual(["unknown-status"]);
    expect(checkTrainingStatus(rowOf({ status: text("R3") })).value).toBe("non-asn");
    expect(checkTrainingStatus(rowOf({ status: { t: "e", v: "#N/A" } }))).toEqual({ value: null, issues: [] });
    expect(checkTrainingStatus(rowOf({ status: text("PNS") })).value).toBe("pns");
  });
  test("the training name is required in its column", () => {
    expect(brief(checkTrainingName(rowOf({ name: text("A"), training: null })).issues)).toEqual([
      { code: "missing-value", column: "B", params: { role: "training" } },
    ]);
    expect(checkTrainingName(rowOf({ training: text(" Diklat  PIM IV ") })).value).toBe("Diklat PIM IV");
  });
  test("the date is optional; an unreadable one is reported", () => {
    expect(checkTrainingDate(rowOf({ date: null }))).toEqual({ value: null, issues: [] });
    expect(checkTrainingDate(rowOf({ date: text("05-06-2025") })).value).toBe(ymdToDay(2025, 6, 5));
    expect(brief(checkTrainingDate(rowOf({ date: text("kemarin") })).issues)).toEqual([
      { code: "invalid-date", column: "A", params: { role: "date", value: "kemarin" } },
    ]);
  });
});

describe("readJp (45 minutes a JP)", () => {
  test.each([
    ["JP as written", { jp: num(3) }, 3],
    ["90 minutes = 2 JP", { minutes: num(90) }, 2],
    ["1.5 hours = 90 minutes = 2 JP", { hours: num(1.5) }, 2],
    ["100 minutes = 2.22 JP", { minutes: num(100) }, 2.22],
    ["an empty JP cell falls through to minutes: 45 minutes = 1 JP", { jp: null, minutes: num(45) }, 1],
    // Issue 7, case 3: units written in the cell ("90 menit", "3 jam") were rejected as invalid numbers.
    ["'90 menit' in a JP column = 2 JP", { jp: text("90 menit") }, 2],
    ["'135 menit' = 3 JP", { jp: text("135 menit") }, 3],
    ["'90 mnt' = 2 JP", { jp: text("90 mnt") }, 2],
    ["'3 jam' = 180 minutes = 4 JP", { jp: text("3 jam") }, 4],
    ["'1,5 jam' = 2 JP", { jp: text("1,5 jam") }, 2],
    ["'4 JP' and '4 jp' as is", { jp: text("4 jp") }, 4],
    ["'4 JP' in a minutes column is still 4 JP", { minutes: text("4 JP") }, 4],
  ])("%s", (_why, cells, expected) => {
    expect(readJp(rowOf(cells), DEFAULT_POLICY)).toEqual({ value: expected, issues: [] });
  });
  test("a negative JP is reported and gives none", () => {
    expect(brief(readJp(rowOf({ jp: num(-1) }), DEFAULT_POLICY).issues)).toEqual([
      { code: "invalid-number", column: "A", params: { role: "jp", value: "-1" } },
    ]);
  });
  test("all duration cells empty: missing, in the first duration column", () => {
    const r = readJp(rowOf({ name: text("A"), minutes: null, hours: null }), DEFAULT_POLICY);
    expect(r.value).toBeNull();
    expect(brief(r.issues)).toEqual([{ code: "missing-value", column: "B", params: { role: "minutes" } }]);
  });
  test("no duration column at all: nothing to report here (missing-column covers it)", () => {
    expect(readJp(rowOf({ name: text("A") }), DEFAULT_POLICY)).toEqual({ value: null, issues: [] });
  });
});

function entryAt(row: number, overrides: Partial<TrainingEntry> = {}): TrainingEntry {
  return {
    person: NIP,
    name: null,
    status: null,
    training: "Diklat PIM IV",
    day: ymdToDay(2025, 6, 5),
    jp: 10,
    sheet: "Pelatihan",
    row,
    ...overrides,
  };
}

describe("countOnce", () => {
  test("the same person, training and date is counted once", () => {
    const keys: TrainingKeys = new Map();
    const first = rowOf({ training: text("Diklat PIM IV") }, { sheet: "Pelatihan", row: 4 });
    expect(countOnce(first, keys, entryAt(4))).toEqual({ value: true, issues: [] });
    const again = rowOf({ training: text("diklat pim-iv") }, { sheet: "Pelatihan", row: 6 });
    const r = countOnce(again, keys, entryAt(6, { training: "diklat pim-iv" }));
    expect(r.value).toBe(false);
    expect(brief(r.issues)).toEqual([{ code: "training-duplicate", column: "A", params: { firstRow: 4 } }]);
    // Another date is another training.
    expect(countOnce(again, keys, entryAt(6, { day: ymdToDay(2025, 6, 6) })).value).toBe(true);
  });
});

describe("settling entries at the workbook's end", () => {
  const people = noPeople();
  rememberPerson(people, { nip: NIP, nik: null, name: "Budi" }, { name: "Budi", status: "pns" });
  const pending = (statusFromRow: boolean, nip: string | null): PendingTraining => ({
    sheetIndex: 1,
    rowIndex: 0,
    entry: entryAt(4, { status: statusFromRow ? "pppk" : null }),
    keys: { nip, nik: null, name: null },
    statusFromRow,
  });

  test("a row without status takes the personnel sheet's status, name and key", () => {
    expect(settleEntry(pending(false, NIP), people)).toEqual({
      entry: { ...entryAt(4), person: NIP, status: "pns", name: "Budi" },
      sameName: 0,
    });
  });
  test("the row's own status wins", () => {
    expect(settleEntry(pending(true, NIP), people).entry.status).toBe("pppk");
  });
  // Issue 7, case 5: ASN with valid NIPs got "status unknown" when no sheet knew them.
  test("a person no personnel sheet knows takes the status NIP digits 13-14 tell", () => {
    expect(settleEntry(pending(false, "199101012015031002"), people).entry.status).toBe("pns");
    expect(settleEntry(pending(false, "199009132025242014"), people).entry.status).toBe("pppk");
  });
  test("a name two people share is reported and borrows no status", () => {
    const two = noPeople();
    rememberPerson(two, { nip: NIP, nik: null, name: "Budi" }, { name: "Budi", status: "pns" });
    rememberPerson(two, { nip: null, nik: "6471051203900001", name: "BUDI" }, { name: "BUDI", status: "non-asn" });
    const byName: PendingTraining = { ...pending(false, null), keys: { nip: null, nik: null, name: "budi" } };
    const settled = settleEntry(byName, two);
    expect(settled.sameName).toBe(2);
    expect(settled.entry.status).toBeNull();
    expect(ambiguousNameIssue(byName, 2, "a.xlsx")).toMatchObject({
      code: "training-ambiguous-name",
      file: "a.xlsx",
      sheet: "Pelatihan",
      row: 4,
      params: { name: "budi", count: 2 },
    });
  });
});

describe("verdictIssue", () => {
  const sheet: SheetResult = {
    name: "Pelatihan",
    kind: "training",
    headerRow: 1,
    headerTopRow: 1,
    columns: { nip: "B", jp: "E" },
    rolesNotFound: [],
    lastColumnIndex: 4,
    dataRange: { first: 2, last: 9 },
    rows: [],
    issues: [],
  };
  const tally = (verdict: TrainingTally["verdict"], jp: number): TrainingTally => ({
    person: NIP,
    name: "Budi",
    status: verdict === "above-maximum" ? "pppk" : "pns",
    year: 2025,
    jp,
    verdict,
    sheet: "Pelatihan",
    rows: [4, 9],
  });
  test("a PNS with 19.5 JP is below the minimum of 20, at the first row's JP cell", () => {
    expect(verdictIssue(tally("below-minimum", 19.5), [sheet], DEFAULT_POLICY, undefined)).toMatchObject({
      code: "jp-below-minimum",
      sheet: "Pelatihan",
      row: 4,
      column: "E",
      role: "jp",
      params: { person: "Budi", jp: 19.5, year: 2025, limit: 20 },
    });
  });
  test("a PPPK with 30 JP is above the maximum of 24", () => {
    expect(verdictIssue(tally("above-maximum", 30), [sheet], DEFAULT_POLICY, undefined)?.params).toEqual({
      person: "Budi",
      jp: 30,
      year: 2025,
      limit: 24,
    });
  });
  test("other verdicts raise nothing", () => {
    expect(verdictIssue(tally("ok", 20), [sheet], DEFAULT_POLICY, undefined)).toBeNull();
    expect(verdictIssue(tally("unknown-status", 3), [sheet], DEFAULT_POLICY, undefined)).toBeNull();
  });
});
