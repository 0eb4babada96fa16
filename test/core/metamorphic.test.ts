/**
 * Metamorphic properties (issue 7): changes to a sheet that a person would not notice as
 * changes to the data must not change any person's result or any tally. Sheets are
 * generated the way OPDs keep them: a title block, a header, people of every status with
 * dates, a signature block; training rows keyed by NIP, NIK or name.
 */
import fc from "fast-check";
import type { Cell, CellRow, SheetGrid } from "../../src/core/cells";
import { dayToSerial, ymdToDay } from "../../src/core/days";
import { checkWorkbook } from "../../src/core/engine";
import { DEFAULT_POLICY } from "../../src/core/policy";
import { type PersonRow, type WorkbookResult, isPersonRow } from "../../src/core/results";
import { MONTHS_LONG, MONTHS_SHORT, makeNik, makeNip } from "../fixtures/make-fixtures";

type Ymd = readonly [number, number, number];
const s = (v: string): Cell => ({ t: "s", v });
const n = (v: number): Cell => ({ t: "n", v });
const realDate = ([y, m, d]: Ymd): Cell => ({ t: "d", v: dayToSerial(ymdToDay(y, m, d)), format: "dd-mm-yyyy" });
const pad = (x: number): string => String(x).padStart(2, "0");

/** Every text form of a date domain.md lists (and ISO date-times other tools write), plus a serial in a General cell. */
const DATE_FORMS: readonly ((d: Ymd) => Cell)[] = [
  realDate,
  (d) => n(dayToSerial(ymdToDay(...d))),
  ([y, m, d]) => s(`${pad(d)}-${pad(m)}-${y}`),
  ([y, m, d]) => s(`${pad(d)}/${pad(m)}/${y}`),
  ([y, m, d]) => s(`${pad(d)}.${pad(m)}.${y}`),
  ([y, m, d]) => s(`${y}-${pad(m)}-${pad(d)}`),
  ([y, m, d]) => s(`${d} ${MONTHS_LONG[m - 1]} ${y}`),
  ([y, m, d]) => s(`${d} ${MONTHS_SHORT[m - 1]} ${y}`),
  ([y, m, d]) => s(`${y}-${pad(m)}-${pad(d)}T00:00:00`),
];

interface Person {
  readonly name: string;
  readonly gender: "L" | "P";
  readonly birth: Ymd;
  readonly start: Ymd;
  readonly end: Ymd | null;
  readonly status: string;
  readonly unit: string;
}

const FIRST = ["Budi", "Siti", "Andi", "Dewi", "Rina", "Agus", "Wahyu", "Nur", "Eko", "Sri", "Yusuf", "Maya"];
const LAST = ["Santoso", "Aminah", "Saputra", "Lestari", "Hidayat", "Pratama", "Wati", "Kurnia", "Putri", "Salim"];
const STATUSES = ["", "Honorer", "GTT", "PTT", "THL", "R2", "R3", "R4", "PNS", "PPPK", "P3K PW", "CPNS"];
const UNITS = ["Sekretariat", "Bidang Persampahan", "UPTD TPA Manggar", "Puskesmas Sepinggan"];

const ymd = (from: number, to: number): fc.Arbitrary<Ymd> =>
  fc.tuple(fc.integer({ min: from, max: to }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }));

const personArb: fc.Arbitrary<Omit<Person, "name">> = fc.record({
  gender: fc.constantFrom<"L" | "P">("L", "P"),
  birth: ymd(1966, 2005),
  start: ymd(2005, 2025),
  end: fc.option(ymd(2024, 2027), { nil: null }),
  status: fc.constantFrom(...STATUSES),
  unit: fc.constantFrom(...UNITS),
});

/** 1 to 12 people with distinct names (the i-th first name, a last name). */
const peopleArb: fc.Arbitrary<Person[]> = fc
  .array(fc.tuple(personArb, fc.constantFrom(...LAST)), { minLength: 1, maxLength: 12 })
  .map((list) => list.map(([p, last], i) => ({ ...p, name: `${FIRST[i % FIRST.length]} ${last} ${i + 1}` })));

const HEADER: CellRow = [
  "NO",
  "NAMA",
  "NIK",
  "NIP",
  "TANGGAL LAHIR",
  "L/P",
  "STATUS",
  "TMT",
  "TANGGAL AKHIR",
  "UNIT KERJA",
].map(s);
const isAsn = (status: string): boolean => ["PNS", "PPPK", "P3K PW", "CPNS"].includes(status);

