import { lookUpPerson, noPeople, rememberPerson } from "../../../src/core/rules/people";

describe("people known from personnel sheets", () => {
  const people = noPeople();
  const budi = { name: "Drs. Budi Santoso, M.Pd.", status: "pns" as const };
  const ani = { name: "Ani", status: "non-asn" as const };
  rememberPerson(people, { nip: "197001012000031001", nik: null, name: budi.name }, budi);
  rememberPerson(people, { nip: null, nik: "6471055203900002", name: "Ani" }, ani);
  const budiKnown = { ...budi, key: "197001012000031001" };
  const aniKnown = { ...ani, key: "6471055203900002" };

  test("found by NIP, NIK, or the name without titles and degrees; one key per person", () => {
    expect(lookUpPerson(people, { nip: "197001012000031001", nik: null, name: null })).toEqual({ person: budiKnown });
    expect(lookUpPerson(people, { nip: null, nik: "6471055203900002", name: null })).toEqual({ person: aniKnown });
    expect(lookUpPerson(people, { nip: null, nik: null, name: "budi  santoso" })).toEqual({ person: budiKnown });
  });

  test("the NIP is tried first", () => {
    expect(lookUpPerson(people, { nip: "197001012000031001", nik: "6471055203900002", name: null })).toEqual({
      person: budiKnown,
    });
  });

  test("unknown keys give no person", () => {
    expect(lookUpPerson(people, { nip: "199001012020121001", nik: null, name: "Citra" })).toEqual({
      person: null,
      sameName: 0,
    });
    expect(lookUpPerson(people, { nip: null, nik: null, name: null })).toEqual({ person: null, sameName: 0 });
  });

  // Issue 7, case 5: a PNS known only by name took the status of an unrelated honorer of the same name.
  test("a name two people share matches neither; the same person on two rows is still one", () => {
    const two = noPeople();
    rememberPerson(
      two,
      { nip: "198504042009042005", nik: null, name: "Siti Aminah" },
      { name: "Siti Aminah", status: "pns" },
    );
    rememberPerson(
      two,
      { nip: null, nik: "6471015909950032", name: "Siti Aminah, S.Pd." },
      { name: "Siti Aminah, S.Pd.", status: "non-asn" },
    );
    expect(lookUpPerson(two, { nip: null, nik: null, name: "SITI AMINAH" })).toEqual({ person: null, sameName: 2 });
    const history = noPeople();
    for (let i = 0; i < 2; i++)
      rememberPerson(history, { nip: null, nik: "6471011203900051", name: "Andi" }, { name: "Andi", status: null });
    expect(lookUpPerson(history, { nip: null, nik: null, name: "andi" })).toEqual({
      person: { name: "Andi", status: null, key: "6471011203900051" },
    });
  });
});