function nipOf(p: Person, i: number): string {
  return isAsn(p.status) && p.status !== "PPPK" && p.status !== "P3K PW"
    ? makeNip(p.birth, [p.start[0], p.start[1]], p.gender, i + 1)
    : "";
}

function personRow(p: Person, i: number, dateForm: (d: Ymd) => Cell = realDate): CellRow {
  return [
    n(i + 1),
    s(p.name),
    s(makeNik(p.birth, p.gender, i + 1)),
    nipOf(p, i) === "" ? null : s(nipOf(p, i)),
    dateForm(p.birth),
    s(p.gender),
    p.status === "" ? null : s(p.status),
    dateForm(p.start),
    p.end === null ? null : dateForm(p.end),
    s(p.unit),
  ];
}

const TITLE: readonly CellRow[] = [[s("DAFTAR TENAGA NON ASN")], [s("DINAS LINGKUNGAN HIDUP KOTA BALIKPAPAN")], []];
const SIGNATURE: readonly CellRow[] = [
  [],
  [null, null, null, null, null, null, null, null, s("Balikpapan, 1 Desember 2025")],
  [null, null, null, null, null, null, null, null, s("Kepala Dinas")],
];

function personnel(rows: readonly CellRow[], title: readonly CellRow[] = TITLE): SheetGrid {
  return { name: "Data", rows: [...title, HEADER, ...rows, ...SIGNATURE] };
}

const check = (sheets: readonly SheetGrid[]): WorkbookResult => checkWorkbook(sheets, DEFAULT_POLICY, "opd.xlsx");

/** Each person's result without where it stands: keyed by NIK, issues as code and column. */
function byPerson(result: WorkbookResult): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const sheet of result.sheets)
    for (const row of sheet.rows) {
      if (!isPersonRow(row)) continue;
      const { row: _row, issues, ...rest } = row as PersonRow;
      out[row.nik ?? `?${row.name}`] = {
        ...rest,
        issues: issues.map((i) => `${i.code}@${i.column ?? ""}`).sort(),
      };
    }
  return out;
}

const RUNS = { numRuns: 60 };

describe("metamorphic properties of the personnel check", () => {
  test("a date written in any supported text form gives the same result as the real date", () => {
    fc.assert(
      fc.property(
        peopleArb,
        fc.array(fc.integer({ min: 0, max: DATE_FORMS.length - 1 }), { minLength: 12, maxLength: 12 }),
        (people, forms) => {
          const real = check([personnel(people.map((p, i) => personRow(p, i)))]);
          const written = check([personnel(people.map((p, i) => personRow(p, i, DATE_FORMS[forms[i]])))]);
          expect(byPerson(written)).toEqual(byPerson(real));
        },
      ),
      RUNS,
    );
  });

  test("moving the table down under more title rows changes only row numbers", () => {
    fc.assert(
      fc.property(peopleArb, fc.integer({ min: 0, max: 20 }), (people, extra) => {
        const rows = people.map((p, i) => personRow(p, i));
        const base = check([personnel(rows)]);
        const title = [
          ...TITLE.slice(0, 2),
          ...Array.from({ length: extra }, (_, k): CellRow => (k % 3 === 0 ? [s(`Nomor: 800/${k}/2025`)] : [])),
          [],
        ];
        const moved = check([personnel(rows, title)]);
        expect(byPerson(moved)).toEqual(byPerson(base));
        const shift = title.length - TITLE.length;
        const firstRows = (r: WorkbookResult): number[] => r.sheets[0].rows.map((x) => x.row);
        expect(firstRows(moved)).toEqual(firstRows(base).map((x) => x + shift));
      }),
      RUNS,
    );
  });

  test("inserting section rows and blank rows anywhere, and a total row at the end, changes no person's result", () => {
    const insertion = fc.constantFrom<CellRow>(
      [],
      [s("SEKRETARIAT")],
      [s("A"), s("BIDANG PERSAMPAHAN")],
      [s("II."), s("UPTD TPA MANGGAR")],
      [null, null, null, null, null, null, null, null, null, s("Bidang Kebersihan")],
    );
    fc.assert(
      fc.property(
        peopleArb,
        fc.array(fc.tuple(fc.nat(), insertion), { maxLength: 6 }),
        fc.boolean(),
        (people, inserts, total) => {
          const rows = people.map((p, i) => personRow(p, i));
          const base = check([personnel(rows)]);
          const changed = [...rows];
          for (const [at, row] of inserts) changed.splice(at % (changed.length + 1), 0, row);
          if (total) changed.push([s("JUMLAH"), s(`${people.length} orang`)]);
          const after = check([personnel(changed)]);
          expect(byPerson(after)).toEqual(byPerson(base));
          expect(after.summary.people).toBe(people.length);
        },
      ),
      RUNS,
    );
  });
});

// ---- training ---------------------------------------------------------------------------

interface Trainee {
  readonly name: string;
  readonly nip: string;
  readonly nik: string;
}

const TRAINEES: readonly Trainee[] = [
  { name: "Dian Puspita, S.Sos", nip: makeNip([1984, 6, 21], [2010, 3], "P", 9), nik: makeNik([1984, 6, 21], "P", 61) },
  { name: "Ahmad Fauzi, S.Kep", nip: makeNip([1981, 5, 9], [1999, 12], "L", 1), nik: makeNik([1981, 5, 9], "L", 62) },
  { name: "Ratna Dewi", nip: makeNip([1979, 11, 20], [2005, 1], "P", 3), nik: makeNik([1979, 11, 20], "P", 63) },
];

const PNS_SHEET: SheetGrid = {
  name: "PNS",
  rows: [
    ["NO", "NAMA", "NIP", "NIK", "STATUS", "TMT"].map(s),
    ...TRAINEES.map((t, i): CellRow => [n(i + 1), s(t.name), s(t.nip), s(t.nik), s("PNS"), s("01-03-2010")]),
  ],
};

interface Lesson {
  readonly who: number;
  readonly title: string;
  readonly day: Ymd;
  readonly jp: number;
}

const lessonsArb: fc.Arbitrary<Lesson[]> = fc
  .array(
    fc.record({
      who: fc.integer({ min: 0, max: TRAINEES.length - 1 }),
      day: ymd(2024, 2025),
      jp: fc.integer({ min: 1, max: 16 }),
    }),
    { minLength: 1, maxLength: 15 },
  )
  .map((list) => list.map((l, i) => ({ ...l, title: `Pelatihan ${i + 1}` })));

type Key = "nip" | "nik" | "name" | "name-upper" | "name-bare";

function lessonRow(l: Lesson, i: number, key: Key): CellRow {
  const t = TRAINEES[l.who];
  const name =
    key === "name"
      ? t.name
      : key === "name-upper"
        ? t.name.toUpperCase()
        : key === "name-bare"
          ? t.name.split(",")[0]
          : "";
  return [
    n(i + 1),
    name === "" ? null : s(name),
    key === "nip" ? s(t.nip) : null,
    key === "nik" ? s(t.nik) : null,
    s(l.title),
    realDate(l.day),
    n(l.jp),
  ];
}

function trainingSheet(rows: readonly CellRow[]): SheetGrid {
  return { name: "Diklat", rows: [["NO", "NAMA", "NIP", "NIK", "NAMA PELATIHAN", "TANGGAL", "JP"].map(s), ...rows] };
}

/** Tallies without where their rows are. */
const tallies = (r: WorkbookResult): unknown[] =>
  r.training
    .map((t) => ({ person: t.person, status: t.status, year: t.year, jp: t.jp, verdict: t.verdict }))
    .sort((a, b) => (a.person < b.person ? -1 : a.person > b.person ? 1 : a.year - b.year));

describe("metamorphic properties of the JP tally", () => {
  test("shuffling training rows changes no tally", () => {
    fc.assert(
      fc.property(lessonsArb, fc.func(fc.integer()), (lessons, order) => {
        const rows = lessons.map((l, i) => lessonRow(l, i, "nip"));
        const shuffled = rows
          .map((r, i) => ({ r, k: order(i) }))
          .sort((a, b) => a.k - b.k)
          .map((x) => x.r);
        expect(tallies(check([PNS_SHEET, trainingSheet(shuffled)]))).toEqual(
          tallies(check([PNS_SHEET, trainingSheet(rows)])),
        );
      }),
      RUNS,
    );
  });

  test("splitting a person's training rows between NIP, NIK and name keys gives the same tally", () => {
    const keyArb = fc.constantFrom<Key>("nip", "nik", "name", "name-upper", "name-bare");
    fc.assert(
      fc.property(lessonsArb, fc.array(keyArb, { minLength: 15, maxLength: 15 }), (lessons, keys) => {
        const byNip = check([PNS_SHEET, trainingSheet(lessons.map((l, i) => lessonRow(l, i, "nip")))]);
        const mixed = check([PNS_SHEET, trainingSheet(lessons.map((l, i) => lessonRow(l, i, keys[i])))]);
        expect(tallies(mixed)).toEqual(tallies(byNip));
      }),
      RUNS,
    );
  });
});
